"""process_upload over the embedded filesystem store: the checked copy, wrong kinds and sizes rejected, photos cleaned
and thumbnailed."""
import datetime as dt
import io
import os

import pytest
from PIL import ExifTags, Image

from chassis.media.fs_store import FilesystemBlobStore
from chassis.media.kinds import MediaLimits, MediaRejected
from chassis.media.pipeline import process_upload


@pytest.fixture()
def store(tmp_path):
    return FilesystemBlobStore(tmp_path / "media", os.urandom(32))


def gps_photo() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 8  # rotate 90 degrees counter-clockwise to display
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (38.0, 15.0, 7.5)}
    out = io.BytesIO()
    Image.new("RGB", (800, 600), "green").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def client_upload(store, key: str, body: bytes, declared_type: str) -> None:
    target = store.presign_upload(key, declared_type, 50 * 1024 * 1024, dt.timedelta(minutes=5))
    store.receive_upload(store.verify_signed_url(target.url), io.BytesIO(body), declared_type)


def test_photo_is_cleaned_in_its_checked_copy_and_thumbnailed(store):
    photo = gps_photo()
    client_upload(store, "a/1/original", photo, "image/jpeg")
    result = process_upload(store, "a/1/original", "image", thumbnail_key="checked/a/1/thumbnail",
                            declared_size=len(photo))
    assert (result.key, result.kind, result.mime, result.thumbnail_mime) == (
        "checked/a/1/original", "image", "image/jpeg", "image/webp")
    with store.open("checked/a/1/original") as stream:
        cleaned = stream.read()
    assert len(cleaned) == result.size == store.stat("checked/a/1/original").size
    with Image.open(io.BytesIO(cleaned)) as image:
        assert len(image.getexif()) == 0 and image.size == (600, 800)
    with store.open("checked/a/1/thumbnail") as stream, Image.open(stream) as preview:
        assert preview.format == "WEBP" and preview.size == (300, 400)


def test_png_declared_as_document_is_rejected_and_left_for_the_caller_to_delete(store):
    png = io.BytesIO()
    Image.new("RGB", (4, 4)).save(png, "PNG")
    client_upload(store, "a/2/original", png.getvalue(), "application/pdf")
    with pytest.raises(MediaRejected, match="the file is a PNG image, not a document"):
        process_upload(store, "a/2/original", "document")


def test_missing_and_oversize_uploads_are_rejected(store):
    with pytest.raises(MediaRejected, match="no file was uploaded"):
        process_upload(store, "a/3/original", "document")
    client_upload(store, "a/3/original", b"%PDF-1.7\n" + b"0" * 2000, "application/pdf")
    with pytest.raises(MediaRejected, match="documents may be at most 1000 bytes"):
        process_upload(store, "a/3/original", "document", limits=MediaLimits(document=1000))
    assert process_upload(store, "a/3/original", "document").mime == "application/pdf"


def test_a_size_other_than_the_declared_one_is_rejected_and_no_copy_is_kept(store):
    client_upload(store, "a/4/original", b"%PDF-1.7\n" + b"0" * 5000, "application/pdf")
    with pytest.raises(MediaRejected) as rejected:
        process_upload(store, "a/4/original", "document", declared_size=1000)
    assert rejected.value.reason == "the uploaded file is 5,009 bytes, but 1,000 bytes were declared; upload it again"
    assert store.stat("checked/a/4/original") is None
    with pytest.raises(MediaRejected, match="is a PNG image"):        # a rejected copy is removed too
        png = io.BytesIO()
        Image.new("RGB", (4, 4)).save(png, "PNG")
        client_upload(store, "a/5/original", png.getvalue(), "application/pdf")
        process_upload(store, "a/5/original", "document")
    assert store.stat("checked/a/5/original") is None
    assert not [path for path in (store.root / "checked").rglob("*") if path.is_file()]   # no scratch copy left


def test_only_checked_bytes_are_ever_written_to_the_checked_key(store):
    """Two runs on one key (a redelivery racing the first run): the checked key only ever receives a copy that
    passed its run's checks, so a replaced upload that fails them never reaches it."""
    photo = gps_photo()
    client_upload(store, "a/6/original", photo, "image/jpeg")
    first = process_upload(store, "a/6/original", "image", declared_size=len(photo))
    with store.open(first.key) as stream:
        cleaned = stream.read()
    store.put("a/6/original", io.BytesIO(b"<html>" + b"x" * (len(photo) - 6)), len(photo), "image/jpeg")
    with pytest.raises(MediaRejected):
        process_upload(store, "a/6/original", "image", declared_size=len(photo))
    with store.open(first.key) as stream:
        assert stream.read() == cleaned
