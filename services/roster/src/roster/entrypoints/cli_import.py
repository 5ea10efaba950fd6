"""`skillfolio roster import PATH` and `skillfolio roster generate`: OneRoster 1.2 bulk CSV (folder or zip)."""
from __future__ import annotations

import datetime as dt
import pathlib

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from chassis.config import PlatformSettings, service_settings
from chassis.db import make_engine
from chassis.errors import DomainError
from chassis.logs import configure_logging
from roster.domain.mass_change import CONFIRM_FLAG, Deactivation
from roster.entrypoints import cli_rights
from roster.importer import Guard, ImportRejected, ImportReport, MassDeactivationRefused, import_roster
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


def _deactivations_table(deactivations: list[Deactivation], over: list[Deactivation], done: bool = False) -> Table:
    table = Table(title="deactivated" if done else "would deactivate")
    for column in ("table", "active before", "deactivated" if done else "to deactivate", "share"):
        table.add_column(column, justify="left" if column == "table" else "right")
    beyond = {d.table for d in over}
    for d in deactivations:
        mark = " (over the limit)" if d.table in beyond else ""
        table.add_row(d.table, f"{d.active:,}", f"{d.deactivating:,}", f"{d.share:.0%}{mark}")
    return table


def import_command(
        path: pathlib.Path = typer.Argument(..., help="A folder or .zip holding manifest.csv and the OneRoster files."),
        progress: bool = typer.Option(True, help="Show a progress bar (on stderr)."),
        max_problems: int = typer.Option(200, help="Problems to print when the import is rejected."),
        allow_mass_deactivation: bool = typer.Option(
            False, CONFIRM_FLAG, help="Apply even when the set would deactivate more than "
                                      "ROSTER_IMPORT_MAX_DEACTIVATE_SHARE of the active people, sections or "
                                      "enrollments (a bulk set is the whole district)."),
        dry_run: bool = typer.Option(False, "--dry-run", help="Validate and compare only: show what would change "
                                                              "and be deactivated; write nothing."),
) -> None:
    """Validate a OneRoster 1.2 bulk set and apply it to the roster database: all of it, or nothing."""
    platform = PlatformSettings()
    guard = Guard.from_settings(confirmed=allow_mass_deactivation)
    configure_logging("roster-import", platform.log_level, platform.log_format)
    engine = make_engine(service_settings("roster").database_url)
    started = dt.datetime.now(dt.UTC)
    try:
        if progress:
            columns = (TextColumn("{task.description:<22}"), BarColumn(), TextColumn("{task.fields[rows]:>9,} rows"),
                       TimeElapsedColumn())
            with Progress(*columns, console=err, transient=False) as bar:
                report = import_roster(path, engine, RichProgress(bar), guard=guard, dry_run=dry_run)
        else:
            report = import_roster(path, engine, guard=guard, dry_run=dry_run)
    except ImportRejected as rejected:
        for problem in rejected.import_problems[:max_problems]:
            out.print(str(problem), markup=False, highlight=False, soft_wrap=True)
        shown = min(max_problems, len(rejected.import_problems))
        err.print(f"[red]import rejected[/red]: {rejected.total} problem(s) ({shown} shown); nothing was written")
        raise typer.Exit(1) from rejected
    except MassDeactivationRefused as refused:
        out.print(_deactivations_table(refused.deactivations, refused.over))
        err.print(f"[red]{escape(refused.message)}[/red]", markup=True, highlight=False, soft_wrap=True)
        raise typer.Exit(3) from refused
    except DomainError as error:
        err.print(f"[red]import failed[/red]: {error.message}", markup=True, highlight=False)
        raise typer.Exit(2) from error
    finally:
        engine.dispose()
    out.print(_changes_table(report))
    out.print(_deactivations_table(report.deactivations, report.over_limit, done=not dry_run))
    if dry_run and report.over_limit:
        out.print(f"note: applying this set would be refused without {CONFIRM_FLAG} (over "
                  f"{guard.max_share:.0%}: {', '.join(d.table for d in report.over_limit)})")
    if report.transfers:
        out.print(f"students transferred: {report.transfers}")
    if report.status == "applied":
        out.print(cli_rights.apply_after_import(started))
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
