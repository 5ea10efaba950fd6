"""The notifications ``sender`` role (`skillfolio run notifications sender`): a plain process, never monkey-patched,
that builds due digests and sends due email in rounds until SIGTERM, exposing /metrics (its liveness probe). Kill
it at any moment: another sender (or this one restarted) takes over when the leases lapse."""
from __future__ import annotations

import logging
import signal
import threading

from prometheus_client import Counter, Gauge

from chassis.config import service_settings
from chassis.metrics import serve_metrics
from notifications.bootstrap import build

log = logging.getLogger("notifications.sender")
HANDLED = Counter("skillfolio_notifications_deliveries_handled_total", "Deliveries the sender handled")
QUEUED = Gauge("skillfolio_notifications_deliveries_queued", "Deliveries waiting to be sent (due or not)")
LAST_ROUND = Gauge("skillfolio_notifications_sender_last_round_timestamp_seconds",
                   "Unix time the sender last completed a round (its liveness signal)")


def run(stop: threading.Event, app=None) -> None:
    """Rounds until ``stop`` is set: a full batch goes again at once, otherwise it waits the poll interval."""
    app = app or build(service_settings("notifications"))
    sender = app.sender()
    try:
        while not stop.is_set():
            try:
                handled = sender.run_once()
                HANDLED.inc(handled)
                with app.unit_of_work() as uow:
                    QUEUED.set(uow.deliveries.count("queued"))
                LAST_ROUND.set_to_current_time()
            except Exception:                         # the database or SMTP hiccuped: log, wait, go on
                log.exception("sender round failed; retrying after the poll interval")
                handled = 0
            if handled < app.options.sender_batch_size:
                stop.wait(app.options.sender_poll_seconds)
    finally:
        app.close()


def serve() -> None:
    app = build(service_settings("notifications"))
    metrics = serve_metrics(app.options.sender_metrics_port)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    log.info("sender started (batch %s, poll %ss)", app.options.sender_batch_size, app.options.sender_poll_seconds)
    try:
        run(stop, app)
    finally:
        if metrics is not None:
            metrics.stop()
