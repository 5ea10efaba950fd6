"""The roster events role's rights_at_18 timer: a nameko timer entrypoint that applies the rule, re-checking the
guardianships imports touched in the last two days."""
from __future__ import annotations

import datetime as dt

from nameko.timer import Timer
from rights_fakes import FakeRightsUnitOfWork

from roster.adapters.rights_repository import Candidate
from roster.config import RosterOptions
from roster.domain.rights import GuardianAccessEnds
from roster.entrypoints import worker
from roster.service_layer.rights import Rights


def test_the_timer_is_declared_on_the_events_role_every_rights_check_interval():
    timers = [e for e in getattr(worker.RosterEvents.rights_at_18, "nameko_entrypoints", ()) if isinstance(e, Timer)]
    assert [t.interval for t in timers] == [RosterOptions().rights_check_seconds]


def test_a_run_passes_the_due_rights(monkeypatch):
    uow = FakeRightsUnitOfWork(today=dt.date(2026, 3, 1))
    uow.rights.students = {"amara": Candidate("amara", "d1", dt.date(2008, 2, 29), None)}
    uow.rights.guardianships = {"amara": [("grace", "Grace", "Okafor")]}
    monkeypatch.setattr(worker, "_rights", lambda: Rights(lambda: uow, GuardianAccessEnds.AGE_18))
    worker.RosterEvents().rights_at_18()
    assert "amara" in uow.rights.passed and uow.rights.access[("grace", "amara")][0] is False
