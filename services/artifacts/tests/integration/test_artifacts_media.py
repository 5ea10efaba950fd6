"""Direct-to-store media through the service layer, on moto S3 AND the filesystem store: upload targets, CompleteUpload,
the media worker's check (called here as the worker calls it), verdicts, cleanup and the URLs reads hand out."""
from __future__ import annotations

import dataclasses
from urllib.parse import parse_qs, urlsplit

import pytest
from artifacts_fixtures import GUARDIAN, OTHER_STUDENT, STUDENT, STUDENT_ID, TEACHER, image, link
from media_fixtures import check, has_gps, jpeg_with_gps, mp4, png, read, send, upload, uploaded_event

from artifacts.adapters.repository import PortfolioFilter
from artifacts.bootstrap import build
from artifacts.config import ArtifactsOptions
from artifacts.domain.model import Status, VersionInput
from chassis.config import service_settings
from chassis.errors import Conflict, InvalidArgument, PermissionDenied
from chassis.media.fs_store import FilesystemBlobStore, UploadTooLarge
from chassis.testing.media import on_each_store

pytestmark = [pytest.mark.integration, on_each_store]
MiB = 1024 * 1024
OPTIONS = ArtifactsOptions(max_image_mb=0.05, multipart_threshold_mb=5, multipart_part_mb=5)


@pytest.fixture
def app(artifacts_database, clock, platform):
    artifacts_app = artifacts_database.adopt(build(
        service_settings("artifacts", database_url=artifacts_database.url, db_pool_size=2), clock=clock,
        options=OPTIONS, platform=platform))
    yield artifacts_app
    artifacts_app.close()


def test_a_photo_loses_its_gps_gets_a_thumbnail_and_is_served_as_its_sniffed_type(app, world, tables):
    photo = jpeg_with_gps()
    assert has_gps(photo)
    created, event = upload(app, image(file_name="Volcano – final.jpg", size=len(photo)), photo)
    assert event.data == {"artifact_id": created.id, "version": 1, "kind": "image",
                          "media_key": f"artifacts/{created.id}/v1/original", "media_object_id": ""}
    assert check(app, event) == "ready"

    store, key = app.media.store, f"checked/artifacts/{created.id}/v1/original"
    stored = read(store, key)
    assert not has_gps(stored) and b"PhoneCo" not in stored
    assert store.stat(f"checked/artifacts/{created.id}/v1/thumbnail").content_type == "image/webp"
    assert store.stat(f"artifacts/{created.id}/v1/original") is None      # the upload itself is gone once checked
    seen = app.queries.get(STUDENT, created.id)
    [version] = seen.versions
    assert (seen.status, version.served_type, version.served_size) == (Status.READY, "image/jpeg", len(stored))
    assert seen.thumbnail_url and seen.media_url and version.download_url
    [listed] = app.queries.portfolio(GUARDIAN, PortfolioFilter(student_id=STUDENT_ID)).items
    assert listed.thumbnail_url and listed.media_url
    if isinstance(store, FilesystemBlobStore):          # relative URLs the gateway serves
        assert seen.media_url.startswith(f"/media/{key}?")
        media, download = store.verify_signed_url(seen.media_url), store.verify_signed_url(version.download_url)
        assert (media.content_type, media.inline) == ("image/jpeg", True)
        assert (download.inline, download.filename) == (False, "Volcano – final.jpg")
    else:
        query = parse_qs(urlsplit(version.download_url).query)
        assert query["response-content-type"] == ["image/jpeg"]
        disposition = query["response-content-disposition"][0]
        assert disposition.startswith("attachment;") and "UTF-8''Volcano%20%E2%80%93%20final.jpg" in disposition
        assert parse_qs(urlsplit(seen.media_url).query)["response-content-disposition"][0].startswith("inline;")
    assert tables.event_types()[-2:] == ["artifact_media_ready", "artifact_updated"]


def test_a_png_renamed_pdf_is_rejected_and_deleted(app, world, tables):
    picture = png()
    created, event = upload(app, image(kind="document", file_name="report.pdf", size=len(picture),
                                       content_type="application/pdf"), picture)
    assert check(app, event) == "rejected"
    seen = app.queries.get(STUDENT, created.id)
    assert (seen.status, seen.rejection_reason) == (Status.REJECTED, "the file is a PNG image, not a document")
    assert (seen.media_url, seen.thumbnail_url, seen.versions[0].download_url) == ("", "", "")
    assert app.media.store.stat(f"artifacts/{created.id}/v1/original") is None
    assert app.media.store.stat(f"checked/artifacts/{created.id}/v1/original") is None
    rejected = [e for e in tables.envelopes() if e.type == "artifact_media_rejected"]
    assert rejected[0].data["reason"] == "the file is a PNG image, not a document"


def test_a_declared_size_over_the_limit_is_refused_before_any_upload(app, world, tables):
    with pytest.raises(InvalidArgument) as refused:
        app.commands.create(STUDENT, image(size=MiB))
    assert refused.value.problems[0].field == "file.size_bytes"
    assert refused.value.problems[0].reason == "the file is 1 MB; image files may be at most 51.2 KB"
    assert tables.envelopes() == []


