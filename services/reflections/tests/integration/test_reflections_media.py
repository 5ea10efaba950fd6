"""Audio and video reflections through the service layer, on moto S3 AND the filesystem store: upload targets,
CompleteReflectionUpload, the events role's check (called here as the worker calls it), verdicts, cleanup, and the
signed URL GetDiscussion hands out for ready revisions."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from reflections_fixtures import ANA, ART, GUARDIAN, STUDENT, TEACHER

from chassis.config import service_settings
from chassis.errors import InvalidArgument, NotFound, PermissionDenied
from chassis.events import Envelope
from chassis.media.fs_store import FilesystemBlobStore
from chassis.messaging.subscriptions import ConsumerUnits
from chassis.testing.media import mp3, mp4, on_each_store, send
from reflections.bootstrap import build
from reflections.config import ReflectionsOptions
from reflections.domain.media import MediaFile
from reflections.service_layer.media_checks import check_uploaded_recording

pytestmark = [pytest.mark.integration, on_each_store]
MiB = 1024 * 1024
OPTIONS = ReflectionsOptions(max_audio_mb=1, multipart_threshold_mb=5, multipart_part_mb=5)


@pytest.fixture
def app(reflections_database, clock, platform):
    """Small limits and parts: a 1 MiB audio limit, multipart from 5 MiB."""
    reflections_app = reflections_database.adopt(build(
        service_settings("reflections", database_url=reflections_database.url, db_pool_size=2), clock=clock,
        options=OPTIONS, platform=platform))
    yield reflections_app
    reflections_app.close()



def audio(size: int, kind: str = "audio", name: str = "my reflection.mp3", content_type: str = "audio/mpeg"):
    return MediaFile(kind=kind, file_name=name, content_type=content_type, size_bytes=size)


def uploaded_events(tables, reflection_id: str, revision: int = 1) -> list[Envelope]:
    return [e for e in tables.envelopes() if e.type == "reflection_media_uploaded"
            and e.data["reflection_id"] == reflection_id and e.data["revision"] == revision]


def check(app, envelope: Envelope, consumer: str = "test.media") -> str:
    return check_uploaded_recording(ConsumerUnits(app.unit_of_work, consumer), envelope, app.media, app.calendar.clock)


def record(app, tables, body: bytes, media: MediaFile, caption: str = ""):
    """Add an audio/video reflection, send its bytes, complete: the reflection and the worker's envelope."""
    submitted = app.recordings.add(STUDENT, ART, media, caption)
    etags = send(app.media.store, submitted.upload, body)
    app.recordings.complete_upload(STUDENT, submitted.reflection.id, 1, etags)
    [event] = uploaded_events(tables, submitted.reflection.id)
    return submitted.reflection, event


def current_revision(app, viewer=STUDENT, number: int = 1):
    [reflection] = app.queries.discussion(viewer, ART).reflections
    return reflection.revisions[number - 1]


def test_an_audio_reflection_is_checked_and_served_signed_as_its_sniffed_type(app, world, tables):
    body = mp3(40_000)
    reflection, event = record(app, tables, body, audio(len(body), content_type="audio/mp3"), "Listen to my plan")
    key = f"reflections/{reflection.id}/r1/original"
    assert event.data == {"reflection_id": reflection.id, "revision": 1, "artifact_id": ART, "student_id": ANA,
                          "media_key": key, "kind": "audio"}
    seen = current_revision(app)
    assert (seen.kind, seen.text, seen.media.status, seen.media.url) == ("audio", "Listen to my plan",
                                                                          "processing", "")
    assert check(app, event) == "ready"

    seen = current_revision(app, GUARDIAN)                             # her guardian hears it too (audited)
    assert (seen.media.status, seen.media.content_type, seen.media.size_bytes) == ("ready", "audio/mpeg", len(body))
    store = app.media.store
    if isinstance(store, FilesystemBlobStore):                        # a relative URL the gateway serves
        assert seen.media.url.startswith(f"/media/checked/{key}?")
        served = store.verify_signed_url(seen.media.url)
        assert (served.content_type, served.inline) == ("audio/mpeg", True)
    else:
        assert parse_qs(urlsplit(seen.media.url).query)["response-content-type"] == ["audio/mpeg"]
        assert requests.get(seen.media.url, timeout=30).content == body
    assert tables.event_types() == ["reflection_added", "reflection_media_uploaded", "reflection_media_ready"]
    assert [(a.actor, a.action) for a in tables.audit()] == [("service:reflections-media",
                                                              "reflections.CheckReflectionMedia"),
                                                             ("grd-eve", "reflections.GetDiscussion")]


