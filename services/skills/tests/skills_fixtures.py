"""Shared test data: principals, a district framework with four bands, one skill's fields, a four-level scale."""
from __future__ import annotations

from skills.domain.access import Viewer
from skills.domain.grades import GradeBand
from skills.domain.model import Level, SkillFields

DISTRICT = "d1"
ADMIN = Viewer.of("p-dadmin", ["district_admin"])
TEACHER = Viewer.of("p-teacher", ["teacher"])

BANDS = [GradeBand("K-2", "KG", "02"), GradeBand("3-5", "03", "05"), GradeBand("6-8", "06", "08"),
         GradeBand("9-12", "09", "12")]
LEVELS = [Level(1, "Beginning"), Level(2, "Developing"), Level(3, "Ready"), Level(4, "Excelling")]


def fields(code: str = "communicator", name: str = "Effective Communicator", colour: str = "#1F5FAD",
           **extra) -> SkillFields:
    return SkillFields(code=code, name=name, colour=colour, descriptors={"K-2": "I speak clearly."}, **extra)
