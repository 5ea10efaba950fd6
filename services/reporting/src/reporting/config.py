"""Reporting-specific settings (env prefix ``REPORTING_``), beside the chassis's per-service ServiceSettings."""
from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ReportingOptions(BaseSettings):
    """What only the reporting service needs (validated at start: a role refuses an out-of-range value)."""

    model_config = SettingsConfigDict(env_prefix="REPORTING_", extra="ignore")

    min_cell: int = Field(10, ge=5, le=30, description="Small-cell suppression: the minimum group size shown "
                                                      "(5 to 30); smaller counts and what would reveal them are "
                                                      "hidden.")
    cache_seconds: float = Field(0, ge=0, le=3600, description="How long a computed report may still be served "
                                                               "after events changed the read models (0: only while "
                                                               "nothing changed; tables always show their as_of).")
