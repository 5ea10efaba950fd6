"""The embedded default's filesystem blob store: signed URL round trips, tampering, expiry and path tricks."""
import datetime as dt
import io
import os
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from chassis.config import PlatformSettings
from chassis.media import BlobStore, InvalidKey, blob_store_from_settings
from chassis.media.blobstore import BlobNotFound
from chassis.media.fs_seals import UploadSealed
from chassis.media.fs_store import FilesystemBlobStore, UploadTooLarge
from chassis.media.signing import ExpiredSignedUrl, InvalidSignedUrl

KEY = "artifacts/7d1c5e0a-2f43-4c7e-9d55-0b8f0f6e3a11/original"
CHECKED = "checked/" + KEY


@pytest.fixture()
def store(tmp_path):
    return FilesystemBlobStore(tmp_path / "media", os.urandom(32), public_base_url="http://localhost:8000")


def upload(store, url, body: bytes, content_type: str):
    """What the gateway's upload route does: verify the URL, then stream the body in."""
    return store.receive_upload(store.verify_signed_url(url), io.BytesIO(body), content_type)


def test_is_a_blob_store_and_settings_select_it_without_an_s3_endpoint(tmp_path, store):
    assert isinstance(store, BlobStore)
    chosen = blob_store_from_settings(PlatformSettings(var_dir=tmp_path, s3_endpoint=""), url_secret=os.urandom(32))
    assert isinstance(chosen, FilesystemBlobStore) and chosen.root == (tmp_path / "media").resolve()


def test_signed_upload_then_download_round_trip(store, tmp_path):
    target = store.presign_upload(KEY, "image/png", 1000, dt.timedelta(minutes=5))
    assert target.url.startswith(f"http://localhost:8000/media/upload/{KEY}?")
    assert target.headers == {"Content-Type": "image/png"} and target.fields == {}
    assert upload(store, target.url, b"\x89PNG-bytes", "image/png").size == 10
    assert (tmp_path / "media" / KEY).read_bytes() == b"\x89PNG-bytes"
    stat = store.stat(KEY)
    assert (stat.size, stat.content_type) == (10, "image/png")

    store.copy(KEY, CHECKED)
    url = store.presign_download(CHECKED, dt.timedelta(minutes=5), filename="Mi foto ñ.png")
    request = store.verify_signed_url(url)
    assert (request.action, request.key, request.filename) == ("download", CHECKED, "Mi foto ñ.png")
    assert request.download_headers("text/html") == {
        "Content-Type": "text/html", "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store",
        "Content-Disposition": "attachment; filename=\"Mi foto n.png\"; filename*=UTF-8''Mi%20foto%20%C3%B1.png"}
    typed = store.verify_signed_url(store.presign_download(CHECKED, dt.timedelta(minutes=5),
                                                           content_type="image/png", inline=True))
    assert typed.download_headers("text/html")["Content-Type"] == "image/png"  # the sniffed type wins
    assert typed.download_headers("text/html")["Content-Disposition"] == "inline"
    with store.open(request.key) as stream:
        assert stream.read() == b"\x89PNG-bytes"

    store.delete(KEY)
    assert store.stat(KEY) is None
    store.delete(KEY)  # idempotent
    with pytest.raises(BlobNotFound):
        with store.open(KEY):
            pass


def test_put_stores_server_made_objects(store):
    store.put("thumbs/a.webp", io.BytesIO(b"RIFFxxxxWEBP"), 12, "image/webp")
    assert store.stat("thumbs/a.webp").content_type == "image/webp"
    with pytest.raises(Exception, match="expected 99 bytes"):
        store.put("thumbs/b.webp", io.BytesIO(b"short"), 99, "image/webp")
    assert store.stat("thumbs/b.webp") is None


