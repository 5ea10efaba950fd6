"""The growth view: per skill, per school year (oldest first), how many artifacts were tagged and the assessed levels
over time; assembled from the two kinds of rows the database gives (tagged counts, which carry the skill and year
labels, and lean assessment points, which carry only ids) plus the labels of any skill or year only points name."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import NamedTuple


def imported_year(district_id: str, district_name: str, title: str, start_date: str) -> tuple[str, str]:
    """The growth view's school year of imported history (another district's artifact, made in that district's
    year ``title``): an id no local year has, the same for every artifact of that year, and its label."""
    key = hashlib.sha256(f"{district_id}\n{title}\n{start_date}".encode()).hexdigest()[:32]
    return f"imported-{key}", " · ".join(part for part in (title, district_name) if part)


@dataclass(frozen=True)
class TaggedCount:
    skill_id: str
    skill_name: str
    colour: str
    school_year_id: str
    year_title: str
    year_start: str
    artifacts: int


class Point(NamedTuple):
    """One assessment on the chart; a tuple (a growth view has a thousand of them: no per-point overhead)."""

    skill_id: str
    school_year_id: str
    assessed_at: dt.datetime
    level_rank: int
    level_name: str
    max_rank: int
    artifact_id: str
    assessor_role: str


@dataclass(frozen=True)
class Labels:
    """Names of the skills and school years that only assessment points mention (their tags or owners changed)."""

    skills: dict[str, tuple[str, str]] = field(default_factory=dict)     # skill_id -> (name, colour)
    years: dict[str, tuple[str, str]] = field(default_factory=dict)      # school_year_id -> (title, start_date)


@dataclass
class GrowthYear:
    school_year_id: str
    title: str
    start_date: str
    artifacts_tagged: int = 0
    points: list[Point] = field(default_factory=list)


@dataclass
class SkillGrowth:
    skill_id: str
    skill_name: str
    colour: str
    years: list[GrowthYear] = field(default_factory=list)

    @property
    def max_rank(self) -> int:
        return max((p.max_rank for y in self.years for p in y.points), default=0)


def _year_order(year: GrowthYear) -> tuple:
    return (not year.start_date and not year.school_year_id, year.start_date or "9999", year.title,
            year.school_year_id)   # years with no known start go last, the unassigned year ("") very last


def unlabelled(counts: list[TaggedCount], points: list[Point]) -> tuple[set[str], set[str]]:
    """Skill ids and school year ids that points name but no tagged count labels (usually none)."""
    return ({p.skill_id for p in points} - {c.skill_id for c in counts},
            {p.school_year_id for p in points} - {c.school_year_id for c in counts})


def assemble(counts: list[TaggedCount], points: list[Point], labels: Labels = Labels()) -> list[SkillGrowth]:
    """Skills by name; each one's school years in calendar order; points oldest first (as given). A skill or year
    that no count labels takes its name from ``labels`` (the id when even that lacks it)."""
    skills: dict[str, SkillGrowth] = {}
    years: dict[tuple[str, str], GrowthYear] = {}
    skill_labels = {c.skill_id: (c.skill_name, c.colour) for c in counts} | labels.skills
    year_labels = {c.school_year_id: (c.year_title, c.year_start) for c in counts} | labels.years

    def year_of(skill_id: str, school_year_id: str) -> GrowthYear:
        key = (skill_id, school_year_id)
        found = years.get(key)
        if found is None:
            growth = skills.get(skill_id)
            if growth is None:
                name, colour = skill_labels.get(skill_id, (skill_id, ""))
                growth = skills[skill_id] = SkillGrowth(skill_id, name, colour)
            found = years[key] = GrowthYear(school_year_id, *year_labels.get(school_year_id, ("", "")))
            growth.years.append(found)
        return found

    for count in counts:
        year_of(count.skill_id, count.school_year_id).artifacts_tagged += count.artifacts
    for point in points:
        year_of(point.skill_id, point.school_year_id).points.append(point)
    for growth in skills.values():
        growth.years.sort(key=_year_order)
    return sorted(skills.values(), key=lambda s: (s.skill_name.lower(), s.skill_id))
