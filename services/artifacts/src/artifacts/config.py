"""Artifacts-specific settings (env prefix ``ARTIFACTS_``), beside the chassis's per-service ServiceSettings."""
from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from chassis.calendar import TimeZoneName
from chassis.config import Need
from chassis.media.kinds import MB, MediaLimits
from chassis.media.options import MediaUploadOptions
from chassis.roster_replica.roster_client import RosterOwnerOptions


class ArtifactsOptions(MediaUploadOptions, RosterOwnerOptions):
    """What only the artifacts service needs (and the chassis's upload and roster-owner settings, under
    ``ARTIFACTS_``)."""

    model_config = SettingsConfigDict(env_prefix="ARTIFACTS_", extra="ignore")

    time_zone: TimeZoneName = Field(
        "UTC", description="The district's IANA time zone (e.g. `America/Kentucky/Louisville`): whose calendar day "
                           "decides whether a teacher CURRENTLY teaches a student "
                           "and which school year a new artifact belongs to.")

    max_document_mb: float = Field(25, gt=0, description="Largest document upload, in MiB.")
    max_image_mb: float = Field(25, gt=0, description="Largest image upload, in MiB.")
    max_audio_mb: float = Field(100, gt=0, description="Largest audio upload, in MiB.")
    max_video_mb: float = Field(500, gt=0, description="Largest video upload, in MiB.")
    max_other_mb: float = Field(25, gt=0, description="Largest upload of kind `other` (any file but programs and "
                                                      "archives), in MiB.")
    media_metrics_port: int = Field(9303, description="Prometheus /metrics port of the media role "
                                                      "(`skillfolio run artifacts media`; 0: off).")
    media_sweep_seconds: int = Field(60, ge=1, description="How often the media role rejects uploads never "
                                                          "completed whose upload URL expired (and deletes their "
                                                          "bytes), in seconds.")
    media_max_workers: int = Field(2, ge=1, description="Uploads the media role checks at once (each may hold a "
                                                        "decoded photo of up to 60 MP in memory).")

    def media_limits(self) -> MediaLimits:
        return MediaLimits(**{kind: int(getattr(self, f"max_{kind}_mb") * MB)
                              for kind in ("document", "image", "audio", "video", "other")})


def media_metrics_port() -> int:
    """The media role's /metrics port (``ARTIFACTS_MEDIA_METRICS_PORT``); `skillfolio run artifacts media` uses it."""
    return ArtifactsOptions().media_metrics_port


def media_sweep_seconds() -> int:
    """The media role's sweep interval (``ARTIFACTS_MEDIA_SWEEP_SECONDS``)."""
    return ArtifactsOptions().media_sweep_seconds


def media_max_workers() -> int:
    """Concurrent uploads in the media role (``ARTIFACTS_MEDIA_MAX_WORKERS``)."""
    return ArtifactsOptions().media_max_workers


PLATFORM_NEEDS = (Need.MEDIA_STORE,)   # every artifacts role reads or writes media (`skillfolio run` checks it)
