"""The embedded supervisor's restart policy: exponential backoff per child, reset once a child has stayed up for the
window, and giving up when one child keeps crashing; times come from the caller, so nothing sleeps."""
from __future__ import annotations

from skillfolio_cli.restarts import RestartPolicy


def test_backoff_doubles_per_crash_up_to_the_cap_then_gives_up():
    policy = RestartPolicy(base_delay=0.5, max_delay=4.0, max_crashes=5, window=120.0)
    decisions = [policy.on_exit("gateway", now=float(second)) for second in range(6)]
    assert [d.delay for d in decisions[:5]] == [0.5, 1.0, 2.0, 4.0, 4.0]
    assert [d.give_up for d in decisions] == [False] * 5 + [True]
    assert decisions[-1].crashes == 6


def test_each_child_counts_its_own_crashes():
    policy = RestartPolicy(base_delay=1.0, max_crashes=2, window=60.0)
    assert policy.on_exit("roster-events", 0.0).delay == 1.0
    assert policy.on_exit("roster-events", 1.0).delay == 2.0
    assert policy.on_exit("gateway", 2.0).delay == 1.0            # another child starts from the base delay
    assert not policy.on_exit("gateway", 3.0).give_up
    assert policy.on_exit("roster-events", 4.0).give_up


def test_crashes_older_than_the_window_are_forgotten():
    policy = RestartPolicy(base_delay=1.0, max_crashes=2, window=60.0)
    policy.on_exit("artifacts-media", 0.0)
    policy.on_exit("artifacts-media", 30.0)
    later = policy.on_exit("artifacts-media", 75.0)                # the crash at 0 s has left the window
    assert (later.crashes, later.delay, later.give_up) == (2, 2.0, False)
    much_later = policy.on_exit("artifacts-media", 500.0)          # a child that stayed up starts over
    assert (much_later.crashes, much_later.delay) == (1, 1.0)
