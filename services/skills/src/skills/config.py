"""Skills-specific settings (env prefix ``SKILLS_``), beside the chassis's per-service ServiceSettings."""
from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class SkillsOptions(BaseSettings):
    """What only the skills service needs."""

    model_config = SettingsConfigDict(env_prefix="SKILLS_", extra="ignore")

    demo_district_id: str = Field("demo", description="District id that `skillfolio skills seed-demo` loads the "
                                                      "demo framework into.")
