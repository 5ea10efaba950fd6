"""The demo student's showcase (`skillfolio seed`, `up`): "My best work", an ordered selection of their demo
portfolio shared with their guardians, made once through the showcase use cases as the student."""
from __future__ import annotations

from sqlalchemy import func, select

from artifacts.adapters.showcase_tables import showcases
from artifacts.bootstrap import build
from artifacts.domain.showcases import ShowcaseFields
from artifacts.service_layer.showcases import ShowcaseUseCases
from chassis.access import Viewer
from chassis.config import service_settings
from chassis.demo_seed import Cast

TITLE = "My best work"
INTRODUCTION = ("These are the pieces I am proudest of this year and last: a poster, a science fair project and a "
                "letter to our principal. I chose them because they show how I explain my thinking.")
PIECES = ("Butterfly life cycle poster", "Science fair: which paper towel absorbs the most?",
          "Persuasive letter: more time for recess")


def seed_showcase(cast: Cast, artifacts: dict[str, dict]) -> str:
    """Make the demo showcase if the student has never had one; its title, or "" when it was there already (or the
    portfolio's pieces are not: a later start seeds it)."""
    chosen = [artifacts[title]["id"] for title in PIECES if title in artifacts]
    if not chosen:
        return ""
    app = build(service_settings("artifacts"))
    try:
        with app.engine.connect() as conn:
            if conn.execute(select(func.count()).select_from(showcases)
                            .where(showcases.c.student_id == cast.student_id)).scalar_one():
                return ""
        ShowcaseUseCases(app.unit_of_work, app.calendar, app.media).create(
            Viewer.of(cast.student_id, ["student"]), cast.student_id,
            ShowcaseFields(TITLE, INTRODUCTION, "family", share_with_guardians=True, artifact_ids=tuple(chosen)))
        return TITLE
    finally:
        app.close()
