"""A fake roster unit of work: in-memory people, sections, directory, credentials and access facts with the real
repositories' interfaces, over the chassis fake's outbox and audit log lists. Relations beyond SELF and ANYONE
are stated facts (``facts.grant``): the SQL that establishes them is tested against PostgreSQL."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeVar

from chassis.paging import PageRequest, encode_token
from chassis.testing.fake_uow import FakeUnitOfWork
from roster.adapters.credentials_repository import Credential, normalise_username
from roster.domain.access import Relation, Target, TargetKind, Viewer
from roster.domain.model import Page, Person, School, SchoolYear, Section
from roster.service_layer.unit_of_work import PRODUCER, RosterUnitOfWork

T = TypeVar("T")


def keyset(items: Iterable[T], key: Callable[[T], tuple], page: PageRequest, fingerprint: str) -> Page[T]:
    """What adapters/keyset.py does in SQL: order by a unique key, resume after ``page.after``, one page."""
    ordered = sorted(items, key=key)
    if page.after is not None:
        ordered = [item for item in ordered if key(item) > tuple(page.after)]
    if len(ordered) <= page.size:
        return Page(ordered, "")
    return Page(ordered[:page.size], encode_token(key(ordered[page.size - 1]), fingerprint))


def by_name(person: Person) -> tuple:
    return person.family_name, person.given_name, person.id


class FakePeople:
    def __init__(self) -> None:
        self.rows: dict[str, Person] = {}
        self.teaching: dict[str, set[str]] = {}          # teacher -> students taught on any date asked
        self.section_rosters: dict[str, set[str]] = {}
        self.guardianships: set[tuple[str, str]] = set()  # (guardian, student)

    def add(self, *people: Person) -> None:
        self.rows.update({p.id: p for p in people})

    def get(self, person_id: str) -> Person | None:
        return self.rows.get(person_id)

    def find_by_username(self, username: str) -> list[Person]:
        wanted = username.strip().lower()
        return [p for p in self.rows.values() if p.username and p.username.lower() == wanted]

    def _page(self, ids: Iterable[str], page: PageRequest, fingerprint: str) -> Page[Person]:
        return keyset((self.rows[i] for i in set(ids) if i in self.rows), by_name, page, fingerprint)

    def filtered(self, page: PageRequest, fingerprint: str, school_ids: list[str] | None = None,
                 role: str = "", grade_level: str = "") -> Page[Person]:
        return self._page([p.id for p in self.rows.values()
                           if (school_ids is None or p.primary_school_id in school_ids)
                           and (not role or role in p.roles) and (not grade_level or p.grade_level == grade_level)],
                          page, fingerprint)

    def current_students(self, teacher_id: str, on: dt.date, page: PageRequest, fingerprint: str) -> Page[Person]:
        return self._page(self.teaching.get(teacher_id, set()), page, fingerprint)

    def section_students(self, section_id: str, on: dt.date, page: PageRequest, fingerprint: str) -> Page[Person]:
        return self._page(self.section_rosters.get(section_id, set()), page, fingerprint)

    def guardians(self, student_id: str, page: PageRequest, fingerprint: str) -> Page[Person]:
        return self._page([g for g, s in self.guardianships if s == student_id], page, fingerprint)

    def children(self, guardian_id: str, page: PageRequest, fingerprint: str) -> Page[Person]:
        return self._page([s for g, s in self.guardianships if g == guardian_id], page, fingerprint)


class FakeSections:
    def __init__(self) -> None:
        self.rows: dict[str, Section] = {}
        self.members: dict[str, set[tuple[str, str]]] = {}    # section -> {(person, role)}

    def get(self, section_id: str) -> Section | None:
        return self.rows.get(section_id)

    def filtered(self, page: PageRequest, fingerprint: str, school_ids: list[str] | None = None,
                 teacher_id: str = "", school_year_id: str = "", member_id: str = "") -> Page[Section]:
        def member(section: Section, person: str, role: str = "") -> bool:
            return any(p == person and (not role or r == role) for p, r in self.members.get(section.id, set()))
        found = [s for s in self.rows.values() if (school_ids is None or s.school_id in school_ids)
                 and (not school_year_id or s.school_year_id == school_year_id)
                 and (not teacher_id or member(s, teacher_id, "teacher")) and (not member_id or member(s, member_id))]
        return keyset(found, lambda s: (s.title, s.id), page, fingerprint)


class FakeDirectory:
    def __init__(self) -> None:
        self.school_rows: dict[str, School] = {}
        self.year_rows: dict[str, SchoolYear] = {}
        self.districts: dict[str, str] = {}                  # person -> district
        self.years_of: dict[str, list[str]] = {}             # district -> year ids

    def get_school(self, school_id: str) -> School | None:
        return self.school_rows.get(school_id)

    def schools(self, page: PageRequest, fingerprint: str, active_only: bool = False,
                district_id: str = "") -> Page[School]:
        found = [s for s in self.school_rows.values() if (s.active or not active_only)
                 and (not district_id or s.district_id == district_id)]
        return keyset(found, lambda s: (s.name, s.id), page, fingerprint)

    def school_years(self, page: PageRequest, fingerprint: str, active_only: bool = False) -> Page[SchoolYear]:
        found = [y for y in self.year_rows.values() if y.active or not active_only]
        return keyset(found, lambda y: (y.year, y.id), page, fingerprint)

    def district_of(self, person_id: str) -> str:
        return self.districts.get(person_id, "")

    def district_years(self, district_id: str) -> list[SchoolYear]:
        years = [self.year_rows[y] for y in self.years_of.get(district_id, []) if self.year_rows[y].active]
        return sorted(years, key=lambda y: (-y.start_date.toordinal(), y.id))


class FakeAccessFacts:
    """ANYONE and SELF as the real facts decide them; every other relation holds only where granted."""

    def __init__(self) -> None:
        self.granted: set[tuple[str, Relation, Target]] = set()

    def grant(self, viewer_id: str, relation: Relation, kind: TargetKind, target_id: str) -> None:
        self.granted.add((viewer_id, relation, Target(kind, target_id)))

    def holds(self, viewer: Viewer, relation: Relation, target: Target) -> bool:
        if relation is Relation.ANYONE:
            return True
        if relation is Relation.SELF:
            return target.kind is TargetKind.PERSON and target.id == viewer.subject
        return (viewer.subject, relation, target) in self.granted

    def administered_school_ids(self, person_id: str) -> list[str]:
        return sorted(t.id for p, r, t in self.granted
                      if p == person_id and r is Relation.IN_ADMINISTERED_SCHOOL and t.kind is TargetKind.SCHOOL)


class FakeCredentials:
    def __init__(self) -> None:
        self.rows: dict[str, Credential] = {}

    def by_username(self, username: str) -> Credential | None:
        return self.rows.get(normalise_username(username))

    def save(self, person_id: str, username: str, password_hash: str) -> None:
        self.rows[normalise_username(username)] = Credential(person_id, normalise_username(username), password_hash)

    def replace_hash(self, person_id: str, password_hash: str) -> None:
        for name, credential in list(self.rows.items()):
            if credential.person_id == person_id:
                self.rows[name] = Credential(person_id, name, password_hash)


class FakePrivacyOfficers:
    def __init__(self) -> None:
        self.rows: dict[str, tuple[str, str]] = {}          # person -> (granted by, reason)

    def holds(self, person_id: str) -> bool:
        return person_id in self.rows

    def grant(self, person_id: str, by: str, reason: str, at: dt.datetime) -> None:
        self.rows[person_id] = (by, reason)

    def revoke(self, person_id: str) -> None:
        self.rows.pop(person_id, None)


class FakeRosterUnitOfWork(FakeUnitOfWork, RosterUnitOfWork):
    stores = ("people", "sections", "directory", "facts", "credentials", "privacy_officers")
    producer = PRODUCER

    def __init__(self, today: dt.date = dt.date(2026, 11, 23)) -> None:
        super().__init__()
        self.today = today
        self.people, self.sections, self.directory = FakePeople(), FakeSections(), FakeDirectory()
        self.facts, self.credentials = FakeAccessFacts(), FakeCredentials()
        self.privacy_officers = FakePrivacyOfficers()
