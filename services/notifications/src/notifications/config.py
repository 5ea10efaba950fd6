"""Notifications-specific settings (env prefix ``NOTIFICATIONS_``), beside the chassis's per-service
ServiceSettings: the district's zone, the SMTP relay, the sender identity, and the sender role's timings."""
from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from chassis.calendar import TimeZoneName


class NotificationsOptions(BaseSettings):
    """What only the notifications service needs."""

    model_config = SettingsConfigDict(env_prefix="NOTIFICATIONS_", extra="ignore")

    time_zone: TimeZoneName = Field("UTC", description="The district's IANA time zone: the recipients' time zone "
                                                       "until they choose one, and whose day decides who teaches "
                                                       "whom now.")
    smtp_host: str = Field("127.0.0.1", description="SMTP relay host the sender role hands email to (`skillfolio "
                                                    "up`: the local mail sink).")
    smtp_port: int = Field(2525, gt=0, lt=65536, description="SMTP relay port.")
    smtp_starttls: bool = Field(False, description="Use STARTTLS with the relay.")
    smtp_username: str = Field("", description="SMTP username (empty: no login).")
    smtp_password: SecretStr = Field(SecretStr(""), description="SMTP password (a secret: from the environment).")
    smtp_timeout_seconds: float = Field(30, gt=0, description="SMTP connect/command timeout.")
    from_address: str = Field("notifications@skillfolio.localhost", description="The From address of every "
                                                                              "email (the district's sender name "
                                                                              "is its display name).")
    base_url: str = Field("http://127.0.0.1:8000", description="Public URL of the web app: links and one-click "
                                                               "unsubscribe URLs in emails.")
    unsubscribe_secret: SecretStr = Field(SecretStr(""), description="HMAC secret of one-click unsubscribe "
                                                                     "tokens (at least 16 characters; the sender "
                                                                     "and the api's Unsubscribe need it; `skillfolio "
                                                                     "up` generates one).")
    sender_batch_size: int = Field(50, ge=1, description="Deliveries the sender leases per round.")
    sender_poll_seconds: float = Field(1.0, gt=0, description="How often the sender looks for due email.")
    sender_lease_seconds: float = Field(120, gt=0, description="How long a leased delivery is a sender's; a killed "
                                                               "sender's deliveries are taken again after it.")
    sender_metrics_port: int = Field(9305, ge=0, description="Prometheus /metrics port of the sender role (0: off).")
    retry_max_attempts: int = Field(8, ge=1, description="Failed attempts after which a delivery is parked.")
    retry_base_seconds: float = Field(30, gt=0, description="First retry delay (doubles per attempt, jittered); "
                                                           "the sender waits as long after finding the SMTP server "
                                                           "unreachable, doubling while it stays so.")
    retry_cap_seconds: float = Field(3600, gt=0, description="Longest retry delay (and sender backoff).")
    bounce_threshold: int = Field(3, ge=1, description="Bounces / 5xx after which an address is marked failing "
                                                       "and gets no more email.")
    instant_delay_seconds: float = Field(120, ge=0, description="How long an instant email waits for more of the "
                                                                "same news to coalesce into it.")
    mail_dir: str = Field("", description="The local mail sink's Maildir (embedded default: var/mail).")


def sender_metrics_port() -> int:
    return NotificationsOptions().sender_metrics_port


def sender_max_workers() -> int:
    """The sender's timer ticks one at a time; one worker is enough."""
    return 1
