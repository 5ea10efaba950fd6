"""Amendment use cases: a student or guardian requests one, the record's author or a privacy officer amends the
record (its old text kept in the request) or refuses with a reason, the requester attaches a statement of
disagreement after a refusal; and a student's requests, read. Each step checks access (domain.amendment_access),
is audited when done by anyone but the student, and publishes its event, in one transaction."""
from __future__ import annotations

import dataclasses
import uuid

from chassis.calendar import DistrictCalendar
from chassis.errors import Conflict, FieldProblem, InvalidArgument, PermissionDenied
from chassis.roster_replica.owner import decide
from reflections.domain import amendments as rules
from reflections.domain.access import Viewer, is_audited
from reflections.domain.amendment_access import DENIED, AmendAction, Standing, actions_of, check, offered, standings
from reflections.domain.amendment_events import AmendmentDecided, AmendmentRequested, DisagreementAttached
from reflections.domain.amendments import AmendmentRequest, Record, Status
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory

OUTCOMES = {"amended": Status.AMENDED, "refused": Status.REFUSED}


@dataclasses.dataclass(frozen=True)
class Listed:
    amendments: list[tuple[AmendmentRequest, frozenset[AmendAction], dict[str, str]]]   # with the record's texts
    can_request: bool


class AmendmentUseCases:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar) -> None:
        self.uow_factory, self.calendar = uow_factory, calendar

    def _standing(self, uow: ReflectionsUnitOfWork, viewer: Viewer, action: AmendAction, student_id: str | None,
                  record: Record | None = None, request: AmendmentRequest | None = None) -> Standing:
        """The standing the viewer acts in; one refusal for unknown records and for refusals (NotYetReplicated
        when the roster knows a relation the replica lacks)."""
        if student_id is None:
            raise PermissionDenied(DENIED)
        today = self.calendar.today()
        relation = uow.replicas.relation(viewer.subject, student_id, today, viewer.roles)
        return decide(uow.roster, viewer, student_id, today, relation,
                      lambda known: check(standings(viewer, student_id, known, record, request), action))

    def _record(self, uow: ReflectionsUnitOfWork, record_type: rules.RecordType, record_id: str,
                for_update: bool = False) -> Record | None:
        record = uow.amendments.record(record_type, record_id, for_update)
        if record is not None and uow.replicas.owner_of(record.artifact_id) is None:
            return None                      # the artifact was deleted
        return record

    def _finish(self, uow: ReflectionsUnitOfWork, viewer: Viewer, action: str, item: AmendmentRequest, event) -> None:
        if is_audited(viewer, item.student_id):
            uow.audit(viewer, action, [item.student_id], {"amendment_id": item.id, "record_type": item.record_type,
                                                          "record_id": item.record_id, "status": item.status})
        uow.raise_event(event)
        uow.commit()

    def request(self, viewer: Viewer, record_type: str, record_id: str, reason: str) -> AmendmentRequest:
        kind = rules.record_type_of(record_type)
        rules.validate_reason(reason)
        with self.uow_factory() as uow:
            record = self._record(uow, kind, record_id)
            standing = self._standing(uow, viewer, AmendAction.REQUEST, record and record.student_id, record)
            if record.author_id == viewer.subject:
                raise InvalidArgument("record_id: you wrote this record",
                                      [FieldProblem("record_id", "is your own: an amendment is asked of another")])
            if uow.amendments.pending_for(record_id) is not None:
                raise Conflict("record_id: an amendment of this record is already pending",
                               [FieldProblem("record_id", "already has a pending amendment request")])
            item = AmendmentRequest(str(uuid.uuid4()), kind, record_id, record.artifact_id, record.student_id,
                                    viewer.subject, standing.value, reason.strip(), self.calendar.clock())
            uow.amendments.add(item)
            uow.keep_result(item)
            self._finish(uow, viewer, "RequestAmendment", item, AmendmentRequested(
                item.id, kind.value, record_id, item.artifact_id, item.student_id, viewer.subject, standing.value,
                record.author_id))
        return item

    def decide(self, viewer: Viewer, amendment_id: str, outcome: str, texts: dict[str, str],
               reason: str) -> AmendmentRequest:
        status = OUTCOMES.get(outcome)
        if status is None:
            raise InvalidArgument(f"outcome: {outcome!r} is not amended or refused",
                                  [FieldProblem("outcome", "must be amended or refused")])
        if status is Status.REFUSED:
            rules.validate_reason(reason)
        with self.uow_factory() as uow:
            item = uow.amendments.get(amendment_id, for_update=True)
            record = self._record(uow, item.record_type, item.record_id, for_update=True) if item else None
            standing = self._standing(uow, viewer, AmendAction.DECIDE, record and record.student_id, record, item)
            rules.require_pending(item)
            changes = {}
            if status is Status.AMENDED:
                after = rules.amended_texts(record, texts)
                changes = dict(previous=record.texts, amended=after)
                uow.amendments.amend_record(record, after)
            item = dataclasses.replace(item, status=status, decided_by=viewer.subject, decider_role=standing.value,
                                       decision_reason=reason.strip(), decided_at=self.calendar.clock(), **changes)
            uow.amendments.save(item)
            self._finish(uow, viewer, "DecideAmendment", item, AmendmentDecided(
                item.id, item.record_type.value, item.record_id, item.artifact_id, item.student_id,
                item.requester_id, viewer.subject, standing.value, status.value))
        return item

    def attach_disagreement(self, viewer: Viewer, amendment_id: str, statement: str) -> AmendmentRequest:
        rules.validate_statement(statement)
        with self.uow_factory() as uow:
            item = uow.amendments.get(amendment_id, for_update=True)
            record = self._record(uow, item.record_type, item.record_id) if item else None
            self._standing(uow, viewer, AmendAction.DISAGREE, record and record.student_id, record, item)
            rules.require_refused_without_statement(item)
            item = dataclasses.replace(item, disagreement=statement.strip(), disagreement_at=self.calendar.clock())
            uow.amendments.save(item)
            self._finish(uow, viewer, "AttachDisagreement", item, DisagreementAttached(
                item.id, item.record_type.value, item.record_id, item.artifact_id, item.student_id,
                item.requester_id))
        return item

    def list(self, viewer: Viewer, student_id: str, artifact_id: str = "") -> Listed:
        """The student's requests, newest first, each with what the viewer may do on it."""
        with self.uow_factory() as uow:
            self._standing(uow, viewer, AmendAction.READ, student_id or None)
            today = self.calendar.today()
            relation = uow.replicas.relation(viewer.subject, student_id, today, viewer.roles)
            found = []
            for item in uow.amendments.of_student(student_id, artifact_id):
                record = uow.amendments.record(item.record_type, item.record_id)
                found.append((item, offered(standings(viewer, student_id, relation, record, item), item),
                              record.texts if record else {}))
            can_request = AmendAction.REQUEST in actions_of(standings(viewer, student_id, relation))
            if is_audited(viewer, student_id):
                uow.audit(viewer, "ListAmendments", [student_id], {"artifact_id": artifact_id})
                uow.commit()
        return Listed(found, can_request)
