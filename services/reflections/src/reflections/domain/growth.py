"""The growth view: per skill, per school year (oldest first), how many artifacts were tagged and the assessed levels
over time; assembled from the two kinds of rows the database gives (tagged counts and assessment points)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class TaggedCount:
    skill_id: str
    skill_name: str
    colour: str
    school_year_id: str
    year_title: str
    year_start: str
    artifacts: int


@dataclass(frozen=True)
class Point:
    skill_id: str
    skill_name: str
    colour: str
    school_year_id: str
    year_title: str
    year_start: str
    assessed_at: dt.datetime
    level_rank: int
    level_name: str
    max_rank: int
    artifact_id: str
    assessor_role: str


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


def assemble(counts: list[TaggedCount], points: list[Point]) -> list[SkillGrowth]:
    """Skills by name; each one's school years in calendar order; points oldest first (as given)."""
    skills: dict[str, SkillGrowth] = {}
    years: dict[tuple[str, str], GrowthYear] = {}

    def year_of(row) -> GrowthYear:
        growth = skills.setdefault(row.skill_id, SkillGrowth(row.skill_id, row.skill_name, row.colour))
        key = (row.skill_id, row.school_year_id)
        if key not in years:
            years[key] = GrowthYear(row.school_year_id, row.year_title, row.year_start)
            growth.years.append(years[key])
        return years[key]

    for count in counts:
        year_of(count).artifacts_tagged += count.artifacts
    for point in points:
        year_of(point).points.append(point)
    for growth in skills.values():
        growth.years.sort(key=_year_order)
    return sorted(skills.values(), key=lambda s: (s.skill_name.lower(), s.skill_id))
