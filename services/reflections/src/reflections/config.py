"""Reflections-specific settings (env prefix ``REFLECTIONS_``), beside the chassis's per-service ServiceSettings."""
from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from chassis.calendar import TimeZoneName
from chassis.config import Need
from chassis.media.kinds import MB, MediaLimits
from chassis.media.options import MediaUploadOptions
from chassis.roster_replica.roster_client import RosterOwnerOptions


class ReflectionsOptions(MediaUploadOptions, RosterOwnerOptions):
    """What only the reflections service needs (and the chassis's upload and roster-owner settings, under
    ``REFLECTIONS_``)."""

    model_config = SettingsConfigDict(env_prefix="REFLECTIONS_", extra="ignore")

    time_zone: TimeZoneName = Field(
        "UTC", description="The district's IANA time zone (e.g. `America/Kentucky/Louisville`): whose calendar day "
                           "decides whether a teacher CURRENTLY teaches a student "
                           "(and so may give feedback, comment and hide comments).")

    max_audio_mb: float = Field(100, gt=0, description="Largest audio reflection upload, in MiB.")
    max_video_mb: float = Field(500, gt=0, description="Largest video reflection upload, in MiB.")
    replica_wait_seconds: int = Field(
        600, ge=0, le=86400, description="How long after an artifact was created an event about it may still be on "
                                         "its way: within it, an artifact the replica has not heard of yet is a "
                                         "retryable 503 (Retry-After), not a refusal.")
    panel_link_days: int = Field(14, ge=1, le=90, description="How many days a milestone panel guest link stays "
                                                              "valid when the teacher does not say (1-90).")

    media_sweep_seconds: int = Field(60, ge=1, description="How often the events role rejects recordings whose "
                                                          "upload was never completed before its URL expired (and "
                                                          "deletes their bytes), in seconds.")

    def media_limits(self) -> MediaLimits:
        return MediaLimits(audio=int(self.max_audio_mb * MB), video=int(self.max_video_mb * MB))


PLATFORM_NEEDS = (Need.MEDIA_STORE,)   # every reflections role reads or writes media (`skillfolio run` checks it)
