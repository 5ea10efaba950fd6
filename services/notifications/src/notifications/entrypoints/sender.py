"""The notifications ``sender`` role (`skillfolio run notifications sender`): a nameko service of its own process
whose timer builds due digests and sends due email, a batch after another until none is left, every
``NOTIFICATIONS_SENDER_POLL_SECONDS``. Consumes no queue (deliveries are rows, leased); smtplib and psycopg2 are
cooperative under eventlet. Kill it at any moment: it (or another sender) takes the deliveries over once their
leases lapse, so at most the emails in flight at the kill go twice."""
from __future__ import annotations

import functools
import logging

from nameko.timer import timer
from prometheus_client import Counter, Gauge

from chassis.config import service_settings
from notifications.bootstrap import NotificationsApp, build
from notifications.config import NotificationsOptions

log = logging.getLogger("notifications.sender")
HANDLED = Counter("skillfolio_notifications_deliveries_handled_total", "Deliveries the sender handled")
QUEUED = Gauge("skillfolio_notifications_deliveries_queued", "Deliveries waiting to be sent (due or not)")


@functools.cache
def _app() -> NotificationsApp:
    """Built on first use, after the worker's eventlet monkey-patching."""
    settings = service_settings("notifications")
    settings.db_pool_size = 2
    return build(settings)


def send_round(app: NotificationsApp) -> int:
    """Digests, then batches until a batch comes back short; how many deliveries were handled."""
    sender, total = app.sender(), 0
    while True:
        handled = sender.run_once()
        total += handled
        if handled < app.options.sender_batch_size:
            break
    HANDLED.inc(total)
    with app.unit_of_work() as uow:
        QUEUED.set(uow.deliveries.count("queued"))
    return total


class NotificationsSender:
    """`skillfolio run notifications sender`."""

    name = "notifications_sender"

    @timer(interval=NotificationsOptions().sender_poll_seconds, eager=True)
    def send_due(self):
        app = _app()
        if not getattr(self, "_announced", False):
            log.info("sender for notifications started (batch %s, every %ss)", app.options.sender_batch_size,
                     app.options.sender_poll_seconds)
            NotificationsSender._announced = True
        handled = send_round(app)
        if handled:
            log.info("sender handled %s deliveries", handled)
