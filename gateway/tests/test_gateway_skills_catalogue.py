"""The gradebook's effective skills kept by the gateway (clients.skills_catalogue) over a stand-in skills client: asked
once per school within the time kept, again once it has passed or for another school, every time when kept for 0 s,
and a refusal is raised and never kept."""
from __future__ import annotations

import asyncio

import pytest

from chassis.context import Principal
from chassis.errors import PermissionDenied
from gateway.clients import skills_catalogue
from gateway.clients.skills_catalogue import EffectiveSkills
from skillfolio.skills.v1 import skills_pb2 as spb

TEACHER = Principal(subject="teacher-1", roles=("teacher",))


class StandIn:
    """GetEffectiveSkills answering "<school>-skill-<n>" (n: how many times it was asked), or refusing."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, bool]] = []
        self.refuse = False

    async def get_effective_skills(self, principal, request: spb.GetEffectiveSkillsRequest):
        self.asked.append((request.district_id, request.school_id, request.include_retired))
        if self.refuse:
            raise PermissionDenied("no")
        return spb.GetEffectiveSkillsResponse(skills=[spb.Skill(id=f"{request.school_id}-skill-{len(self.asked)}")])


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def ids(skills) -> list[str]:
    return [s.id for s in skills]


def test_a_school_is_asked_once_while_kept_and_again_after():
    client, clock = StandIn(), Clock()
    kept = EffectiveSkills(client, 30, clock)
    first = asyncio.run(kept.of_school(TEACHER, "d1", "s1"))
    clock.now += 29.9
    assert ids(asyncio.run(kept.of_school(TEACHER, "d1", "s1"))) == ids(first) == ["s1-skill-1"]
    assert client.asked == [("d1", "s1", False)]                # live skills only, as the grid shows
    clock.now += 0.2
    assert ids(asyncio.run(kept.of_school(TEACHER, "d1", "s1"))) == ["s1-skill-2"]
    assert ids(asyncio.run(kept.of_school(TEACHER, "d1", "s2"))) == ["s2-skill-3"]     # each school its own
    assert len(client.asked) == 3


def test_zero_seconds_asks_every_time():
    client = StandIn()
    kept = EffectiveSkills(client, 0, Clock())
    for _ in range(3):
        asyncio.run(kept.of_school(TEACHER, "d1", "s1"))
    assert len(client.asked) == 3


def test_a_refusal_is_raised_and_not_kept():
    client, clock = StandIn(), Clock()
    kept = EffectiveSkills(client, 30, clock)
    client.refuse = True
    with pytest.raises(PermissionDenied):
        asyncio.run(kept.of_school(TEACHER, "d1", "s1"))
    client.refuse = False
    assert ids(asyncio.run(kept.of_school(TEACHER, "d1", "s1"))) == ["s1-skill-2"]


def test_it_stays_bounded(monkeypatch):
    monkeypatch.setattr(skills_catalogue, "MAX_SCHOOLS", 3)
    client = StandIn()
    kept = EffectiveSkills(client, 30, Clock())
    for school in ("s1", "s2", "s3", "s4"):
        asyncio.run(kept.of_school(TEACHER, "d1", school))
    asyncio.run(kept.of_school(TEACHER, "d1", "s1"))           # the oldest went to make room, so s1 is asked again
    assert [school for _, school, _ in client.asked] == ["s1", "s2", "s3", "s4", "s1"]
