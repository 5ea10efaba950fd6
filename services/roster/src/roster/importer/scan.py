"""Generic pass over one CSV file: header check, per-field validators, duplicate sourcedIds, progress."""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from roster.importer.catalog import Catalog
from roster.importer.problems import ProblemLog
from roster.importer.schema import FileSpec
from roster.importer.source import CsvFile
from roster.importer.staging import Staging

PROGRESS_EVERY = 5_000


class Progress(Protocol):
    """What the CLI (or anyone) implements to watch an import."""

    def file_started(self, name: str, total_bytes: int) -> None: ...
    def file_advanced(self, name: str, rows: int, bytes_read: int) -> None: ...
    def phase(self, description: str) -> None: ...


class NoProgress:
    def file_started(self, name: str, total_bytes: int) -> None: pass
    def file_advanced(self, name: str, rows: int, bytes_read: int) -> None: pass
    def phase(self, description: str) -> None: pass


@dataclass
class ScanContext:
    """State shared by the file handlers of one import."""

    problems: ProblemLog
    catalog: Catalog
    staging: Staging | None
    progress: Progress = field(default_factory=NoProgress)
    file: str = ""
    rows_read: dict[str, int] = field(default_factory=dict)
    skipped: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def problem(self, line: int, column: str, reason: str) -> None:
        self.problems.add(self.file, line, column, reason)

    def stage(self, table: str, row: tuple) -> None:
        """Stage a row while the import is still clean; once a problem is known we only validate."""
        if self.staging is not None and not self.problems:
            self.staging.add(table, row)


Row = dict[str, str]
Handler = Callable[[ScanContext, int, Row, bool], None]


def scan_file(ctx: ScanContext, spec: FileSpec, csv_file: CsvFile, handle: Handler) -> None:
    """Validate every record of ``csv_file`` and pass it to ``handle(ctx, line, row, valid)``."""
    ctx.file = spec.name
    ctx.progress.file_started(spec.name, csv_file.size)
    index = {name: i for i, name in enumerate(csv_file.header)}
    missing = [name for name in spec.required if name not in index]
    for name in missing:
        ctx.problem(1, name, "required column is missing from the header")
    if missing:
        return
    columns = [(c.name, index[c.name], c.required, c.check) for c in spec.columns if c.name in index]
    width = len(csv_file.header)
    first_line: dict[str, int] = {}
    rows = 0
    try:
        for record in csv_file.records():
            rows += 1
            if rows % PROGRESS_EVERY == 0:
                ctx.progress.file_advanced(spec.name, rows, csv_file.bytes_read)
            values = record.values
            if len(values) != width:
                ctx.problem(record.line, "", f"expected {width} fields as in the header, found {len(values)}")
                continue
            row: Row = {}
            valid = True
            for name, i, required, check in columns:
                value = values[i].strip()
                row[name] = value
                if not value:
                    if required:
                        ctx.problem(record.line, name, "required value is empty")
                        valid = False
                elif check is not None:
                    reason = check(value)
                    if reason:
                        ctx.problem(record.line, name, reason)
                        valid = False
            sourced_id = row["sourcedId"]
            if sourced_id:
                first = first_line.setdefault(sourced_id, record.line)
                if first != record.line:
                    ctx.problem(record.line, "sourcedId", f"duplicate sourcedId {sourced_id!r} (first on line {first})")
                    valid = False
            handle(ctx, record.line, row, valid)
    except csv.Error as error:
        ctx.problem(csv_file.line_num, "", f"malformed CSV: {error}; the rest of the file was not read")
    except UnicodeDecodeError:
        ctx.problem(csv_file.line_num + 1, "", "not valid UTF-8; the rest of the file was not read")
    ctx.rows_read[spec.name] = rows
    ctx.progress.file_advanced(spec.name, rows, csv_file.size)
