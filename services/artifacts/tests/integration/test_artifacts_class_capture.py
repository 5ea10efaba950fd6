"""Class capture on real PostgreSQL and both stores (moto S3, the filesystem): one object stored for 30 students,
checked once by the media role's handler, each student's own artifact; deleting one leaves 29 that still open, and
the bytes go with the last reference."""
from __future__ import annotations

import datetime as dt

import pytest
from artifacts_fixtures import OLD_TEACHER, STUDENT, TEACHER
from capture_fixtures import OTHER_SECTION, PUPILS, SECTION, capture_world, check_shared, photo_capture
from media_fixtures import jpeg_with_gps, read, send

from artifacts.adapters.capture_tables import media_objects
from artifacts.domain.model import Status
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from artifacts.service_layer.erasure import erase_student
from artifacts.service_layer.media_sweep import sweep_media
from chassis.access import Viewer
from chassis.erasure import ErasureRequested
from chassis.errors import Conflict, InvalidArgument, PermissionDenied
from chassis.events import Envelope
from chassis.messaging.subscriptions import ConsumerUnits, consume
from chassis.testing.media import on_each_store

pytestmark = [pytest.mark.integration, on_each_store]
GIL = Viewer.of("tch-gil", ["teacher"])


@pytest.fixture
def section(app, world):
    for envelope in capture_world():
        assert consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")


def outbox_of(tables, type_: str) -> list[Envelope]:
    return [e for e in tables.envelopes() if e.type == type_]


def checks_of(app, capture_id: str) -> int:
    with app.unit_of_work() as uow:
        return uow.session.execute(media_objects.select().where(media_objects.c.id == capture_id)).one().checks


def test_one_object_for_30_students_checked_once_and_each_erases_on_its_own(app, section, tables):
    photo = jpeg_with_gps()
    submitted = app.capture.create(TEACHER, photo_capture(len(photo), notes={PUPILS[3]: "Great labels!"}))
    capture = submitted.capture
    assert [r.student_id for r in capture.references] == PUPILS and capture.status == "uploading"
    assert len(outbox_of(tables, "artifact_added")) == 30
    assert {a.action for a in tables.audit()} == {"artifacts.CaptureArtifact"}
    assert sorted(a.subject_id for a in tables.audit()) == PUPILS          # one row per student

    etags = send(app.media.store, submitted.upload, photo)
    app.capture.complete_upload(TEACHER, capture.id, etags)
    app.capture.complete_upload(TEACHER, capture.id, etags)                   # again: nothing more
    [uploaded] = outbox_of(tables, "artifact_media_uploaded")
    assert uploaded.data["media_object_id"] == capture.id

    assert check_shared(app, uploaded) == "ready"
    assert check_shared(app, uploaded, consumer="test.media") == "duplicate"  # a redelivery checks nothing
    assert checks_of(app, capture.id) == 1                                    # the media pipeline ran once

    store, key = app.media.store, f"checked/media/{capture.id}/original"
    assert store.stat(f"media/{capture.id}/original") is None                # the upload went once checked
    assert store.stat(f"checked/media/{capture.id}/thumbnail").content_type == "image/webp"
    seen = {r.student_id: app.queries.get(TEACHER, r.artifact_id) for r in capture.references}
    assert {a.status for a in seen.values()} == {Status.READY}
    assert {a.media.checked_key if a.media else a.versions[0].stored.checked_key for a in seen.values()} == {key}
    assert all(a.media_url and a.thumbnail_url for a in seen.values())
    assert seen[PUPILS[3]].description.endswith("Great labels!") and seen[PUPILS[4]].description == (
        "Our class science fair")
    stored = read(store, key)

    first = seen[PUPILS[0]]
    app.commands.delete(TEACHER, first.id)
    with pytest.raises(PermissionDenied):
        app.queries.get(TEACHER, first.id)
    still = [app.queries.get(TEACHER, seen[p].id) for p in PUPILS[1:]]
    assert len(still) == 29 and all(a.status == Status.READY and a.media_url for a in still)
    assert read(store, key) == stored
    view = app.capture.get(TEACHER, capture.id)
    assert view.live_references == 29 and view.status == "ready"

    for artifact in still[:-1]:
        app.commands.delete(TEACHER, artifact.id)
    assert read(store, key) == stored                                         # one reference left
    app.commands.delete(TEACHER, still[-1].id)
    assert store.stat(key) is None and store.stat(f"checked/media/{capture.id}/thumbnail") is None
    assert app.capture.get(TEACHER, capture.id).live_references == 0


def test_erasing_one_student_keeps_the_shared_bytes_for_the_others(app, section, tables):
    photo = jpeg_with_gps()
    submitted = app.capture.create(TEACHER, photo_capture(len(photo)))
    capture = submitted.capture
    app.capture.complete_upload(TEACHER, capture.id, send(app.media.store, submitted.upload, photo))
    assert check_shared(app, outbox_of(tables, "artifact_media_uploaded")[0]) == "ready"
    store, key = app.media.store, f"checked/media/{capture.id}/original"
    stored = read(store, key)

    request = ErasureRequested(erasure_id="era-1", student_id=PUPILS[0], pseudonym="p-1", requested_by="po-1",
                               requested_by_roles=["privacy_officer"])
    erase_student(ConsumerUnits(app.unit_of_work, "test.erasure"), Envelope.from_event(request, "roster"), app.media)
    [confirmed] = outbox_of(tables, "erasure_confirmed")
    assert confirmed.data["counts"]["artifacts"] == 1 and confirmed.data["counts"]["media_objects"] == 0
    with pytest.raises(PermissionDenied):
        app.queries.get(TEACHER, capture.references[0].artifact_id)
    others = [app.queries.get(TEACHER, r.artifact_id) for r in capture.references[1:]]
    assert len(others) == 29 and all(a.status == Status.READY and a.media_url for a in others)
    assert read(store, key) == stored and store.stat(f"checked/media/{capture.id}/thumbnail") is not None


