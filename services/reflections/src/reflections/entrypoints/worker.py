"""The reflections ``events`` role: a nameko service relaying the outbox and keeping the replicas.

Consumes what service_layer/subscriptions.py lists: roster person_*, section_*, enrollment_*, guardianship_* and
student_transferred (protos/skillfolio/events/v1/roster.proto) and artifacts artifact_added, artifact_updated,
artifact_deleted (artifacts.proto); access is decided from those replicas. Roster school_year_added/updated and
skills skill_*, scale_defined, rubric_defined (skills.proto) feed the one skills catalog replica that assessments,
goal skills and milestone rubrics are checked against. Also checks uploaded audio/video reflections (its own
``reflection_media_uploaded``: size and sniffed type) and records the verdict; a timer rejects recordings
whose upload was never completed once its URL expired (recording_sweep.py).
"""
from __future__ import annotations

import functools

from nameko.timer import timer

from chassis.calendar import utc_now
from chassis.config import PlatformSettings, service_settings
from chassis.db import make_engine
from chassis.messaging.relay_runner import OutboxRelayRunner
from chassis.messaging.subscribed_service import subscribes
from chassis.uow import lazy_unit_of_work
from reflections.adapters.orm import outbox
from reflections.bootstrap import media_of
from reflections.config import ReflectionsOptions
from reflections.service_layer.media import ReflectionMedia
from reflections.service_layer.recording_sweep import sweep_recordings
from reflections.service_layer.subscriptions import SUBSCRIPTIONS
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork


def _engine():
    return make_engine(service_settings("reflections").database_url, pool_size=2)


_uow = lazy_unit_of_work("reflections", ReflectionsUnitOfWork)


@functools.cache
def _media() -> ReflectionMedia:
    return media_of(PlatformSettings(), ReflectionsOptions())


@subscribes(SUBSCRIPTIONS, _uow, media=_media, clock=lambda: utc_now)
class ReflectionsEvents:
    """`skillfolio run reflections events`."""

    name = "reflections"
    outbox_relay = OutboxRelayRunner("reflections", _engine, outbox)

    @timer(interval=ReflectionsOptions().media_sweep_seconds)
    def sweep_uploads(self):
        sweep_recordings(_uow, _media(), utc_now)
