"""Helpers of the notifications integration tests: the cast's roster events, applied through the real handlers
(inbox claims included), and a clock the test moves."""
from __future__ import annotations

import datetime as dt

from notifications.service_layer.subscriptions import SUBSCRIPTIONS

from chassis.events import Envelope
from chassis.messaging.subscriptions import consume

NOON = dt.datetime(2026, 12, 5, 17, 0, tzinfo=dt.UTC)       # 12:00 in Louisville
LOU = "America/Kentucky/Louisville"
CAST = {"S": ("Sam", "student", ""), "G": ("Gina", "guardian", "gina@example.org"),
        "G2": ("Gus", "guardian", "gus@example.org"), "T": ("Tess", "teacher", "tess@example.org")}


class Clock:
    def __init__(self, moment: dt.datetime = NOON) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta) -> None:
        self.moment += dt.timedelta(**delta)


def event(type_: str, producer: str, at: dt.datetime = NOON, **data) -> Envelope:
    return Envelope(type=type_, producer=producer, data=data, occurred_at=at.isoformat())


def cast_events(at: dt.datetime = NOON - dt.timedelta(days=30)) -> list[Envelope]:
    people = [event("person_added", "roster", at, person_id=p, sourced_id=p, roles=[role], active=True,
                    given_name=name, family_name="Doe", email=email, preferred_language="", primary_school_id="sch")
              for p, (name, role, email) in CAST.items()]
    return [*people, event("guardianship_added", "roster", at, guardian_id="G", student_id="S", active=True),
            event("guardianship_added", "roster", at, guardian_id="G2", student_id="S", active=True),
            event("section_added", "roster", at, section_id="sec", school_id="sch", school_year_id="y",
                  title="Science", start_date="2026-08-01", end_date="2027-06-01"),
            event("enrollment_added", "roster", at, enrollment_id="e-s", section_id="sec", person_id="S",
                  role="student", school_id="sch", active=True),
            event("enrollment_added", "roster", at, enrollment_id="e-t", section_id="sec", person_id="T",
                  role="teacher", school_id="sch", active=True)]


def artifact_added(at: dt.datetime = NOON, artifact_id: str = "a1", by: str = "T", role: str = "teacher") -> Envelope:
    return event("artifact_added", "artifacts", at, artifact_id=artifact_id, student_id="S", added_by=by,
                 added_by_role=role, title="Volcano model", school_id="sch", skill_ids=[], status="ready")


def apply(app, *envelopes: Envelope) -> None:
    for envelope in envelopes:
        consume(app.unit_of_work, SUBSCRIPTIONS, envelope, f"notifications.{envelope.type}")