def test_a_rejected_file_rejects_every_students_artifact(app, section, tables):
    body = b"not an image at all" * 10
    submitted = app.capture.create(TEACHER, photo_capture(len(body), students=PUPILS[:3]))
    app.capture.complete_upload(TEACHER, submitted.capture.id, send(app.media.store, submitted.upload, body))
    [uploaded] = outbox_of(tables, "artifact_media_uploaded")
    assert check_shared(app, uploaded) == "rejected"
    statuses = {app.queries.get(TEACHER, r.artifact_id).status for r in submitted.capture.references}
    assert statuses == {Status.REJECTED} and checks_of(app, submitted.capture.id) == 1
    assert app.media.store.stat(f"checked/media/{submitted.capture.id}/original") is None


def test_a_student_can_reflect_on_and_keep_their_own_copy(app, section):
    """Each artifact is the student's own: the student reads it; Cruz's deleting another's leaves it."""
    submitted = app.capture.create(TEACHER, photo_capture(100, students=[PUPILS[1], PUPILS[2]]))
    mine = next(r for r in submitted.capture.references if r.student_id == PUPILS[1])
    pupil = Viewer.of(PUPILS[1], ["student"])
    assert app.queries.get(pupil, mine.artifact_id).student_id == PUPILS[1]
    other = next(r for r in submitted.capture.references if r.student_id == PUPILS[2])
    app.commands.delete(TEACHER, other.artifact_id)
    assert app.queries.get(pupil, mine.artifact_id).title == "Science fair posters"


@pytest.mark.parametrize("viewer, section_id, allowed", [
    (TEACHER, SECTION, True),                    # teaches the section now
    (GIL, SECTION, False),                       # teaches one of its students, in another section
    (OLD_TEACHER, SECTION, False),               # taught last year only
    (STUDENT, SECTION, False),
    (Viewer.of("grd-eve", ["guardian"]), SECTION, False),
    (Viewer.of("adm-fay", ["school_admin"]), SECTION, False),
    (Viewer.of("tch-cruz", ["teacher", "school_admin"]), SECTION, False),   # an admin role refuses everything
    (Viewer.of("service:media", ["service"]), SECTION, False),
    (TEACHER, OTHER_SECTION, False),             # not Cruz's section
], ids=["current-teacher", "other-section-teacher", "former-teacher", "student", "guardian", "admin",
        "teacher-admin", "service", "not-the-teachers-section"])
def test_who_may_capture_for_a_section(app, section, tables, viewer, section_id, allowed):
    mark = len(tables.audit())
    students = [PUPILS[0]]
    if allowed:
        created = app.capture.create(viewer, photo_capture(100, students=students, section=section_id))
        assert len(tables.audit()) == mark + 1
        assert app.capture.get(viewer, created.capture.id).live_references == 1
        with pytest.raises(PermissionDenied):
            app.capture.get(GIL, created.capture.id)            # the progress is the capturing teacher's
        return
    with pytest.raises(PermissionDenied):
        app.capture.create(viewer, photo_capture(100, students=students, section=section_id))
    assert len(tables.audit()) == mark and outbox_of(tables, "artifact_added") == []


def test_recipients_must_be_enrolled_distinct_and_the_file_declared(app, section, tables):
    with pytest.raises(InvalidArgument) as refused:
        app.capture.create(TEACHER, photo_capture(100, students=[PUPILS[0], PUPILS[0], STUDENT.subject, "stu-x"]))
    assert [p.field for p in refused.value.problems] == ["recipients[1].student_id", "recipients[2].student_id",
                                                         "recipients[3].student_id"]
    with pytest.raises(InvalidArgument):
        app.capture.create(TEACHER, photo_capture(100, students=[]))
    with pytest.raises(InvalidArgument):
        app.capture.create(TEACHER, photo_capture(0))
    assert outbox_of(tables, "artifact_added") == []


def test_a_shared_upload_never_completed_is_rejected_for_every_student_once_expired(app, section, clock):
    submitted = app.capture.create(TEACHER, photo_capture(100, students=PUPILS[:4]))
    assert sweep_media(app.unit_of_work, app.media, clock) == (0, 0)        # nothing has expired yet
    clock.now = submitted.upload.expires_at + dt.timedelta(seconds=1)
    assert sweep_media(app.unit_of_work, app.media, clock) == (1, 0)
    seen = [app.queries.get(TEACHER, r.artifact_id) for r in submitted.capture.references]
    assert {(a.status, a.rejection_reason) for a in seen} == {(Status.REJECTED, "upload not completed")}
    assert checks_of(app, submitted.capture.id) == 0                       # the pipeline never ran
    assert sweep_media(app.unit_of_work, app.media, clock) == (0, 0)        # done once
    with pytest.raises(Conflict):
        app.capture.complete_upload(TEACHER, submitted.capture.id, [])
