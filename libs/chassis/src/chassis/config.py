"""Configuration from environment variables, with documented defaults that match a developer machine.

Platform-wide settings use the prefix ``SKILLFOLIO_``; per-service settings use ``<SERVICE>_`` (e.g. ``ROSTER_``).
"""
from __future__ import annotations

import enum
import pathlib
from typing import ClassVar, Literal

from pydantic import Field, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class PlatformSettings(BaseSettings):
    """Settings every process shares (env prefix ``SKILLFOLIO_``)."""

    model_config = SettingsConfigDict(env_prefix="SKILLFOLIO_", extra="ignore")

    var_dir: pathlib.Path = Field(pathlib.Path("var"), description="Where the embedded default keeps its files.")
    amqp_url: str = Field("amqp://guest:guest@127.0.0.1:5672/", description="RabbitMQ connection URL.")
    log_level: str = Field("INFO", description="Python log level name.")
    log_format: str = Field("json", description="'json' (default) or 'console' for humans.")
    principal_public_key: str = Field(
        "", description="PEM Ed25519 public key that verifies gateway-signed principals (services).")
    principal_private_key: str = Field(
        "", description="PEM Ed25519 private key that signs principals (gateway and trusted tools only).")
    principal_ttl_seconds: int = Field(60, description="Lifetime of a signed principal token.")
    district_signing_key: str = Field(
        "", description="PEM Ed25519 private key (or a PEM file's path) of the district: signs badges, CLRs, the "
                        "status list, transfer manifests and erasure certificates (reflections; `skillfolio up` "
                        "generates one).")
    district_public_key: str = Field(
        "", description="PEM Ed25519 public key of the district, published by the gateway at "
                        "/.well-known/jwks.json and /.well-known/did.json (derived from the signing key if unset).")
    district_url: str = Field(
        "http://127.0.0.1:8000", description="The district's public URL (its gateway): names the issuer "
                                             "(did:web), credential links and the status list.")
    district_name: str = Field("Skillfolio Demo District", description="The district's name in the credentials "
                                                                       "it issues.")
    trusted_districts: str = Field(
        "", description="The sending districts whose transfer packages this district imports: comma-separated JWKS "
                        "files (each district's /.well-known/jwks.json, saved by an operator who checked it) or "
                        "folders of them; keys are never fetched at import. Empty: no package is accepted.")
    event_max_attempts: int = Field(5, description="Delivery attempts before a message is dead-lettered.")
    event_retry_delays_ms: str = Field(
        "1000,5000,30000,120000", description="Comma-separated backoff delays between attempts, in ms.")
    queue_type: str = Field("quorum", description="Consumer queue type: 'quorum' (replicated) or 'classic'; `skillfolio up` (one node) defaults to classic.")
    outbox_retention_hours: float = Field(168.0, description="Sent outbox rows older than this are purged.")
    idempotency_key_hours: float = Field(24.0, gt=0, le=24 * 30, description="How long a create's first result "
                                         "is kept for retries under the same Idempotency-Key.")
    rabbitmq_api: str = Field(
        "", description="RabbitMQ management API URL for `skillfolio events dlq` and `queues declare` (policies); "
                        "empty: the AMQP host, port 15672.")
    s3_endpoint: str = Field("", description="host:port of S3/MinIO; empty selects the filesystem blob store.")
    s3_access_key: str = Field("", description="S3 access key.")
    s3_secret_key: str = Field("", description="S3 secret key.")
    s3_secure: bool = Field(False, description="Use TLS to reach S3.")
    s3_region: str = Field("us-east-1", description="S3 region.")
    s3_bucket: str = Field("skillfolio-media", description="Bucket holding media objects.")
    s3_public_endpoint: str = Field(
        "", description="host:port browsers use to reach S3/MinIO, if not SKILLFOLIO_S3_ENDPOINT (presigned URLs "
                        "are signed for this host).")
    media_store: Literal["", "s3", "filesystem"] = Field(
        "", description="Where media live: 's3' (S3/MinIO: needs SKILLFOLIO_S3_ENDPOINT, _BUCKET, _ACCESS_KEY and "
                        "_SECRET_KEY), 'filesystem' (var/media: needs SKILLFOLIO_MEDIA_URL_SECRET); empty: 's3' when "
                        "SKILLFOLIO_S3_ENDPOINT is set. Roles that handle media refuse to start without what it needs.")
    media_url_secret: str = Field(
        "", description="Key signing the filesystem blob store's media URLs; the artifacts service and the "
                        "gateway must share it (`skillfolio up` generates one). Unused with S3.")

    @property
    def retry_delays_ms(self) -> list[int]:
        return [int(part) for part in self.event_retry_delays_ms.split(",") if part.strip()]

    @property
    def uses_s3(self) -> bool:
        return self.media_store == "s3" or (not self.media_store and bool(self.s3_endpoint))


def _unset(settings: PlatformSettings, *fields: str) -> list[str]:
    return [f"SKILLFOLIO_{name.upper()}" for name in fields if not str(getattr(settings, name)).strip()]


