"""The bytes served are the bytes checked, on the filesystem store AND moto S3 (which, like a presigned URL on S3
until it expires, keeps accepting writes): re-uploads after the worker's verdict, declared sizes, and uploads
abandoned past their upload URL's expiry (the media role's timer, driven here with the injected clock)."""
from __future__ import annotations

import base64
import datetime as dt
import json

import pytest
import requests
from artifacts_fixtures import STUDENT, image
from media_fixtures import check, has_gps, jpeg_with_gps, mp4, read, send, upload, uploaded_event

from artifacts.bootstrap import build
from artifacts.config import ArtifactsOptions
from artifacts.domain.model import Status
from artifacts.service_layer.media_sweep import sweep_media
from chassis.config import service_settings
from chassis.errors import Conflict
from chassis.media.fs_seals import UploadSealed
from chassis.media.fs_store import FilesystemBlobStore, UploadTooLarge
from chassis.testing.media import on_each_store

pytestmark = [pytest.mark.integration, on_each_store]
MiB = 1024 * 1024
OPTIONS = ArtifactsOptions(multipart_threshold_mb=5, multipart_part_mb=5)
HTML = b"<!doctype html><script>alert(document.cookie)</script>"


@pytest.fixture
def app(artifacts_database, clock, platform):
    artifacts_app = artifacts_database.adopt(build(
        service_settings("artifacts", database_url=artifacts_database.url, db_pool_size=2), clock=clock,
        options=OPTIONS, platform=platform))
    yield artifacts_app
    artifacts_app.close()


def on_fs(app) -> bool:
    return isinstance(app.media.store, FilesystemBlobStore)


def served(app, url: str) -> bytes:
    """What a browser gets for a media URL a read handed out (the gateway's GET route, or S3's presigned GET)."""
    if on_fs(app):
        return read(app.media.store, app.media.store.verify_signed_url(url).key)
    response = requests.get(url, timeout=10)
    assert response.status_code == 200
    return response.content


def upload_again(app, target, body: bytes, content_type: str = "") -> None:
    """A client sending other bytes to the upload target it was given, after CompleteUpload."""
    if on_fs(app):
        with pytest.raises(UploadSealed):             # the gateway's PUT refuses: the upload is complete
            send(app.media.store, target, body, content_type)
    else:
        send(app.media.store, target, body, content_type)   # S3 cannot revoke a presigned POST before it expires


def test_bytes_sent_again_after_the_verdict_are_never_served(app, world):
    photo = jpeg_with_gps()
    submitted = app.commands.create(STUDENT, image(size=len(photo)))
    send(app.media.store, submitted.upload, photo)
    app.commands.complete_upload(STUDENT, submitted.artifact.id, 1, [])
    assert check(app, uploaded_event(app, submitted.artifact.id)) == "ready"
    before = app.queries.get(STUDENT, submitted.artifact.id)
    checked = served(app, before.media_url)
    assert not has_gps(checked)

    upload_again(app, submitted.upload, photo)                       # the GPS tag back
    upload_again(app, submitted.upload, HTML, "image/jpeg")          # HTML behind a "ready" image
    seen = app.queries.get(STUDENT, submitted.artifact.id)
    assert seen.status is Status.READY
    for url in (seen.media_url, seen.versions[0].download_url):
        assert served(app, url) == checked and not has_gps(served(app, url))
    assert served(app, seen.thumbnail_url)[:4] == b"RIFF"
    assert HTML not in served(app, seen.media_url)


def test_a_declared_size_caps_the_upload_and_any_other_size_is_rejected(app, world):
    declared = image(kind="document", file_name="essay.pdf", size=1000, content_type="application/pdf")
    big = b"%PDF-1.7\n" + b"0" * (5 * MiB)
    submitted = app.commands.create(STUDENT, declared)
    assert submitted.upload.max_bytes == 1000
    if on_fs(app):                                   # the gateway stops streaming at the signed cap
        with pytest.raises(UploadTooLarge):
            send(app.media.store, submitted.upload, big)
        short = b"%PDF-1.7\n" + b"0" * 491               # a shorter file lands, and the worker refuses it
        created, event = upload(app, declared, short)
        expected = "the uploaded file is 500 bytes, but 1,000 bytes were declared; upload it again"
    else:                                            # the POST policy carries it (moto does not enforce it)
        policy = json.loads(base64.b64decode(submitted.upload.fields["policy"]))
        assert ["content-length-range", 1, 1000] in policy["conditions"]
        send(app.media.store, submitted.upload, big)
        app.commands.complete_upload(STUDENT, submitted.artifact.id, 1, [])
        created, event = submitted.artifact, uploaded_event(app, submitted.artifact.id)
        expected = "the uploaded file is 5,242,889 bytes, but 1,000 bytes were declared; upload it again"
    assert check(app, event) == "rejected"
    seen = app.queries.get(STUDENT, created.id)
    assert (seen.status, seen.rejection_reason, seen.media_url) == (Status.REJECTED, expected, "")
    assert app.media.store.stat(f"checked/artifacts/{created.id}/v1/original") is None
    assert app.media.store.stat(f"artifacts/{created.id}/v1/original") is None


