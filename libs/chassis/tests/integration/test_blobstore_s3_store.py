"""The S3 adapter against a real S3 endpoint (moto server here, MinIO where Docker runs): the POST policy form
(single uploads, sent as a browser does), stat/open/delete, presigned multipart parts.

moto verifies neither signatures, expiry nor POST-policy conditions, so these tests prove the URLs and forms work
and carry the right policy; they cannot prove the store refuses an oversize POST. The service's post-upload
validation (stat + sniff + check) is what enforces limits everywhere.
"""
import base64
import datetime as dt
import io
import json
import os
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from chassis.config import PlatformSettings
from chassis.media import BlobStore, blob_store_from_settings, content_disposition
from chassis.media.blobstore import BlobNotFound, BlobStat
from chassis.media.processing import check_stream
from chassis.media.s3_store import S3BlobStore

pytestmark = pytest.mark.integration
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


@pytest.fixture()
def store(s3_endpoint):
    settings = PlatformSettings(s3_endpoint=s3_endpoint.endpoint, s3_access_key=s3_endpoint.access_key,
                                s3_secret_key=s3_endpoint.secret_key, s3_secure=s3_endpoint.secure,
                                s3_bucket=f"media-{uuid.uuid4().hex[:12]}")
    chosen = blob_store_from_settings(settings)
    assert isinstance(chosen, S3BlobStore) and isinstance(chosen, BlobStore)
    chosen.ensure_bucket()
    chosen.ensure_bucket()  # idempotent
    return chosen


def key() -> str:
    return f"artifacts/{uuid.uuid4()}/original"


def post_form(target, body: bytes, file_name: str = "upload") -> requests.Response:
    """What upload.js does with a POST target: multipart/form-data, every field first, the file last as ``file``."""
    return requests.post(target.url, data=target.fields,
                         files={"file": (file_name, body, target.fields["Content-Type"])}, timeout=10)


def test_posted_upload_then_stat_open_download_and_delete(store, s3_endpoint):
    object_key = key()
    assert store.stat(object_key) is None
    target = store.presign_upload(object_key, "image/png", 1024, dt.timedelta(minutes=5))
    response = post_form(target, PNG)
    assert response.status_code == 204, response.text

    stat = store.stat(object_key)
    assert (stat.size, stat.content_type) == (len(PNG), "image/png")
    with store.open(object_key) as stream:
        assert stream.read() == PNG
    with store.open(object_key) as stream:  # what the media worker does after the upload lands
        assert check_stream("document", stream, stat.size).reason == "the file is a PNG image, not a document"

    store.copy(object_key, "checked/" + object_key)      # only the worker's checked copy is ever served
    url = store.presign_download("checked/" + object_key, dt.timedelta(minutes=5), filename="Señora's map.png",
                                  content_type="image/png")
    downloaded = requests.get(url, timeout=10)
    assert downloaded.content == PNG
    disposition = content_disposition("Señora's map.png")
    assert disposition.startswith("attachment; filename=\"Senora's map.png\"; filename*=UTF-8''Se%C3%B1ora")
    query = parse_qs(urlsplit(url).query)
    assert query["response-content-disposition"] == [disposition]
    assert query["response-content-type"] == ["image/png"]
    if s3_endpoint.kind == "minio":  # moto ignores response-* overrides; MinIO/S3 apply them
        assert downloaded.headers["Content-Disposition"] == disposition

    store.delete(object_key)
    assert store.stat(object_key) is None
    store.delete(object_key)  # deleting a missing object is fine
    with pytest.raises(BlobNotFound):
        with store.open(object_key):
            pass


def test_put_stores_server_made_objects(store):
    object_key = key().replace("original", "thumbnail.webp")
    store.put(object_key, io.BytesIO(b"RIFF0000WEBPVP8 "), 16, "image/webp")
    assert store.stat(object_key).content_type == "image/webp"


def test_single_uploads_are_a_post_form_whose_policy_limits_the_size(store, s3_endpoint):
    object_key = key()
    target = store.presign_upload(object_key, "application/pdf", 5000, dt.timedelta(minutes=5))
    assert (target.method, target.headers, target.max_bytes, target.part_urls) == ("POST", {}, 5000, ())
    scheme = "https" if s3_endpoint.secure else "http"
    assert target.url == f"{scheme}://{s3_endpoint.endpoint}/{store.bucket}"  # the bucket, not the object
    assert target.fields["key"] == object_key and target.fields["Content-Type"] == "application/pdf"
    assert {"policy", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-signature"} <= set(target.fields)
    policy = json.loads(base64.b64decode(target.fields["policy"]))
    assert ["content-length-range", 1, 5000] in policy["conditions"]
    assert ["eq", "$key", object_key] in policy["conditions"]
    assert ["eq", "$Content-Type", "application/pdf"] in policy["conditions"]
    assert ["eq", "$bucket", store.bucket] in policy["conditions"]
    assert policy["expiration"].startswith(target.expires_at.strftime("%Y-%m-%dT%H:%M"))

    body = b"%PDF-1.7\n%%EOF\n"
    response = post_form(target, body, "x.pdf")
    assert response.status_code == 204, response.text
    assert store.stat(object_key) == BlobStat(size=len(body), content_type="application/pdf")
    # moto ignores content-length-range: an oversize POST is NOT refused here (MinIO/S3 would answer 400).
    # That is why the media worker re-checks every upload's size and type after it lands.


def test_media_worker_cleans_a_gps_photo_uploaded_by_the_post_form(store):
    from PIL import ExifTags, Image

    from chassis.media.pipeline import process_upload
    exif = Image.Exif()
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (38.0, 15.0, 7.5)}
    photo = io.BytesIO()
    Image.new("RGB", (900, 300), "blue").save(photo, "JPEG", exif=exif.tobytes())
    object_key, thumb_key = key(), key().replace("original", "thumbnail")
    target = store.presign_upload(object_key, "image/jpeg", 25 * 1024 * 1024, dt.timedelta(minutes=5))
    assert post_form(target, photo.getvalue()).status_code == 204

    result = process_upload(store, object_key, "image", thumbnail_key=thumb_key)
    assert result.key == "checked/" + object_key
    with store.open(result.key) as stream:
        cleaned = stream.read()
    assert b"Exif" not in cleaned and result.size == len(cleaned) == store.stat(result.key).size
    assert store.stat(thumb_key).content_type == "image/webp"
    with store.open(thumb_key) as stream, Image.open(io.BytesIO(stream.read())) as preview:
        assert preview.size == (400, 133)


