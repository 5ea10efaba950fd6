"""Import problems (file, line, column, reason), a capped collector, and the rejection error they raise."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.errors import FieldProblem, InvalidArgument

KEPT_PROBLEMS = 1000   # problems kept in memory (and returned); the total is always counted


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with the input; ``line`` is where the record starts (the header is line 1)."""

    file: str
    line: int
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")
        return f"{where}: {self.reason}"

    def as_field_problem(self) -> FieldProblem:
        return FieldProblem(field=f"{self.file}:{self.line}:{self.column}", reason=self.reason)


class ProblemLog:
    """Collects every problem of an import; keeps the first ``keep`` and counts them all."""

    def __init__(self, keep: int = KEPT_PROBLEMS) -> None:
        self.keep = keep
        self.kept: list[ImportProblem] = []
        self.total = 0

    def add(self, file: str, line: int, column: str, reason: str) -> None:
        self.total += 1
        if len(self.kept) < self.keep:
            self.kept.append(ImportProblem(file, line, column, reason))

    def __bool__(self) -> bool:
        return self.total > 0


class ImportRejected(InvalidArgument):
    """The import wrote nothing because the input has problems; ``problems`` are FieldProblems
    (``field="users.csv:17:givenName"``), ``import_problems`` the structured ones, ``total`` their full count."""

    def __init__(self, log: ProblemLog, file_order: tuple[str, ...] = ()) -> None:
        rank = {name: i for i, name in enumerate(file_order)}
        log.kept.sort(key=lambda p: (rank.get(p.file, len(rank)), p.line))   # stable: same line keeps its order
        shown = "; ".join(str(p) for p in log.kept[:3])
        more = f" (and {log.total - 3} more)" if log.total > 3 else ""
        super().__init__(f"roster import rejected: {log.total} problem(s): {shown}{more}",
                         [p.as_field_problem() for p in log.kept])
        self.import_problems = list(log.kept)
        self.total = log.total


class SourceError(InvalidArgument):
    """The import source itself is unusable (not a folder or zip, no manifest, delta mode...)."""
