"""The roster ``events`` role: a nameko service relaying roster's outbox; the rights-at-18 timer (each run passes the
rights of the students the district's rule says are due: their guardians' access ends, audited, published); and the
erasure coordinator: it records every service's ``erasure_confirmed`` (issuing the signed certificate when all have
confirmed), a timer asks again the services that have not confirmed (service_layer/erasure.py), and a daily timer
reports the records past the district's retention schedule and erases them after the grace period unless held."""
from __future__ import annotations

import datetime as dt
import functools
import logging

from nameko.timer import timer

from chassis.config import service_settings
from chassis.db import make_engine, make_session_factory
from chassis.messaging.relay_runner import OutboxRelayRunner
from chassis.messaging.subscribed_service import subscribes
from chassis.uow import lazy_unit_of_work
from roster.adapters.orm import outbox
from roster.config import RosterOptions
from roster.domain.rights import GuardianAccessEnds
from roster.erasure_config import ErasureOptions
from roster.service_layer.erasure import Coordinator, confirmation_subscriptions, retry_pending
from roster.service_layer.retention import sweep
from roster.service_layer.rights import Rights
from roster.service_layer.unit_of_work import RosterUnitOfWork

log = logging.getLogger(__name__)
RECHECK_IMPORTS = dt.timedelta(days=2)    # guardianships an import touched lately are checked again
_uow = lazy_unit_of_work("roster", RosterUnitOfWork)


def _engine():
    settings = service_settings("roster")
    return make_engine(settings.database_url, pool_size=2)


@functools.cache
def _rights() -> Rights:
    """Built on first use, after the worker's eventlet monkey-patching."""
    options, sessions = RosterOptions(), make_session_factory(_engine())
    return Rights(lambda: RosterUnitOfWork(sessions, clock=options.today),
                  GuardianAccessEnds(options.guardian_access_ends))


def apply_rights(rights: Rights, now: dt.datetime) -> None:
    run = rights.apply_due(changed_since=now - RECHECK_IMPORTS)
    if run.passed or run.ended:
        log.info("rights at 18: %d students' rights passed, %d guardians' access ended", run.passed, run.ended)


@functools.cache
def _coordinator() -> Coordinator:
    return Coordinator.from_settings()


@subscribes(confirmation_subscriptions(_coordinator), _uow)
class RosterEvents:
    """`skillfolio run roster events`."""

    name = "roster"
    outbox_relay = OutboxRelayRunner("roster", _engine, outbox)

    @timer(interval=RosterOptions().rights_check_seconds)
    def rights_at_18(self):
        apply_rights(_rights(), dt.datetime.now(dt.UTC))

    @timer(interval=ErasureOptions().retry_seconds)
    def retry_erasures(self):
        retry_pending(_uow, _coordinator())

    @timer(interval=ErasureOptions().retention_sweep_seconds)
    def retention_sweep(self):
        sweep(_uow, _coordinator(), RosterOptions().today())
