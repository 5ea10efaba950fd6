"""Authorization grids for matrix tests: one readable table per rule set (``grids/<name>.grid``), parsed into one
case per cell, so a service's matrix and the gateway's read the same answers from the same file."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Generic, TypeVar

C = TypeVar("C", bound="Cell")
T = TypeVar("T")


@dataclass(frozen=True)
class Cell:
    """One cell of a grid: someone in ``role`` (``a+b``: roles held together) and ``relationship`` to the subject
    tries ``action`` on ``target`` ("" for an action on no one artifact); ``allowed`` is the expected answer."""

    role: str
    relationship: str
    action: str
    target: str
    allowed: bool

    @property
    def roles(self) -> tuple[str, ...]:
        return tuple(self.role.split("+"))

    @property
    def id(self) -> str:
        return "/".join(p for p in (self.role, self.relationship, self.action, self.target) if p)


def parse(grid: str, cell_type: type[C] = Cell) -> list[C]:
    """The grid as cells, one per (row, action, target). Lines starting with ``#`` are comments; the first two
    others head the columns (actions, then the targets under each); each row after is ``role relationship |``
    followed by one Y/N per target of each action."""
    header, targets, *rows = [line for line in grid.strip().splitlines() if line.strip() and
                              not line.lstrip().startswith("#")]
    actions = [cell.strip() for cell in header.split("|")[1:]]
    columns = [cell.split() or [""] for cell in targets.split("|")[1:]]
    cells = []
    for row in rows:
        who, *marks_by_action = row.split("|")
        role, relationship = who.split()
        for action, letters, cell in zip(actions, columns, marks_by_action, strict=True):
            marks = cell.split()
            assert len(marks) == len(letters) and set(marks) <= {"Y", "N"}, f"bad cell in row {row!r}"
            cells += [cell_type(role, relationship, action, t, m == "Y") for t, m in zip(letters, marks)]
    return cells


def text(name: str) -> str:
    """The grid file ``grids/<name>.grid`` shipped with the chassis."""
    return resources.files("chassis.testing").joinpath("grids", f"{name}.grid").read_text()


def load(name: str, cell_type: type[C] = Cell) -> list[C]:
    return parse(text(name), cell_type)


class TargetPool(Generic[T]):
    """Targets for the next case: a set a case left as it was (it only read, or was refused) serves the next case of
    the same kind too, so only allowed changes cost new targets. A failing case gives nothing back."""

    def __init__(self, make: Callable[[bool], T]) -> None:
        self.make, self.spare = make, {}

    def take(self, kind: bool) -> T:
        return self.spare.pop(kind, None) or self.make(kind)

    def give_back(self, kind: bool, targets: T) -> None:
        self.spare[kind] = targets
