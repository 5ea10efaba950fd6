"""`skillfolio roster set-password USERNAME`: set a local account's password, read from stdin."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Mounts the account commands (owned by the roster service work)."""
