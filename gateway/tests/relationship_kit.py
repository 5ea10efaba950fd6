"""People of their own for the relationship tests, at the session district's school (so skill tags of the district
apply): a teacher enrolled in a new section with a new student, and a guardian of that student, written to the
roster's database; the artifacts and reflections replicas get the people and the
section at once, but the enrollments and the guardianship only when :meth:`Relations.catch_up` is called (until
then the roster knows a relation the replicas have not received). An unrelated teacher has no relation at all."""
from __future__ import annotations

import datetime as dt
import secrets

from gateway_district import HASHER, District
from sqlalchemy import delete, insert

from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.db import make_engine
from chassis.events import Envelope
from chassis.messaging.subscriptions import consume
from reflections.service_layer import subscriptions as reflections_subscriptions
from roster.adapters import orm
from roster.domain.identity import entity_id

CONSUMER = "gateway-tests.relations"
COURSE = entity_id("course", "c1")        # gateway_district's course
PEOPLE = {"teacher": "teacher", "student": "student", "guardian": "guardian", "stranger": "teacher"}


class Relations:
    """People (``ids``, ``logins``) whose enrollments and guardianship the replicas receive only on catch_up."""

    def __init__(self, roster_url: str, district: District, artifacts_app, reflections_app) -> None:
        self.roster_url, self.apps = roster_url, (artifacts_app, reflections_app)
        self.tag = "r" + secrets.token_hex(5)
        self.ids = {short: entity_id("user", f"{self.tag}-{short}") for short in PEOPLE}
        self.logins: dict[str, tuple[str, str]] = {}
        self.held_back: list[Envelope] = []
        self.school, self.year, self.course = district.ids["school"], district.ids["year"], COURSE
        self.section = entity_id("class", f"k-{self.tag}")

    def _replicate(self, envelope: Envelope) -> None:
        artifacts_app, reflections_app = self.apps
        assert consume(artifacts_app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope, CONSUMER)
        assert consume(reflections_app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, CONSUMER)

    def create(self) -> Relations:
        today = dt.date.today()
        start, end = today - dt.timedelta(days=30), today + dt.timedelta(days=200)
        engine = make_engine(self.roster_url)
        try:
            with engine.begin() as conn:
                conn.execute(insert(orm.sections), {"id": self.section, "sourced_id": f"k-{self.tag}",
                                                    "title": "Math 5B", "class_code": self.tag, "course_id": self.course,
                                                    "school_id": self.school, "school_year_id": self.year,
                                                    "start_date": start, "end_date": end})
                for short, role in PEOPLE.items():
                    self._person(conn, short, role)
                for short, role in (("teacher", "teacher"), ("student", "student")):
                    enrollment = entity_id("enrollment", f"{self.tag}-{short}")
                    conn.execute(insert(orm.enrollments), {
                        "id": enrollment, "sourced_id": f"{self.tag}-{short}", "section_id": self.section,
                        "person_id": self.ids[short], "school_id": self.school, "role": role})
                    self.held_back.append(Envelope(type="enrollment_added", producer="roster", data=dict(
                        enrollment_id=enrollment, section_id=self.section, person_id=self.ids[short], role=role,
                        school_id=self.school, begin_date="", end_date="", active=True)))
                conn.execute(insert(orm.guardianships), {"guardian_id": self.ids["guardian"],
                                                         "student_id": self.ids["student"]})
                self.held_back.append(Envelope(type="guardianship_added", producer="roster", data=dict(
                    guardian_id=self.ids["guardian"], student_id=self.ids["student"], active=True)))
        finally:
            engine.dispose()
        self._replicate(Envelope(type="section_added", producer="roster", data=dict(
            section_id=self.section, school_id=self.school, school_year_id=self.year, title="Math 5B",
            start_date=start.isoformat(), end_date=end.isoformat())))
        return self

    def _person(self, conn, short: str, role: str) -> None:
        person, username, password = self.ids[short], f"{self.tag}{short}", secrets.token_urlsafe(18)
        conn.execute(insert(orm.people), {"id": person, "sourced_id": f"{self.tag}-{short}", "given_name": short,
                                          "family_name": self.tag, "username": username,
                                          "grade_level": "05" if role == "student" else "",
                                          "primary_school_id": self.school})
        conn.execute(insert(orm.person_roles), {"person_id": person, "role": role, "is_primary": True,
                                                "org_id": self.school})
        conn.execute(insert(orm.credentials), {"person_id": person, "username": username,
                                               "password_hash": HASHER.hash(password)})
        self.logins[short] = (username, password)
        self._replicate(Envelope(type="person_added", producer="roster", data=dict(
            person_id=person, sourced_id=f"{self.tag}-{short}", roles=[role], active=True, given_name=short,
            family_name=self.tag, grade_level="05" if role == "student" else "", primary_school_id=self.school)))

    def catch_up(self) -> None:
        """The held-back enrollment and guardianship events reach both replicas."""
        for envelope in self.held_back:
            self._replicate(envelope)

    def remove(self) -> None:
        """Take these people and their section out of the shared roster database (other tests' lists and counts stay
        as they were)."""
        people = list(self.ids.values())
        engine = make_engine(self.roster_url)
        try:
            with engine.begin() as conn:
                conn.execute(delete(orm.enrollments).where(orm.enrollments.c.section_id == self.section))
                conn.execute(delete(orm.guardianships).where(orm.guardianships.c.guardian_id.in_(people)))
                conn.execute(delete(orm.sections).where(orm.sections.c.id == self.section))
                for table in (orm.credentials, orm.person_roles):
                    conn.execute(delete(table).where(table.c.person_id.in_(people)))
                conn.execute(delete(orm.people).where(orm.people.c.id.in_(people)))
        finally:
            engine.dispose()
