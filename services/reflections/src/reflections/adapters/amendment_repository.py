"""Storage of amendment requests, and the amended records themselves: reads a comment, feedback or assessment as an
amendment sees it, and writes the amended texts into it (SQLAlchemy Core)."""
from __future__ import annotations

import json

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from reflections.adapters.amendment_tables import amendment_requests as requests
from reflections.adapters.orm import assessments, comments, feedback
from reflections.domain.amendments import FIELDS, AmendmentRequest, Record, RecordType, Status

# each record type's table, its author columns and its texts' columns
_SOURCES = {RecordType.COMMENT: (comments, "author_id", "author_role"),
            RecordType.FEEDBACK: (feedback, "teacher_id", None),
            RecordType.ASSESSMENT: (assessments, "assessor_id", "assessor_role")}


class AmendmentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def record(self, record_type: RecordType, record_id: str, for_update: bool = False) -> Record | None:
        table, author, role = _SOURCES[record_type]
        query = select(table).where(table.c.id == record_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        if row is None:
            return None
        values = row._mapping
        return Record(record_type, row.id, row.artifact_id, row.student_id, values[author],
                      values[role] if role else "teacher", {name: values[name] for name in FIELDS[record_type]})

    def amend_record(self, record: Record, texts: dict[str, str]) -> None:
        table = _SOURCES[record.type][0]
        self.session.execute(update(table).where(table.c.id == record.id).values(**texts))

    def add(self, item: AmendmentRequest) -> None:
        self.session.execute(insert(requests).values(**_row(item)))

    def save(self, item: AmendmentRequest) -> None:
        values = _row(item)
        values.pop("id")
        self.session.execute(update(requests).where(requests.c.id == item.id).values(**values))

    def get(self, amendment_id: str, for_update: bool = False) -> AmendmentRequest | None:
        query = select(requests).where(requests.c.id == amendment_id)
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return _request(row) if row else None

    def pending_for(self, record_id: str) -> AmendmentRequest | None:
        row = self.session.execute(select(requests).where(requests.c.record_id == record_id,
                                                          requests.c.status == Status.PENDING.value)).first()
        return _request(row) if row else None

    def of_student(self, student_id: str, artifact_id: str = "") -> list[AmendmentRequest]:
        query = select(requests).where(requests.c.student_id == student_id)
        if artifact_id:
            query = query.where(requests.c.artifact_id == artifact_id)
        rows = self.session.execute(query.order_by(requests.c.requested_at.desc(), requests.c.id))
        return [_request(r) for r in rows]

    def on_records(self, record_ids: list[str]) -> list[AmendmentRequest]:
        """Every decided request about these records, oldest first (the discussion's disagreements and marks)."""
        if not record_ids:
            return []
        rows = self.session.execute(select(requests).where(requests.c.record_id.in_(record_ids),
                                                           requests.c.status != Status.PENDING.value)
                                    .order_by(requests.c.requested_at, requests.c.id))
        return [_request(r) for r in rows]


def _row(item: AmendmentRequest) -> dict:
    values = dict(vars(item))
    values.update(record_type=item.record_type.value, status=item.status.value,
                  previous=json.dumps(item.previous), amended=json.dumps(item.amended))
    return values


def _request(r) -> AmendmentRequest:
    values = dict(r._mapping)
    values.update(record_type=RecordType(r.record_type), status=Status(r.status),
                  previous=json.loads(r.previous), amended=json.loads(r.amended))
    return AmendmentRequest(**values)
