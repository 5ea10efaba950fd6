"""A unit of work over a run of same-type events for the batch path: what the rules read (guardians, schools,
contacts, preferences, artifacts and their versions, the district, notifications a new one may coalesce into) is
fetched once for the whole run, and what they write (notifications, instant deliveries, coalescing bumps, the
artifacts replica) is kept and written set-based by :meth:`BatchUnit.flush`. Anything else goes to the real unit's
repositories, which read tables this unit never holds back."""
from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict
from dataclasses import fields, replace

from sqlalchemy import and_, bindparam, insert, or_, select, update

from chassis.messaging.replica import upsert_statement, utc_iso
from notifications.adapters.orm import (
    artifacts,
    deliveries,
    guardianships,
    notifications,
    people,
    replica_versions,
    utc,
)
from notifications.adapters.replicas import ArtifactFacts, Contact
from notifications.adapters.settings import SettingsRepository
from notifications.domain.model import Notification
from notifications.domain.preferences import Preferences
from notifications.domain.timing import COALESCE_WINDOW


def _csv(value) -> str:
    if value is None:
        return ""                                           # unquoted empty: NULL
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, int):
        return str(value)
    text = value.isoformat() if isinstance(value, dt.datetime) else str(value)
    return '"' + text.replace('"', '""') + '"'


def insert_rows(session, table, rows: list[dict]) -> None:
    """Insert ``rows`` (same keys) in one round trip: COPY on PostgreSQL, executemany elsewhere (SQLite)."""
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(table), rows)
        return
    columns = list(rows[0])
    body = "\n".join(",".join(_csv(row[c]) for c in columns) for row in rows) + "\n"
    with session.connection().connection.cursor() as cursor:
        cursor.copy_expert(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv)", io.StringIO(body))


