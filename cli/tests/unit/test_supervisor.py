"""The embedded supervisor over real (tiny) child processes: a crashed child is restarted while the others keep
running; one that keeps crashing makes it give up and stop everything; SIGTERM stops everything cleanly."""
from __future__ import annotations

import contextlib
import http.server
import os
import signal
import threading

import pytest

from chassis.testing import wait_for
from skillfolio_cli.restarts import RestartPolicy
from skillfolio_cli.supervisor import Readiness, Supervisor, _ready


@pytest.fixture(autouse=True)
def keep_signal_handlers():
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def _supervisor(policy: RestartPolicy, **commands: str) -> Supervisor:
    supervisor = Supervisor(policy, Readiness("http://127.0.0.1:1/readyz"))
    for name, command in commands.items():
        supervisor.add_process(name, command)
    return supervisor


def _when(condition, then, timeout: float = 30.0) -> threading.Thread:
    """Run ``then`` in a thread once ``condition()`` holds, or after ``timeout`` all the same (so the supervisor stops
    either way and the test's own assertions say what did not happen)."""
    def wait():
        with contextlib.suppress(AssertionError):
            wait_for(condition, timeout, "the supervisor to get there")
        then()
    thread = threading.Thread(target=wait, daemon=True)
    thread.start()
    return thread


def test_a_crashed_child_is_restarted_and_the_others_keep_running(tmp_path, capsys):
    marker = tmp_path / "crashed-once"
    supervisor = _supervisor(RestartPolicy(base_delay=0.1), steady="exec sleep 60",
                             flaky=f"test -e {marker} || {{ touch {marker}; exit 1; }}; exec sleep 60")
    starts = []
    original = supervisor._system_print
    supervisor._system_print = lambda data: (starts.append(data), original(data))[1]
    restarted = lambda: sum("flaky started" in line for line in starts) == 2   # noqa: E731
    _when(restarted, lambda: os.kill(os.getpid(), signal.SIGTERM))
    supervisor.loop()
    assert restarted() and sum("steady started" in line for line in starts) == 1
    assert supervisor.gave_up is None and supervisor.returncode == 143
    out = capsys.readouterr().out
    assert "flaky exited (rc=1); restarting it in 0.1s (crash 1 of 5 allowed within 120s)" in out
    assert "steady stopped (rc=-15)" in out and out.count("flaky stopped") == 2


def test_a_child_that_keeps_crashing_stops_everything_with_a_clear_message(capsys):
    supervisor = _supervisor(RestartPolicy(base_delay=0.01, max_crashes=2, window=60), steady="exec sleep 60",
                             flaky="exit 3")
    supervisor.loop()     # returns by itself (pytest-timeout guards a hang)
    assert supervisor.gave_up == "flaky exited 3 times within 60s (last rc=3): giving up; stopping every process"
    out = capsys.readouterr().out
    assert out.count("restarting flaky") == 2 and "steady stopped (rc=-15)" in out


def test_a_role_that_refuses_its_configuration_is_not_restarted(capsys):
    supervisor = _supervisor(RestartPolicy(base_delay=0.01), steady="exec sleep 60", misconfigured="exit 2")
    supervisor.loop()
    assert supervisor.gave_up.startswith("misconfigured refused to start")
    assert "restarting misconfigured" not in capsys.readouterr().out


@pytest.mark.parametrize(("body", "ready"), [(b'{"status": "ready", "services": {}}', True),
                                             (b'{"status": "not ready"}', False),
                                             (b"# HELP up 1\n", False),    # a metrics endpoint on the port
                                             (b"[1]", False)])
def test_readiness_is_the_gateways_answer_not_any_200(body, ready):
    class Answer(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            self.send_response(200)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert _ready(f"http://127.0.0.1:{server.server_port}/readyz") is ready
    finally:
        server.shutdown()
        server.server_close()
