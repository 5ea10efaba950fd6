"""Applying many events in one transaction (the events worker's batches, the rebuild and the bulk feeds): one inbox
claim statement for the whole batch (the rows it inserted are the events not applied before), one lock statement
for the students it names, the rare catalogue events per event, the high-volume ones set-based (one statement per
read model: service_layer.batch_projections), every changed history derived once (batch_derive), one commit.
The read models equal the per-event path's (service_layer.projections): each effect is order-independent."""
from __future__ import annotations

from chassis.events import Envelope
from chassis.messaging.inbox import claim_all
from chassis.messaging.replica import utc_iso
from chassis.messaging.topology import consumer_name
from reporting.adapters import bulk, freshness, summaries
from reporting.adapters.orm import inbox
from reporting.service_layer import batch_projections as bp
from reporting.service_layer.batch_derive import derive_students
from reporting.service_layer.subscriptions import EFFECTS, SUBSCRIPTIONS, not_counted
from reporting.service_layer.unit_of_work import UowFactory

Key = tuple[str, str]           # (inbox consumer, event_id)


def _students(events: list[Envelope]) -> set[str]:
    """The students whose rows the batch's events may change (their locks are taken first, in one statement)."""
    named = {str(e.data.get("student_id") or "") for e in events}
    named |= {str(e.data["person_id"]) for e in events if e.type in bp.PEOPLE}
    return named - {""}


def apply_batch(uows: UowFactory, envelopes: list[Envelope]) -> int:
    """Apply the subscribed events of ``envelopes`` not applied before, all or none; how many were new."""
    return len(apply_new(uows, envelopes))


def apply_new(uows: UowFactory, envelopes: list[Envelope]) -> set[Key]:
    """Apply the subscribed events of ``envelopes`` not applied before, all or none; the (consumer, event_id) of
    each event applied now (the others were duplicates)."""
    wanted: dict[Key, Envelope] = {}
    for e in envelopes:
        if (e.producer, e.type) in SUBSCRIPTIONS:
            wanted.setdefault((consumer_name("reporting", e.type), e.event_id), e)
    if not wanted:
        return set()
    with uows() as uow:
        session = uow.session
        new = claim_all(session, inbox, wanted)
        claimed = [e for key, e in wanted.items() if key in new]
        skipped = not_counted(session, claimed)
        fresh = [e for e in claimed if e.event_id not in skipped]
        students = _students(fresh)
        artifact_ids, _, everything = summaries.named(fresh)
        students |= summaries.owners(session, artifact_ids)
        if any(e.type.startswith("school_year") for e in fresh):
            students |= set(uow.facts.student_ids())        # a school year's dates re-derive every student
        bulk.lock_students(session, students | artifact_ids, everything)   # artifacts too: their contributions
        moved = summaries.moved(fresh)
        touched = summaries.affected(session, artifact_ids, moved, everything)
        levelled = students if everything else summaries.summarised(fresh)   # levels and enrolments that may move
        before = summaries.contributions(session, touched, levelled)
        uow.deferred = set()            # students whose history changed: derived once, after every effect
        for e in fresh:
            if e.type not in bp.SET_BASED:
                EFFECTS[(e.producer, e.type)](uow, e)
        of = {name: [e for e in fresh if e.type in types] for name, types in
              (("people", bp.PEOPLE), ("transfers", bp.TRANSFERS), ("artifacts", bp.ARTIFACTS),
               ("responses", bp.RESPONSES), ("evidence", bp.EVIDENCE))}
        versions = bulk.Versions(session, bp.version_keys([e for e in fresh if e.type in bp.SET_BASED]))
        uow.deferred |= bp.people(session, versions, of["people"])
        years = bulk.years_of(session)
        uow.deferred |= bp.transfers(session, of["transfers"], years)
        histories = bulk.Histories(session).load(students | uow.deferred)
        bp.artifacts(session, versions, of["artifacts"], histories, years)
        bp.responses(session, of["responses"])
        bp.evidence(session, versions, of["evidence"], histories, years)
        versions.write()
        changed, uow.deferred = uow.deferred, None
        if not everything and not changed <= moved:      # their artifacts' contributions were not read before
            raise RuntimeError(f"histories re-derived that no event of the batch moves: {sorted(changed - moved)}")
        derive_students(session, changed, histories.load(changed), years)
        summaries.apply(session, summaries.affected(session, touched, moved, everything), levelled, before)
        for source in sorted({e.producer for e in claimed}):    # one as_of update per source (a hot row)
            occurred = [e.occurred_at for e in claimed if e.producer == source]
            uow.facts.touch(source, max(utc_iso(at) for at in occurred))
            freshness.observe_all(source, occurred)
        uow.commit()
    return new
