"""The mass-change guard of a bulk roster import: an import that would deactivate more than a configured share of
the active people, sections or enrollments is refused, with the counts, unless the operator confirms it."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.errors import Conflict, FieldProblem

GUARDED = ("people", "sections", "enrollments")
CONFIRM_FLAG = "--allow-mass-deactivation"


@dataclass(frozen=True)
class Deactivation:
    """How many of a table's active rows (before the import) the import would deactivate."""

    table: str
    active: int
    deactivating: int

    @property
    def share(self) -> float:
        return self.deactivating / self.active if self.active else 0.0

    def __str__(self) -> str:
        return f"{self.table}: {self.deactivating:,} of {self.active:,} active ({self.share:.0%})"


def over_limit(deactivations: list[Deactivation], max_share: float) -> list[Deactivation]:
    """The guarded tables whose deactivated share exceeds ``max_share`` (0.1 = 10%)."""
    return [d for d in deactivations if d.table in GUARDED and d.deactivating and d.share > max_share]


class MassDeactivationRefused(Conflict):
    """Nothing was written: the import would deactivate more than ``max_share`` of these tables' active rows."""

    def __init__(self, over: list[Deactivation], max_share: float, deactivations: list[Deactivation]) -> None:
        counts = "; ".join(str(d) for d in over)
        super().__init__(f"roster import refused: it would deactivate {counts}, more than the "
                         f"{max_share:.0%} allowed (ROSTER_IMPORT_MAX_DEACTIVATE_SHARE); nothing was written. "
                         f"A bulk set is the whole district: check it, then confirm with {CONFIRM_FLAG}",
                         [FieldProblem(field=d.table, reason=str(d)) for d in over])
        self.over = over
        self.max_share = max_share
        self.deactivations = deactivations


def check(deactivations: list[Deactivation], max_share: float, confirmed: bool) -> None:
    """Raise MassDeactivationRefused when a guarded table is over the limit and the operator did not confirm."""
    over = over_limit(deactivations, max_share)
    if over and not confirmed:
        raise MassDeactivationRefused(over, max_share, deactivations)
