"""Roster-specific settings (env prefix ``ROSTER_``), beside the chassis's per-service ServiceSettings."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class RosterOptions(BaseSettings):
    """What only the roster needs: the district's calendar, the import's mass-change guard and the argon2 cost of
    local-account passwords."""

    model_config = SettingsConfigDict(env_prefix="ROSTER_", extra="ignore")

    timezone: str = Field("", description="IANA zone whose calendar decides 'today' for current enrollments "
                                          "(e.g. America/Kentucky/Louisville); empty: the machine's local zone.")
    import_max_deactivate_share: float = Field(
        0.10, ge=0.0, le=1.0, description="A bulk import that would deactivate more than this share of the active "
                                          "people, sections or enrollments is refused unless confirmed "
                                          "(`--allow-mass-deactivation`); 0.1 = 10%.")
    guardian_access_ends: str = Field(
        "age_18", pattern="^(age_18|graduation|never)$",
        description="When guardians' access to a student's record passes to the student (FERPA rights at 18), for "
                    "districts that have not chosen (`skillfolio roster rights-rule`): age_18, graduation (the end of "
                    "the last school year the student is enrolled in grade 12), or never (the district keeps "
                    "guardian access for dependent students). Applied daily by the roster events role.")
    rights_check_seconds: float = Field(3600.0, gt=0, description="How often the roster events role applies the "
                                                                  "rights-at-18 rule (it acts on dates: hourly "
                                                                  "catches a new day soon after midnight).")
    argon2_time_cost: int = Field(3, description="argon2id iterations; raising it rehashes passwords at login.")
    argon2_memory_kib: int = Field(65536, description="argon2id memory in KiB.")
    argon2_parallelism: int = Field(4, description="argon2id lanes.")

    def today(self) -> dt.date:
        """The district's current calendar date."""
        zone = ZoneInfo(self.timezone) if self.timezone else None
        return dt.datetime.now(zone).date()
