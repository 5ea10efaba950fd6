"""Multipart (resumable) uploads of the filesystem blob store: signed part URLs, ETags, resume, completion checks."""
import datetime as dt
import hashlib
import io
import os
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from chassis.errors import InvalidArgument
from chassis.media import MULTIPART
from chassis.media.fs_store import FilesystemBlobStore
from chassis.media.signing import InvalidSignedUrl

KEY = "artifacts/7d1c5e0a-2f43-4c7e-9d55-0b8f0f6e3a11/v1/original"
BODY = os.urandom(2500)


@pytest.fixture()
def store(tmp_path):
    return FilesystemBlobStore(tmp_path / "media", os.urandom(32))


def send(store, url: str, body: bytes) -> str:
    """What the gateway's part route does: verify the URL, store the body, answer the ETag."""
    return store.receive_part(store.verify_signed_url(url), io.BytesIO(body))


def test_parts_resume_and_complete_into_one_object(store, tmp_path):
    target = store.presign_multipart(KEY, "video/mp4", len(BODY), 1000, dt.timedelta(minutes=5))
    assert (target.method, target.part_size, len(target.part_urls), target.url) == (MULTIPART, 1000, 3, "")
    assert all(url.startswith(f"/media/upload/{KEY}?") for url in target.part_urls)   # relative: the gateway serves
    chunks = [BODY[0:1000], BODY[1000:2000], BODY[2000:]]
    etags = [send(store, url, chunk) for url, chunk in zip(target.part_urls, chunks)]
    assert etags[0] == f'"{hashlib.md5(chunks[0]).hexdigest()}"'
    assert send(store, target.part_urls[1], chunks[1]) == etags[1]        # interrupted part sent again
    store.complete_multipart(KEY, target.upload_id, etags)
    with store.open(KEY) as stream:
        assert stream.read() == BODY
    assert store.stat(KEY).content_type == "video/mp4"
    assert not (tmp_path / "media" / ".parts" / target.upload_id).exists()
    with pytest.raises(InvalidSignedUrl, match="unknown, finished"):
        send(store, target.part_urls[0], chunks[0])


def test_completion_checks_parts_and_etags(store):
    target = store.presign_multipart(KEY, "video/mp4", len(BODY), 1000, dt.timedelta(minutes=5))
    first = send(store, target.part_urls[0], BODY[:1000])
    short = send(store, target.part_urls[1], BODY[1000:1500])
    full = send(store, target.part_urls[2], BODY[2000:])
    second = store.presign_multipart(KEY, "video/mp4", len(BODY), 1000, dt.timedelta(minutes=5))
    only_first = send(store, second.part_urls[0], BODY[:1000])
    for upload_id, etags, reason in ((target.upload_id, [first, short, full], "part 2 is not 1000 bytes"),
                                     (target.upload_id, [], "ETag of every"),
                                     (target.upload_id, ['"0000"', short], "does not match"),
                                     (second.upload_id, [only_first, only_first], "part 2 was not uploaded")):
        with pytest.raises(InvalidArgument) as raised:
            store.complete_multipart(KEY, upload_id, etags)
        assert raised.value.problems[0].field == "part_etags" and reason in raised.value.problems[0].reason
    assert store.stat(KEY) is None
    with pytest.raises(InvalidArgument, match="do not match"):
        store.complete_multipart("artifacts/other/v1/original", target.upload_id, [first])


def test_part_urls_are_bound_and_limited(store):
    target = store.presign_multipart(KEY, "video/mp4", len(BODY), 1000, dt.timedelta(minutes=5))
    with pytest.raises(InvalidArgument, match="larger than 1000"):
        send(store, target.part_urls[0], b"x" * 1001)
    url = target.part_urls[0]
    parts = urlsplit(url)
    params = {k: v[0] for k, v in parse_qs(parts.query).items()}
    for change in ({"pn": "2"}, {"max": "99999"}, {"uid": "0" * 32}):
        with pytest.raises(InvalidSignedUrl):
            store.verify_signed_url(f"{parts.path}?{urlencode({**params, **change})}")
    with pytest.raises(InvalidSignedUrl, match="does not allow uploads"):   # a part URL is not a whole upload
        store.receive_upload(store.verify_signed_url(url), io.BytesIO(b"x"), "video/mp4")
    single = store.presign_upload(KEY, "video/mp4", 10, dt.timedelta(minutes=5))
    with pytest.raises(InvalidSignedUrl, match="part"):
        store.receive_part(store.verify_signed_url(single.url), io.BytesIO(b"x"))


def test_abort_drops_the_parts(store, tmp_path):
    target = store.presign_multipart(KEY, "video/mp4", len(BODY), 1000, dt.timedelta(minutes=5))
    send(store, target.part_urls[0], BODY[:1000])
    store.abort_multipart(KEY, target.upload_id)
    store.abort_multipart(KEY, target.upload_id)          # already gone: fine
    assert not (tmp_path / "media" / ".parts" / target.upload_id).exists()
    with pytest.raises(InvalidSignedUrl):
        send(store, target.part_urls[1], BODY[1000:2000])


def test_abandoned_uploads_are_purged_when_a_new_one_starts(store, tmp_path):
    old = store.presign_multipart(KEY, "video/mp4", len(BODY), 1000, dt.timedelta(minutes=5))
    send(store, old.part_urls[0], BODY[:1000])
    assert store.parts.purge_stale(max_age_seconds=3600) == 0            # fresh: kept
    week_ago = time.time() - 8 * 24 * 3600
    for path in (tmp_path / "media" / ".parts" / old.upload_id).iterdir():
        os.utime(path, (week_ago, week_ago))
    fresh = store.presign_multipart(KEY, "video/mp4", len(BODY), 1000, dt.timedelta(minutes=5))
    assert sorted(p.name for p in (tmp_path / "media" / ".parts").iterdir()) == [fresh.upload_id]
