"""HMAC-signed media URLs of the embedded default, served by the gateway over the filesystem blob store.

``/media/upload/<key>?exp=..&max=..&ct=..&sig=..`` accepts one PUT; ``/media/upload/<key>?exp=..&max=..&uid=..&pn=..
&sig=..`` one part of a multipart upload; ``/media/<key>?exp=..[&fn=..][&ct=..][&inl=1]&sig=..`` serves one object.
The signature covers the action and every parameter, is compared in constant time, and expiry is enforced.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

from chassis.errors import PermissionDenied
from chassis.media.naming import content_disposition, validate_served_key, validate_upload_key

UPLOAD_PREFIX = "/media/upload/"
DOWNLOAD_PREFIX = "/media/"
MIN_SECRET_BYTES = 32


class InvalidSignedUrl(PermissionDenied):
    """The URL was not signed by us, was altered, or is malformed."""


class ExpiredSignedUrl(InvalidSignedUrl):
    """The URL was signed by us but its lifetime is over."""


@dataclass(frozen=True)
class SignedMediaRequest:
    """A verified URL: what it allows (``upload`` or ``download``) and the signed parameters."""

    action: str                      # upload | part | download
    key: str
    expires_at: int
    max_bytes: int | None = None
    upload_id: str | None = None     # part only
    part_number: int | None = None   # part only, 1-based
    content_type: str | None = None
    filename: str | None = None
    inline: bool = False

    def download_headers(self, stored_content_type: str) -> dict[str, str]:
        """Response headers for serving a verified download: the signed type wins over what the uploader sent."""
        return {"Content-Type": self.content_type or stored_content_type,
                "Content-Disposition": content_disposition(self.filename, inline=self.inline),
                "X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store"}


class UrlSigner:
    """Signs and verifies media URLs with a secret shared by the issuing service and the gateway."""

    def __init__(self, secret: bytes, base_url: str = "") -> None:
        if len(secret) < MIN_SECRET_BYTES:
            raise ValueError(f"the media URL secret must be at least {MIN_SECRET_BYTES} bytes")
        self._secret = secret
        self.base_url = base_url.rstrip("/")

    def upload_url(self, key: str, content_type: str, max_bytes: int, expires_at: int) -> str:
        validate_upload_key(key)
        params = {"exp": str(expires_at), "max": str(max_bytes), "ct": content_type}
        params["sig"] = self._sign("upload", key, params)
        return f"{self.base_url}{UPLOAD_PREFIX}{key}?{urlencode(params)}"

    def part_url(self, key: str, upload_id: str, part_number: int, max_bytes: int, expires_at: int) -> str:
        validate_upload_key(key)
        params = {"exp": str(expires_at), "max": str(max_bytes), "uid": upload_id, "pn": str(part_number)}
        params["sig"] = self._sign("part", key, params)
        return f"{self.base_url}{UPLOAD_PREFIX}{key}?{urlencode(params)}"

    def download_url(self, key: str, expires_at: int, filename: str | None = None, *,
                     content_type: str | None = None, inline: bool = False) -> str:
        validate_served_key(key)
        params = {"exp": str(expires_at)}
        if filename:
            params["fn"] = filename
        if content_type:
            params["ct"] = content_type
        if inline:
            params["inl"] = "1"
        params["sig"] = self._sign("download", key, params)
        return f"{self.base_url}{DOWNLOAD_PREFIX}{key}?{urlencode(params)}"

    def verify(self, url: str, *, now: float | None = None) -> SignedMediaRequest:
        """Check a request URL (full URL or path+query); raise :class:`InvalidSignedUrl` / :class:`ExpiredSignedUrl`."""
        parts = urlsplit(url)
        path = parts.path
        if path.startswith(UPLOAD_PREFIX):
            action, key = "upload", path[len(UPLOAD_PREFIX):]
        elif path.startswith(DOWNLOAD_PREFIX):
            action, key = "download", path[len(DOWNLOAD_PREFIX):]
        else:
            raise InvalidSignedUrl(f"not a media URL: {path!r}")
        (validate_upload_key if action == "upload" else validate_served_key)(key)
        query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=False)
        if any(len(values) != 1 for values in query.values()):
            raise InvalidSignedUrl("a media URL parameter is repeated")
        params = {name: values[0] for name, values in query.items()}
        signature = params.pop("sig", "")
        if action == "upload" and "pn" in params:
            action = "part"
        allowed = {"upload": {"exp", "max", "ct"}, "part": {"exp", "max", "uid", "pn"},
                   "download": {"exp", "fn", "ct", "inl"}}[action]
        if not signature or not set(params) <= allowed or "exp" not in params:
            raise InvalidSignedUrl("the media URL is missing its signature or has unexpected parameters")
        expected = self._sign(action, key, params)
        if not hmac.compare_digest(expected.encode(), signature.encode()):
            raise InvalidSignedUrl("the media URL signature does not match")
        if action == "part" and not ({"uid", "max"} <= set(params) and params["pn"].isdigit()):
            raise InvalidSignedUrl("the part URL is missing its upload id, size or part number")
        expires_at = int(params["exp"])
        if (time.time() if now is None else now) >= expires_at:
            raise ExpiredSignedUrl("the media URL has expired")
        return SignedMediaRequest(action=action, key=key, expires_at=expires_at,
                                  max_bytes=int(params["max"]) if "max" in params else None,
                                  content_type=params.get("ct"), filename=params.get("fn"),
                                  inline=params.get("inl") == "1", upload_id=params.get("uid"),
                                  part_number=int(params["pn"]) if "pn" in params else None)

    def _sign(self, action: str, key: str, params: dict[str, str]) -> str:
        message = json.dumps([action, key, sorted(params.items())], separators=(",", ":")).encode()
        digest = hmac.new(self._secret, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
