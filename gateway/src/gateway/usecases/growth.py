"""The growth view's use case: a student's GetGrowth (per skill, per school year: artifacts tagged and assessed
levels over time) joined with what the chart needs from other services (skill names and colours, scale level
names, school year dates), shaped as :mod:`gateway.web.growth_chart` inputs. The services decide who may see it."""
from __future__ import annotations

import asyncio
from dataclasses import dataclass

from chassis.context import Principal
from gateway.clients.backends import Backends
from gateway.schemas.assessments import growth_points
from gateway.usecases import portfolio
from gateway.web import views
from gateway.web.growth_chart import Chart, Point, Year, layout
from skillfolio.reflections.v1 import assessments_pb2 as apb
from skillfolio.skills.v1 import skills_pb2 as spb


@dataclass(frozen=True)
class SkillGrowth:
    """One skill's chart with the facts around it (the chip gives its colour and name)."""

    chip: views.SkillChip
    years: list[Year]
    levels: list[tuple[int, str]]
    chart: Chart


async def get_growth(backends: Backends, principal: Principal, student_id: str) -> apb.GetGrowthResponse:
    """Per skill, per school year (oldest first): artifacts tagged and the assessed levels over time."""
    return await backends.assessments.get_growth(principal, apb.GetGrowthRequest(student_id=student_id))


def years_of(skill_growth, year_dates: dict[str, tuple[str, str]]) -> list[Year]:
    """A GetGrowth skill entry's school years (oldest first) as chart years, with the roster's dates."""
    years = []
    for year in skill_growth.years:
        start, end = year_dates.get(year.school_year_id, (year.start_date, ""))
        points = tuple(Point(at.isoformat(), rank, name, top, artifact_id, role)
                       for at, rank, name, top, artifact_id, role in growth_points(year.points))
        years.append(Year(year.school_year_id, year.title, year.artifacts_tagged, points, start, end))
    return years


def _unknown_skill(entry) -> spb.Skill:
    """A skill the school's list lacks (another school's, from before a transfer): GetGrowth's name and colour."""
    red, green, blue = (int(entry.colour[i:i + 2], 16) for i in (1, 3, 5)) if len(entry.colour) == 7 else (0, 0, 0)
    light = 0.299 * red + 0.587 * green + 0.114 * blue > 150
    return spb.Skill(id=entry.skill_id, name=entry.skill_name, colour=entry.colour,
                     text_colour="#000000" if light else "#FFFFFF")


async def _scale_levels(backends: Backends, principal: Principal, scale_ids) -> dict[str, list[tuple[int, str]]]:
    async def one(scale_id: str):
        reply = await backends.skills.get_scale(principal, spb.GetScaleRequest(scale_id=scale_id))
        return scale_id, [(level.rank, level.name) for level in reply.scale.levels]
    return dict(await asyncio.gather(*(one(s) for s in scale_ids)))


def _levels_from_points(years: list[Year]) -> list[tuple[int, str]]:
    """Level names seen in the points (when the skill has no scale): the axis still names what was assessed."""
    return sorted({(p.level_rank, p.level_name) for y in years for p in y.points})


async def student_growth(backends: Backends, principal: Principal, growth_reply, school_id: str
                         ) -> list[SkillGrowth]:
    """Each skill of ``growth_reply`` (a GetGrowthResponse) with its chip, level names and laid-out chart."""
    skills, years = await asyncio.gather(portfolio.effective_skills(backends, principal, school_id),
                                         portfolio.school_years(backends, principal))
    by_id = {skill.id: skill for skill in skills}
    chips = views.palette(skills + [_unknown_skill(s) for s in growth_reply.skills if s.skill_id not in by_id])
    year_dates = {year.id: (year.start_date, year.end_date) for year in years}
    scale_ids = {by_id[s.skill_id].scale_id for s in growth_reply.skills
                 if s.skill_id in by_id and by_id[s.skill_id].scale_id}
    scales = await _scale_levels(backends, principal, sorted(scale_ids))
    charts = []
    for entry in growth_reply.skills:
        chip = chips[entry.skill_id]
        chart_years = years_of(entry, year_dates)
        skill = by_id.get(entry.skill_id)
        levels = scales.get(skill.scale_id, []) if skill else []
        levels = levels or _levels_from_points(chart_years)
        charts.append(SkillGrowth(chip, chart_years, levels, layout(chart_years, levels)))
    return charts
