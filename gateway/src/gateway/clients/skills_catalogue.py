"""A school's effective skills (the district's framework plus the school's own), kept by the gateway for a few
seconds per (district, school) for the competency gradebook: reference data every grid asks for, which the skills
service gives any signed-in caller alike (its only rule is ``authenticated``), so a grid need not wait on a fourth
service call. A change to the framework reaches the grid within ``GATEWAY_SKILLS_CACHE_SECONDS`` (0: ask every
time). Per gateway process and bounded; nothing about a student is kept."""
from __future__ import annotations

import time
from collections.abc import Callable

from chassis.context import Principal
from gateway.clients.skills import SkillsClient
from skillfolio.skills.v1 import skills_pb2 as spb

MAX_SCHOOLS = 4096      # a district of 150 schools fits many times over; past it, the oldest entry goes


class EffectiveSkills:
    def __init__(self, client: SkillsClient, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.client, self.seconds, self.clock = client, seconds, clock
        self._kept: dict[tuple[str, str], tuple[float, list[spb.Skill]]] = {}

    async def of_school(self, principal: Principal, district_id: str, school_id: str) -> list[spb.Skill]:
        """The live (not retired) skills of the school, as GetEffectiveSkills answers; asked again once older than
        ``seconds``. A refusal or failure is raised, never kept."""
        key, now = (district_id, school_id), self.clock()
        kept = self._kept.get(key)
        if kept is not None and kept[0] > now:
            return kept[1]
        reply = await self.client.get_effective_skills(principal, spb.GetEffectiveSkillsRequest(
            district_id=district_id, school_id=school_id, include_retired=False))
        skills = list(reply.skills)
        if self.seconds > 0:
            self._kept.pop(key, None)
            if len(self._kept) >= MAX_SCHOOLS:
                self._kept.pop(next(iter(self._kept)))
            self._kept[key] = (now + self.seconds, skills)
        return skills
