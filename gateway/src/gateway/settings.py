"""Gateway configuration from ``GATEWAY_*`` environment variables (secrets have no default and are never committed)."""
from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from chassis.grpc.client import target


class GatewaySettings(BaseSettings):
    """Everything the gateway reads from its environment (prefix ``GATEWAY_``)."""

    model_config = SettingsConfigDict(env_prefix="GATEWAY_", extra="ignore")

    host: str = Field("127.0.0.1", description="Address uvicorn binds.")
    port: int = Field(8000, description="HTTP port.")
    metrics_port: int = Field(9180, description="Prometheus /metrics port, apart from the public HTTP port (0: off).")
    public_url: str = Field("", description="URL people use to reach the gateway (printed by `skillfolio up`); "
                                            "https:// turns on HSTS, as does a request that arrives over HTTPS.")
    session_secret: str = Field("", description="Key signing session cookies and API tokens; required.")
    session_idle_seconds: int = Field(30 * 60, description="A web session ends after this long without a request.")
    session_absolute_seconds: int = Field(12 * 3600, description="A web session ends this long after login.")
    cookie_secure: bool = Field(False, description="Mark the session cookie Secure (set true behind HTTPS).")
    token_ttl_seconds: int = Field(3600, description="Lifetime of an API bearer token.")
    login_rate_limit: str = Field(
        "5 per 5 minutes", description="Failed logins allowed per username and client IP (limits notation).")
    forwarded_allow_ips: str = Field(
        "", description="Comma-separated addresses of the reverse proxies whose X-Forwarded-For/-Proto are "
                        "trusted for the client IP (login throttle, logs); empty (default): none, the peer address "
                        "is the client.")
    session_store: str = Field(
        "", description="Server-side session record: redis://host:port/db (production), sqlite:///<path>, or "
                        "empty for SQLite at <SKILLFOLIO_VAR_DIR>/gateway-sessions.db (the embedded default).")
    session_key_prefix: str = Field("skillfolio:session:", description="Prefix of the session keys in Redis.")
    standing_check_seconds: float = Field(
        60.0, description="How often, per session, the gateway asks the roster whether the person is still active "
                          "and their password unchanged (0: on every request); a refusal ends all their sessions.")
    grpc_timeout_seconds: float = Field(5.0, description="Deadline of each gRPC call the gateway makes.")
    skills_cache_seconds: float = Field(
        30.0, ge=0, description="How long the gateway keeps a school's effective skills for the competency gradebook "
                                "(reference data any signed-in caller may read); a skills change reaches the grid "
                                "within it (0: ask the skills service for every grid).")
    transfer_max_mb: int = Field(
        4096, ge=1, description="The largest transfer package a privacy officer may import, in MiB (a student's "
                                "13 school years of media is about 1 GB).")
    roster_target: str = Field(default_factory=lambda: target("roster"),
                               description="host:port of the roster gRPC API (default ROSTER_GRPC_HOST:PORT).")
    skills_target: str = Field(default_factory=lambda: target("skills"),
                               description="host:port of the skills gRPC API (default SKILLS_GRPC_HOST:PORT).")
    artifacts_target: str = Field(default_factory=lambda: target("artifacts"),
                                  description="host:port of the artifacts gRPC API (default "
                                              "ARTIFACTS_GRPC_HOST:PORT).")
    reflections_target: str = Field(default_factory=lambda: target("reflections"),
                                    description="host:port of the reflections gRPC API (default "
                                                "REFLECTIONS_GRPC_HOST:PORT).")
    notifications_target: str = Field(default_factory=lambda: target("notifications"),
                                      description="host:port of the notifications gRPC API (default "
                                                  "NOTIFICATIONS_GRPC_HOST:PORT).")
    demo_maildir: str = Field("", description="Maildir of the embedded default's local SMTP sink, shown read-only at "
                                              "/demo/mail so a newcomer can read the demo's emails (`skillfolio up` "
                                              "sets it to <SKILLFOLIO_VAR_DIR>/mail); empty (production): no page.")
    reporting_target: str = Field(default_factory=lambda: target("reporting"),
                                  description="host:port of the reporting gRPC API (default "
                                              "REPORTING_GRPC_HOST:PORT).")

    @property
    def longest_session(self) -> float:
        """How long any session or bearer token can live: how long a "revoke all" must be remembered."""
        return float(max(self.session_absolute_seconds, self.token_ttl_seconds))

    def check(self) -> None:
        """Refuse to start with settings that would be insecure or unusable."""
        if len(self.session_secret) < 32:
            raise ValueError("GATEWAY_SESSION_SECRET must be set to at least 32 random characters "
                             "(`skillfolio up` generates one into var/secrets.env)")
        if self.session_store and not self.session_store.startswith(("redis://", "rediss://", "unix://", "sqlite:///")):
            raise ValueError("GATEWAY_SESSION_STORE must be empty (the embedded SQLite file), sqlite:///<path> or "
                             f"redis://host:port/db, not {self.session_store!r}")
