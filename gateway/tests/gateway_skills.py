"""A small skill framework for the gateway district, written through the skills service's own use cases: three
district skills (one retired) and one addition of Maple Elementary."""
from __future__ import annotations

from gateway_district import District

from chassis.access import Viewer
from skills.bootstrap import SkillsApp
from skills.domain.grades import GradeBand
from skills.domain.model import SkillFields

ADMIN = Viewer.of("gateway-tests-admin", ["district_admin"])
BANDS = [GradeBand("K-5", "KG", "05"), GradeBand("6-8", "06", "08")]
DISTRICT_SKILLS = [  # code, name, colour (dark: white text; light: black text)
    ("communicator", "Effective Communicator", "#1F5FAD"),
    ("thinker", "Critical Thinker", "#F2C300"),
    ("collaborator", "Collaborator", "#2E7D32"),   # retired below
]
SCHOOL_SKILLS = [("gardener", "Garden Steward", "#6A1B9A")]


def seed(app: SkillsApp, district: District) -> dict[str, str]:
    """Define the district's and Maple Elementary's frameworks and skills; returns skill code -> id."""
    district_id, school_id = district.ids["district"], district.ids["school"]
    commands = app.commands
    commands.define_framework(ADMIN, district_id, "", "Portrait of a Graduate", BANDS)
    commands.define_framework(ADMIN, district_id, school_id, "Maple additions", [])
    ids: dict[str, str] = {}
    for school, entries in (("", DISTRICT_SKILLS), (school_id, SCHOOL_SKILLS)):
        for code, name, colour in entries:
            skill = commands.create_skill(ADMIN, district_id, school, SkillFields(
                code=code, name=name, description=f"{name}, for tests", colour=colour))
            ids[code] = skill.id
    commands.retire_skill(ADMIN, ids["collaborator"])
    return ids
