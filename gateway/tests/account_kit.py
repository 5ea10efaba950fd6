"""A person of one's own for the session tests: a new student in the roster database (with a local account, at a
school of their own), the same facts fed to the artifacts, reflections and skills replicas, and their deactivation as a roster
import does it (the row made inactive, then ``person_updated`` with ``active: false`` reaching the replicas)."""
from __future__ import annotations

import secrets
from dataclasses import dataclass

from gateway_district import FAST_ARGON2, HASHER, District
from sqlalchemy import delete, insert, update

from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.config import service_settings
from chassis.db import make_engine
from chassis.events import Envelope
from chassis.messaging.subscriptions import consume
from reflections.service_layer import subscriptions as reflections_subscriptions
from roster.adapters import orm
from roster.bootstrap import build as build_roster
from roster.domain.identity import entity_id
from skills.service_layer import subscriptions as skills_subscriptions

CONSUMER = "gateway-tests.accounts"


@dataclass
class Account:
    person_id: str
    username: str
    password: str
    person_event: dict


class Accounts:
    def __init__(self, roster_url: str, district: District, artifacts_app, reflections_app, skills_app) -> None:
        self.roster_url, self.district = roster_url, district
        self.artifacts_app, self.reflections_app, self.skills_app = artifacts_app, reflections_app, skills_app
        self.created: list[tuple[str, list[str]]] = []     # (person id, org ids) to remove from the roster after

    def _replicate(self, type_: str, **data) -> None:
        envelope = Envelope(type=type_, producer="roster", data=data)
        assert consume(self.artifacts_app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope, CONSUMER)
        assert consume(self.reflections_app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, CONSUMER)
        if type_.startswith("person_"):
            assert consume(self.skills_app.unit_of_work, skills_subscriptions.SUBSCRIPTIONS, envelope, CONSUMER)

    def new_student(self, replicas: bool = True) -> Account:
        """A new active student at a new school of a new district (so no other test's lists or counts change);
        ``replicas`` False leaves the replicas unaware of them (not yet replicated)."""
        short = "s" + secrets.token_hex(5)
        person, org, school = entity_id("user", short), entity_id("org", f"d-{short}"), entity_id("org", f"s-{short}")
        password = secrets.token_urlsafe(18)
        engine = make_engine(self.roster_url)
        try:
            with engine.begin() as conn:
                conn.execute(insert(orm.orgs), [
                    {"id": org, "sourced_id": f"d-{short}", "type": "district", "name": f"District {short}",
                     "parent_id": None},
                    {"id": school, "sourced_id": f"s-{short}", "type": "school", "name": f"School {short}",
                     "parent_id": org}])
                conn.execute(insert(orm.people), {"id": person, "sourced_id": short, "given_name": "Nia",
                                                  "family_name": short, "username": short, "grade_level": "05",
                                                  "primary_school_id": school})
                conn.execute(insert(orm.person_roles), {"person_id": person, "role": "student", "is_primary": True,
                                                        "org_id": school})
                conn.execute(insert(orm.credentials), {"person_id": person, "username": short,
                                                       "password_hash": HASHER.hash(password)})
        finally:
            engine.dispose()
        self.created.append((person, [school, org]))
        event = dict(person_id=person, sourced_id=short, roles=["student"], grade_level="05",
                     primary_school_id=school, given_name="Nia", family_name=short)
        if replicas:
            self._replicate("person_added", **event, active=True)
        return Account(person, short, password, event)

    def deactivate(self, account: Account, replicas: bool = True) -> None:
        """What a roster import does: the person row made inactive, then (``replicas``) the event applied."""
        engine = make_engine(self.roster_url)
        try:
            with engine.begin() as conn:
                conn.execute(update(orm.people).where(orm.people.c.id == account.person_id).values(active=False))
        finally:
            engine.dispose()
        if replicas:
            self._replicate("person_updated", **account.person_event, active=False)

    def change_password(self, account: Account) -> None:
        """What `skillfolio roster set-password` does: the roster's own use case sets a new password."""
        roster = build_roster(service_settings("roster", database_url=self.roster_url), FAST_ARGON2)
        try:
            account.password = secrets.token_urlsafe(18)
            roster.accounts.set_password(account.username, account.password)
        finally:
            roster.close()

    def remove_all(self) -> None:
        """Take this test's people and orgs out of the shared roster database (lists and counts elsewhere stay)."""
        engine = make_engine(self.roster_url)
        try:
            with engine.begin() as conn:
                for person, orgs in self.created:
                    for table in (orm.credentials, orm.person_roles):
                        conn.execute(delete(table).where(table.c.person_id == person))
                    conn.execute(delete(orm.people).where(orm.people.c.id == person))
                    for org in orgs:
                        conn.execute(delete(orm.orgs).where(orm.orgs.c.id == org))
        finally:
            engine.dispose()
