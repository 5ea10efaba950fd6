"""Settings every service taking presigned uploads shares (URL lifetimes, multipart plan, bucket creation); a
service's options class inherits them under its own env prefix (``REFLECTIONS_UPLOAD_URL_TTL_SECONDS``...)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from pydantic import Field
from pydantic_settings import BaseSettings

from chassis.config import PlatformSettings
from chassis.media.blobstore import BlobStore
from chassis.media.kinds import MB, MediaLimits
from chassis.media.uploads import MediaUploads, UploadPlan, service_blob_store

S3_MIN_PART_MB = 5
U = TypeVar("U", bound=MediaUploads)


class MediaUploadOptions(BaseSettings):
    """URL lifetimes and the multipart plan; subclasses set ``env_prefix``."""

    media_url_ttl_seconds: int = Field(900, gt=0, description="Lifetime of the presigned media URLs that reads "
                                                              "return.")
    upload_url_ttl_seconds: int = Field(3600, gt=0, description="Lifetime of the presigned upload (and part) URLs "
                                                                "returned for a new file.")
    multipart_threshold_mb: float = Field(64, gt=0, description="Files of at least this many MiB upload in parts "
                                                                "(resumable multipart) instead of one upload.")
    multipart_part_mb: float = Field(16, ge=S3_MIN_PART_MB, description="Part size of multipart uploads, in MiB "
                                                                        "(at least 5: S3's smallest part).")
    ensure_bucket: bool = Field(True, description="Create the S3 bucket at start if it is missing (development, "
                                                  "tests); set false where operators own the bucket.")

    def uploads(self, uploads_type: Callable[..., U], platform: PlatformSettings, limits: MediaLimits,
                store: BlobStore | None = None) -> U:
        """``uploads_type`` over ``store`` (default: the one ``platform`` selects, built on first use)."""
        return uploads_type(lambda: store or service_blob_store(platform, self.ensure_bucket), limits,
                            UploadPlan(int(self.multipart_threshold_mb * MB), int(self.multipart_part_mb * MB)),
                            dt.timedelta(seconds=self.upload_url_ttl_seconds),
                            dt.timedelta(seconds=self.media_url_ttl_seconds))
