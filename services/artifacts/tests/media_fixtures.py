"""Media test data and the client's side of an upload: real files (a GPS-tagged JPEG, PNGs, an MP4 head) and
sending bytes to an UploadTarget the way a browser does (S3: the POST form or presigned part URLs over HTTP; on the
filesystem store, what the gateway's /media/upload route does with a signed URL)."""
from __future__ import annotations

import io
import os
import uuid

import requests
from PIL import ExifTags, Image

from chassis.config import PlatformSettings
from chassis.media import MULTIPART, POST, UploadTarget
from chassis.media.fs_store import FilesystemBlobStore

GPS_LATITUDE = (38.0, 15.0, 7.5)


def jpeg_with_gps(size: tuple[int, int] = (900, 600)) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    exif[ExifTags.IFD.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: GPS_LATITUDE}
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def has_gps(jpeg: bytes) -> bool:
    with Image.open(io.BytesIO(jpeg)) as image:
        return bool(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))


def png(size: tuple[int, int] = (16, 16), noise: bool = False) -> bytes:
    out = io.BytesIO()
    image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)) if noise else Image.new("RGB", size)
    image.save(out, "PNG")
    return out.getvalue()


def mp4(size: int) -> bytes:
    """``size`` bytes that sniff as an MP4 video (an ftyp box, then filler)."""
    head = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"
    return head + os.urandom(size - len(head))


def s3_platform(endpoint) -> PlatformSettings:
    return PlatformSettings(s3_endpoint=endpoint.endpoint, s3_access_key=endpoint.access_key,
                            s3_secret_key=endpoint.secret_key, s3_secure=endpoint.secure,
                            s3_bucket=f"media-{uuid.uuid4().hex[:12]}")


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
