"""Amendment requests (SQLAlchemy Core, on the reflections metadata): who asked that which record be amended and
why, the decision with the texts before and after (the record's history), and any statement of disagreement."""
from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, String, Table, Text

from reflections.adapters.schema import Id, Key, metadata

amendment_requests = Table(
    "amendment_requests", metadata,
    Column("id", Id, primary_key=True),
    Column("record_type", String(16), nullable=False),           # comment | feedback | assessment
    Column("record_id", Id, nullable=False),
    Column("artifact_id", Id, nullable=False),
    Column("student_id", Key, nullable=False),
    Column("requester_id", Key, nullable=False),
    Column("requester_role", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("requested_at", DateTime(timezone=True), nullable=False),
    Column("status", String(16), nullable=False),                # pending | amended | refused
    Column("decided_by", Key, nullable=False, server_default=""),
    Column("decider_role", String(16), nullable=False, server_default=""),
    Column("decision_reason", Text, nullable=False, server_default=""),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    Column("previous", Text, nullable=False, server_default="{}"),   # JSON {field: text} before the amendment
    Column("amended", Text, nullable=False, server_default="{}"),    # JSON {field: text} it set
    Column("disagreement", Text, nullable=False, server_default=""),
    Column("disagreement_at", DateTime(timezone=True), nullable=True),
    Index("ix_amendment_requests_student_id", "student_id", "requested_at"),
    Index("ix_amendment_requests_record_id", "record_id"),
)
