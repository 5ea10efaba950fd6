"""The notifications ``sender`` role (`skillfolio run notifications sender`): a nameko service of its own process
whose timer builds due digests and sends due email, a batch after another until none is left, every
``NOTIFICATIONS_SENDER_POLL_SECONDS`` (backing off, the retry schedule, while the SMTP server cannot be reached:
one attempt per try, not one per email). Consumes no queue (deliveries are rows, leased); smtplib and psycopg2 are
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
from notifications.service_layer.sending import Sender

log = logging.getLogger("notifications.sender")
HANDLED = Counter("skillfolio_notifications_deliveries_handled_total", "Deliveries the sender handled")
QUEUED = Gauge("skillfolio_notifications_deliveries_queued", "Deliveries waiting to be sent (due or not)")
UNREACHABLE = Gauge("skillfolio_notifications_smtp_unreachable",
                    "1 while the sender backs off an SMTP server it cannot reach or use (unreachable, 421), else 0")
UNREACHABLE_TRIES = Counter("skillfolio_notifications_smtp_unreachable_tries",
                            "Sends that found the SMTP server unreachable or unusable (each stops its batch)")


@functools.cache
def _app() -> NotificationsApp:
    """Built on first use, after the worker's eventlet monkey-patching."""
    settings = service_settings("notifications")
    settings.db_pool_size = 2
    return build(settings)


@functools.cache
def _sender() -> Sender:
    """One for the process: it remembers an SMTP outage between rounds."""
    return _app().sender()


def send_round(app: NotificationsApp, sender: Sender) -> int:
    """Digests, then batches until a batch comes back short (or the SMTP server proves unreachable); how many
    deliveries were handled."""
    total, unreachable = 0, sender.unreachable
    while True:
        handled = sender.run_once()
        total += handled
        if handled < app.options.sender_batch_size or sender.outage is not None:
            break
    HANDLED.inc(total)
    UNREACHABLE_TRIES.inc(sender.unreachable - unreachable)
    UNREACHABLE.set(int(sender.outage is not None))
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
        handled = send_round(app, _sender())
        if handled:
            log.info("sender handled %s deliveries", handled)
