"""The events the reporting service consumes, each with its projection (the chassis builds the ``events`` role's
nameko consumers, queues and inbox claims from this table). Every effect also advances the source's as_of. Two
kinds of event are claimed and counted for nothing (:func:`not_counted`, on the per-event and the batch path):
imported history (another district's evidence, attached by a transfer: not this district's work) and events about a
student or an artifact erased here that were still in flight when the erasure ran."""
from __future__ import annotations

from chassis.events import Envelope
from chassis.messaging.replica import erased_among, named_ids, utc_iso
from chassis.messaging.subscriptions import own_transactions
from reporting.adapters import bulk, freshness, summaries
from reporting.adapters.orm import replica_versions
from reporting.service_layer import erasure
from reporting.service_layer import projections as p

EFFECTS = {
    ("roster", "school_added"): p.school,
    ("roster", "school_updated"): p.school,
    ("roster", "school_year_added"): p.school_year,
    ("roster", "school_year_updated"): p.school_year,
    ("roster", "person_added"): p.person,
    ("roster", "person_updated"): p.person,
    ("roster", "person_removed"): p.person,
    ("roster", "student_transferred"): p.transfer,
    ("skills", "skill_added"): p.skill,
    ("skills", "skill_updated"): p.skill,
    ("skills", "skill_retired"): p.skill,
    ("skills", "skill_deleted"): p.skill,
    ("skills", "scale_defined"): p.scale,
    ("artifacts", "artifact_added"): p.artifact,
    ("artifacts", "artifact_updated"): p.artifact,
    ("artifacts", "artifact_deleted"): p.artifact,
    ("reflections", "reflection_added"): p.response,
    ("reflections", "feedback_given"): p.response,
    ("reflections", "assessment_recorded"): p.assessment,
    ("reflections", "milestone_type_defined"): p.milestone_type,
    ("reflections", "milestone_completed"): p.milestone,
}


def not_counted(session, events: list[Envelope]) -> set[str]:
    """The event ids among ``events`` that change nothing here: imported history, and events naming a student or an
    artifact erased here."""
    imported = {e.event_id for e in events if e.producer == "artifacts" and e.data.get("origin_district_id")}
    if session is None:                     # (a fake unit of work keeps no erasures)
        return imported
    erased = erased_among(session, replica_versions, set().union(*(named_ids(e.data) for e in events)))
    return imported | ({e.event_id for e in events if named_ids(e.data) & erased} if erased else set())


def fresh(effect):
    """Wrap an effect so the newest event time applied from its source is kept (every report's as_of), and the
    summaries change by exactly what the effect changed (adapters.summaries; under the locks of the artifacts and
    students concerned, so no concurrent effect moves them between the two readings)."""
    def apply(uow, e: Envelope) -> None:
        if not_counted(uow.session, [e]):
            uow.facts.touch(e.producer, utc_iso(e.occurred_at))
            return
        artifact_ids, students, everything = summaries.named([e])
        if uow.session is not None and (artifact_ids or students or everything):    # (a fake unit has no tables)
            if everything:      # every student's contributions move: all of them, under the exclusive lock
                students = set(uow.facts.student_ids())
            bulk.lock_students(uow.session, artifact_ids | students | summaries.owners(uow.session, artifact_ids),
                               everything)
            moved = summaries.moved([e])
            ids = summaries.affected(uow.session, artifact_ids, moved, everything)
            before = summaries.contributions(uow.session, ids, students)
            effect(uow, e)
            summaries.apply(uow.session, summaries.affected(uow.session, ids, moved, everything), students, before)
        else:
            effect(uow, e)
        uow.facts.touch(e.producer, utc_iso(e.occurred_at))
        freshness.observe(e.producer, e.occurred_at)
    apply.__name__ = apply.__qualname__ = effect.__name__
    apply.__doc__ = effect.__doc__
    return apply


SUBSCRIPTIONS = {key: fresh(effect) for key, effect in EFFECTS.items()}
SOURCES = sorted({source for source, _ in EFFECTS})
# Outside the batch path (its summaries' bookkeeping would subtract the student twice): service_layer/erasure.py
ERASURE = {("roster", "erasure_requested"): own_transactions(erasure.erase_student)}
