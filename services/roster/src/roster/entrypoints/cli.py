"""`skillfolio roster ...`: OneRoster import and password management."""
from __future__ import annotations

import typer

app = typer.Typer(no_args_is_help=True)