def _media_store_problems(settings: PlatformSettings, s3_keys: bool) -> list[str]:
    if settings.uses_s3:
        needed = ("s3_endpoint", "s3_bucket", *(("s3_access_key", "s3_secret_key") if s3_keys else ()))
        return [f"{name} is not set (the media store is S3/MinIO)" for name in _unset(settings, *needed)]
    if settings.s3_endpoint:
        return ["SKILLFOLIO_S3_ENDPOINT is set but SKILLFOLIO_MEDIA_STORE is 'filesystem'; unset one of them"]
    return [f"{name} is not set (the filesystem media store signs its URLs with it; `skillfolio up` generates one; "
            "for S3/MinIO set SKILLFOLIO_S3_ENDPOINT)" for name in _unset(settings, "media_url_secret")]


class Need(enum.Enum):
    """What a process role needs from the platform settings; each knows how to tell what is missing."""

    VERIFY_PRINCIPALS = "verify principals"    # gRPC APIs check the gateway-signed principal
    SIGN_PRINCIPALS = "sign principals"        # the gateway signs them
    MEDIA_STORE = "media store"                # reads and writes media (the S3 keys too on S3)
    MEDIA_URLS = "media URLs"                  # serves the filesystem store's signed URLs (the gateway)

    def problems(self, settings: PlatformSettings) -> list[str]:
        if self is Need.VERIFY_PRINCIPALS:
            return [f"{n} is not set (gRPC APIs verify the gateway-signed principal with it)"
                    for n in _unset(settings, "principal_public_key")]
        if self is Need.SIGN_PRINCIPALS:
            return [f"{n} is not set (the gateway signs principals with it)"
                    for n in _unset(settings, "principal_private_key")]
        return [] if (self is Need.MEDIA_URLS and settings.uses_s3) else \
            _media_store_problems(settings, s3_keys=self is Need.MEDIA_STORE)


class RoleSettings(PlatformSettings):
    """Platform settings validated for one role's ``needs`` (build with :func:`role_settings`)."""

    needs: ClassVar[tuple[Need, ...]] = ()

    @model_validator(mode="after")
    def _role_needs(self) -> RoleSettings:
        problems = [problem for need in self.needs for problem in need.problems(self)]
        if problems:
            raise ValueError("; ".join(problems))
        return self


def role_settings(*needs: Need) -> PlatformSettings:
    """The platform settings, refused (:class:`ConfigurationError` naming every missing or invalid variable) when
    they lack what ``needs`` require; a role calls this once at start, before it serves anything."""
    settings_type = type("RoleSettings", (RoleSettings,), {"needs": tuple(needs), "__module__": __name__})
    try:
        return settings_type()
    except ValidationError as error:
        raise ConfigurationError(describe(error, "SKILLFOLIO_")) from None


class ConfigurationError(ValueError):
    """A process cannot start with its settings; the message names each variable."""


def describe(error: ValidationError, env_prefix: str) -> str:
    """A settings ValidationError as one line per problem, each naming its environment variable."""
    lines = []
    for item in error.errors():
        message = item["msg"].removeprefix("Value error, ")
        name = f"{env_prefix}{item['loc'][0]}".upper() if item["loc"] else ""
        lines.append(f"{name}: {message}" if name else message)
    return "; ".join(lines)


class ServiceSettings(BaseSettings):
    """Settings of one service (env prefix ``<SERVICE>_``); build with :func:`service_settings`."""

    model_config = SettingsConfigDict(extra="ignore")

    name: str = ""
    database_url: str = Field("", description="SQLAlchemy URL; empty means SQLite under SKILLFOLIO_VAR_DIR.")
    grpc_host: str = Field("127.0.0.1", description="Address the gRPC API binds; local clients dial it "
                                                   "(a wildcard bind dials 127.0.0.1).")
    grpc_port: int = Field(0, description="gRPC API port.")
    grpc_max_workers: int = Field(16, description="Thread pool size of the gRPC server.")
    metrics_port: int = Field(0, description="Prometheus /metrics port of the api role (0: off).")
    events_metrics_port: int = Field(0, description="Prometheus /metrics port of the events role (0: off).")
    events_max_workers: int = Field(10, description="Concurrent event handlers in the events role.")
    db_pool_size: int = Field(10, description="SQLAlchemy connection pool size.")
    relay_batch_size: int = Field(200, description="Outbox rows the relay publishes per confirm batch.")
    relay_poll_seconds: float = Field(0.5, description="Outbox poll interval when LISTEN/NOTIFY is unavailable.")
    shutdown_grace_seconds: float = Field(10.0, description="How long SIGTERM waits for in-flight work.")


DEFAULT_PORTS = {
    # service: (grpc, api metrics, events metrics)
    "roster": (50051, 9101, 9201),
    "skills": (50052, 9102, 9202),
    "artifacts": (50053, 9103, 9203),
    "reflections": (50054, 9104, 9204),
    "notifications": (50055, 9105, 9205),
    "reporting": (50056, 9106, 9206),
}


def service_settings(name: str, **overrides) -> ServiceSettings:
    """Settings for service ``name`` read from ``<NAME>_*`` variables, with the platform's default ports."""
    grpc_port, metrics_port, events_metrics_port = DEFAULT_PORTS.get(name, (0, 0, 0))
    defaults = {"grpc_port": grpc_port, "metrics_port": metrics_port, "events_metrics_port": events_metrics_port}
    settings = ServiceSettings(_env_prefix=f"{name.upper()}_", **overrides)
    for field, value in defaults.items():
        if field not in settings.model_fields_set:
            setattr(settings, field, value)
    settings.name = name
    if not settings.database_url:
        var_dir = PlatformSettings().var_dir
        settings.database_url = f"sqlite:///{(var_dir / f'{name}.db').resolve()}"
    return settings
