"""The report cache: served while the read models' state is unchanged, recomputed when it changed (or after the
allowed staleness), one computation per key at a time, bounded in size."""
from __future__ import annotations

import threading

from reporting.service_layer.result_cache import ResultCache


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return self.calls


def test_served_while_the_state_is_unchanged_and_recomputed_when_it_changed():
    cache, compute = ResultCache(), Counter()
    assert [cache.get("k", "s1", compute) for _ in range(3)] == [1, 1, 1]
    assert cache.get("k", "s2", compute) == 2                # an applying commit renewed a token
    assert cache.get("other", "s2", compute) == 3             # keys are separate
    assert compute.calls == 3


def test_bounded_staleness_after_a_change():
    now = [100.0]
    cache, compute = ResultCache(max_stale=30, clock=lambda: now[0]), Counter()
    assert cache.get("k", "s1", compute) == 1
    now[0] += 29
    assert cache.get("k", "s2", compute) == 1                 # changed, but within the allowed 30 s
    now[0] += 2
    assert cache.get("k", "s2", compute) == 2
    assert cache.get("k", "s2", compute) == 2


def test_one_computation_per_key_at_a_time():
    cache, release, started = ResultCache(), threading.Event(), threading.Event()
    calls, results = [], []

    def slow() -> str:
        calls.append(1)
        started.set()
        release.wait(5)
        return "table"
    first = threading.Thread(target=lambda: results.append(cache.get("k", "s1", slow)))
    first.start()
    started.wait(5)
    others = [threading.Thread(target=lambda: results.append(cache.get("k", "s1", slow))) for _ in range(3)]
    for thread in others:
        thread.start()
    release.set()
    for thread in [first, *others]:
        thread.join(5)
    assert results == ["table"] * 4 and len(calls) == 1


def test_a_failed_computation_is_not_kept():
    cache, compute = ResultCache(), Counter()

    def failing() -> int:
        raise RuntimeError("database gone")
    try:
        cache.get("k", "s1", failing)
    except RuntimeError:
        pass
    assert cache.get("k", "s1", compute) == 1


def test_least_recently_used_keys_are_dropped():
    cache, compute = ResultCache(entries=2), Counter()
    cache.get("a", "s", compute)
    cache.get("b", "s", compute)
    cache.get("a", "s", compute)                              # a used last: b is dropped for c
    cache.get("c", "s", compute)
    assert cache.get("a", "s", compute) == 1 and cache.get("b", "s", compute) == 4
