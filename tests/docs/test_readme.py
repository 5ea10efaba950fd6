"""The README stays true: its env-var table is the generated one, every CLI command is documented, and the quick
start is exactly two commands."""
import pathlib
import re
import sys

import click
import typer.main

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import envdoc  # noqa: E402

README = (ROOT / "README.md").read_text()


def test_environment_table_is_the_generated_one():
    assert envdoc.readme_table(README) == envdoc.markdown(), "run: .venv/bin/python scripts/envdoc.py --write-readme"


def _command_paths(command: click.Command, prefix: str = "skillfolio") -> list[str]:
    if isinstance(command, click.Group):
        return [path for name, sub in command.commands.items() for path in _command_paths(sub, f"{prefix} {name}")]
    return [prefix]


def test_every_cli_command_is_documented():
    from skillfolio_cli.main import app
    paths = _command_paths(typer.main.get_command(app))
    assert len(paths) >= 10
    missing = [path for path in paths if f"`{path}" not in README]
    assert not missing, f"README lacks CLI commands: {missing}"


def test_quick_start_is_exactly_two_commands():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]
    assert commands == ["make up", "make test"]
