"""The gradebook's REST shape (GET /api/v1/sections/{id}/gradebook) and its CSV rendering."""
from __future__ import annotations

import csv
import io

from pydantic import BaseModel, Field

from gateway.usecases.gradebook import Gradebook


class GradebookTerm(BaseModel):
    id: str
    title: str
    type: str = Field(description="term | semester | gradingPeriod (OneRoster)")
    start_date: str
    end_date: str


class GradebookSkill(BaseModel):
    id: str
    name: str
    colour: str = Field(description="The skill's colour (#RRGGBB); pages also print the level name, never colour alone")
    text_colour: str


class GradebookCell(BaseModel):
    skill_id: str
    evidence_count: int = Field(ge=0, le=1_000_000, description="Live artifacts tagged with the skill added this term")
    latest_artifact_id: str = Field(description="The newest of them ('' when none): what quick-assess assesses")
    level_rank: int = Field(ge=0, le=100, description="Latest level a teacher assessed up to the term's end (0: never)")
    level_name: str
    max_rank: int = Field(ge=0, le=100)
    assessed_at: str
    assessed_this_term: bool
    gaps: list[str] = Field(description="no_evidence and/or no_assessment (this term)")


class GradebookStudent(BaseModel):
    student_id: str
    name: str
    cells: list[GradebookCell] = Field(description="One per skill, in the order of `skills`")


class GradebookOut(BaseModel):
    section_id: str
    section_title: str
    term: GradebookTerm | None = Field(description="The term shown (null: the section has no terms)")
    terms: list[GradebookTerm]
    skills: list[GradebookSkill]
    students: list[GradebookStudent]


def _term(t) -> dict:
    return {"id": t.id, "title": t.title, "type": t.type, "start_date": t.start_date, "end_date": t.end_date}


def gradebook_json(book: Gradebook) -> dict:
    """The GradebookOut document as plain dicts, built straight from the use case's grid (serialize it with orjson:
    a section's grid is hundreds of cells, and pydantic models cost more than the rest of the request)."""
    return {
        "section_id": book.section.id, "section_title": book.section.title,
        "term": _term(book.term) if book.term else None, "terms": [_term(t) for t in book.terms],
        "skills": [{"id": s.id, "name": s.name, "colour": s.colour, "text_colour": s.text_colour} for s in book.skills],
        "students": [{"student_id": r.student_id, "name": r.name, "cells": [{
            "skill_id": c.skill_id, "evidence_count": c.evidence_count, "latest_artifact_id": c.latest_artifact_id,
            "level_rank": c.level_rank, "level_name": c.level_name, "max_rank": c.max_rank,
            "assessed_at": c.assessed_at, "assessed_this_term": c.assessed_this_term, "gaps": c.gaps}
            for c in r.cells]} for r in book.rows]}


def gradebook_csv(book: Gradebook, labels: dict[str, str]) -> str:
    """A header row (Student, then per skill: level, evidence, gaps), one row per student. ``labels`` gives the
    words in the reader's language (keys: student, level, evidence, gaps, no_evidence, no_assessment)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([labels["student"], *(f"{s.name} - {labels[k]}" for s in book.skills
                                          for k in ("level", "evidence", "gaps"))])
    for row in book.rows:
        writer.writerow([_safe(row.name), *(v for c in row.cells for v in (
            c.level_name, c.evidence_count, "; ".join(labels[g] for g in c.gaps)))])
    return out.getvalue()


def _safe(text: str) -> str:
    """Spreadsheet formula injection: a cell starting with = + - @ is written as text."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text
