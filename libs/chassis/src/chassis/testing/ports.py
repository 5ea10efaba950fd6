"""Ports for test servers that nothing else on the machine will take between choosing one and binding it.

Asking the kernel for a free port (binding port 0) returns one from the ephemeral range, the range every outgoing
connection's local port also comes from. A test that chooses ports and starts its servers minutes later (`skillfolio
up` migrates and seeds first) could find one taken in between by a connection to PostgreSQL or RabbitMQ, or by
another pytest-xdist worker's bind to port 0: the server then failed with EADDRINUSE and crash-looped under `up`'s
supervisor (a loaded CI run's reflections events role never consumed). So ports come from below the ephemeral range,
where the kernel never hands one out by itself, from a slice of their own per pytest-xdist worker (no two workers
choose the same port), in turn within a process (no port twice until its slice wraps), each checked bindable now.
"""
from __future__ import annotations

import itertools
import os
import pathlib
import random
import socket

EPHEMERAL_RANGE = pathlib.Path("/proc/sys/net/ipv4/ip_local_port_range")
SLICES = 8                 # the process outside pytest-xdist, then gw0..gw6 (more workers share slices, modulo 8)
SLICE_SIZE = 1500
RESERVED = {25672}         # RabbitMQ's inter-node port (AMQP port + 20000), free while the broker restarts


def _lowest_ephemeral() -> int:
    try:
        return int(EPHEMERAL_RANGE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768       # Linux's default


def _slice(worker: str) -> range:
    """This process's ports: its pytest-xdist worker's slice (``gw3`` -> the fifth), just below the ephemeral range."""
    index = int(worker[2:]) + 1 if worker.startswith("gw") and worker[2:].isdigit() else 0
    top = _lowest_ephemeral()
    start = max(1024, top - SLICES * SLICE_SIZE) + (index % SLICES) * SLICE_SIZE
    return range(start, min(start + SLICE_SIZE, top))


def _bindable(port: int) -> bool:
    """Nothing listens on, or is connected from, 127.0.0.1:``port`` (no SO_REUSEADDR: a TIME_WAIT counts as taken)."""
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _candidates():
    ports = _slice(os.environ.get("PYTEST_XDIST_WORKER", ""))
    start = random.randrange(len(ports))     # two processes in one slice (benches, a rerun) begin apart
    return itertools.cycle([*ports[start:], *ports[:start]])


_next = _candidates()


def free_port() -> int:
    """A port on 127.0.0.1 that is free now and that no other test process of this run will choose."""
    for _ in range(SLICE_SIZE):
        port = next(_next)
        if port not in RESERVED and _bindable(port):
            return port
    raise RuntimeError(f"no free port in {_slice(os.environ.get('PYTEST_XDIST_WORKER', ''))}")
