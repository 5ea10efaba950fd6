"""What an import did: status, rows read per file, changes per table, events written, problems."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from roster.domain.mass_change import Deactivation
from roster.importer.problems import ImportProblem

PASSWORD_NOTE = "users.csv password column ignored: plaintext passwords are never imported"


@dataclass
class ImportReport:
    source: str
    status: str = "rejected"                       # applied | unchanged | rejected | refused | dry run
    rows_read: dict[str, int] = field(default_factory=dict)   # file -> records
    changes: dict[str, dict[str, int]] = field(default_factory=dict)  # table -> {added, updated, removed}
    deactivations: list[Deactivation] = field(default_factory=list)   # people, sections, enrollments
    over_limit: list[Deactivation] = field(default_factory=list)      # those beyond the mass-change guard
    events: int = 0
    transfers: int = 0
    skipped: Counter = field(default_factory=Counter)         # records whose role Skillfolio does not import
    notes: list[str] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    problem_total: int = 0
    seconds: float = 0.0
    run_id: int | None = None

    @property
    def changed(self) -> bool:
        return any(sum(c.values()) for c in self.changes.values())

    def summary(self) -> dict:
        """The JSON stored in import_runs.summary (no personal data: counts and reasons only)."""
        return {"status": self.status, "rows_read": self.rows_read, "changes": self.changes, "events": self.events,
                "deactivations": {d.table: {"active": d.active, "deactivating": d.deactivating}
                                  for d in self.deactivations},
                "over_limit": [d.table for d in self.over_limit],
                "transfers": self.transfers, "skipped": dict(self.skipped), "notes": self.notes,
                "problem_total": self.problem_total, "problems": [str(p) for p in self.problems[:200]],
                "seconds": round(self.seconds, 3)}

    def summary_json(self) -> str:
        return json.dumps(self.summary(), sort_keys=True)