def test_upload_larger_than_the_signed_max_is_refused_and_nothing_is_kept(store, tmp_path):
    url = store.presign_upload(KEY, "application/pdf", 100, dt.timedelta(minutes=5)).url
    with pytest.raises(UploadTooLarge) as raised:
        upload(store, url, b"x" * 101, "application/pdf")
    assert "larger than" in raised.value.problems[0].reason
    assert store.stat(KEY) is None
    assert not [p for p in (tmp_path / "media").rglob("*") if p.is_file()]


def test_upload_must_use_the_signed_content_type(store):
    url = store.presign_upload(KEY, "text/plain", 100, dt.timedelta(minutes=5)).url
    with pytest.raises(InvalidSignedUrl, match="Content-Type"):
        upload(store, url, b"<script>", "text/html")
    assert upload(store, url, b"notes", "text/plain; charset=UTF-8").content_type == "text/plain"
    assert store.stat(KEY).content_type == "text/plain"


def test_the_filesystem_store_needs_a_signing_secret(tmp_path):
    with pytest.raises(ValueError, match="secret"):
        blob_store_from_settings(PlatformSettings(var_dir=tmp_path, s3_endpoint=""))


def test_expired_urls_are_rejected(store):
    url = store.presign_upload(KEY, "image/png", 1000, dt.timedelta(seconds=60)).url
    store.verify_signed_url(url)
    with pytest.raises(ExpiredSignedUrl):
        store.verify_signed_url(url, now=time.time() + 61)
    past = store.presign_download(CHECKED, dt.timedelta(seconds=-1))
    with pytest.raises(ExpiredSignedUrl):
        store.verify_signed_url(past)


def tampered(url: str, **changes) -> str:
    parts = urlsplit(url)
    params = {k: v[0] for k, v in parse_qs(parts.query).items()}
    params.update(changes)
    return f"{parts.path}?{urlencode(params)}"


@pytest.mark.parametrize("changes", [
    {"max": "999999999"},                      # raise the size limit
    {"ct": "text/html"},                       # change the content type
    {"exp": str(int(time.time()) + 10**6)},    # extend the lifetime
    {"sig": "A" * 43},                         # forge a signature
    {"extra": "1"},                            # smuggle a parameter
])
def test_tampered_upload_urls_are_rejected(store, changes):
    url = store.presign_upload(KEY, "image/png", 1000, dt.timedelta(minutes=5)).url
    with pytest.raises(InvalidSignedUrl) as raised:
        store.verify_signed_url(tampered(url, **changes))
    assert not isinstance(raised.value, ExpiredSignedUrl)


def test_signatures_bind_the_key_the_action_and_the_secret(store, tmp_path):
    download = store.presign_download(CHECKED, dt.timedelta(minutes=5), content_type="image/png")
    for changes in ({"ct": "text/html"}, {"inl": "1"}, {"fn": "evil.html"}):
        with pytest.raises(InvalidSignedUrl):
            store.verify_signed_url(tampered(download, **changes))
    with pytest.raises(InvalidSignedUrl):  # same signature, other object
        store.verify_signed_url(download.replace("/original?", "/other?"))
    with pytest.raises(InvalidKey):  # a download URL turned into an upload URL (of a checked key, at that)
        store.verify_signed_url(download.replace("/media/", "/media/upload/"))
    other = FilesystemBlobStore(tmp_path / "media", os.urandom(32))
    with pytest.raises(InvalidSignedUrl):
        other.verify_signed_url(download)
    with pytest.raises(ValueError):
        FilesystemBlobStore(tmp_path, b"short secret")


@pytest.mark.parametrize("key,reason", [
    ("../etc/passwd", "'..'"), ("a/../../b", "'..'"), ("/etc/passwd", "absolute"), ("a\x00b", "NUL"),
    ("a\\..\\b", "backslash"), ("", "empty"), ("a//b", "segment"), (".meta/x", "segment"),
    ("upload/x", "reserved"), ("a/b c", "segment"), ("x" * 600, "longer"),
])
def test_path_tricks_in_keys_are_rejected_everywhere(store, key, reason):
    with pytest.raises(InvalidKey, match=reason):
        store.presign_upload(key, "image/png", 10, dt.timedelta(minutes=5))
    with pytest.raises(InvalidKey):
        store.stat(key)
    with pytest.raises(InvalidKey):
        store.put(key, io.BytesIO(b"x"), 1, "text/plain")


