"""MinIO/S3 adapter of the blob store port (the ``minio`` SDK), configured from ``SKILLFOLIO_S3_*``.

Single uploads are browser POST forms whose signed policy fixes the key and type and limits the size (a presigned
PUT could not carry a size limit); multipart parts are presigned PUTs (S3 cannot size-limit parts). Enforcement
differs by server: MinIO and S3 check the POST policy (``content-length-range``, key, type), but moto (the test
endpoint here) checks neither signatures, expiry nor policy conditions. The service's post-upload validation
(stat + sniff) is therefore what enforces limits everywhere; the POST policy is defence in depth where the store
supports it.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from minio import Minio
from minio.commonconfig import CopySource
from minio.datatypes import Part, PostPolicy
from minio.error import S3Error

from chassis.config import PlatformSettings
from chassis.errors import FieldProblem, InvalidArgument
from chassis.media.blobstore import MULTIPART, POST, BlobNotFound, BlobStat, UploadTarget, part_count, utcnow
from chassis.media.naming import content_disposition, validate_key, validate_served_key, validate_upload_key

_MISSING = {"NoSuchKey", "NoSuchObject", "NotFound", "ResourceNotFound"}
_BAD_PARTS = {"InvalidPart", "InvalidPartOrder", "NoSuchUpload", "EntityTooSmall", "MalformedXML"}


class S3BlobStore:
    """Objects in one bucket; URLs are signed offline with the configured region (no network round trip)."""

    def __init__(self, client: Minio, bucket: str, *, presign_client: Minio | None = None) -> None:
        self.client = client
        self.bucket = bucket
        # Browsers may reach the store under another host name; sign their URLs with a client for that host.
        self.presign_client = presign_client or client

    @classmethod
    def from_settings(cls, settings: PlatformSettings, *, public_endpoint: str = "") -> S3BlobStore:
        def client(endpoint: str) -> Minio:
            return Minio(endpoint, access_key=settings.s3_access_key, secret_key=settings.s3_secret_key,
                         secure=settings.s3_secure, region=settings.s3_region)
        presign = client(public_endpoint) if public_endpoint else None
        return cls(client(settings.s3_endpoint), settings.s3_bucket, presign_client=presign)

    def _bucket_url(self) -> str:
        """The bucket's URL for browser POSTs (path or virtual-host style, as the presigning client addresses it).

        minio has no public accessor; ``_base_url``/``_get_region`` are private but stable (pinned in uv.lock), and
        ``presigned_post_policy`` resolves the region the same way.
        """
        client = self.presign_client
        return client._base_url.build(method="POST", region=client._get_region(self.bucket),
                                      bucket_name=self.bucket).geturl()

    def ensure_bucket(self) -> None:
        """Create the bucket if missing (development and tests; production buckets come from ops)."""
        if not self.client.bucket_exists(self.bucket):
            try:
                self.client.make_bucket(self.bucket)
            except S3Error as error:
                if error.code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                    raise

    def presign_upload(self, key: str, content_type: str, max_bytes: int,
                       expires: dt.timedelta) -> UploadTarget:
        """A POST form for the bucket whose signed policy allows exactly this key and type, 1..``max_bytes`` bytes.

        MinIO/S3 refuse a POST outside the policy; moto does not. Validate after upload regardless.
        """
        validate_upload_key(key)
        if max_bytes < 1:
            raise ValueError("max_bytes must be positive")
        expires_at = utcnow() + expires
        policy = PostPolicy(self.bucket, expires_at.replace(tzinfo=None))
        policy.add_equals_condition("key", key)
        policy.add_equals_condition("Content-Type", content_type)
        policy.add_content_length_range_condition(1, max_bytes)
        fields = {"key": key, "Content-Type": content_type, **self.presign_client.presigned_post_policy(policy)}
        return UploadTarget(key=key, method=POST, url=self._bucket_url(), headers={}, fields=fields,
                            max_bytes=max_bytes, expires_at=expires_at)

    # minio 7.2 has no public multipart API for presigned parts; its _create/_complete/_abort_multipart_upload
    # helpers are private but stable (pinned in uv.lock), and part URLs are ordinary presigned PUTs.
    def presign_multipart(self, key: str, content_type: str, size: int, part_size: int,
                          expires: dt.timedelta) -> UploadTarget:
        """Create the multipart upload and presign one PUT per part (a part can be sent again to resume). S3 cannot
        size-limit a presigned part: the media worker compares the assembled size with the declared one."""
        validate_upload_key(key)
        count = part_count(size, part_size)
        upload_id = self.client._create_multipart_upload(self.bucket, key, {"Content-Type": content_type})
        urls = tuple(self.presign_client.get_presigned_url(
            "PUT", self.bucket, key, expires=expires,
            extra_query_params={"partNumber": str(number), "uploadId": upload_id}) for number in range(1, count + 1))
        return UploadTarget(key=key, method=MULTIPART, url="", headers={}, max_bytes=size,
                            expires_at=utcnow() + expires, upload_id=upload_id, part_size=part_size, part_urls=urls)

    def complete_multipart(self, key: str, upload_id: str, etags: list[str]) -> None:
        validate_key(key)
        parts = [Part(number, etag) for number, etag in enumerate(etags, start=1)]
        try:
            self.client._complete_multipart_upload(self.bucket, key, upload_id, parts)
        except S3Error as error:
            if error.code in _BAD_PARTS:
                raise InvalidArgument("the uploaded parts do not match", [FieldProblem(
                    "part_etags", f"the store refused the parts: {error.code}")]) from error
            raise

    def abort_multipart(self, key: str, upload_id: str) -> None:
        validate_key(key)
        try:
            self.client._abort_multipart_upload(self.bucket, key, upload_id)
        except S3Error as error:
            if error.code != "NoSuchUpload":
                raise

    def presign_download(self, key: str, expires: dt.timedelta, filename: str | None = None, *,
                         content_type: str | None = None, inline: bool = False) -> str:
        """A presigned GET that overrides the served type and disposition (the uploader chose the stored type);
        only checked keys (``checked/...``) are ever presigned for reading."""
        validate_served_key(key)
        headers = {"response-content-disposition": content_disposition(filename, inline=inline)}
        if content_type:
            headers["response-content-type"] = content_type
        return self.presign_client.presigned_get_object(self.bucket, key, expires=expires,
                                                        response_headers=headers)

    def stat(self, key: str) -> BlobStat | None:
        validate_key(key)
        try:
            info = self.client.stat_object(self.bucket, key)
        except S3Error as error:
            if error.code in _MISSING:
                return None
            raise
        return BlobStat(size=info.size or 0, content_type=info.content_type or "application/octet-stream")

    @contextmanager
    def open(self, key: str) -> Iterator[BinaryIO]:
        """Stream the object; raises :class:`BlobNotFound` if it does not exist."""
        validate_key(key)
        try:
            response = self.client.get_object(self.bucket, key)
        except S3Error as error:
            if error.code in _MISSING:
                raise BlobNotFound(key) from error
            raise
        try:
            yield response  # urllib3 response: .read(n) streams
        finally:
            response.close()
            response.release_conn()

    def put(self, key: str, stream: BinaryIO, size: int, content_type: str) -> None:
        """Store a server-made object (thumbnails, cleaned images)."""
        validate_key(key)
        self.client.put_object(self.bucket, key, stream, size, content_type=content_type)

    def copy(self, source: str, target: str) -> None:
        """Server-side copy (one consistent version of ``source``; bytes never pass through here)."""
        validate_key(source)
        validate_key(target)
        try:
            self.client.copy_object(self.bucket, target, CopySource(self.bucket, source))
        except S3Error as error:
            if error.code in _MISSING:
                raise BlobNotFound(source) from error
            raise

    def seal(self, key: str) -> None:
        """Nothing to do: a presigned POST or part URL cannot be revoked before it expires. Only the worker's
        checked copy (under ``checked/``, never an upload target) is served, so a late upload changes nothing."""
        validate_key(key)

    def delete(self, key: str) -> None:
        """Remove the object; removing a missing object is not an error."""
        validate_key(key)
        self.client.remove_object(self.bucket, key)
