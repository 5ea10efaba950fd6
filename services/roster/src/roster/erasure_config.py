"""Erasure settings (env prefix ``ROSTER_ERASURE_``): who must confirm, how often a pending erasure is retried, the
backup window the certificate states, and the key of the pseudonyms audit trails keep."""
from __future__ import annotations

import hashlib

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from chassis.config import PlatformSettings
from chassis.signing import DistrictKey

DEFAULT_SERVICES = "artifacts,reflections,notifications,reporting,skills"


class ErasureOptions(BaseSettings):
    """The coordinator's settings (roster api and events roles)."""

    model_config = SettingsConfigDict(env_prefix="ROSTER_ERASURE_", extra="ignore")

    services: str = Field(DEFAULT_SERVICES, description="Comma-separated services that hold a student's data and "
                                                        "must confirm an erasure before its certificate is issued.")
    retry_seconds: int = Field(300, ge=1, description="A pending erasure is requested again from the services that "
                                                      "have not confirmed, this often (the events role's timer).")
    backup_days: int = Field(35, ge=0, description="Days until backups holding erased data age out (the backup "
                                                   "retention of the district's PostgreSQL and object store); stated "
                                                   "on the certificate.")
    retention_sweep_seconds: int = Field(86400, ge=1, description="How often the retention sweep runs (the events "
                                                                  "role's timer): reports records past the schedule, "
                                                                  "erases those past their grace period unless held.")
    pseudonym_key: str = Field("", description="Key of the keyed hash that audit trails keep of an erased student's "
                                               "id; empty: derived from the district signing key.")

    def service_list(self) -> tuple[str, ...]:
        return tuple(s.strip() for s in self.services.split(",") if s.strip())

    def pseudonym_secret(self, platform: PlatformSettings | None = None) -> bytes:
        if self.pseudonym_key:
            return self.pseudonym_key.encode()
        key = DistrictKey.from_settings(platform or PlatformSettings())
        return hashlib.sha256(b"skillfolio-erasure-pseudonym:" + key.sign_bytes(b"erasure-pseudonym-key")).digest()
