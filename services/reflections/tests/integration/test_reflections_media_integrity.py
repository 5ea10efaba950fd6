"""The bytes served are the bytes checked for audio/video reflections, on the filesystem store AND moto S3: bytes
sent again after the verdict, declared sizes, and recordings whose upload was never completed before its URL
expired (the events role's timer, driven here with the injected clock)."""
from __future__ import annotations

import datetime as dt

import pytest
import requests
from reflections_fixtures import ART, STUDENT

from chassis.config import service_settings
from chassis.errors import Conflict
from chassis.events import Envelope
from chassis.media.fs_seals import UploadSealed
from chassis.media.fs_store import FilesystemBlobStore
from chassis.messaging.subscriptions import ConsumerUnits
from chassis.testing.media import mp3, mp4, on_each_store, send
from reflections.bootstrap import build
from reflections.config import ReflectionsOptions
from reflections.domain.media import MediaFile
from reflections.service_layer.media_checks import check_uploaded_recording
from reflections.service_layer.recording_sweep import sweep_recordings

pytestmark = [pytest.mark.integration, on_each_store]
MiB = 1024 * 1024
OPTIONS = ReflectionsOptions(multipart_threshold_mb=5, multipart_part_mb=5)
HTML = b"<!doctype html><script>alert(document.cookie)</script>"


@pytest.fixture
def app(reflections_database, clock, platform):
    reflections_app = reflections_database.adopt(build(
        service_settings("reflections", database_url=reflections_database.url, db_pool_size=2), clock=clock,
        options=OPTIONS, platform=platform))
    yield reflections_app
    reflections_app.close()


def recording(size: int, kind: str = "audio") -> MediaFile:
    return MediaFile(kind=kind, file_name=f"take.{'mp3' if kind == 'audio' else 'mp4'}",
                     content_type="audio/mpeg" if kind == "audio" else "video/mp4", size_bytes=size)


def check(app, tables, reflection_id: str) -> str:
    [event] = [e for e in tables.envelopes() if e.type == "reflection_media_uploaded"
               and e.data["reflection_id"] == reflection_id]
    return check_uploaded_recording(ConsumerUnits(app.unit_of_work, "test.media"), event, app.media, app.calendar.clock)


def media_of(app, reflection_id: str):
    [reflection] = [r for r in app.queries.discussion(STUDENT, ART).reflections if r.id == reflection_id]
    return reflection.revisions[0].media


def served(app, url: str) -> bytes:
    if isinstance(app.media.store, FilesystemBlobStore):
        store = app.media.store
        with store.open(store.verify_signed_url(url).key) as stream:
            return stream.read()
    return requests.get(url, timeout=30).content


def test_bytes_sent_again_after_the_verdict_are_never_served(app, world, tables):
    body = mp3(20_000)
    submitted = app.recordings.add(STUDENT, ART, recording(len(body)))
    send(app.media.store, submitted.upload, body)
    app.recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])
    assert check(app, tables, submitted.reflection.id) == "ready"
    if isinstance(app.media.store, FilesystemBlobStore):
        with pytest.raises(UploadSealed):
            send(app.media.store, submitted.upload, HTML, "audio/mpeg")
    else:
        send(app.media.store, submitted.upload, HTML, "audio/mpeg")      # S3 keeps the POST open until expiry
    media = media_of(app, submitted.reflection.id)
    assert media.status == "ready" and served(app, media.url) == body


def test_another_size_than_declared_is_rejected_with_the_reason(app, world, tables):
    body = mp3(20_000)
    submitted = app.recordings.add(STUDENT, ART, recording(len(body) + 1))
    assert submitted.upload.max_bytes == len(body) + 1
    send(app.media.store, submitted.upload, body)
    app.recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])
    assert check(app, tables, submitted.reflection.id) == "rejected"
    media = media_of(app, submitted.reflection.id)
    assert (media.status, media.rejection_reason, media.url) == (
        "rejected", "the uploaded file is 20,000 bytes, but 20,001 bytes were declared; upload it again", "")
    key = f"reflections/{submitted.reflection.id}/r1/original"
    assert app.media.store.stat(key) is None and app.media.store.stat(f"checked/{key}") is None


def unfinished_uploads(store) -> list[str]:
    if isinstance(store, FilesystemBlobStore):
        return [p.name for p in (store.root / ".parts").iterdir()]
    return [u.upload_id for u in store.client._list_multipart_uploads(store.bucket).uploads or []]


def test_recordings_never_completed_are_rejected_once_their_url_expired_and_their_bytes_deleted(app, world, clock,
                                                                                               tables):
    video = mp4(6 * MiB)
    submitted = app.recordings.add(STUDENT, ART, recording(len(video), "video"))
    send(app.media.store, submitted.upload, video[:5 * MiB])           # one part of two, then nothing
    clock.now = submitted.upload.expires_at - dt.timedelta(seconds=5)
    assert sweep_recordings(app.unit_of_work, app.media, clock) == (0, 0)
    assert submitted.upload.upload_id in unfinished_uploads(app.media.store)

    clock.now = submitted.upload.expires_at + dt.timedelta(seconds=1)
    assert sweep_recordings(app.unit_of_work, app.media, clock) == (1, 0)
    media = media_of(app, submitted.reflection.id)
    assert (media.status, media.rejection_reason) == ("rejected", "upload not completed")
    assert submitted.upload.upload_id not in unfinished_uploads(app.media.store)
    [rejected] = [Envelope.from_json(e.to_json()).data for e in tables.envelopes()
                  if e.type == "reflection_media_rejected"]
    assert (rejected["reflection_id"], rejected["reason"]) == (submitted.reflection.id, "upload not completed")
    with pytest.raises(Conflict):
        app.recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])
    assert sweep_recordings(app.unit_of_work, app.media, clock) == (0, 0)


def test_recordings_judged_before_checked_copies_are_not_served_until_checked_again(app, world, clock, tables):
    import io

    from sqlalchemy import update

    from reflections.adapters.orm import revision_media
    body = mp3(20_000)
    submitted = app.recordings.add(STUDENT, ART, recording(len(body)))
    send(app.media.store, submitted.upload, body)
    app.recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])
    assert check(app, tables, submitted.reflection.id) == "ready"
    key = f"reflections/{submitted.reflection.id}/r1/original"
    with app.unit_of_work() as uow:                     # as a revision judged before this release left it
        uow.session.execute(update(revision_media).values(checked_key=""))
        uow.commit()
    app.media.store.delete(f"checked/{key}")
    app.media.store.put(key, io.BytesIO(body), len(body), "audio/mpeg")
    assert media_of(app, submitted.reflection.id).url == ""

    ready_events = tables.event_types().count("reflection_media_ready")
    assert sweep_recordings(app.unit_of_work, app.media, clock) == (0, 1)
    media = media_of(app, submitted.reflection.id)
    assert media.status == "ready" and served(app, media.url) == body
    assert app.media.store.stat(key) is None
    assert tables.event_types().count("reflection_media_ready") == ready_events      # no news for anyone
    assert sweep_recordings(app.unit_of_work, app.media, clock) == (0, 0)
