"""Milestone panellists read the evidence selected for their milestone (GetArtifact only) until their link
expires: the panel replica fed by the reflections service's events (once each; a newer selection replaces an
older one), the per-artifact rule, and the audit row naming the invitation."""
from __future__ import annotations

import datetime as dt

import pytest
from artifacts_fixtures import STUDENT, STUDENT_ID, TEACHER, link

from artifacts.adapters.repository import PortfolioFilter
from artifacts.domain.access import DENIED, Viewer
from artifacts.domain.model import VersionInput
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.errors import PermissionDenied
from chassis.events import Envelope
from chassis.messaging.subscriptions import consume

pytestmark = pytest.mark.integration


def milestone_event(type_: str, at: str = "2026-11-23T09:00:00+00:00", **data) -> Envelope:
    return Envelope(type=type_, producer="reflections", data=data, occurred_at=at)


def invited(invitation_id: str, milestone_id: str, expires_at: dt.datetime, person_id: str = "") -> Envelope:
    return milestone_event("panellist_invited", invitation_id=invitation_id, milestone_id=milestone_id,
                           student_id=STUDENT_ID, kind="educator" if person_id else "community", person_id=person_id,
                           expires_at=expires_at.isoformat(), teacher_id="tch-cruz")


def selected(milestone_id: str, artifact_ids: list[str], at: str = "2026-11-23T09:00:00+00:00") -> Envelope:
    return milestone_event("milestone_evidence_selected", at=at, milestone_id=milestone_id, student_id=STUDENT_ID,
                           artifact_ids=artifact_ids)


def guest(invitation_id: str) -> Viewer:
    return Viewer.of(f"guest:{invitation_id}", ["panel_guest"])


def feed(app, *envelopes: Envelope) -> None:
    for envelope in envelopes:
        assert consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")


def readable(app, viewer: Viewer, artifact_id: str) -> bool:
    try:
        return app.queries.get(viewer, artifact_id).id == artifact_id
    except PermissionDenied as refused:
        assert refused.message == DENIED              # the same refusal as for an artifact that does not exist
        return False


@pytest.fixture
def evidence(app, world, clock):
    chosen = app.commands.create(STUDENT, link("My science fair poster")).artifact.id
    by_teacher = app.commands.create(TEACHER, link("Lab notes")).artifact.id
    other = app.commands.create(STUDENT, link("Not selected")).artifact.id
    expires = clock.now + dt.timedelta(days=3)
    feed(app, invited("inv-rosa", "m-1", expires), invited("inv-else", "m-2", expires + dt.timedelta(days=30)),
         invited("inv-ives", "m-1", expires, person_id="tch-ives"), selected("m-1", [chosen, by_teacher]))
    return {"chosen": chosen, "by_teacher": by_teacher, "other": other, "expires": expires}


def test_a_guest_reads_the_selected_evidence_and_nothing_else(app, evidence, tables):
    rosa = guest("inv-rosa")
    assert readable(app, rosa, evidence["chosen"]) and readable(app, rosa, evidence["by_teacher"])
    assert not readable(app, rosa, evidence["other"])
    assert not readable(app, guest("inv-else"), evidence["chosen"])          # another milestone's guest
    assert not readable(app, guest("inv-unknown"), evidence["chosen"])
    assert not readable(app, Viewer.of("inv-rosa", ["panel_guest"]), evidence["chosen"])   # not a guest subject
    with pytest.raises(PermissionDenied):
        app.queries.portfolio(rosa, PortfolioFilter(student_id=STUDENT_ID))
    with pytest.raises(PermissionDenied):
        app.commands.update(rosa, evidence["chosen"], {"title": "Changed"})
    reads = [r for r in tables.audit() if r.actor == "guest:inv-rosa"]
    assert [(r.action, r.subject_id) for r in reads] == [("artifacts.GetArtifact", STUDENT_ID)] * 2
    assert '"invitation_id": "inv-rosa"' in reads[0].detail


def test_an_invited_educator_account_reads_it_too(app, evidence):
    ives = Viewer.of("tch-ives", ["teacher"])
    assert readable(app, ives, evidence["chosen"]) and not readable(app, ives, evidence["other"])
    with pytest.raises(PermissionDenied):
        app.commands.add_version(ives, evidence["chosen"], VersionInput(link_url="https://example.org/changed"))
    with pytest.raises(PermissionDenied):
        app.commands.delete(ives, evidence["chosen"])


def test_the_link_expires_on_the_clock(app, evidence, clock):
    clock.now = evidence["expires"] - dt.timedelta(seconds=2)
    assert readable(app, guest("inv-rosa"), evidence["chosen"])
    clock.now = evidence["expires"]
    assert not readable(app, guest("inv-rosa"), evidence["chosen"])
    assert not readable(app, Viewer.of("tch-ives", ["teacher"]), evidence["chosen"])


def test_a_newer_selection_replaces_the_older_and_events_apply_once(app, evidence):
    newer = selected("m-1", [evidence["other"]], at="2026-11-23T10:00:00+00:00")
    feed(app, newer)
    assert not consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, newer,
                       "test.milestone_evidence_selected")   # redelivered
    feed(app, selected("m-1", [evidence["chosen"]], at="2026-11-23T08:00:00+00:00"))             # late and older
    assert readable(app, guest("inv-rosa"), evidence["other"])
    assert not readable(app, guest("inv-rosa"), evidence["chosen"])


def completed(milestone_id: str, at: str) -> Envelope:
    return milestone_event("milestone_completed", at=at, milestone_id=milestone_id, student_id=STUDENT_ID,
                           school_id="sch-central", grade_level="05", type_code="defense-of-learning",
                           outcome="READY", teacher_id="tch-cruz")


def test_links_end_when_the_milestone_completes(app, evidence, clock):
    """Completion ends the panel's reading, also for an invitation whose event arrives after the completion's."""
    clock.now = evidence["expires"] - dt.timedelta(days=1)
    done_at = clock.now - dt.timedelta(minutes=5)
    feed(app, completed("m-1", done_at.isoformat()))
    assert not readable(app, guest("inv-rosa"), evidence["chosen"])
    assert not readable(app, Viewer.of("tch-ives", ["teacher"]), evidence["chosen"])
    feed(app, invited("inv-late", "m-1", evidence["expires"]))          # delivered late, invited before completion
    assert not readable(app, guest("inv-late"), evidence["chosen"])
    assert readable(app, STUDENT, evidence["chosen"])                    # the student's own reading is unchanged