def test_a_recording_that_is_not_what_it_claims_is_rejected_with_a_reason_and_deleted(app, world, tables):
    body = mp3(20_000)
    reflection, event = record(app, tables, body, audio(len(body), kind="video", name="clip.mp4",
                                                        content_type="video/mp4"))
    assert check(app, event) == "rejected"
    seen = current_revision(app)
    assert (seen.media.status, seen.media.rejection_reason, seen.media.url) == (
        "rejected", "the file is an MP3 recording, not a video", "")
    assert app.media.store.stat(f"reflections/{reflection.id}/r1/original") is None
    [rejected] = [e for e in tables.envelopes() if e.type == "reflection_media_rejected"]
    assert rejected.data["reason"] == "the file is an MP3 recording, not a video"


def test_bad_declarations_are_refused_before_any_upload_naming_the_field(app, world, tables):
    cases = [(audio(2 * MiB), "media.size_bytes", "the file is 2 MB; audio files may be at most 1 MB"),
             (audio(0), "media.size_bytes", "an audio reflection needs a file that is not empty"),
             (audio(10, kind="image"), "media.kind", "must be audio or video"),
             (audio(10, name="../x/evil.mp3"), "media.file_name", "must not contain control characters, invisible or "
                                                                     "right-to-left formatting characters, or slashes"),
             (audio(10, content_type="not a type"), "media.content_type", "is not a valid media type")]
    for media, field, reason in cases:
        with pytest.raises(InvalidArgument) as refused:
            app.recordings.add(STUDENT, ART, media)
        assert [(p.field, p.reason) for p in refused.value.problems] == [(field, reason)]
    assert tables.envelopes() == []


def test_bytes_over_the_limit_are_rejected_after_upload_whatever_was_declared(app, world, tables):
    body = mp3(MiB + 10)
    submitted = app.recordings.add(STUDENT, ART, audio(1000))
    if isinstance(app.media.store, FilesystemBlobStore):         # the gateway stops at the signed limit
        from chassis.media.fs_store import UploadTooLarge
        with pytest.raises(UploadTooLarge):
            send(app.media.store, submitted.upload, body)
        with pytest.raises(InvalidArgument) as nothing:
            app.recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])
        assert nothing.value.problems[0].field == "file"
        return
    send(app.media.store, submitted.upload, body)               # moto ignores the POST size policy: it lands
    app.recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])
    [event] = uploaded_events(tables, submitted.reflection.id)
    assert check(app, event) == "rejected"
    assert "audios may be at most 1 MB" in current_revision(app).media.rejection_reason


def test_completion_and_checks_are_idempotent_and_only_the_student_completes(app, world, tables):
    body = mp3(5000)
    submitted = app.recordings.add(STUDENT, ART, audio(len(body)))
    send(app.media.store, submitted.upload, body)
    for viewer in (TEACHER, GUARDIAN):
        with pytest.raises(PermissionDenied):
            app.recordings.complete_upload(viewer, submitted.reflection.id, 1, [])
    with pytest.raises(NotFound):
        app.recordings.complete_upload(STUDENT, submitted.reflection.id, 2, [])
    app.recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])
    app.recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])
    [event] = uploaded_events(tables, submitted.reflection.id)
    assert check(app, event) == "ready"
    assert check(app, event) == "duplicate"                       # the same delivery again
    assert check(app, Envelope(type=event.type, producer="reflections", data=event.data)) == "ready"
    assert tables.event_types().count("reflection_media_ready") == 1


def test_only_the_student_records_and_a_video_revision_keeps_the_text_history(app, world, tables):
    with pytest.raises(PermissionDenied):
        app.recordings.add(TEACHER, ART, audio(100))
    first = app.commands.add_reflection(STUDENT, ART, "I wrote this first.")
    body = mp4(6 * MiB)
    revised = app.recordings.revise(STUDENT, first.id, audio(len(body), kind="video", name="take 2.mp4",
                                                             content_type="video/mp4"))
    target = revised.upload
    assert (target.method, target.part_size, len(target.part_urls)) == ("MULTIPART", 5 * MiB, 2)
    etags = send(app.media.store, target, body)
    with pytest.raises(InvalidArgument) as missing:
        app.recordings.complete_upload(STUDENT, first.id, 2, [])
    assert missing.value.problems[0].field == "part_etags"
    app.recordings.complete_upload(STUDENT, first.id, 2, etags)
    [event] = uploaded_events(tables, first.id, 2)
    assert check(app, event) == "ready"
    [reflection] = app.queries.discussion(STUDENT, ART).reflections
    assert [(r.number, r.kind, r.text) for r in reflection.revisions] == [(1, "text", "I wrote this first."),
                                                                          (2, "video", "")]
    assert reflection.revisions[1].media.content_type == "video/mp4"
    with app.media.store.open(f"checked/reflections/{first.id}/r2/original") as stream:
        assert stream.read() == body
