"""`skillfolio roster ...`: OneRoster import, synthetic district generation and password management."""
from __future__ import annotations

import typer

from roster.entrypoints import cli_accounts, cli_import

app = typer.Typer(no_args_is_help=True)
cli_import.register(app)
cli_accounts.register(app)
