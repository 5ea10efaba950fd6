"""`skillfolio events`: replay outbox events and inspect or requeue dead-lettered messages (owned by messaging)."""
from __future__ import annotations

import typer

app = typer.Typer(no_args_is_help=True)
