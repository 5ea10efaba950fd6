"""The client's side of the presigned-media contract in tests: send bytes to an UploadTarget the way a browser
does (S3: the POST form or presigned part URLs over HTTP; on the filesystem store, what the gateway's /media/upload
route does with a signed URL), files that sniff as audio/video, and a moto S3 platform with its own bucket."""
from __future__ import annotations

import io
import os
import uuid

import pytest
import requests

from chassis.config import PlatformSettings
from chassis.media import MULTIPART, POST, UploadTarget
from chassis.media.fs_store import FilesystemBlobStore


def mp4(size: int) -> bytes:
    """``size`` bytes that sniff as an MP4 video (an ftyp box, then filler)."""
    head = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    return head + os.urandom(size - len(head))


def mp3(size: int) -> bytes:
    """``size`` bytes that sniff as an MP3 recording (an ID3 header, then filler)."""
    head = b"ID3\x04\x00\x00\x00\x00\x00\x00"
    return head + os.urandom(size - len(head))


def s3_platform(endpoint) -> PlatformSettings:
    return PlatformSettings(s3_endpoint=endpoint.endpoint, s3_access_key=endpoint.access_key,
                            s3_secret_key=endpoint.secret_key, s3_secure=endpoint.secure,
                            s3_bucket=f"media-{uuid.uuid4().hex[:12]}")


EACH_STORE = ("filesystem", "s3")
on_each_store = pytest.mark.parametrize("platform", EACH_STORE, indirect=True)   # a module's tests on both stores


def media_platform(request, tmp_path, media_secret: str) -> PlatformSettings:
    """What a service's ``platform`` fixture gives: the embedded default's filesystem store under ``tmp_path``, or
    moto S3 with its own bucket where a module is marked ``on_each_store``."""
    if getattr(request, "param", "filesystem") == "s3":
        return s3_platform(request.getfixturevalue("s3_endpoint"))
    return PlatformSettings(var_dir=tmp_path, s3_endpoint="", media_url_secret=media_secret)


def send(store, target: UploadTarget, body: bytes, content_type: str = "") -> list[str]:
    """Upload ``body`` to ``target``; for MULTIPART, returns the parts' ETags in order (else [])."""
    if target.method == MULTIPART:
        chunks = [body[i:i + target.part_size] for i in range(0, len(body), target.part_size)]
        return [_send_part(store, url, chunk) for url, chunk in zip(target.part_urls, chunks)]
    if isinstance(store, FilesystemBlobStore):
        store.receive_upload(store.verify_signed_url(target.url), io.BytesIO(body),
                             content_type or target.headers["Content-Type"])
    else:
        assert target.method == POST and not target.headers, target
        post_form(target, body, content_type)
    return []


def post_form(target: UploadTarget, body: bytes, content_type: str = "") -> None:
    """POST ``body`` the way upload.js does: multipart/form-data, the target's fields first, the file last."""
    fields = {**target.fields, **({"Content-Type": content_type} if content_type else {})}
    response = requests.post(target.url, data=fields, files={"file": ("upload", body, fields["Content-Type"])},
                             timeout=30)
    assert response.status_code == 204, response.text


def _send_part(store, url: str, chunk: bytes) -> str:
    if isinstance(store, FilesystemBlobStore):
        return store.receive_part(store.verify_signed_url(url), io.BytesIO(chunk))
    response = requests.put(url, data=chunk, timeout=30)
    assert response.status_code == 200, response.text
    return response.headers["ETag"]
