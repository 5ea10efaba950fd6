"""SIGTERM (what Ctrl-C or a service manager sends) stops every child gracefully and `skillfolio up` exits 0.

Runs after the other e2e modules (file order) because it stops the shared platform; alone, it starts its own.
"""
from __future__ import annotations

import os
import re

import pytest
from e2e_platform import stop

from skillfolio_cli.platform import PROCESSES

pytestmark = [pytest.mark.e2e, pytest.mark.integration]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_sigterm_stops_every_child_gracefully(platform):
    names = "|".join(process.name for process in PROCESSES)
    pids = {name: int(pid) for name, pid in re.findall(rf"({names})\s+started \(pid=(\d+)\)", platform.log())}
    assert set(pids) == {process.name for process in PROCESSES}     # artifacts-media among them
    assert stop(platform) == 0
    assert not [name for name, pid in pids.items() if _alive(pid)]
    log = platform.log()
    assert "SIGKILL" not in log     # each child stopped within the supervisor's bound (supervisor.KILL_AFTER)
    for name in pids:
        assert re.search(rf"{name}\s+stopped \(rc=", log), name
