"""The gradebook benchmark's baseline: a bare FastAPI endpoint running the same statements straight on the four
databases (the section, its terms and students in the roster's; the district's skills in the skills'; the services'
own gradebook statements, GradebookReads, in the artifacts' and reflections') and returning the same JSON shape as
``GET /api/v1/sections/{id}/gradebook``. No authentication, no access check, no audit row, no gRPC hop, no protobuf.
Served by uvicorn exactly like the gateway (one process).
Usage: python bench/_bare_gradebook.py <roster_url> <skills_url> <artifacts_url> <reflections_url> <port>
"""
from __future__ import annotations

import datetime as dt
import sys

import uvicorn
from fastapi import FastAPI
from fastapi.responses import ORJSONResponse
from sqlalchemy import text
from sqlalchemy.orm import Session

from artifacts.adapters.gradebook_statements import GradebookReads as Evidence
from chassis.db import make_engine
from chassis.gradebook import term_span
from reflections.adapters.gradebook_statements import GradebookReads as Levels

SECTION = text("SELECT id, title, school_id FROM sections WHERE id = :s")
TERMS = text("SELECT a.id, a.title, a.type, a.start_date, a.end_date FROM academic_sessions a JOIN section_terms t "
             "ON t.session_id = a.id WHERE t.section_id = :s AND a.active ORDER BY a.start_date, a.id")
STUDENTS = text("SELECT p.id, p.given_name, p.family_name FROM enrollments e JOIN people p ON p.id = e.person_id "
                "WHERE e.section_id = :s AND e.role = 'student' AND e.active")
DISTRICT = text("SELECT parent_id FROM orgs WHERE id = :school")
SKILLS = text("SELECT id, name, colour, text_colour FROM skills WHERE district_id = :d AND school_id = '' "
              "AND NOT retired ORDER BY name")


def app(roster_url: str, skills_url: str, artifacts_url: str, reflections_url: str) -> FastAPI:
    engines = {name: make_engine(url, pool_size=10) for name, url in (
        ("roster", roster_url), ("skills", skills_url), ("artifacts", artifacts_url), ("reflections", reflections_url))}
    api = FastAPI()

    @api.get("/api/v1/sections/{section_id}/gradebook")
    def gradebook(section_id: str, term_id: str = ""):
        today = dt.date.today()
        with engines["roster"].connect() as conn:
            section = conn.execute(SECTION, {"s": section_id}).one()
            terms = conn.execute(TERMS, {"s": section_id}).all()
            names = {r.id: (r.family_name, r.given_name) for r in conn.execute(STUDENTS, {"s": section_id})}
            district = conn.execute(DISTRICT, {"school": section.school_id}).scalar()
        term = next((t for t in terms if t.id == term_id), None) or next(
            (t for t in reversed(terms) if t.start_date <= today), terms[0] if terms else None)
        first, last = (term.start_date.isoformat(), term.end_date.isoformat()) if term else ("", "")
        with engines["skills"].connect() as conn:
            skills = conn.execute(SKILLS, {"d": district}).all()
        span = term_span(first, last, dt.UTC)
        with Session(engines["artifacts"]) as session:
            reads = Evidence(session)
            students = reads.students_now(section_id, today)
            counts = {(c.student_id, c.skill_id): c for c in reads.evidence(students, span)}
        with Session(engines["reflections"]) as session:
            levels = {(x.student_id, x.skill_id): x for x in Levels(session).latest_levels(students, span)}
        rows = []
        for student in sorted(students, key=lambda s: names.get(s, ("~", s))):
            cells = []
            for skill in skills:
                c, x = counts.get((student, skill.id)), levels.get((student, skill.id))
                cells.append({"skill_id": skill.id, "evidence_count": c.count if c else 0,
                              "latest_artifact_id": c.latest_artifact_id if c else "",
                              "level_rank": x.level_rank if x else 0, "level_name": x.level_name if x else "",
                              "max_rank": x.max_rank if x else 0,
                              "assessed_at": x.assessed_at.isoformat() if x else "",
                              "assessed_this_term": bool(x and x.in_range),
                              "gaps": (["no_evidence"] if not c else []) + (
                                  ["no_assessment"] if not (x and x.in_range) else [])})
            family, given = names.get(student, ("", student))
            rows.append({"student_id": student, "name": f"{given} {family}".strip(), "cells": cells})
        as_term = lambda t: {"id": t.id, "title": t.title, "type": t.type,  # noqa: E731
                             "start_date": t.start_date.isoformat(), "end_date": t.end_date.isoformat()}
        return ORJSONResponse({"section_id": section.id, "section_title": section.title,
                               "term": as_term(term) if term else None, "terms": [as_term(t) for t in terms],
                               "skills": [{"id": s.id, "name": s.name, "colour": s.colour,
                                           "text_colour": s.text_colour} for s in skills],
                               "students": rows})
    return api


if __name__ == "__main__":
    uvicorn.run(app(*sys.argv[1:5]), host="127.0.0.1", port=int(sys.argv[5]), log_level="warning",
                access_log=False)
