"""The artifacts ``events`` role: a nameko service relaying the outbox and keeping the roster replica.

Consumes roster person_*, section_*, enrollment_*, guardianship_* and student_transferred (payloads in
protos/skillfolio/events/v1/roster.proto); access to portfolios is decided from that replica. Consumes the
reflections service's panellist_invited, milestone_evidence_selected and milestone_completed (milestones.proto) for
the panel replica that lets a milestone's panellists read the evidence selected for it until the milestone completes, and the skills service's skill_* with the
roster's school_* for the skill catalog replica that artifact tags are checked against.
"""
from __future__ import annotations

from chassis.config import service_settings
from chassis.db import make_engine
from chassis.messaging.consumer import reliable_handler
from chassis.messaging.relay_runner import OutboxRelayRunner
from chassis.uow import lazy_unit_of_work

from artifacts.adapters.orm import outbox
from artifacts.service_layer import catalog_replication, panel_replication, replication
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork


def _engine():
    return make_engine(service_settings("artifacts").database_url, pool_size=2)


_uow = lazy_unit_of_work("artifacts", ArtifactsUnitOfWork)


class ArtifactsEvents:
    """`skillfolio run artifacts events`."""

    name = "artifacts"
    outbox_relay = OutboxRelayRunner("artifacts", _engine, outbox)

    @reliable_handler("roster", "person_added")
    def person_added(self, envelope):
        replication.apply_roster_event(_uow, "artifacts.person_added", envelope)

    @reliable_handler("roster", "person_updated")
    def person_updated(self, envelope):
        replication.apply_roster_event(_uow, "artifacts.person_updated", envelope)

    @reliable_handler("roster", "person_removed")
    def person_removed(self, envelope):
        replication.apply_roster_event(_uow, "artifacts.person_removed", envelope)

    @reliable_handler("roster", "section_added")
    def section_added(self, envelope):
        replication.apply_roster_event(_uow, "artifacts.section_added", envelope)

    @reliable_handler("roster", "section_updated")
    def section_updated(self, envelope):
        replication.apply_roster_event(_uow, "artifacts.section_updated", envelope)

    @reliable_handler("roster", "section_removed")
    def section_removed(self, envelope):
        replication.apply_roster_event(_uow, "artifacts.section_removed", envelope)

    @reliable_handler("roster", "enrollment_added")
    def enrollment_added(self, envelope):
        replication.apply_roster_event(_uow, "artifacts.enrollment_added", envelope)

    @reliable_handler("roster", "enrollment_updated")
    def enrollment_updated(self, envelope):
        replication.apply_roster_event(_uow, "artifacts.enrollment_updated", envelope)

    @reliable_handler("roster", "enrollment_removed")
    def enrollment_removed(self, envelope):
        replication.apply_roster_event(_uow, "artifacts.enrollment_removed", envelope)

    @reliable_handler("roster", "guardianship_added")
    def guardianship_added(self, envelope):
        replication.apply_roster_event(_uow, "artifacts.guardianship_added", envelope)

    @reliable_handler("roster", "guardianship_removed")
    def guardianship_removed(self, envelope):
        replication.apply_roster_event(_uow, "artifacts.guardianship_removed", envelope)

    @reliable_handler("roster", "student_transferred")
    def student_transferred(self, envelope):
        replication.apply_roster_event(_uow, "artifacts.student_transferred", envelope)

    @reliable_handler("reflections", "panellist_invited")
    def panellist_invited(self, envelope):
        panel_replication.apply_milestone_event(_uow, "artifacts.panellist_invited", envelope)

    @reliable_handler("reflections", "milestone_evidence_selected")
    def milestone_evidence_selected(self, envelope):
        panel_replication.apply_milestone_event(_uow, "artifacts.milestone_evidence_selected", envelope)

    @reliable_handler("reflections", "milestone_completed")
    def milestone_completed(self, envelope):
        panel_replication.apply_milestone_event(_uow, "artifacts.milestone_completed", envelope)

    @reliable_handler("skills", "skill_added")
    def skill_added(self, envelope):
        catalog_replication.apply_catalog_event(_uow, "artifacts.skill_added", envelope)

    @reliable_handler("skills", "skill_updated")
    def skill_updated(self, envelope):
        catalog_replication.apply_catalog_event(_uow, "artifacts.skill_updated", envelope)

    @reliable_handler("skills", "skill_retired")
    def skill_retired(self, envelope):
        catalog_replication.apply_catalog_event(_uow, "artifacts.skill_retired", envelope)

    @reliable_handler("skills", "skill_deleted")
    def skill_deleted(self, envelope):
        catalog_replication.apply_catalog_event(_uow, "artifacts.skill_deleted", envelope)

    @reliable_handler("roster", "school_added")
    def school_added(self, envelope):
        catalog_replication.apply_catalog_event(_uow, "artifacts.school_added", envelope)

    @reliable_handler("roster", "school_updated")
    def school_updated(self, envelope):
        catalog_replication.apply_catalog_event(_uow, "artifacts.school_updated", envelope)
