"""The filesystem media routes (embedded default): signed uploads (whole and in parts) and downloads through the
gateway, refusals with clear messages, and streaming that never holds a whole file in memory."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest

from chassis.media.blobstore import part_count

pytestmark = pytest.mark.integration
HOUR = dt.timedelta(hours=1)
MB = 1024 * 1024


def _key(name: str) -> str:
    return f"tests/{os.urandom(6).hex()}/{name}"


def _checked(name: str) -> str:
    """A key the media worker writes (only those are served)."""
    return "checked/" + _key(name)


def test_upload_then_download_a_multi_megabyte_file(client, media_store):
    body = os.urandom(8 * MB + 123)
    key = _key("original")
    target = media_store.presign_upload(key, "image/png", 10 * MB, HOUR)
    reply = client.put(target.url, content=body, headers=target.headers)
    assert reply.status_code == 201, reply.text
    assert reply.json() == {"key": key, "size_bytes": len(body)}
    assert media_store.stat(key).size == len(body)

    media_store.copy(key, "checked/" + key)                             # what the media worker serves
    url = media_store.presign_download("checked/" + key, HOUR, "My volcano.png", content_type="image/png")
    download = client.get(url)
    assert download.status_code == 200 and download.content == body
    assert download.headers["content-type"] == "image/png"
    assert download.headers["content-disposition"].startswith('attachment; filename="My volcano.png"')
    assert download.headers["x-content-type-options"] == "nosniff"
    assert download.headers["cache-control"] == "private, no-store"
    assert download.headers["content-length"] == str(len(body))
    inline = client.get(media_store.presign_download("checked/" + key, HOUR, content_type="image/png",
                                                     inline=True))
    assert inline.headers["content-disposition"] == "inline"


def _tampered(url: str, **changes) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    query.update(changes)
    return f"{parts.path}?{urlencode(query)}"


def test_expired_forged_or_misused_links_are_403_with_a_clear_message(client, media_store):
    key = _key("original")
    expired = media_store.presign_upload(key, "image/png", MB, -dt.timedelta(seconds=5))
    reply = client.put(expired.url, content=b"x", headers=expired.headers)
    assert reply.status_code == 403 and "expired" in reply.json()["error"]["message"]

    good = media_store.presign_upload(key, "image/png", MB, HOUR)
    bigger = client.put(_tampered(good.url, max=str(100 * MB)), content=b"x", headers=good.headers)
    assert bigger.status_code == 403 and "signature" in bigger.json()["error"]["message"]
    unsigned = client.put(good.url.split("?")[0], content=b"x", headers=good.headers)
    assert unsigned.status_code == 403 and "not valid" in unsigned.json()["error"]["message"]
    assert client.get(good.url).status_code == 403                     # an upload link does not download

    served = "checked/" + key
    media_store.put(served, io.BytesIO(b"hello"), 5, "text/plain")
    download = media_store.presign_download(served, HOUR)
    assert client.put(download, content=b"x").status_code == 405      # a download link does not upload
    other_key = client.get(download.replace(served, _checked("original")))
    assert other_key.status_code == 403
    assert media_store.stat(served).size == 5


def test_too_large_uploads_are_413_and_leave_nothing(client, media_store):
    key = _key("original")
    target = media_store.presign_upload(key, "application/pdf", MB, HOUR)
    declared = client.put(target.url, content=os.urandom(MB + 1), headers=target.headers)
    assert declared.status_code == 413 and declared.json()["error"]["code"] == "PAYLOAD_TOO_LARGE"
    assert declared.json()["error"]["problems"] == [{"field": "file", "reason": f"at most {MB} bytes"}]

    def chunks():   # no Content-Length: the limit is enforced while streaming
        for _ in range(3):
            yield os.urandom(MB // 2)

    streamed = client.put(target.url, content=chunks(), headers=target.headers)
    assert streamed.status_code == 413 and streamed.json()["error"]["problems"][0]["field"] == "file"
    assert media_store.stat(key) is None


def test_the_signed_content_type_is_required(client, media_store):
    target = media_store.presign_upload(_key("original"), "image/png", MB, HOUR)
    reply = client.put(target.url, content=b"GIF89a", headers={"Content-Type": "image/gif"})
    assert reply.status_code == 415 and "image/png" in reply.json()["error"]["message"]
    with_charset = client.put(target.url, content=b"png", headers={"Content-Type": "image/png; charset=binary"})
    assert with_charset.status_code == 201


def test_multipart_upload_returns_etags_and_resumes(client, media_store):
    key, part_size = _key("original"), 5 * MB
    body = os.urandom(2 * part_size + 1000)
    target = media_store.presign_multipart(key, "video/mp4", len(body), part_size, HOUR)
    assert len(target.part_urls) == part_count(len(body), part_size) == 3
    etags = []
    for number, url in enumerate(target.part_urls):
        part = body[number * part_size:(number + 1) * part_size]
        reply = client.put(url, content=part)
        assert reply.status_code == 200, reply.text
        assert reply.headers["etag"] == f'"{hashlib.md5(part).hexdigest()}"'
        etags.append(reply.headers["etag"])
    again = client.put(target.part_urls[0], content=body[:part_size])      # an interrupted part is resent
    assert again.headers["etag"] == etags[0]
    too_big = client.put(target.part_urls[2], content=os.urandom(part_size + 1))
    assert too_big.status_code == 413
    assert client.put(target.part_urls[2], content=body[2 * part_size:]).status_code == 200
    media_store.complete_multipart(key, target.upload_id, etags)
    with media_store.open(key) as stored:
        assert stored.read() == body


def test_unknown_object_is_404(client, media_store):
    reply = client.get(media_store.presign_download(_checked("original"), HOUR))
    assert reply.status_code == 404 and reply.json()["error"]["code"] == "NOT_FOUND"


def test_media_routes_exist_only_for_the_filesystem_store(make_client, make_app, gateway_platform, media_store):
    s3 = make_client(platform=gateway_platform.model_copy(update={"s3_endpoint": "127.0.0.1:9"}))
    url = media_store.presign_download(_checked("original"), HOUR)
    assert s3.get(url).status_code == 404
    assert not any(route.path.startswith("/media") for route in s3.app.routes)
    with pytest.raises(ValueError, match="SKILLFOLIO_MEDIA_URL_SECRET"):
        make_app(platform=gateway_platform.model_copy(update={"media_url_secret": ""}))


def test_media_routes_stay_out_of_openapi(client):
    assert not any(path.startswith("/media") for path in client.get("/openapi.json").json()["paths"])


def test_downloads_answer_byte_ranges_for_seeking(client, media_store):
    key, body = _checked("original"), os.urandom(3 * MB)
    media_store.put(key, io.BytesIO(body), len(body), "video/mp4")
    url = media_store.presign_download(key, HOUR, content_type="video/mp4", inline=True)
    whole = client.get(url)
    assert whole.status_code == 200 and whole.headers["accept-ranges"] == "bytes"
    middle = client.get(url, headers={"Range": "bytes=1000-1999999"})
    assert middle.status_code == 206 and middle.content == body[1000:2000000]
    assert middle.headers["content-range"] == f"bytes 1000-1999999/{len(body)}"
    assert middle.headers["content-length"] == str(2000000 - 1000)
    assert client.get(url, headers={"Range": "bytes=-10"}).content == body[-10:]
    assert client.get(url, headers={"Range": f"bytes={len(body) - 5}-"}).content == body[-5:]
    assert client.get(url, headers={"Range": "bytes=0-0,5-9"}).status_code == 200   # several: the whole file
    outside = client.get(url, headers={"Range": f"bytes={len(body)}-"})
    assert outside.status_code == 416 and outside.headers["content-range"] == f"bytes */{len(body)}"


def test_a_completed_upload_refuses_more_bytes_with_409_and_upload_keys_are_never_served(client, media_store):
    key = _key("original")
    target = media_store.presign_upload(key, "image/png", MB, HOUR)
    assert client.put(target.url, content=b"first", headers=target.headers).status_code == 201
    media_store.seal(key)                                               # what CompleteUpload does
    again = client.put(target.url, content=b"<html>", headers=target.headers)
    assert again.status_code == 409, again.text
    assert again.json()["error"]["problems"] == [{"field": "file", "reason": "the upload is already complete"}]
    with media_store.open(key) as stored:
        assert stored.read() == b"first"
    forged = client.get("/media/" + key + "?exp=9999999999&sig=x")     # not a served key, whatever the signature
    assert forged.status_code == 404
