"""The skills service's subscriptions through the fake unit of work: each event applied once (its inbox claim in
the same unit), replicas keeping the newest event per entity, and what they decide (deletable skills, school
admins' writes)."""
from __future__ import annotations

import pytest
from skills_fakes import FakeSkillsUnitOfWork
from skills_fixtures import ADMIN, BANDS, DISTRICT, fields

from chassis.errors import Conflict, PermissionDenied
from chassis.events import Envelope
from chassis.messaging.replica import ERASED_ARTIFACT
from chassis.messaging.subscriptions import apply_once
from skills.domain.access import Viewer
from skills.service_layer.commands import SkillCommands
from skills.service_layer.subscriptions import SUBSCRIPTIONS

SCHOOL_ADMIN = Viewer.of("p-sadmin", ["school_admin"])


def deliver(uow: FakeSkillsUnitOfWork, envelope: Envelope) -> bool:
    handler = SUBSCRIPTIONS[(envelope.producer, envelope.type)]
    return apply_once(lambda: uow, f"skills.{envelope.type}", envelope, handler)


def roster(type_: str, at: str, **data) -> Envelope:
    return Envelope(type=type_, producer="roster", occurred_at=at, data=data)


def artifacts(type_: str, at: str, **data) -> Envelope:
    return Envelope(type=type_, producer="artifacts", occurred_at=at, data=data)


@pytest.fixture
def uow() -> FakeSkillsUnitOfWork:
    return FakeSkillsUnitOfWork()


def test_each_event_is_applied_once_with_its_inbox_claim(uow):
    promoted = roster("person_added", "2026-11-01T00:00:00+00:00", person_id="p-sadmin", roles=["school_admin"],
                      primary_school_id="school-a", active=True)
    assert deliver(uow, promoted) and not deliver(uow, promoted)
    assert uow.claims == {("skills.person_added", promoted.event_id)} and uow.commits == 1
    assert uow.replicas.administered_schools("p-sadmin") == {"school-a"} and uow.replicas.active["p-sadmin"]
    assert uow.events == [] and uow.audit_rows == []                     # replicas raise and audit nothing


def test_an_older_person_event_changes_nothing_and_removal_clears(uow):
    deliver(uow, roster("person_updated", "2026-11-02T00:00:00+00:00", person_id="p-x", roles=["school_admin"],
                        primary_school_id="school-a"))
    deliver(uow, roster("person_added", "2026-11-01T00:00:00+00:00", person_id="p-x", roles=["teacher"],
                        primary_school_id="school-a"))
    assert uow.replicas.administered_schools("p-x") == {"school-a"}
    deliver(uow, roster("person_removed", "2026-11-03T00:00:00+00:00", person_id="p-x"))
    assert uow.replicas.administered_schools("p-x") == frozenset() and uow.replicas.active["p-x"] is False


def test_a_school_admin_from_the_replica_writes_their_schools_framework(uow):
    commands = SkillCommands(lambda: uow)
    commands.define_framework(ADMIN, DISTRICT, "", "Success Skills", BANDS)
    with pytest.raises(PermissionDenied):
        commands.define_framework(SCHOOL_ADMIN, DISTRICT, "school-a", "A", [])
    deliver(uow, roster("person_added", "2026-11-01T00:00:00+00:00", person_id="p-sadmin", roles=["school_admin"],
                        primary_school_id="school-a", active=True))
    commands.define_framework(SCHOOL_ADMIN, DISTRICT, "school-a", "A", [])
    assert uow.event_types() == ["framework_defined", "framework_defined"]


def test_a_skill_an_artifact_ever_used_is_retired_not_deleted_whatever_the_arrival_order(uow):
    commands = SkillCommands(lambda: uow)
    commands.define_framework(ADMIN, DISTRICT, "", "Success Skills", BANDS)
    used = commands.create_skill(ADMIN, DISTRICT, "", fields("used", "Used"))
    deleted = artifacts("artifact_deleted", "2026-11-23T11:00:00+00:00", artifact_id="a9")
    added = artifacts("artifact_added", "2026-11-23T10:00:00+00:00", artifact_id="a9", skill_ids=[used.id])
    assert deliver(uow, deleted) and deliver(uow, added)                 # the deletion overtook the addition
    assert uow.replicas.usage == {(used.id, "a9"): False} and uow.replicas.ever_used(used.id)
    with pytest.raises(Conflict, match="retire it instead"):
        commands.delete_skill(ADMIN, used.id)


def test_an_event_about_an_artifact_erased_here_tags_nothing(uow):
    """An update of an erased artifact that was still in flight when the erasure ran is claimed and changes nothing:
    the erased id is not named in skill_usage again."""
    uow.replicas.versions[(ERASED_ARTIFACT, "a-gone")] = ("2026-11-01T00:00:00+00:00", True)
    late = artifacts("artifact_updated", "2026-11-02T00:00:00+00:00", artifact_id="a-gone", skill_ids=["k1"])
    assert deliver(uow, late)
    assert not [key for key in uow.replicas.usage if key[1] == "a-gone"]
    deliver(uow, artifacts("artifact_updated", "2026-11-02T00:00:00+00:00", artifact_id="a-kept", skill_ids=["k1"]))
    assert uow.replicas.usage[("k1", "a-kept")] is True
