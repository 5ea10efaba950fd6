"""An in-memory rights repository (roster.adapters.rights_repository's interface) and a fake roster unit of work
holding it: the rules, candidates and access decisions as stated facts; the SQL is tested against PostgreSQL."""
from __future__ import annotations

import datetime as dt

from roster_fakes import FakeRosterUnitOfWork

from roster.adapters.rights_repository import Candidate, GuardianStanding
from roster.domain.rights import GuardianAccessEnds, RightsPassing


class FakeRights:
    def __init__(self) -> None:
        self.district_rules: dict[str, GuardianAccessEnds] = {}
        self.chosen_by: dict[str, str] = {}
        self.districts: set[str] = {"d1"}
        self.students: dict[str, Candidate] = {}                    # active students the rule may consider
        self.guardianships: dict[str, list[tuple[str, str, str]]] = {}   # student -> [(guardian, given, family)]
        self.passed: dict[str, RightsPassing] = {}
        self.access: dict[tuple[str, str], tuple[bool, str]] = {}   # (guardian, student) -> (granted, decided by)
        self.touched: set[tuple[str, str]] = set()                  # guardianships an import changed lately

    def rules(self) -> dict[str, GuardianAccessEnds]:
        return dict(self.district_rules)

    def rule_of(self, district_id: str) -> tuple[GuardianAccessEnds, str] | None:
        found = self.district_rules.get(district_id)
        return (found, self.chosen_by.get(district_id, "")) if found else None

    def set_rule(self, district_id: str, rule: GuardianAccessEnds, by: str) -> None:
        self.district_rules[district_id] = rule
        self.chosen_by[district_id] = by

    def is_district(self, district_id: str) -> bool:
        return district_id in self.districts

    def candidates(self) -> list[Candidate]:
        return [c for s, c in sorted(self.students.items()) if s not in self.passed]

    def record_passed(self, student_id: str, passing: RightsPassing) -> None:
        self.passed[student_id] = passing

    def passed_on(self, student_id: str) -> dt.date | None:
        return self.passed[student_id].on if student_id in self.passed else None

    def guardians(self, student_id: str) -> list[GuardianStanding]:
        return [GuardianStanding(g, given, family, self.access[(g, student_id)][0] if (g, student_id) in self.access
                                 else None) for g, given, family in self.guardianships.get(student_id, [])]

    def without_access(self, changed_since: dt.datetime | None = None) -> list[tuple[str, str]]:
        return [(g, s) for s in sorted(self.passed) for g, _, _ in self.guardianships.get(s, [])
                if not self.access.get((g, s), (False, ""))[0]
                and ((g, s) not in self.access or (changed_since is not None and (g, s) in self.touched))]

    def set_access(self, guardian_id: str, student_id: str, granted: bool, by: str) -> None:
        self.access[(guardian_id, student_id)] = (granted, by)


class FakeRightsUnitOfWork(FakeRosterUnitOfWork):
    stores = (*FakeRosterUnitOfWork.stores, "rights")

    def __init__(self, today: dt.date = dt.date(2026, 3, 1)) -> None:
        super().__init__(today)
        self.rights = FakeRights()
