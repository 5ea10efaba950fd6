"""The reflections record of disclosures on a real database: Ana, her guardian and a privacy officer read the audit
rows about her (newest first, by date range, page by page with the cursor); a guardian's or officer's read is itself
audited, Ana's is not; anyone else is refused; the audit rows stay append-only."""
from __future__ import annotations

import pytest
from reflections_fixtures import ANA, ART, CRUZ, EVE, GUARDIAN, STUDENT, TEACHER
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from chassis.access import Viewer
from chassis.errors import InvalidArgument, PermissionDenied
from reflections.entrypoints.grpc_api import _disclosures
from skillfolio.disclosures.v1 import disclosures_pb2 as pb

pytestmark = pytest.mark.integration
OFFICER = Viewer.of("po-pat", ["privacy_officer"])


def _read(servicer, viewer, **request):
    return servicer.list(viewer, pb.ListDisclosuresRequest(student_id=ANA, **request))


def test_the_student_guardian_and_officer_page_through_the_rows_about_ana(app, world, tables):
    servicer = _disclosures(app)
    app.commands.give_feedback(TEACHER, ART, "Clear claim.", "Cite sources.")
    app.queries.discussion(TEACHER, ART)
    app.queries.discussion(GUARDIAN, ART)
    first = _read(servicer, STUDENT, limit=2)
    assert [(d.actor_id, d.action) for d in first.disclosures] == [
        (EVE, "reflections.GetDiscussion"), (CRUZ, "reflections.GetDiscussion")] and first.more
    assert {d.service for d in first.disclosures} == {"reflections"}
    rest = _read(servicer, STUDENT, limit=2, after=first.disclosures[-1].cursor)
    assert [(d.actor_id, d.action) for d in rest.disclosures] == [(CRUZ, "reflections.GiveFeedback")]
    assert not rest.more
    assert not [r for r in tables.audit() if r.actor == ANA]        # Ana's own read is no disclosure
    assert len(_read(servicer, GUARDIAN).disclosures) == 3
    assert [d.actor_id for d in _read(servicer, OFFICER).disclosures][:1] == [EVE]   # Eve's read, audited
    assert [(r.actor, r.action) for r in tables.audit()][-2:] == [(EVE, "reflections.ListDisclosures"),
                                                                 ("po-pat", "reflections.ListDisclosures")]
    assert _read(servicer, STUDENT, from_date="2099-01-01").disclosures == []
    assert len(_read(servicer, STUDENT, to_date="2099-01-01").disclosures) == 5
    with tables.connect() as conn, pytest.raises(DBAPIError, match="append-only"):
        conn.execute(text("DELETE FROM audit_log"))


@pytest.mark.parametrize("viewer", [TEACHER, Viewer.of("grd-gus", ["guardian"]), Viewer.of("adm-dee", ["district_admin"]),
                                    Viewer.of("stu-ben", ["student"])],
                         ids=["teacher", "other-guardian", "admin", "classmate"])
def test_anyone_else_is_refused(app, world, viewer):
    with pytest.raises(PermissionDenied):
        _read(_disclosures(app), viewer)


def test_bad_filters_are_named(app, world):
    with pytest.raises(InvalidArgument, match="from_date"):
        _read(_disclosures(app), STUDENT, from_date="yesterday")
    with pytest.raises(InvalidArgument, match="after"):
        _read(_disclosures(app), STUDENT, after="nonsense")
