"""Audio and video reflections through a fake unit of work and a filesystem store: only the artifact's student
records, an upload target per revision, CompleteReflectionUpload announcing the bytes once, refusals and invalid
files writing nothing, and a ready revision's signed URL of the checked copy only."""
from __future__ import annotations

import pytest
from reflections_fixtures import ANA, ART, CRUZ, GUARDIAN, STUDENT, TEACHER

from chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from chassis.testing.media import mp3, send
from reflections.domain.access import DENIED, Viewer
from reflections.domain.media import MediaFile, original_key


def audio(size: int = 5000, name: str = "take.mp3", kind: str = "audio", content_type: str = "audio/mpeg"):
    return MediaFile(kind=kind, file_name=name, content_type=content_type, size_bytes=size)


def test_the_student_records_gets_a_target_and_completes_once(recordings, media, uow):
    submitted = recordings.add(STUDENT, ART, audio(), "My first take")
    assert submitted.upload is not None and submitted.reflection.revisions[0].kind == "audio"
    send(media.store, submitted.upload, mp3(5000))
    completed = recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])
    assert completed.revisions[0].media.uploaded
    recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])            # again: changes nothing
    assert uow.event_types() == ["reflection_added", "reflection_media_uploaded"]
    uploaded = uow.events[-1].data
    assert (uploaded["reflection_id"], uploaded["revision"], uploaded["student_id"], uploaded["kind"]) == (
        submitted.reflection.id, 1, ANA, "audio")
    assert uploaded["media_key"] == original_key(submitted.reflection.id, 1)
    assert uow.audit_rows == [] and [k.reflection.id for k in uow.kept] == [submitted.reflection.id]


@pytest.mark.parametrize("viewer", [TEACHER, GUARDIAN, Viewer.of("stu-ben", ["student"]),
                                    Viewer.of("adm-dee", ["district_admin"])],
                         ids=["teacher-now", "guardian", "classmate", "admin"])
def test_nobody_else_records_or_completes(recordings, media, uow, viewer):
    with pytest.raises(PermissionDenied, match=DENIED):
        recordings.add(viewer, ART, audio())
    submitted = recordings.add(STUDENT, ART, audio())
    send(media.store, submitted.upload, mp3(5000))
    with pytest.raises(PermissionDenied, match=DENIED):
        recordings.complete_upload(viewer, submitted.reflection.id, 1, [])
    with pytest.raises(PermissionDenied, match=DENIED):
        recordings.revise(viewer, submitted.reflection.id, audio())
    assert uow.event_types() == ["reflection_added"] and uow.audit_rows == []


def test_a_new_revision_keeps_the_old_one(recordings, uow):
    submitted = recordings.add(STUDENT, ART, audio())
    again = recordings.revise(STUDENT, submitted.reflection.id, audio(name="take2.mp3"), "Second take")
    assert [r.number for r in again.reflection.revisions] == [1, 2] and again.upload is not None
    assert uow.event_types() == ["reflection_added", "reflection_edited"]
    assert uow.events[-1].data["revision"] == 2


@pytest.mark.parametrize("media_file", [audio(size=0), audio(kind="image", content_type="image/png"),
                                        audio(size=10 ** 12)], ids=["empty", "not-a-recording", "too-big"])
def test_an_invalid_file_is_refused_before_any_unit_opens(recordings, uow, media_file):
    with pytest.raises(InvalidArgument):
        recordings.add(STUDENT, ART, media_file)
    assert uow.commits == 0


def test_completing_needs_the_bytes_a_media_revision_and_a_live_target(recordings, commands, uow):
    submitted = recordings.add(STUDENT, ART, audio())
    with pytest.raises(InvalidArgument, match="nothing was uploaded"):
        recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])
    with pytest.raises(NotFound):
        recordings.complete_upload(STUDENT, submitted.reflection.id, 2, [])
    text = commands.add_reflection(STUDENT, ART, "Just text.")
    with pytest.raises(NotFound):
        recordings.complete_upload(STUDENT, text.id, 1, [])
    uow.media.record_verdict(submitted.reflection.id, 1, "rejected", "", 0, "upload not completed",
                             submitted.reflection.revisions[0].created_at)
    with pytest.raises(Conflict, match="expired"):
        recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])
    assert uow.event_types() == ["reflection_added", "reflection_added"]


def test_a_ready_revision_is_served_from_its_checked_copy_to_readers_audited(recordings, queries, uow):
    submitted = recordings.add(STUDENT, ART, audio())
    [shown] = queries.discussion(STUDENT, ART).reflections
    assert shown.revisions[0].media.url == ""                       # processing: nothing served
    uow.media.record_verdict(submitted.reflection.id, 1, "ready", "audio/mpeg", 5000, "",
                             submitted.reflection.revisions[0].created_at, checked_key="checked/r1.mp3")
    [shown] = queries.discussion(TEACHER, ART).reflections
    assert "checked/r1.mp3" in shown.revisions[0].media.url
    assert [(r.actor, r.action) for r in uow.audit_rows] == [(CRUZ, "reflections.GetDiscussion")]
