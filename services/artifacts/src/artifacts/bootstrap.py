"""Composition root: builds the artifacts service's engine, session factory, unit of work, blob store and use cases."""
from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from chassis.config import PlatformSettings, ServiceSettings
from chassis.db import make_engine, make_session_factory
from chassis.media import BlobStore, blob_store_from_settings
from chassis.media.kinds import MB

from artifacts.config import ArtifactsOptions
from artifacts.domain.media import UploadPlan
from artifacts.service_layer.calendar import Clock, DistrictCalendar, utc_now
from artifacts.service_layer.commands import ArtifactCommands
from artifacts.service_layer.media import Media
from artifacts.service_layer.queries import ArtifactQueries
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork


def blob_store(platform: PlatformSettings, options: ArtifactsOptions) -> BlobStore:
    """S3/MinIO when ``SKILLFOLIO_S3_ENDPOINT`` is set (bucket created if missing and ``ARTIFACTS_ENSURE_BUCKET``),
    else the filesystem store under ``var/media`` with RELATIVE URLs (``/media/...``) that the gateway serves."""
    if not platform.s3_endpoint and not platform.media_url_secret:
        raise ValueError("SKILLFOLIO_MEDIA_URL_SECRET is not set: the filesystem blob store signs its URLs with it "
                         "(the gateway verifies them with the same secret); `skillfolio up` generates one")
    store = blob_store_from_settings(platform, url_secret=platform.media_url_secret.encode(), public_base_url="")
    if platform.s3_endpoint and options.ensure_bucket:
        store.ensure_bucket()
    return store


def media_of(platform: PlatformSettings, options: ArtifactsOptions, store: BlobStore | None = None) -> Media:
    """Limits, upload plan and URL lifetimes from ``ARTIFACTS_*``; the store is built on first use."""
    return Media(lambda: store or blob_store(platform, options), options.media_limits(),
                 UploadPlan(int(options.multipart_threshold_mb * MB), int(options.multipart_part_mb * MB)),
                 dt.timedelta(seconds=options.upload_url_ttl_seconds),
                 dt.timedelta(seconds=options.media_url_ttl_seconds))


@dataclass
class ArtifactsApp:
    """Everything an artifacts process needs; ``unit_of_work()`` opens a fresh unit for one use case."""

    settings: ServiceSettings
    engine: Engine
    session_factory: sessionmaker
    media: Media
    calendar: DistrictCalendar = field(default_factory=DistrictCalendar)
    commands: ArtifactCommands = field(init=False)
    queries: ArtifactQueries = field(init=False)

    def __post_init__(self) -> None:
        self.commands = ArtifactCommands(self.unit_of_work, self.calendar, self.media)
        self.queries = ArtifactQueries(self.unit_of_work, self.calendar, self.media)

    def unit_of_work(self) -> ArtifactsUnitOfWork:
        return ArtifactsUnitOfWork(self.session_factory)

    def close(self) -> None:
        self.engine.dispose()


def build(settings: ServiceSettings, clock: Clock = utc_now, options: ArtifactsOptions | None = None,
          platform: PlatformSettings | None = None, store: BlobStore | None = None) -> ArtifactsApp:
    """The app over ``settings``' database; "today" is the district's day (``ARTIFACTS_TIME_ZONE``); media in
    ``store`` (default: the one ``platform`` selects, built on first use)."""
    options = options or ArtifactsOptions()
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    return ArtifactsApp(settings=settings, engine=engine, session_factory=make_session_factory(engine),
                        media=media_of(platform or PlatformSettings(), options, store),
                        calendar=DistrictCalendar(clock, zoneinfo.ZoneInfo(options.time_zone)))
