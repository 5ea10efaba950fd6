"""Telling "not heard of yet" from "no" for an artifact (service_layer/artifact_owner.py), on a fake unit of work:
a UUIDv7 id minted within the replica wait and unknown to the replica is retryable; a known, deleted, old or
non-UUIDv7 unknown id is the one refusal (None), so a refusal reveals nothing."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from chassis.errors import NotYetReplicated
from chassis.ids import created_at, new_id
from reflections.service_layer.artifact_owner import student_of

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


@dataclass
class FakeReplicas:
    owners: dict[str, str] = field(default_factory=dict)
    heard_of: set[str] = field(default_factory=set)          # any event applied, deletions included

    def owner_of(self, artifact_id: str) -> str | None:
        return self.owners.get(artifact_id)

    def knows_artifact(self, artifact_id: str) -> bool:
        return artifact_id in self.heard_of


@dataclass
class FakeUow:
    replicas: FakeReplicas = field(default_factory=FakeReplicas)
    replica_wait: dt.timedelta = dt.timedelta(minutes=10)


def test_a_fresh_artifact_the_replica_has_not_heard_of_is_retryable():
    fresh = new_id(NOW - dt.timedelta(seconds=2))
    with pytest.raises(NotYetReplicated) as caught:
        student_of(FakeUow(), NOW, fresh)
    assert caught.value.retry_after == 1 and caught.value.code == "UNAVAILABLE"
    assert fresh in caught.value.message


def test_known_deleted_old_and_foreign_ids_are_answered_not_retried():
    known, deleted = new_id(NOW), new_id(NOW)
    uow = FakeUow(FakeReplicas({known: "stu-ana"}, {known, deleted}))
    assert student_of(uow, NOW, known) == "stu-ana"
    assert student_of(uow, NOW, deleted) is None                                  # tombstone: refused
    assert student_of(uow, NOW, new_id(NOW - dt.timedelta(minutes=11))) is None  # past the wait
    assert student_of(uow, NOW, "3f1c7a52-6a4e-4c8e-9d55-0a6f1d2b9e11") is None  # a UUIDv4 carries no time
    assert student_of(uow, NOW, "art-ana-1") is None
    assert student_of(FakeUow(replica_wait=dt.timedelta(0)), NOW, new_id(NOW - dt.timedelta(seconds=1))) is None


def test_a_uuid7_keeps_its_minting_time():
    minted = created_at(new_id(NOW))
    assert minted is not None and abs(minted - NOW) < dt.timedelta(milliseconds=1)
    assert created_at("not-a-uuid") is None
