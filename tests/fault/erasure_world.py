"""One student's data in every service's own migrated database (rows with every required column filled), media
objects in S3, and the six events roles as nameko subprocesses: the world the erasure fault test and bench use."""
from __future__ import annotations

import datetime as dt
import io
import os
import pathlib
import subprocess
import sys
import uuid

from sqlalchemy import Boolean, DateTime, Integer, func, insert, select
from sqlalchemy.engine import Engine

from chassis.db import make_engine
from chassis.messaging.testing import WorkerProcess
from chassis.testing import infra

SERVICES = ("roster", "artifacts", "reflections", "notifications", "reporting", "skills")
WORKERS = {s: f"{s}.entrypoints.worker" for s in SERVICES}


def migrations(service: str) -> pathlib.Path:
    module = __import__(f"{service}.migrations", fromlist=["MIGRATIONS_DIR"])
    return module.MIGRATIONS_DIR


def filled(table, **values) -> dict:
    """``values`` plus a plain value for every other required column without a server default."""
    now = dt.datetime.now(dt.UTC)
    for column in table.columns:
        if column.name in values or column.nullable or column.server_default is not None or column.autoincrement is True:
            continue
        kind = column.type
        values[column.name] = (now if isinstance(kind, DateTime) else False if isinstance(kind, Boolean)
                               else 1 if isinstance(kind, Integer) else now.isoformat()[:10] if "date" in column.name
                               or column.name.endswith("_on") else uuid.uuid4().hex[:getattr(kind, "length", None) or 32])
    return values


def add(engine: Engine, table, **values) -> dict:
    row = filled(table, **values)
    with engine.begin() as connection:
        connection.execute(insert(table).values(**row))
    return row


def count(engine: Engine, table, **where) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table).where(
            *(table.c[k] == v for k, v in where.items()))).scalar()


def seed_student(engines: dict[str, Engine], store, student_id: str, artifacts: int = 2,
                 media_bytes: int = 1024) -> dict[str, int]:
    """A student with ``artifacts`` artifacts (one media version each, its checked copy in ``store``), a reflection
    and a comment on each, a notification per artifact, the replicas' rows; returns the media objects written (``blobs``,
    ``keys``) and the artifacts' ids."""
    from notifications.adapters import orm as n

    from artifacts.adapters import orm as a
    from reflections.adapters import orm as r
    from reporting.adapters import orm as p
    from roster.adapters import orm as ro
    from skills.adapters import orm as sk
    school = add(engines["roster"], ro.orgs, type="school")["id"] if "type" in ro.orgs.c else None
    add(engines["roster"], ro.people, id=student_id, given_name="Ada", family_name="Lovelace",
        email="ada@example.org", primary_school_id=school)
    add(engines["roster"], ro.person_roles, person_id=student_id, role="student", org_id=school)
    add(engines["roster"], ro.credentials, person_id=student_id, username=f"ada-{student_id[:6]}")
    keys: list[str] = []
    ids: list[str] = []
    for i in range(artifacts):
        artifact_id = str(uuid.uuid4())
        ids.append(artifact_id)
        add(engines["artifacts"], a.artifacts, id=artifact_id, student_id=student_id, title=f"Work {i}",
            kind="image", status="ready", added_by=student_id, added_by_role="student")
        key, checked = f"artifacts/{artifact_id}/v1/original", f"checked/artifacts/{artifact_id}/v1"
        add(engines["artifacts"], a.artifact_versions, artifact_id=artifact_id, number=1, media_key=key,
            created_by=student_id)
        add(engines["artifacts"], a.version_media, artifact_id=artifact_id, number=1, checked_key=checked,
            verdict="ready")
        for blob in (key, checked):
            store.put(blob, io.BytesIO(b"\0" * media_bytes), media_bytes, "application/octet-stream")
            keys.append(blob)
        reflection_id = str(uuid.uuid4())
        add(engines["reflections"], r.reflections, id=reflection_id, artifact_id=artifact_id, student_id=student_id)
        add(engines["reflections"], r.reflection_revisions, reflection_id=reflection_id, number=1, text="I learnt")
        add(engines["reflections"], r.comments, artifact_id=artifact_id, student_id=student_id, author_id=student_id,
            author_role="student", body="Look!")
        add(engines["reflections"], r.artifact_owners, artifact_id=artifact_id, student_id=student_id)
        add(engines["notifications"], n.notifications, student_id=student_id, recipient_id="guardian-1",
            subject_id=artifact_id, link=f"/artifacts/{artifact_id}")
        add(engines["notifications"], n.artifacts, artifact_id=artifact_id, student_id=student_id)
        add(engines["reporting"], p.artifacts, artifact_id=artifact_id, student_id=student_id)
        add(engines["skills"], sk.skill_usage, skill_id="skill-1", artifact_id=artifact_id)
    add(engines["notifications"], n.contacts, person_id=student_id)
    add(engines["skills"], sk.people, person_id=student_id)
    add(engines["reporting"], p.people, person_id=student_id)
    return {"blobs": len(keys), "keys": keys, "artifacts": ids}


