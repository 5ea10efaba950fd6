"""The protobuf form of an :class:`UploadTarget` (skillfolio.media.v1.UploadTarget), shared by every service API
that hands out upload targets."""
from __future__ import annotations

from chassis.media.blobstore import UploadTarget
from skillfolio.media.v1 import media_pb2


def upload_target_message(target: UploadTarget | None) -> media_pb2.UploadTarget | None:
    if target is None:
        return None
    return media_pb2.UploadTarget(
        method=target.method, url=target.url, headers=target.headers, fields=target.fields,
        max_bytes=target.max_bytes, expires_at=target.expires_at.isoformat(), upload_id=target.upload_id,
        part_size=target.part_size, part_urls=list(target.part_urls))
