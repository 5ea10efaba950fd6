"""How current the read models are, as Prometheus metrics (deploy/prometheus alerts on them): the age of each
event when applied, and the time of the newest event applied per source."""
from __future__ import annotations

import datetime as dt

from prometheus_client import Gauge, Histogram

EVENT_AGE = Histogram("reporting_event_age_seconds", "Seconds from an event's occurrence to its effect on the "
                      "reporting read models", ["source"],
                      buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600))
NEWEST_EVENT = Gauge("reporting_newest_event_timestamp_seconds", "Unix time of the newest event applied to the "
                     "reporting read models", ["source"])


def observe(source: str, occurred_at: str, now: dt.datetime | None = None) -> None:
    observe_all(source, [occurred_at], now)


def observe_all(source: str, occurred_at: list[str], now: dt.datetime | None = None) -> None:
    """Each of these events of ``source`` applied ``now``: its age observed, and the newest kept."""
    now, ages, newest = now or dt.datetime.now(dt.UTC), EVENT_AGE.labels(source), 0.0
    for at in occurred_at:
        moment = dt.datetime.fromisoformat(at)
        moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
        ages.observe(max(0.0, (now - moment).total_seconds()))
        newest = max(newest, moment.timestamp())
    gauge = NEWEST_EVENT.labels(source)
    gauge.set(max(gauge._value.get(), newest))