def test_path_tricks_in_signed_urls_are_rejected(store):
    with pytest.raises(InvalidKey):
        store.verify_signed_url("/media/../../etc/passwd?exp=9999999999&sig=x")
    with pytest.raises(InvalidKey):
        store.verify_signed_url("/media/a/%2e%2e/b?exp=9999999999&sig=x".replace("%2e%2e", ".."))
    with pytest.raises(InvalidSignedUrl):
        store.verify_signed_url("/static/app.js?exp=9999999999&sig=x")


def test_a_symlink_out_of_the_store_is_not_followed(store, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not media")
    (tmp_path / "media").mkdir(parents=True, exist_ok=True)
    (tmp_path / "media" / "link").symlink_to(outside)
    with pytest.raises(InvalidKey, match="outside"):
        store.stat("link/secret.txt")


def test_only_checked_keys_are_served_and_none_is_ever_an_upload_target(store):
    with pytest.raises(InvalidKey, match="only checked media is served"):
        store.presign_download(KEY, dt.timedelta(minutes=5))
    for presign in (lambda: store.presign_upload(CHECKED, "image/png", 10, dt.timedelta(minutes=5)),
                    lambda: store.presign_multipart(CHECKED, "video/mp4", 10, 5, dt.timedelta(minutes=5))):
        with pytest.raises(InvalidKey, match="never uploaded"):
            presign()
    forged = "/media/upload/" + CHECKED + "?exp=9999999999&max=10&ct=image%2Fpng&sig=x"
    with pytest.raises(InvalidKey):
        store.verify_signed_url(forged)
    with pytest.raises(InvalidKey):      # a download URL of an upload key is refused before its signature
        store.verify_signed_url("/media/" + KEY + "?exp=9999999999&sig=x")


def test_a_checked_copy_keeps_its_bytes_when_the_upload_is_replaced(store):
    url = store.presign_upload(KEY, "image/png", 100, dt.timedelta(minutes=5)).url
    upload(store, url, b"checked bytes", "image/png")
    store.copy(KEY, CHECKED)
    upload(store, url, b"<html>other</html>", "image/png")
    with store.open(CHECKED) as stream:
        assert stream.read() == b"checked bytes"
    with pytest.raises(BlobNotFound):
        store.copy("artifacts/none/original", "checked/artifacts/none/original")


def test_a_sealed_upload_accepts_no_more_bytes_whole_or_in_parts(store):
    url = store.presign_upload(KEY, "image/png", 100, dt.timedelta(minutes=5)).url
    upload(store, url, b"first", "image/png")
    multipart = store.presign_multipart(KEY, "image/png", 10, 5, dt.timedelta(minutes=5))
    store.seal(KEY)
    with pytest.raises(UploadSealed) as refused:
        upload(store, url, b"second", "image/png")
    assert refused.value.problems[0].field == "file"
    with pytest.raises(UploadSealed):
        store.receive_part(store.verify_signed_url(multipart.part_urls[0]), io.BytesIO(b"12345"))
    store.delete(KEY)
    with pytest.raises(UploadSealed):               # deleting the object does not reopen its upload
        upload(store, url, b"third", "image/png")


def test_upload_targets_carry_the_declared_size_part_by_part(store):
    target = store.presign_multipart(KEY, "video/mp4", 12, 5, dt.timedelta(minutes=5))
    assert target.max_bytes == 12
    assert [store.verify_signed_url(u).max_bytes for u in target.part_urls] == [5, 5, 2]
    with pytest.raises(UploadTooLarge):
        store.receive_part(store.verify_signed_url(target.part_urls[2]), io.BytesIO(b"abc"))