def test_parts_of_another_size_than_declared_are_rejected(app, world):
    body = mp4(6 * MiB)
    submitted = app.commands.create(STUDENT, image(kind="video", file_name="fair.mp4", size=len(body) - 10,
                                                   content_type="video/mp4"))
    if on_fs(app):                                   # the last part's URL is capped at the declared remainder
        with pytest.raises(UploadTooLarge):
            send(app.media.store, submitted.upload, body)
        return
    etags = send(app.media.store, submitted.upload, body)          # S3 cannot size-limit a presigned part
    app.commands.complete_upload(STUDENT, submitted.artifact.id, 1, etags)
    assert check(app, uploaded_event(app, submitted.artifact.id)) == "rejected"
    assert "bytes were declared" in app.queries.get(STUDENT, submitted.artifact.id).rejection_reason


def unfinished_uploads(store) -> list[str]:
    if isinstance(store, FilesystemBlobStore):
        return [p.name for p in (store.root / ".parts").iterdir()]
    return [u.upload_id for u in store.client._list_multipart_uploads(store.bucket).uploads or []]


def test_uploads_never_completed_are_rejected_once_their_url_expired_and_their_bytes_deleted(app, world, clock,
                                                                                            tables):
    video = mp4(6 * MiB)
    parted = app.commands.create(STUDENT, image(kind="video", file_name="take.mp4", size=len(video),
                                                content_type="video/mp4"))
    send(app.media.store, parted.upload, video[:5 * MiB])              # one part of two, then nothing
    photo = jpeg_with_gps((40, 40))
    whole = app.commands.create(STUDENT, image(size=len(photo)))
    send(app.media.store, whole.upload, photo)                         # sent, never completed
    clock.now = parted.upload.expires_at - dt.timedelta(seconds=5)
    assert sweep_media(app.unit_of_work, app.media, clock) == (0, 0)   # nothing has expired yet
    assert parted.upload.upload_id in unfinished_uploads(app.media.store)
    assert app.queries.get(STUDENT, whole.artifact.id).status is Status.PROCESSING

    clock.now = whole.upload.expires_at + dt.timedelta(seconds=1)
    assert sweep_media(app.unit_of_work, app.media, clock) == (2, 0)
    for submitted in (parted, whole):
        seen = app.queries.get(STUDENT, submitted.artifact.id)
        assert (seen.status, seen.rejection_reason) == (Status.REJECTED, "upload not completed")
        assert app.media.store.stat(f"artifacts/{seen.id}/v1/original") is None
    assert parted.upload.upload_id not in unfinished_uploads(app.media.store)
    rejected = [e.data for e in tables.envelopes() if e.type == "artifact_media_rejected"]
    assert sorted(r["artifact_id"] for r in rejected) == sorted([parted.artifact.id, whole.artifact.id])
    assert {r["reason"] for r in rejected} == {"upload not completed"}
    with pytest.raises(Conflict):
        app.commands.complete_upload(STUDENT, whole.artifact.id, 1, [])
    assert sweep_media(app.unit_of_work, app.media, clock) == (0, 0)   # done once


def legacy(app, artifact_id: str, body: bytes) -> None:
    """A version judged ready before checked copies existed: no checked key, its (replaceable) upload object."""
    import io

    from sqlalchemy import update

    from artifacts.adapters.orm import version_media
    with app.unit_of_work() as uow:
        uow.session.execute(update(version_media).where(version_media.c.artifact_id == artifact_id).values(
            checked_key="", thumbnail_key=f"artifacts/{artifact_id}/v1/thumbnail"))
        uow.commit()
    app.media.store.delete(f"checked/artifacts/{artifact_id}/v1/original")
    app.media.store.put(f"artifacts/{artifact_id}/v1/original", io.BytesIO(body), len(body), "image/jpeg")


def test_versions_judged_before_checked_copies_are_not_served_until_checked_again(app, world, clock):
    photo = jpeg_with_gps((64, 48))
    kept, event = upload(app, image(size=len(photo)), photo)
    assert check(app, event) == "ready"
    replaced, event = upload(app, image(size=len(photo)), photo)
    assert check(app, event) == "ready"
    legacy(app, kept.id, photo)                                         # the GPS tag back in the old object
    legacy(app, replaced.id, HTML)                                      # HTML behind a "ready" image
    for artifact_id in (kept.id, replaced.id):
        seen = app.queries.get(STUDENT, artifact_id)
        assert (seen.media_url, seen.thumbnail_url, seen.versions[0].download_url) == ("", "", "")

    assert sweep_media(app.unit_of_work, app.media, clock) == (0, 2)
    seen = app.queries.get(STUDENT, kept.id)
    assert seen.status is Status.READY and not has_gps(served(app, seen.media_url))
    assert served(app, seen.thumbnail_url)[:4] == b"RIFF"
    assert app.media.store.stat(f"artifacts/{kept.id}/v1/original") is None
    rejected = app.queries.get(STUDENT, replaced.id)
    assert rejected.status is Status.REJECTED and "not an image" in rejected.rejection_reason
    assert rejected.media_url == ""
    assert sweep_media(app.unit_of_work, app.media, clock) == (0, 0)