def test_multipart_upload_with_presigned_parts_round_trips(store):
    """Big files: presigned part PUTs (one sent twice, as a resumed upload does), then completion with the ETags."""
    part_size = 5 * 1024 * 1024                      # S3's smallest part (moto enforces it too)
    body = os.urandom(part_size) + b"tail of the video"
    object_key = key()
    target = store.presign_multipart(object_key, "video/mp4", len(body), part_size, dt.timedelta(minutes=5))
    assert (target.method, target.part_size, len(target.part_urls)) == ("MULTIPART", part_size, 2)
    chunks = [body[:part_size], body[part_size:]]
    etags = [requests.put(url, data=chunk, timeout=30).headers["ETag"] for url, chunk in zip(target.part_urls, chunks)]
    assert requests.put(target.part_urls[1], data=chunks[1], timeout=30).headers["ETag"] == etags[1]
    store.complete_multipart(object_key, target.upload_id, etags)
    assert store.stat(object_key).size == len(body)
    with store.open(object_key) as stream:
        assert stream.read() == body


def test_multipart_completion_with_wrong_etags_is_refused_and_abort_cleans_up(store):
    from chassis.errors import InvalidArgument
    part_size = 5 * 1024 * 1024
    object_key = key()
    target = store.presign_multipart(object_key, "video/mp4", part_size + 10, part_size, dt.timedelta(minutes=5))
    requests.put(target.part_urls[0], data=os.urandom(part_size), timeout=30)
    with pytest.raises(InvalidArgument) as raised:
        store.complete_multipart(object_key, target.upload_id, ['"00000000000000000000000000000000"'])
    assert raised.value.problems[0].field == "part_etags"
    store.abort_multipart(object_key, target.upload_id)
    store.abort_multipart(object_key, target.upload_id)
    assert store.stat(object_key) is None


def test_urls_are_signed_for_the_public_endpoint_where_set(s3_endpoint):
    settings = PlatformSettings(s3_endpoint=s3_endpoint.endpoint, s3_access_key=s3_endpoint.access_key,
                                s3_secret_key=s3_endpoint.secret_key, s3_secure=s3_endpoint.secure,
                                s3_bucket=f"media-{uuid.uuid4().hex[:12]}", s3_public_endpoint="media.example.org:9000")
    store = blob_store_from_settings(settings)
    store.ensure_bucket()                                   # the store itself talks to the real endpoint
    object_key = key()
    assert urlsplit(store.presign_upload(object_key, "image/png", 10, dt.timedelta(minutes=5)).url).netloc == \
        "media.example.org:9000"
    assert urlsplit(store.presign_download("checked/" + object_key, dt.timedelta(minutes=5))).netloc == \
        "media.example.org:9000"
    store.put(object_key, io.BytesIO(PNG), len(PNG), "image/png")
    assert store.stat(object_key).size == len(PNG)


def test_the_checked_copy_is_a_snapshot_and_never_an_upload_target(store):
    """moto (like a presigned URL on S3 until it expires) lets a client POST again to the same key after the check:
    the served key is the worker's copy, which no upload target can name."""
    from chassis.media import InvalidKey
    object_key = key()
    target = store.presign_upload(object_key, "image/png", 1024, dt.timedelta(minutes=5))
    assert post_form(target, PNG).status_code == 204
    store.copy(object_key, "checked/" + object_key)
    assert post_form(target, b"<html>other bytes</html>").status_code == 204
    with store.open("checked/" + object_key) as stream:
        assert stream.read() == PNG
    store.seal(object_key)                                  # nothing to revoke on S3: a no-op
    with pytest.raises(InvalidKey, match="never uploaded"):
        store.presign_upload("checked/" + object_key, "image/png", 1024, dt.timedelta(minutes=5))
    with pytest.raises(InvalidKey, match="never uploaded"):
        store.presign_multipart("checked/" + object_key, "video/mp4", 10, 5 * 1024 * 1024, dt.timedelta(minutes=5))
    with pytest.raises(InvalidKey, match="only checked media is served"):
        store.presign_download(object_key, dt.timedelta(minutes=5))
    with pytest.raises(BlobNotFound):
        store.copy(key(), "checked/" + key())
