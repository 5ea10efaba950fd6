"""The reflection_add bench's data and baseline: a migrated reflections database whose replicas know N students
each owning one artifact (fed through the events role's own code), the direct insert of the rows AddReflection
commits, and the check that answered reflections have their committed outbox rows."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import insert, select

from chassis.db import make_engine
from chassis.events import Envelope
from chassis.migrations import upgrade


@dataclass(frozen=True)
class Writer:
    student_id: str
    artifact_id: str


def seed_writers(database_url: str, count: int) -> list[Writer]:
    """Migrate (every head: branches merged later may carry parallel migrations) and feed the replicas."""
    from chassis.config import service_settings
    from chassis.messaging.subscriptions import consume
    from reflections.bootstrap import build
    from reflections.migrations import MIGRATIONS_DIR
    from reflections.service_layer import subscriptions as reflections_subscriptions
    upgrade(MIGRATIONS_DIR, database_url, "heads")
    writers = [Writer(f"bench-student-{i:03d}", str(uuid.uuid4())) for i in range(count)]
    app = build(service_settings("reflections", database_url=database_url, db_pool_size=2))
    try:
        for w in writers:
            for envelope in (
                    Envelope(type="person_added", producer="roster", data={
                        "person_id": w.student_id, "roles": ["student"], "primary_school_id": "bench-school",
                        "active": True}),
                    Envelope(type="artifact_added", producer="artifacts", data={
                        "artifact_id": w.artifact_id, "student_id": w.student_id, "added_by": w.student_id,
                        "added_by_role": "student", "skill_ids": []})):
                consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope,
                        f"bench.{envelope.type}")
    finally:
        app.close()
    return writers


class BaselineWriter:
    """The rows AddReflection commits, inserted directly: reflection, first revision, outbox row (the bare insert)."""

    def __init__(self, database_url: str, pool: int) -> None:
        from reflections.adapters.orm import outbox, reflection_revisions, reflections
        self.tables = reflections, reflection_revisions, outbox
        self.engine = make_engine(database_url, pool_size=pool)     # the pool the API builds (chassis.db)

    def add(self, writer: Writer, body: str) -> str:
        from reflections.domain.events import ReflectionAdded
        reflections, revisions, outbox = self.tables
        reflection_id, now = str(uuid.uuid4()), dt.datetime.now(dt.UTC)
        envelope = Envelope.from_event(ReflectionAdded(reflection_id, writer.artifact_id, writer.student_id, "", 1),
                                       "reflections")
        with self.engine.begin() as conn:
            conn.execute(insert(reflections).values(
                id=reflection_id, artifact_id=writer.artifact_id, student_id=writer.student_id, prompt_id="",
                prompt_text="", current_revision=1, created_at=now, updated_at=now))
            conn.execute(insert(revisions).values(reflection_id=reflection_id, number=1, text=body, created_at=now,
                                                  kind="text"))
            conn.execute(insert(outbox).values(event_id=envelope.event_id, type=envelope.type,
                                               body=envelope.to_json()))
        return reflection_id

    def close(self) -> None:
        self.engine.dispose()


def outbox_rows_for(database_url: str, reflection_ids: list[str]) -> int:
    """How many of ``reflection_ids`` have their reflection_added outbox row (committed: read after the run)."""
    from reflections.adapters.orm import outbox
    engine = make_engine(database_url, pool_size=1)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(outbox.c.body).where(outbox.c.type == "reflection_added")).scalars()
            found = {Envelope.from_json(body).data["reflection_id"] for body in rows}
    finally:
        engine.dispose()
    return len(set(reflection_ids) & found)
