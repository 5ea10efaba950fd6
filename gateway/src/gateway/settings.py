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
        "127.0.0.1", description="Proxies whose X-Forwarded-For uvicorn trusts for the client IP.")
    grpc_timeout_seconds: float = Field(5.0, description="Deadline of each gRPC call the gateway makes.")
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

    def check(self) -> None:
        """Refuse to start with settings that would be insecure or unusable."""
        if len(self.session_secret) < 32:
            raise ValueError("GATEWAY_SESSION_SECRET must be set to at least 32 random characters "
                             "(`skillfolio up` generates one into var/secrets.env)")
