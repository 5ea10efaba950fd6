"""The reflections service's part of a student's passport (the per-student export), streamed record by record:
each artifact's discussion (reflections with their history, feedback, comments, assessments beside
self-assessments), then goals, milestones with outcomes and panel scores, credentials and a CLR over the live ones.
For the student, their guardian, or a privacy officer with a stated reason; audited before the first record leaves."""
from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

from chassis.calendar import DistrictCalendar
from chassis.errors import FieldProblem, InvalidArgument
from chassis.records_request import export_detail, stated_reason
from chassis.roster_replica.owner import decide
from reflections.domain import credentials as credential_model
from reflections.domain import passport as records
from reflections.domain.access import Viewer
from reflections.service_layer.credential_issuer import District
from reflections.service_layer.media import ReflectionMedia
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory

BATCH = 50        # artifacts' discussions per read
EXPORT_URL_TTL = dt.timedelta(hours=1)   # as long as the gateway's deadline for a whole passport stream


@dataclass(frozen=True)
class Record:
    kind: str                # discussion | goal | milestone | credential | clr
    artifact_id: str
    data: dict

    def json(self) -> str:
        return json.dumps(self.data, sort_keys=True, default=str)


class PassportRecords:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, district: District,
                 media: ReflectionMedia) -> None:
        self.uow_factory, self.calendar, self.district, self.media = uow_factory, calendar, district, media

    def start(self, viewer: Viewer, student_id: str, reason: str = "") -> str:
        """Check the viewer may export, audit the export; the role they export in."""
        if not student_id:
            raise InvalidArgument("student_id: required", [FieldProblem("student_id", "required")])
        with self.uow_factory() as uow:
            today = self.calendar.today()
            relation = uow.replicas.relation(viewer.subject, student_id, today, viewer.roles)
            role = decide(uow.roster, viewer, student_id, today, relation,
                          lambda known: records.check_export(viewer, student_id, known))
            reason = stated_reason(role, reason)
            uow.audit(viewer, "ExportStudentRecords", [student_id], export_detail(role, reason))
            uow.commit()
        return str(role)

    def records(self, student_id: str, role: str) -> Iterator[Record]:
        """Every record of the student (after :meth:`start`), in batches of short transactions."""
        with self.uow_factory() as uow:
            artifact_ids = uow.replicas.artifacts_of(student_id)
        for start in range(0, len(artifact_ids), BATCH):
            with self.uow_factory() as uow:
                batch = self._discussions(uow, artifact_ids[start:start + BATCH], role)
            yield from batch
        with self.uow_factory() as uow:
            rest = [*self._progress(uow, student_id), *self._credentials(uow, student_id)]
        yield from rest

    def _discussions(self, uow: ReflectionsUnitOfWork, artifact_ids: list[str], role: str) -> list[Record]:
        """A batch of artifacts' discussions, each kind read for the whole batch at once; ready recordings signed
        for the export's whole length (the gateway fetches them into the archive after the artifacts' media)."""
        found = {a: [self.media.with_urls(r, EXPORT_URL_TTL) for r in batch]
                 for a, batch in uow.records.reflections_on_many(artifact_ids).items()}
        notes = uow.records.feedback_on_many(artifact_ids)
        said = uow.records.comments_on_many(artifact_ids)
        assessed = uow.assessments.on_artifacts(artifact_ids)
        comments = {a: [c for c in said.get(a, []) if not c.hidden_by or records.sees_hidden_comments(role)]
                    for a in artifact_ids}
        names = uow.replicas.names([*(f.teacher_id for batch in notes.values() for f in batch),
                                    *(c.author_id for batch in comments.values() for c in batch),
                                    *(x.assessor_id for batch in assessed.values() for x in batch)])
        return [Record("discussion", a, {
            "artifact_id": a,
            "reflections": [records.reflection(r, names) for r in found.get(a, [])],
            "feedback": [records.feedback(f, names) for f in notes.get(a, [])],
            "comments": [records.comment(c, names) for c in sorted(comments[a], key=lambda c: c.created_at)],
            "assessments": [records.assessment(x, names) for x in assessed.get(a, [])]}) for a in artifact_ids]

    @staticmethod
    def _progress(uow: ReflectionsUnitOfWork, student_id: str) -> list[Record]:
        found = [Record("goal", "", records.goal(g)) for g in uow.goals.of_student(student_id)]
        for m in uow.milestones.of_student(student_id):
            found.append(Record("milestone", "", records.milestone(
                m, uow.milestones.type(m.type_id), uow.milestones.panel(m.id), uow.milestones.sheets(m.id))))
        return found

    def _credentials(self, uow: ReflectionsUnitOfWork, student_id: str) -> list[Record]:
        awards = uow.credentials.awards_of(student_id)
        found = [Record("credential", "", records.credential(a)) for a in awards]
        live = [a for a in awards if a.revoked_at is None]
        if live:
            document = credential_model.clr_credential(self.district.issuer, str(uuid.uuid4()), student_id,
                                                       self.calendar.clock(), live)
            found.append(Record("clr", "", {"document": json.loads(json.dumps(document)),
                                            "jwt": self.district.sign(document)}))
        return found
