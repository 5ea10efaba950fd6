"""The access rules through the service layer on a real replica, as a grid: one row per relationship to Ana,
one column per action on an artifact in her portfolio that her teacher Cruz added (record: an audio reflection;
complete: CompleteReflectionUpload of Ana's uploaded recording).
Y = allowed (and, for a change by someone other than Ana, audited and raised as an event); N = refused with
PERMISSION_DENIED, nothing written. Ana moved from North to Central mid-year (transfer_world): her North teacher
Ona, whose section North never closed, lost her from the transfer date; Rio, whose Central section she joined that
day, teaches her now."""
from __future__ import annotations

import pytest
from reflections_fixtures import (
    ANA,
    ART,
    BEN,
    CRUZ,
    DEE,
    DIAZ,
    EVE,
    FAY,
    GUS,
    IVES,
    NIA,
    ONA,
    RIO,
    STUDENT,
    transfer_world,
)

from chassis.errors import PermissionDenied
from chassis.messaging.subscriptions import consume
from chassis.testing.media import mp3, send
from reflections.domain.access import Viewer
from reflections.domain.media import MediaFile
from reflections.service_layer import subscriptions as reflections_subscriptions

pytestmark = pytest.mark.integration

MATRIX = """
role            relationship            actor     | reflect | edit | feedback | comment | hide | read | record | complete
student         own                     stu-ana   |    Y    |  Y   |    N     |    Y    |  N   |  Y   |   Y    |    Y
student         classmate               stu-ben   |    N    |  N   |    N     |    N    |  N   |  N   |   N    |    N
student         different-school        stu-nia   |    N    |  N   |    N     |    N    |  N   |  N   |   N    |    N
teacher         currently-taught        tch-cruz  |    N    |  N   |    Y     |    Y    |  Y   |  Y   |   N    |    N
teacher         taught-last-year-only   tch-diaz  |    N    |  N   |    N     |    N    |  N   |  N   |   N    |    N
teacher         different-school        tch-ives  |    N    |  N   |    N     |    N    |  N   |  N   |   N    |    N
guardian        guardian-of             grd-eve   |    N    |  N   |    N     |    Y    |  N   |  Y   |   N    |    N
guardian        not-guardian-of         grd-gus   |    N    |  N   |    N     |    N    |  N   |  N   |   N    |    N
school_admin    own-school              adm-fay   |    N    |  N   |    N     |    N    |  N   |  N   |   N    |    N
district_admin  district                adm-dee   |    N    |  N   |    N     |    N    |  N   |  N   |   N    |    N
teacher         sending-school-after-transfer    tch-ona   |    N    |  N   |    N     |    N    |  N   |  N   |   N    |    N
teacher         receiving-school-after-transfer  tch-rio   |    N    |  N   |    Y     |    Y    |  Y   |  Y   |   N    |    N
"""
assert {ANA, BEN, NIA, CRUZ, DIAZ, IVES, EVE, GUS, FAY, DEE, ONA, RIO} == {
    line.split()[2] for line in MATRIX.strip().splitlines()[1:]}


def rows() -> list[tuple[str, str, str, dict[str, bool]]]:
    header, *lines = MATRIX.strip().splitlines()
    actions = [a.strip() for a in header.split("|")[1:]]
    parsed = []
    for line in lines:
        who, *cells = line.split("|")
        role, relationship, actor = who.split()
        parsed.append((role, relationship, actor, {a: c.strip() == "Y" for a, c in zip(actions, cells, strict=True)}))
    return parsed


ACTIONS = {
    "reflect": lambda app, v, s: app.commands.add_reflection(v, ART, "What I learned."),
    "edit": lambda app, v, s: app.commands.edit_reflection(v, s["reflection"], "What I learned, revised."),
    "feedback": lambda app, v, s: app.commands.give_feedback(v, ART, "You can explain it.", "Add sources."),
    "comment": lambda app, v, s: app.commands.add_comment(v, ART, "Nice!"),
    "hide": lambda app, v, s: app.commands.hide_comment(v, s["comment"]),
    "read": lambda app, v, s: app.queries.discussion(v, ART),
    "record": lambda app, v, s: app.recordings.add(v, ART, MediaFile("audio", "take.mp3", "audio/mpeg", 5000)),
    "complete": lambda app, v, s: app.recordings.complete_upload(v, s["recording"], 1, []),
}
EVENTS = {"reflect": "reflection_added", "edit": "reflection_edited", "feedback": "feedback_given",
          "comment": "comment_added", "hide": "comment_hidden", "read": None, "record": "reflection_added",
          "complete": "reflection_media_uploaded"}


def uploaded_recording(app) -> str:
    """Ana's audio reflection whose bytes are in the store, awaiting CompleteReflectionUpload."""
    submitted = app.recordings.add(STUDENT, ART, MediaFile("audio", "take.mp3", "audio/mpeg", 5000))
    send(app.media.store, submitted.upload, mp3(5000))
    return submitted.reflection.id


@pytest.mark.parametrize("role, relationship, actor, expected", rows(), ids=[f"{r}/{rel}" for r, rel, *_ in rows()])
def test_matrix_row(app, world, tables, role, relationship, actor, expected):
    for envelope in transfer_world():
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
    viewer = Viewer.of(actor, [role])
    for action, allowed in expected.items():
        setup = {"reflection": app.commands.add_reflection(STUDENT, ART, "Ana's own reflection.").id,
                 "comment": app.commands.add_comment(STUDENT, ART, "Ana's comment.").id,
                 "recording": uploaded_recording(app)}
        audit_before, events_before = len(tables.audit()), len(tables.envelopes())
        if allowed:
            ACTIONS[action](app, viewer, setup)
        else:
            with pytest.raises(PermissionDenied, match="not allowed to discuss this student's artifacts"):
                ACTIONS[action](app, viewer, setup)
        audit, events = tables.audit()[audit_before:], tables.envelopes()[events_before:]
        audited = allowed and actor != ANA
        assert [(r.actor, r.subject_id) for r in audit] == ([(actor, ANA)] if audited else []), action
        assert [e.type for e in events] == ([EVENTS[action]] if allowed and EVENTS[action] else []), action