def _values(record) -> dict:
    """A flat record's fields (``dataclasses.asdict`` deep-copies every value: too slow per row here)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


class _Delegating:
    def __init__(self, real) -> None:
        self._real = real

    def __getattr__(self, name: str):
        return getattr(self._real, name)


class BatchReplicas(_Delegating):
    def __init__(self, real, session, students: set[str], artifact_ids: set[str]) -> None:
        super().__init__(real)
        self.guardians: dict[str, set[str]] = {s: set() for s in students}
        for r in session.execute(select(guardianships.c.guardian_id, guardianships.c.student_id)
                                 .join(people, people.c.person_id == guardianships.c.guardian_id, isouter=True)
                                 .where(guardianships.c.student_id.in_(sorted(students)),
                                        people.c.active.is_not(False))):
            self.guardians[r.student_id].add(r.guardian_id)
        self.schools = {s: "" for s in students}
        self.schools.update({r.person_id: r.primary_school_id or "" for r in session.execute(
            select(people.c.person_id, people.c.primary_school_id).where(people.c.person_id.in_(sorted(students))))})
        self.artifacts: dict[str, ArtifactFacts | None] = dict.fromkeys(artifact_ids)
        for r in session.execute(select(artifacts).where(artifacts.c.artifact_id.in_(sorted(artifact_ids)),
                                                         artifacts.c.deleted.is_(False))):
            self.artifacts[r.artifact_id] = ArtifactFacts(r.artifact_id, r.student_id, r.added_by, r.added_by_role,
                                                          r.title, r.school_id)
        v = replica_versions.c
        self.versions: dict[str, tuple[str, bool]] = {
            r.entity_id: (r.last_event_at, r.deleted) for r in session.execute(
                select(v.entity_id, v.last_event_at, v.deleted).where(
                    v.kind == "artifact", v.entity_id.in_(sorted(artifact_ids))).with_for_update())}
        self.contact_cache: dict[str, Contact | None] = {}
        self.new_versions: dict[str, tuple[str, bool]] = {}
        self.new_artifacts: dict[str, ArtifactFacts] = {}

    def guardians_of(self, student_id: str) -> set[str]:
        known = self.guardians.get(student_id)
        return set(known) if known is not None else self._real.guardians_of(student_id)

    def primary_school(self, person_id: str) -> str:
        known = self.schools.get(person_id)
        return known if known is not None else self._real.primary_school(person_id)

    def contacts(self, person_ids) -> dict[str, Contact]:
        missing = {p for p in person_ids if p not in self.contact_cache}
        if missing:
            found = self._real.contacts(missing)
            self.contact_cache.update({p: found.get(p) for p in missing})
        return {p: c for p in person_ids if (c := self.contact_cache[p]) is not None}

    def artifact(self, artifact_id: str) -> ArtifactFacts | None:
        return self.artifacts[artifact_id] if artifact_id in self.artifacts else self._real.artifact(artifact_id)

    def is_newest(self, kind: str, entity_id: str, occurred_at: str, deleted: bool = False) -> bool:
        """chassis.messaging.replica.is_newest over the versions read (and locked) for the run."""
        if kind != "artifact" or entity_id not in self.artifacts:
            raise AssertionError(f"the batch path keeps no {kind} version for {entity_id}")
        at, known = utc_iso(occurred_at), self.versions.get(entity_id)
        if known is not None and (known[1] or known[0] > at):
            return False
        self.versions[entity_id] = self.new_versions[entity_id] = (at, deleted)
        return True

    def put_artifact(self, a: ArtifactFacts) -> None:
        self.artifacts[a.artifact_id] = self.new_artifacts[a.artifact_id] = a

    def flush(self, session) -> None:
        if self.new_versions:
            rows = [{"kind": "artifact", "entity_id": i, "last_event_at": at, "deleted": d}
                    for i, (at, d) in self.new_versions.items()]
            statement = upsert_statement(session, replica_versions)
            session.execute(statement.on_conflict_do_update(
                index_elements=["kind", "entity_id"],
                set_={"last_event_at": statement.excluded.last_event_at, "deleted": statement.excluded.deleted},
                where=and_(replica_versions.c.deleted.is_(False),
                           replica_versions.c.last_event_at <= statement.excluded.last_event_at)), rows)
        if self.new_artifacts:
            rows = [{**_values(a), "deleted": False} for a in self.new_artifacts.values()]
            statement = upsert_statement(session, artifacts)
            session.execute(statement.on_conflict_do_update(index_elements=["artifact_id"], set_={
                c: statement.excluded[c] for c in ("student_id", "added_by", "added_by_role", "title", "school_id",
                                                   "deleted")}), rows)


class BatchSettings(_Delegating):
    def __init__(self, real: SettingsRepository, person_ids: set[str]) -> None:
        super().__init__(real)
        self._district = real.district()
        self.cache: dict[str, Preferences | None] = dict.fromkeys(person_ids)
        self.cache.update(real.preferences_of(person_ids))           # the few who chose something

    def district(self):
        return self._district

    def preferences(self, person_id: str):
        if person_id not in self.cache:
            self.cache[person_id] = self._real.preferences(person_id)
        return self.cache[person_id] or Preferences()


class BatchNotifications(_Delegating):
    """add, coalescible and bump in memory, over the run's students' notifications recent enough to coalesce."""

    def __init__(self, real, session, students: set[str], since: dt.datetime) -> None:
        super().__init__(real)
        n = notifications.c
        rows = session.execute(
            select(notifications).outerjoin(deliveries, deliveries.c.id == n.delivery_id)
            .where(n.student_id.in_(sorted(students)), n.created_at >= since, n.held_by == "",
                   or_(n.delivery_id.is_(None), and_(deliveries.c.status == "queued", deliveries.c.attempts == 0)))
            .with_for_update(of=notifications))
        self.recent: dict[tuple, list[Notification]] = defaultdict(list)
        for r in rows:
            self.recent[(r.recipient_id, r.actor_id, r.student_id, r.kind)].append(
                Notification(**{k: utc(getattr(r, k)) if k in ("created_at", "updated_at", "email_due_at")
                                else getattr(r, k) for k in Notification.__dataclass_fields__}))
        self.added: dict[str, Notification] = {}
        self.bumped: dict[str, dt.datetime] = {}
        self.bumps: dict[str, int] = defaultdict(int)

    def add(self, n: Notification) -> None:
        n = replace(n, updated_at=n.updated_at or n.created_at)
        self.added[n.id] = n
        if not n.held_by:
            self.recent[(n.recipient_id, n.actor_id, n.student_id, n.kind)].append(n)

    def coalescible(self, recipient_id: str, actor_id: str, student_id: str, kind: str,
                    since: dt.datetime) -> Notification | None:
        fitting = [n for n in self.recent.get((recipient_id, actor_id, student_id, kind), ()) if n.created_at >= since]
        return max(fitting, key=lambda n: n.created_at) if fitting else None

    def bump(self, notification_id: str, at: dt.datetime) -> None:
        n = self.added.get(notification_id)
        if n is not None:
            n.count, n.updated_at, n.read, n.title = n.count + 1, at, False, ""
        else:
            self.bumps[notification_id] += 1
            self.bumped[notification_id] = at

    def flush(self, session) -> None:
        insert_rows(session, notifications, [_values(n) for n in self.added.values()])
        if self.bumps:
            n = notifications.c
            session.execute(update(notifications).where(n.id == bindparam("b_id")).values(
                count=n.count + bindparam("b_count"), updated_at=bindparam("b_at"), read=False, title=""),
                [{"b_id": i, "b_count": c, "b_at": self.bumped[i]} for i, c in self.bumps.items()])


class BatchDeliveries(_Delegating):
    def __init__(self, real) -> None:
        super().__init__(real)
        self.added: list = []

    def add(self, d) -> bool:
        self.added.append(d)       # an instant delivery's period is its own notification: never a conflict
        return True

    def flush(self, session) -> None:
        if self.added:
            session.execute(upsert_statement(session, deliveries).on_conflict_do_nothing(
                index_elements=["recipient_id", "kind", "period_key"]), [_values(d) for d in self.added])


class BatchUnit:
    """Stands in for the real unit of work while a run's effects are applied; :meth:`flush` writes them."""

    def __init__(self, uow, students: set[str], people_ids: set[str], artifact_ids: set[str],
                 earliest: dt.datetime) -> None:
        session = uow.session
        self.session = session
        self.replicas = BatchReplicas(uow.replicas, session, students, artifact_ids)
        guardians = set().union(*self.replicas.guardians.values()) if self.replicas.guardians else set()
        self.replicas.contacts(guardians | people_ids)
        self.settings = BatchSettings(uow.settings, guardians | people_ids)
        self.notifications = BatchNotifications(uow.notifications, session, students, earliest - COALESCE_WINDOW)
        self.deliveries = BatchDeliveries(uow.deliveries)

    def flush(self) -> None:
        self.replicas.flush(self.session)
        self.deliveries.flush(self.session)
        self.notifications.flush(self.session)