class ErasureWorld:
    """Every service's database (fresh, migrated), a vhost, moto S3, and the events roles as subprocesses."""

    def __init__(self, urls: dict[str, str], amqp_url: str, platform_env: dict[str, str], tmp_path: pathlib.Path,
                 **env: str) -> None:
        self.urls, self.tmp_path = urls, tmp_path
        self.engines = {s: make_engine(url, pool_size=2) for s, url in urls.items()}
        self.env = {**{f"{s.upper()}_DATABASE_URL": url for s, url in urls.items()}, "SKILLFOLIO_AMQP_URL": amqp_url,
                    "SKILLFOLIO_QUEUE_TYPE": "classic", "SKILLFOLIO_EVENT_RETRY_DELAYS_MS": "200,400",
                    **platform_env, **env}
        self.workers: dict[str, WorkerProcess] = {}

    def start(self, service: str) -> WorkerProcess:
        env = {**self.env, f"{service.upper()}_EVENTS_METRICS_PORT": str(infra.free_port())}
        worker = WorkerProcess(service, WORKERS[service], env, self.tmp_path / f"{service}-{uuid.uuid4().hex[:6]}.log")
        self.workers[service] = worker.start()
        return worker

    def start_all(self) -> None:
        for service in SERVICES:
            self.start(service)
        for service in SERVICES:
            self.workers[service].wait_ready(f"outbox relay for {service} started")

    def consumers(self, service: str) -> int:
        """Consumers attached to ``service``'s erasure_requested queue (0 before it is declared)."""
        import amqp

        from chassis.messaging.testing import amqp_connection
        from chassis.messaging.topology import handler_queue_name
        queue = handler_queue_name("roster", "erasure_requested", service, "erasure_requested")
        try:
            with amqp_connection(self.env["SKILLFOLIO_AMQP_URL"]) as connection:
                return connection.channel().queue_declare(queue, passive=True)[2]
        except amqp.exceptions.NotFound:
            return 0

    def wait_consumers(self) -> None:
        from chassis.testing import wait_for
        wait_for(lambda: all(self.consumers(s) for s in SERVICES if s != "roster"), 120,
                 "every erasure_requested consumer")

    def cli(self, *args: str) -> subprocess.CompletedProcess:
        """`skillfolio ARGS` with this world's settings (the operator's CLI)."""
        return subprocess.run([str(pathlib.Path(sys.executable).parent / "skillfolio"), *args], capture_output=True,
                              text=True, env={**os.environ, **self.env}, timeout=300)

    def stop(self, service: str) -> None:
        self.workers.pop(service).stop()

    def close(self) -> None:
        for worker in self.workers.values():
            worker.stop()
        for engine in self.engines.values():
            engine.dispose()
