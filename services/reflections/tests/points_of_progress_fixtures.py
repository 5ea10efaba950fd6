"""Test data for points of progress: the district's terms of the current school year (one past due, one due after
the fixed clock's day) on top of the assessments catalog; ``complete`` fills a valid point's fields."""
from __future__ import annotations

from assessments_fixtures import COMM
from reflections_fixtures import ANA, ART, LAST_YEAR, YEAR, Viewer

SECTION, LAST_SECTION = "sec-26", "sec-25"
ADMIN = Viewer.of("adm-dee", ["district_admin"])
T1_DUE, T2_DUE = "2026-10-30", "2026-12-18"      # the clock starts on 2026-11-23: term 1 overdue, term 2 current


def set_terms(terms) -> dict[str, str]:
    """{name: id} of the district's terms (both in YEAR; one in LAST_YEAR)."""
    return {name: terms.set_term(ADMIN, year, name, due).id
            for year, name, due in ((YEAR, "Term 1", T1_DUE), (YEAR, "Term 2", T2_DUE),
                                    (LAST_YEAR, "Term 9", "2026-03-01"))}


def fields(term_id: str, **changes) -> dict:
    return {"student_id": ANA, "section_id": SECTION, "term_id": term_id, "skill_id": COMM, "level_rank": 3,
            "comment": "Ana explains her reasoning clearly and uses evidence.", "artifact_ids": [ART], **changes}
