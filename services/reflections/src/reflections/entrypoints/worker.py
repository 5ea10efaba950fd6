"""The reflections ``events`` role: a nameko service relaying the outbox and keeping the replicas.

Consumes roster person_*, section_*, enrollment_*, guardianship_* and student_transferred
(protos/skillfolio/events/v1/roster.proto) and artifacts artifact_added, artifact_updated, artifact_deleted
(protos/skillfolio/events/v1/artifacts.proto); access is decided from those replicas. Roster
school_year_added/updated and skills skill_*, scale_defined, rubric_defined (skills.proto) feed the one skills
catalog replica that assessments, goal skills and milestone rubrics are checked against. Also checks uploaded audio/video
reflections (its own ``reflection_media_uploaded``: size and sniffed type) and records the verdict; a timer rejects
recordings whose upload was never completed once its URL expired (recording_sweep.py).
"""
from __future__ import annotations

import functools

from nameko.timer import timer

from chassis.config import PlatformSettings, service_settings
from chassis.db import make_engine
from chassis.messaging.consumer import reliable_handler
from chassis.messaging.relay_runner import OutboxRelayRunner
from chassis.uow import lazy_unit_of_work

from reflections.adapters.orm import outbox
from reflections.bootstrap import media_of
from reflections.config import ReflectionsOptions
from reflections.service_layer import replication
from chassis.calendar import utc_now
from reflections.service_layer.media import ReflectionMedia
from reflections.service_layer.media_checks import check_uploaded_recording
from reflections.service_layer.recording_sweep import sweep_recordings
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork


def _engine():
    return make_engine(service_settings("reflections").database_url, pool_size=2)


_uow = lazy_unit_of_work("reflections", ReflectionsUnitOfWork)


@functools.cache
def _media() -> ReflectionMedia:
    return media_of(PlatformSettings(), ReflectionsOptions())


class ReflectionsEvents:
    """`skillfolio run reflections events`."""

    name = "reflections"
    outbox_relay = OutboxRelayRunner("reflections", _engine, outbox)

    @reliable_handler("roster", "person_added")
    def person_added(self, envelope):
        replication.apply_event(_uow, "reflections.person_added", envelope)

    @reliable_handler("roster", "person_updated")
    def person_updated(self, envelope):
        replication.apply_event(_uow, "reflections.person_updated", envelope)

    @reliable_handler("roster", "person_removed")
    def person_removed(self, envelope):
        replication.apply_event(_uow, "reflections.person_removed", envelope)

    @reliable_handler("roster", "section_added")
    def section_added(self, envelope):
        replication.apply_event(_uow, "reflections.section_added", envelope)

    @reliable_handler("roster", "section_updated")
    def section_updated(self, envelope):
        replication.apply_event(_uow, "reflections.section_updated", envelope)

    @reliable_handler("roster", "section_removed")
    def section_removed(self, envelope):
        replication.apply_event(_uow, "reflections.section_removed", envelope)

    @reliable_handler("roster", "enrollment_added")
    def enrollment_added(self, envelope):
        replication.apply_event(_uow, "reflections.enrollment_added", envelope)

    @reliable_handler("roster", "enrollment_updated")
    def enrollment_updated(self, envelope):
        replication.apply_event(_uow, "reflections.enrollment_updated", envelope)

    @reliable_handler("roster", "enrollment_removed")
    def enrollment_removed(self, envelope):
        replication.apply_event(_uow, "reflections.enrollment_removed", envelope)

    @reliable_handler("roster", "guardianship_added")
    def guardianship_added(self, envelope):
        replication.apply_event(_uow, "reflections.guardianship_added", envelope)

    @reliable_handler("roster", "guardianship_removed")
    def guardianship_removed(self, envelope):
        replication.apply_event(_uow, "reflections.guardianship_removed", envelope)

    @reliable_handler("roster", "student_transferred")
    def student_transferred(self, envelope):
        replication.apply_event(_uow, "reflections.student_transferred", envelope)

    @reliable_handler("artifacts", "artifact_added")
    def artifact_added(self, envelope):
        replication.apply_event(_uow, "reflections.artifact_added", envelope)

    @reliable_handler("artifacts", "artifact_updated")
    def artifact_updated(self, envelope):
        replication.apply_event(_uow, "reflections.artifact_updated", envelope)

    @reliable_handler("artifacts", "artifact_deleted")
    def artifact_deleted(self, envelope):
        replication.apply_event(_uow, "reflections.artifact_deleted", envelope)

    @reliable_handler("reflections", "reflection_media_uploaded")
    def reflection_media_uploaded(self, envelope):
        check_uploaded_recording(_uow, _media(), utc_now, "reflections.reflection_media_uploaded", envelope)

    @timer(interval=ReflectionsOptions().media_sweep_seconds)
    def sweep_uploads(self):
        sweep_recordings(_uow, _media(), utc_now)

    @reliable_handler("roster", "school_year_added")
    def school_year_added(self, envelope):
        replication.apply_event(_uow, "reflections.school_year_added", envelope)

    @reliable_handler("roster", "school_year_updated")
    def school_year_updated(self, envelope):
        replication.apply_event(_uow, "reflections.school_year_updated", envelope)

    @reliable_handler("skills", "skill_added")
    def skill_added(self, envelope):
        replication.apply_event(_uow, "reflections.skill_added", envelope)

    @reliable_handler("skills", "skill_updated")
    def skill_updated(self, envelope):
        replication.apply_event(_uow, "reflections.skill_updated", envelope)

    @reliable_handler("skills", "skill_retired")
    def skill_retired(self, envelope):
        replication.apply_event(_uow, "reflections.skill_retired", envelope)

    @reliable_handler("skills", "skill_deleted")
    def skill_deleted(self, envelope):
        replication.apply_event(_uow, "reflections.skill_deleted", envelope)

    @reliable_handler("skills", "scale_defined")
    def scale_defined(self, envelope):
        replication.apply_event(_uow, "reflections.scale_defined", envelope)

    @reliable_handler("skills", "rubric_defined")
    def rubric_defined(self, envelope):
        replication.apply_event(_uow, "reflections.rubric_defined", envelope)
