"""The competency gradebook, composed for a page or the API: a section's students x the district's skills, each cell
the latest assessed level (reflections), the evidence count this term and its newest artifact (artifacts), and the
gaps. The roster names the section, its terms and its students; the services decide who gets an answer (only the
section's current teachers) and compute every figure. Nothing here re-checks access."""
from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from chassis.context import Principal
from chassis.errors import FieldProblem, InvalidArgument
from gateway.clients.backends import Backends
from skillfolio.artifacts.v1 import gradebook_pb2 as egb
from skillfolio.reflections.v1 import gradebook_pb2 as lgb
from skillfolio.roster.v1 import roster_pb2 as rpb
from skillfolio.roster.v1 import terms_pb2 as tpb
from skillfolio.skills.v1 import skills_pb2 as spb

NO_EVIDENCE, NO_ASSESSMENT = "no_evidence", "no_assessment"


class Cell(NamedTuple):
    """One student x skill of the grid (a named tuple: a grid builds 35 x 5 of them per request)."""

    skill_id: str
    evidence_count: int = 0
    latest_artifact_id: str = ""
    latest_title: str = ""
    level_rank: int = 0
    level_name: str = ""
    max_rank: int = 0
    assessed_at: str = ""
    assessed_this_term: bool = False

    @property
    def gaps(self) -> list[str]:
        return ([NO_EVIDENCE] if not self.evidence_count else []) + \
               ([NO_ASSESSMENT] if not self.assessed_this_term else [])


@dataclass(frozen=True)
class Row:
    student_id: str
    name: str
    cells: list[Cell]


@dataclass(frozen=True)
class Gradebook:
    section: rpb.Section
    terms: list[tpb.Term]
    term: tpb.Term | None
    skills: list[spb.Skill]
    rows: list[Row]
    levels: dict[str, list[tuple[int, str]]] = field(default_factory=dict)   # skill id -> its scale, lowest first


def pick_term(terms: list[tpb.Term], term_id: str, today: dt.date) -> tpb.Term | None:
    """The asked term (422 naming term_id if the section has no such term); else the one containing today; else
    the latest that has started; else the first; None when the section has no terms (the whole span)."""
    if term_id:
        for term in terms:
            if term.id == term_id:
                return term
        raise InvalidArgument("term_id: not a term of this section", [FieldProblem("term_id",
                                                                                   "not a term of this section")])
    day = today.isoformat()
    current = [t for t in terms if t.start_date <= day <= t.end_date]
    started = [t for t in terms if t.start_date <= day]
    if current or started:
        return (current or started)[-1]
    return terms[0] if terms else None


def _name(person: rpb.Person) -> str:
    return f"{person.given_name} {person.family_name}".strip() or person.id


async def _levels(backends: Backends, principal: Principal, skills: list[spb.Skill]) -> dict[str, list]:
    scale_ids = sorted({s.scale_id for s in skills if s.scale_id})

    async def one(scale_id: str):
        reply = await backends.skills.get_scale(principal, spb.GetScaleRequest(scale_id=scale_id))
        return scale_id, [(level.rank, level.name) for level in reply.scale.levels]
    scales = dict(await asyncio.gather(*(one(s) for s in scale_ids)))
    return {s.id: scales.get(s.scale_id, []) for s in skills}


async def _skills(backends: Backends, principal: Principal, section: rpb.Section, district_id: str,
                  with_scales: bool) -> tuple[list[spb.Skill], dict[str, list]]:
    """The district's live skills plus the school's (as portfolio.effective_skills, the district already known;
    kept a few seconds by gateway.clients.skills_catalogue) and, for the page's quick-assess forms, each one's scale
    (one chain, run beside the grid's other calls)."""
    if not section.school_id:
        return [], {}
    skills = await backends.effective_skills.of_school(principal, district_id, section.school_id)
    return skills, (await _levels(backends, principal, skills) if with_scales else {})


async def gradebook(backends: Backends, principal: Principal, section_id: str, term_id: str,
                    today: dt.date, with_scales: bool = True) -> Gradebook:
    """The grid in two rounds of calls: the roster's part (the section, its district, terms and students: the
    roster checks ``term_id`` before it reads any student), then for the chosen term the evidence, the levels and
    the skills at once. ``with_scales``: each skill's levels (``levels``, for the page's quick-assess forms; the
    API and CSV leave them out)."""
    roster = await backends.terms.get_section_roster(principal, tpb.GetSectionRosterRequest(
        section_id=section_id, term_id=term_id))
    section, terms, students = roster.section, list(roster.terms), roster.students
    term = pick_term(terms, term_id, today)
    span = {"section_id": section_id, "from_date": term.start_date if term else "",
            "to_date": term.end_date if term else ""}
    evidence, levels, (skills, scales) = await asyncio.gather(
        backends.evidence_counts.get_evidence_counts(principal, egb.GetEvidenceCountsRequest(**span)),
        backends.latest_levels.get_latest_levels(principal, lgb.GetLatestLevelsRequest(**span)),
        _skills(backends, principal, section, roster.district_id, with_scales))
    people = {p.id: p for p in students}
    counts = {(c.student_id, c.skill_id): c for c in evidence.cells}
    assessed = {(x.student_id, x.skill_id): x for x in levels.levels}
    rows = []
    for student_id in evidence.student_ids:
        cells = []
        for skill in skills:
            c, x = counts.get((student_id, skill.id)), assessed.get((student_id, skill.id))
            cells.append(Cell(skill.id, c.count if c else 0, c.latest_artifact_id if c else "",
                              c.latest_title if c else "", x.level_rank if x else 0, x.level_name if x else "",
                              x.max_rank if x else 0, x.assessed_at if x else "", bool(x and x.in_range)))
        person = people.get(student_id)
        rows.append(Row(student_id, _name(person) if person else student_id, cells))
    rows.sort(key=lambda r: (people[r.student_id].family_name.lower(), people[r.student_id].given_name.lower())
              if r.student_id in people else ("~", r.student_id))
    return Gradebook(section, terms, term, skills, rows, scales)
