"""An in-memory amendment repository with the real one's interface, over the fake records and assessments."""
from __future__ import annotations

import dataclasses

from reflections.domain.amendments import FIELDS, AmendmentRequest, Record, RecordType, Status


class FakeAmendments:
    def __init__(self, records, assessments) -> None:
        self.requests: dict[str, AmendmentRequest] = {}
        self._records, self._assessments = records, assessments

    def _find(self, record_type: RecordType, record_id: str):
        if record_type is RecordType.COMMENT:
            return self._records.comments.get(record_id)
        if record_type is RecordType.FEEDBACK:
            return next((f for f in self._records.feedback if f.id == record_id), None)
        return next((a for a, _ in self._assessments.rows if a.id == record_id), None)

    def record(self, record_type: RecordType, record_id: str, for_update: bool = False) -> Record | None:
        found = self._find(record_type, record_id)
        if found is None:
            return None
        author = {RecordType.COMMENT: ("author_id", "author_role"), RecordType.FEEDBACK: ("teacher_id", None),
                  RecordType.ASSESSMENT: ("assessor_id", "assessor_role")}[record_type]
        return Record(record_type, found.id, found.artifact_id, found.student_id, getattr(found, author[0]),
                      getattr(found, author[1]) if author[1] else "teacher",
                      {name: getattr(found, name) for name in FIELDS[record_type]})

    def amend_record(self, record: Record, texts: dict[str, str]) -> None:
        if record.type is RecordType.COMMENT:
            self._records.comments[record.id] = dataclasses.replace(self._records.comments[record.id], **texts)
        elif record.type is RecordType.FEEDBACK:
            self._records.feedback = [dataclasses.replace(f, **texts) if f.id == record.id else f
                                      for f in self._records.feedback]
        else:
            self._assessments.rows = [(dataclasses.replace(a, **texts) if a.id == record.id else a, m)
                                      for a, m in self._assessments.rows]

    def add(self, item: AmendmentRequest) -> None:
        self.requests[item.id] = item

    def save(self, item: AmendmentRequest) -> None:
        self.requests[item.id] = item

    def get(self, amendment_id: str, for_update: bool = False) -> AmendmentRequest | None:
        return self.requests.get(amendment_id)

    def pending_for(self, record_id: str) -> AmendmentRequest | None:
        return next((r for r in self.requests.values() if r.record_id == record_id and r.status is Status.PENDING),
                    None)

    def of_student(self, student_id: str, artifact_id: str = "") -> list[AmendmentRequest]:
        found = [r for r in self.requests.values() if r.student_id == student_id
                 and (not artifact_id or r.artifact_id == artifact_id)]
        return sorted(found, key=lambda r: r.requested_at, reverse=True)

    def on_records(self, record_ids: list[str]) -> list[AmendmentRequest]:
        return sorted((r for r in self.requests.values() if r.record_id in record_ids
                       and r.status is not Status.PENDING), key=lambda r: r.requested_at)
