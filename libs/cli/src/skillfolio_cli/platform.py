"""`skillfolio up` and `skillfolio seed`: the embedded default on one machine, with a seeded demo district."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Mounts `up` and `seed` (owned by the gateway/platform work)."""
