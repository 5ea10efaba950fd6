"""A fake notifications unit of work: in-memory repositories and replicas with the real ones' interfaces (the parts
the intake, approval and personal use cases call), over the chassis fake's outbox, audit log and inbox lists."""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import replace

from notifications.adapters.replicas import ArtifactFacts, Contact
from notifications.domain.model import Approval, Delivery, Notification
from notifications.domain.preferences import DistrictSettings, Preferences
from notifications.service_layer.unit_of_work import PRODUCER, NotificationsUnitOfWork

from chassis.testing.fake_uow import FakeUnitOfWork


class FakeReplicas:
    def __init__(self) -> None:
        self.guardians: dict[str, set[str]] = {}        # student -> guardians
        self.teachers: dict[str, set[str]] = {}         # student -> teachers who teach them now
        self.people: dict[str, Contact] = {}
        self.schools: dict[str, str] = {}
        self.artifacts: dict[str, ArtifactFacts] = {}
        self.erased_people: set[str] = set()

    def erased(self, person_ids) -> bool:
        return bool(self.erased_people & set(person_ids))

    def guardians_of(self, student_id: str) -> set[str]:
        return set(self.guardians.get(student_id, ()))

    def current_teachers_of(self, student_id: str, on: dt.date) -> set[str]:
        return set(self.teachers.get(student_id, ()))

    def teaches_now(self, teacher_id: str, student_id: str, on: dt.date) -> bool:
        return teacher_id in self.teachers.get(student_id, ())

    def contacts(self, person_ids) -> dict[str, Contact]:
        return {p: self.people[p] for p in person_ids if p in self.people}

    def primary_school(self, person_id: str) -> str:
        return self.schools.get(person_id, "")

    def artifact(self, artifact_id: str) -> ArtifactFacts | None:
        return self.artifacts.get(artifact_id)


class FakeNotifications:
    def __init__(self) -> None:
        self.rows: dict[str, Notification] = {}
        self.held: dict[str, Approval] = {}

    def add(self, n: Notification) -> None:
        self.rows[n.id] = replace(n, updated_at=n.updated_at or n.created_at)

    def coalescible(self, recipient_id, actor_id, student_id, kind, since, until, deliveries=None):
        like = [n for n in self.rows.values() if (n.recipient_id, n.actor_id, n.student_id, n.kind) ==
                (recipient_id, actor_id, student_id, kind) and since <= n.created_at <= until and not n.held_by
                and (n.delivery_id is None or self.unsent(n.delivery_id))]
        return copy.deepcopy(max(like, key=lambda n: n.created_at)) if like else None

    unsent = staticmethod(lambda delivery_id: True)   # rebound by the unit of work to its deliveries

    def forget(self, recipient_id: str, student_id: str) -> int:
        gone = [i for i, n in self.rows.items() if (n.recipient_id, n.student_id) == (recipient_id, student_id)]
        for i in gone:
            del self.rows[i]
        return len(gone)

    def bump(self, notification_id: str, at: dt.datetime) -> None:
        n = self.rows[notification_id]
        n.count, n.updated_at, n.read, n.title = n.count + 1, at, False, ""

    def set_email(self, notification_id, mode, due_at, delivery_id) -> None:
        n = self.rows[notification_id]
        n.email_mode, n.email_due_at, n.delivery_id = mode, due_at, delivery_id

    def hold(self, a: Approval) -> None:
        self.held[a.id] = copy.deepcopy(a)

    def pending_students(self) -> set[str]:
        return {a.student_id for a in self.held.values() if a.approved_at is None}

    def pending(self, student_ids, after, size) -> list[Approval]:
        return sorted((copy.deepcopy(a) for a in self.held.values() if a.approved_at is None
                       and a.student_id in student_ids), key=lambda a: (a.created_at, a.id))[:size + 1]

    def approvals(self, ids) -> list[Approval]:
        return [copy.deepcopy(self.held[i]) for i in ids if i in self.held and self.held[i].approved_at is None]

    def approve(self, approval_id: str, by: str, at: dt.datetime) -> list[Notification]:
        self.held[approval_id].approved_by, self.held[approval_id].approved_at = by, at
        released = [n for n in self.rows.values() if n.held_by == approval_id]
        for n in released:
            n.held_by, n.created_at, n.updated_at = "", at, at
        return copy.deepcopy(released)


class FakeDeliveries:
    def __init__(self) -> None:
        self.rows: dict[str, Delivery] = {}

    def add(self, d: Delivery) -> bool:
        if any((x.recipient_id, x.kind, x.period_key) == (d.recipient_id, d.kind, d.period_key)
               for x in self.rows.values()):
            return False
        self.rows[d.id] = copy.deepcopy(d)
        return True

    def address_failing(self, email: str) -> bool:
        return False


class FakeSettings:
    def __init__(self) -> None:
        self.people: dict[str, Preferences] = {}
        self.district_settings = DistrictSettings()

    def preferences(self, person_id: str) -> Preferences:
        return self.people.get(person_id, Preferences())

    def save_preferences(self, person_id: str, p: Preferences) -> None:
        self.people[person_id] = p

    def district(self) -> DistrictSettings:
        return self.district_settings

    def save_district(self, d: DistrictSettings) -> None:
        self.district_settings = d


class FakeNotificationsUnitOfWork(FakeUnitOfWork, NotificationsUnitOfWork):
    stores = ("notifications", "deliveries", "settings", "replicas")
    producer = PRODUCER

    def __init__(self) -> None:
        super().__init__()
        self.notifications, self.deliveries = FakeNotifications(), FakeDeliveries()
        self.settings, self.replicas = FakeSettings(), FakeReplicas()
        self.notifications.unsent = lambda delivery_id: (self.deliveries.rows[delivery_id].status == "queued"
                                                         and self.deliveries.rows[delivery_id].attempts == 0)
