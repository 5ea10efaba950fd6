"""Artifacts-specific settings (env prefix ``ARTIFACTS_``), beside the chassis's per-service ServiceSettings."""
from __future__ import annotations

import zoneinfo

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class ArtifactsOptions(BaseSettings):
    """What only the artifacts service needs."""

    model_config = SettingsConfigDict(env_prefix="ARTIFACTS_", extra="ignore")

    time_zone: str = Field("UTC", description="The district's IANA time zone (e.g. `America/Kentucky/Louisville`): "
                                              "whose calendar day decides whether a teacher CURRENTLY teaches a "
                                              "student and which school year a new artifact belongs to.")

    @field_validator("time_zone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"{value!r} is not an IANA time zone name") from exc
        return value
