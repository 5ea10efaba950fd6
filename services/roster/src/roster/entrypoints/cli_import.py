"""`skillfolio roster import PATH` and `skillfolio roster generate`: OneRoster 1.2 bulk CSV (folder or zip)."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Mounts the import commands (owned by the import work)."""