def test_an_upload_bigger_than_declared_and_the_limit_is_rejected_and_deleted(app, world):
    noisy = png((200, 200), noise=True)
    assert len(noisy) > OPTIONS.max_image_mb * MiB
    submitted = app.commands.create(STUDENT, image(file_name="small.png", size=1000, content_type="image/png"))
    key = f"artifacts/{submitted.artifact.id}/v1/original"
    if isinstance(app.media.store, FilesystemBlobStore):   # the gateway stops at the signed limit: nothing lands
        with pytest.raises(UploadTooLarge):
            send(app.media.store, submitted.upload, noisy)
        with pytest.raises(InvalidArgument) as nothing:
            app.commands.complete_upload(STUDENT, submitted.artifact.id, 1, [])
        assert nothing.value.problems[0].field == "file"
        return
    send(app.media.store, submitted.upload, noisy)          # moto ignores the POST size policy: it lands
    app.commands.complete_upload(STUDENT, submitted.artifact.id, 1, [])
    assert check(app, uploaded_event(app, submitted.artifact.id)) == "rejected"
    seen = app.queries.get(STUDENT, submitted.artifact.id)
    assert seen.status is Status.REJECTED and "images may be at most" in seen.rejection_reason
    assert app.media.store.stat(key) is None


def test_redelivery_and_stale_versions_change_nothing(app, world, tables):
    photo = jpeg_with_gps((64, 64))
    created, event = upload(app, image(size=len(photo)), photo)
    assert check(app, event) == "ready"
    before = tables.envelopes()
    assert check(app, event) == "duplicate" and tables.envelopes() == before
    assert check(app, dataclasses.replace(event, event_id="another-delivery-id")) == "ready"  # already has a verdict
    assert tables.envelopes() == before

    second, first_event = upload(app, image(size=len(photo)), photo)
    resubmitted = app.commands.add_version(STUDENT, second.id, VersionInput(
        file_name="v2.jpg", size_bytes=len(photo), content_type="image/jpeg")).artifact
    assert check(app, first_event) == "stale"
    assert app.queries.get(STUDENT, second.id).status is Status.PROCESSING and resubmitted.current_version == 2
    assert "artifact_media_ready" not in [e.type for e in tables.envelopes()[len(before):]]


def test_complete_upload_is_for_whoever_may_change_it_current_version_only_and_idempotent(app, world, tables):
    photo = jpeg_with_gps((32, 32))
    submitted = app.commands.create(STUDENT, image(size=len(photo)))
    artifact_id = submitted.artifact.id
    for viewer in (TEACHER, GUARDIAN, OTHER_STUDENT):        # the teacher teaches her, but did not add it
        with pytest.raises(PermissionDenied):
            app.commands.complete_upload(viewer, artifact_id, 1, [])
    with pytest.raises(InvalidArgument) as early:
        app.commands.complete_upload(STUDENT, artifact_id, 1, [])
    assert early.value.problems[0].field == "file"
    send(app.media.store, submitted.upload, photo)
    with pytest.raises(Conflict):
        app.commands.complete_upload(STUDENT, artifact_id, 2, [])
    app.commands.complete_upload(STUDENT, artifact_id, 1, [])
    app.commands.complete_upload(STUDENT, artifact_id, 1, [])
    assert tables.event_types().count("artifact_media_uploaded") == 1
    linked = app.commands.create(STUDENT, link()).artifact
    with pytest.raises(InvalidArgument):
        app.commands.complete_upload(STUDENT, linked.id, 1, [])


def test_a_big_video_uploads_in_parts_and_is_accepted(app, world):
    body = mp4(6 * MiB)
    submitted = app.commands.create(STUDENT, image(kind="video", file_name="science fair.mp4", size=len(body),
                                                   content_type="video/mp4"))
    target = submitted.upload
    assert (target.method, target.part_size, len(target.part_urls)) == ("MULTIPART", 5 * MiB, 2)
    etags = send(app.media.store, target, body)
    with pytest.raises(InvalidArgument) as missing:
        app.commands.complete_upload(STUDENT, submitted.artifact.id, 1, [])
    assert missing.value.problems[0].field == "part_etags"
    app.commands.complete_upload(STUDENT, submitted.artifact.id, 1, etags)
    app.commands.complete_upload(STUDENT, submitted.artifact.id, 1, etags)       # again: nothing to assemble
    assert check(app, uploaded_event(app, submitted.artifact.id)) == "ready"
    seen = app.queries.get(STUDENT, submitted.artifact.id)
    assert (seen.versions[0].served_size, seen.versions[0].served_type) == (len(body), "video/mp4")
    assert read(app.media.store, f"checked/artifacts/{seen.id}/v1/original") == body


def test_a_replaced_version_s_unfinished_multipart_upload_is_aborted(app, world):
    body = mp4(6 * MiB)
    submitted = app.commands.create(STUDENT, image(kind="video", file_name="take1.mp4", size=len(body),
                                                   content_type="video/mp4"))
    first = submitted.upload
    send(app.media.store, first, body[:5 * MiB])                         # the first part only, then a new take
    assert first.upload_id in unfinished_uploads(app.media.store)
    app.commands.add_version(STUDENT, submitted.artifact.id, VersionInput(
        file_name="take2.mp4", size_bytes=len(body), content_type="video/mp4"))
    assert first.upload_id not in unfinished_uploads(app.media.store)
    assert app.media.store.stat(first.key) is None


def unfinished_uploads(store) -> list[str]:
    if isinstance(store, FilesystemBlobStore):
        return [p.name for p in (store.root / ".parts").iterdir()]
    return [u.upload_id for u in store.client._list_multipart_uploads(store.bucket).uploads]


def test_other_files_are_accepted_but_always_downloaded(app, world):
    picture = png((40, 40))
    created, event = upload(app, image(kind="other", file_name="diagram.png", size=len(picture),
                                       content_type="image/png"), picture)
    assert check(app, event) == "ready"
    seen = app.queries.get(STUDENT, created.id)
    if isinstance(app.media.store, FilesystemBlobStore):
        assert app.media.store.verify_signed_url(seen.media_url).inline is False
    else:
        assert parse_qs(urlsplit(seen.media_url).query)["response-content-disposition"][0].startswith("attachment")
