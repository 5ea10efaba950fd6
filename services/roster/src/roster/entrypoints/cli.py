"""`skillfolio roster ...`: OneRoster import, synthetic district generation, password management, rights at 18,
privacy officers and erasure on request."""
from __future__ import annotations

import typer

from roster.entrypoints import cli_accounts, cli_erasure, cli_import, cli_rights

app = typer.Typer(no_args_is_help=True)
cli_import.register(app)
cli_accounts.register(app)
cli_rights.register(app)
cli_erasure.register(app)
