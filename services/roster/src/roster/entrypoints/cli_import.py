"""`skillfolio roster import PATH` and `skillfolio roster generate`: OneRoster 1.2 bulk CSV (folder or zip)."""
from __future__ import annotations

import pathlib

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from chassis.config import PlatformSettings, service_settings
from chassis.db import make_engine
from chassis.errors import DomainError
from chassis.logs import configure_logging
from roster.importer import ImportRejected, ImportReport, import_roster
from roster.importer.synthetic import DistrictSpec, generate_district

out = Console()
err = Console(stderr=True)


class RichProgress:
    """Rows per file as they stream, then the apply phases (implements roster.importer.scan.Progress)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, TaskID] = {}
        self.phase_task: TaskID | None = None

    def file_started(self, name: str, total_bytes: int) -> None:
        self.tasks[name] = self.progress.add_task(name, total=max(total_bytes, 1), rows=0)

    def file_advanced(self, name: str, rows: int, bytes_read: int) -> None:
        self.progress.update(self.tasks[name], completed=bytes_read, rows=rows)

    def phase(self, description: str) -> None:
        if self.phase_task is not None:
            self.progress.update(self.phase_task, completed=1, total=1)
        self.phase_task = self.progress.add_task(description, total=None, rows=0)


def _changes_table(report: ImportReport) -> Table:
    table = Table(title=f"roster import: {report.status} in {report.seconds:.1f}s ({report.events} events)")
    for column in ("table", "added", "updated", "removed"):
        table.add_column(column, justify="left" if column == "table" else "right")
    for name, counts in report.changes.items():
        table.add_row(name, *(str(counts[c]) for c in ("added", "updated", "removed")))
    return table


def import_command(
        path: pathlib.Path = typer.Argument(..., help="A folder or .zip holding manifest.csv and the OneRoster files."),
        progress: bool = typer.Option(True, help="Show a progress bar (on stderr)."),
        max_problems: int = typer.Option(200, help="Problems to print when the import is rejected."),
) -> None:
    """Validate a OneRoster 1.2 bulk set and apply it to the roster database: all of it, or nothing."""
    platform = PlatformSettings()
    configure_logging("roster-import", platform.log_level, platform.log_format)
    engine = make_engine(service_settings("roster").database_url)
    try:
        if progress:
            columns = (TextColumn("{task.description:<22}"), BarColumn(), TextColumn("{task.fields[rows]:>9,} rows"),
                       TimeElapsedColumn())
            with Progress(*columns, console=err, transient=False) as bar:
                report = import_roster(path, engine, RichProgress(bar))
        else:
            report = import_roster(path, engine)
    except ImportRejected as rejected:
        for problem in rejected.import_problems[:max_problems]:
            out.print(str(problem), markup=False, highlight=False, soft_wrap=True)
        shown = min(max_problems, len(rejected.import_problems))
        err.print(f"[red]import rejected[/red]: {rejected.total} problem(s) ({shown} shown); nothing was written")
        raise typer.Exit(1)
    except DomainError as error:
        err.print(f"[red]import failed[/red]: {error.message}", markup=True, highlight=False)
        raise typer.Exit(2)
    finally:
        engine.dispose()
    out.print(_changes_table(report))
    if report.transfers:
        out.print(f"students transferred: {report.transfers}")
    for what, count in sorted(report.skipped.items()):
        out.print(f"not imported: {count} record(s) with {what}")
    for note in report.notes:
        out.print(f"note: {note}")


def generate_command(
        out_dir: pathlib.Path = typer.Argument(..., help="Folder to write manifest.csv and the OneRoster files into."),
        students: int = typer.Option(..., min=1, help="Number of students."),
        schools: int = typer.Option(0, min=0, help="Number of schools (default: one per 640 students)."),
        teachers: int = typer.Option(0, min=0, help="Number of teachers (default: one per 16 students)."),
        seed: int = typer.Option(1, help="Random seed: the same seed writes the same files."),
) -> None:
    """Write a realistic synthetic OneRoster 1.2 bulk set (for demos and benchmarks)."""
    counts = generate_district(out_dir, DistrictSpec(students=students, schools=schools, teachers=teachers, seed=seed))
    table = Table(title=f"synthetic district in {out_dir}")
    table.add_column("file")
    table.add_column("rows", justify="right")
    for name, rows in counts.items():
        table.add_row(name, f"{rows:,}")
    out.print(table)


def register(app: typer.Typer) -> None:
    """Mounts `import` and `generate` on the `skillfolio roster` app."""
    app.command("import")(import_command)
    app.command("generate")(generate_command)
