"""`skillfolio skills load FILE` and `skillfolio skills seed-demo`: a district's skills file, all or nothing."""
from __future__ import annotations

import pathlib

import typer
from rich.console import Console

from chassis.config import PlatformSettings, service_settings
from chassis.errors import DomainError
from chassis.logs import configure_logging
from chassis.migrations import upgrade
from skills.bootstrap import build
from skills.config import SkillsOptions
from skills.demo import DEMO_FILE
from skills.domain.access import Viewer
from skills.migrations import MIGRATIONS_DIR
from skills.service_layer.loader import LoadReport, load_document, load_file, parse_file

app = typer.Typer(no_args_is_help=True)
out = Console()
err = Console(stderr=True)
OPERATOR = Viewer.of("service:skills-cli", ["service"])


def _run(load) -> LoadReport:
    platform = PlatformSettings()
    configure_logging("skills-load", platform.log_level, platform.log_format)
    skills_app = build(service_settings("skills"))
    try:
        report = load(skills_app)
    except DomainError as error:
        for problem in error.problems:
            out.print(f"{problem.field}: {problem.reason}", markup=False, highlight=False, soft_wrap=True)
        err.print(f"load rejected: {error.message}", markup=False, highlight=False)
        raise typer.Exit(1) from error
    finally:
        skills_app.close()
    out.print(f"district {report.district_id}: {report.skills} skills, {report.scales} scales, {report.rubrics} "
              f"rubrics; {report.events} change(s)", markup=False, highlight=False)
    return report


@app.command("load")
def load_command(path: pathlib.Path = typer.Argument(..., exists=True, dir_okay=False, readable=True,
                                                     help="A .yaml/.yml or .json skills file.")) -> None:
    """Validate a district's frameworks, bands, skills, scales and rubrics and apply all of it, or nothing."""
    _run(lambda skills_app: load_file(skills_app.unit_of_work, OPERATOR, path))


@app.command("seed-demo")
def seed_demo_command() -> None:
    """Migrate the skills database and load the demo framework (five skills, a four-level scale, one rubric)."""
    upgrade(MIGRATIONS_DIR, service_settings("skills").database_url)
    district = SkillsOptions().demo_district_id
    raw = parse_file(DEMO_FILE)
    _run(lambda skills_app: load_document(skills_app.unit_of_work, OPERATOR, {**raw, "district": district},
                                          DEMO_FILE.name))
