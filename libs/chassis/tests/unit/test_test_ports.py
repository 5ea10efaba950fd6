"""chassis.testing.ports: test servers' ports come from below the ephemeral range, a slice per pytest-xdist worker,
never twice in a row, and never one something already holds."""
from __future__ import annotations

import os
import socket

import pytest

from chassis.testing import ports


def test_ports_come_from_this_workers_slice_below_the_ephemeral_range(monkeypatch):
    monkeypatch.setattr(ports, "_next", ports._candidates())
    chosen = [ports.free_port() for _ in range(50)]
    mine = ports._slice(os.environ.get("PYTEST_XDIST_WORKER", ""))
    assert all(port in mine for port in chosen)
    assert max(chosen) < ports._lowest_ephemeral()
    assert len(set(chosen)) == len(chosen)


def test_workers_slices_do_not_overlap():
    slices = [set(ports._slice(worker)) for worker in ["", "gw0", "gw1", "gw2", "gw3", "gw4", "gw5", "gw6"]]
    assert all(len(s) == ports.SLICE_SIZE for s in slices)
    assert len(set().union(*slices)) == ports.SLICES * ports.SLICE_SIZE
    assert ports._slice("gw7") == ports._slice("")     # more workers than slices share them


def test_a_port_something_holds_is_passed_over(monkeypatch):
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        taken = held.getsockname()[1]
        free = next(port for port in range(20000, 30000) if port not in ports.RESERVED and ports._bindable(port))
        monkeypatch.setattr(ports, "_next", iter([taken, *ports.RESERVED, free]))
        assert ports.free_port() == free


def test_an_exhausted_slice_is_an_error_not_a_loop(monkeypatch):
    monkeypatch.setattr(ports, "_bindable", lambda port: False)
    with pytest.raises(RuntimeError, match="no free port"):
        ports.free_port()
