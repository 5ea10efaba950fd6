"""Composition root: builds the artifacts service's engine, session factory, unit of work, blob store and use cases."""
from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from artifacts.config import ArtifactsOptions
from artifacts.service_layer.capture import CaptureCommands
from artifacts.service_layer.commands import ArtifactCommands
from artifacts.service_layer.history_import import HistoryImport
from artifacts.service_layer.media import Media
from artifacts.service_layer.passport import PassportExport
from artifacts.service_layer.queries import ArtifactQueries
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork
from chassis.calendar import Clock, DistrictCalendar, utc_now
from chassis.config import PlatformSettings, ServiceSettings
from chassis.db import make_engine, make_session_factory
from chassis.media import BlobStore
from chassis.roster_replica.owner import RosterRelations


def media_of(platform: PlatformSettings, options: ArtifactsOptions, store: BlobStore | None = None) -> Media:
    """Limits, upload plan and URL lifetimes from ``ARTIFACTS_*``; the store (``store``, or the one ``platform``
    selects, a missing S3 bucket created unless ``ARTIFACTS_ENSURE_BUCKET=false``) is built on first use."""
    return options.uploads(Media, platform, options.media_limits(), store)


@dataclass
class ArtifactsApp:
    """Everything an artifacts process needs; ``unit_of_work()`` opens a fresh unit for one use case."""

    settings: ServiceSettings
    engine: Engine
    session_factory: sessionmaker
    media: Media
    calendar: DistrictCalendar = field(default_factory=DistrictCalendar)
    roster: RosterRelations | None = None     # asked before refusing for want of a replicated relation
    commands: ArtifactCommands = field(init=False)
    queries: ArtifactQueries = field(init=False)
    capture: CaptureCommands = field(init=False)
    passport: PassportExport = field(init=False)
    history: HistoryImport = field(init=False)

    def __post_init__(self) -> None:
        self.commands = ArtifactCommands(self.unit_of_work, self.calendar, self.media)
        self.queries = ArtifactQueries(self.unit_of_work, self.calendar, self.media)
        self.capture = CaptureCommands(self.unit_of_work, self.calendar, self.media)
        self.passport = PassportExport(self.unit_of_work, self.calendar, self.media)
        self.history = HistoryImport(self.unit_of_work, self.calendar, self.media)

    def unit_of_work(self) -> ArtifactsUnitOfWork:
        return ArtifactsUnitOfWork(self.session_factory, self.roster)

    def close(self) -> None:
        self.engine.dispose()
        if self.roster is not None and hasattr(self.roster, "close"):
            self.roster.close()


def build(settings: ServiceSettings, clock: Clock = utc_now, options: ArtifactsOptions | None = None,
          platform: PlatformSettings | None = None, store: BlobStore | None = None,
          roster: RosterRelations | None = None) -> ArtifactsApp:
    """The app over ``settings``' database; "today" is the district's day (``ARTIFACTS_TIME_ZONE``); media in
    ``store`` (default: the one ``platform`` selects, built on first use); the roster asked before a refusal
    (``roster``, default: the one ``ARTIFACTS_ROSTER_TARGET`` names, if any)."""
    options = options or ArtifactsOptions()
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    return ArtifactsApp(settings=settings, engine=engine, session_factory=make_session_factory(engine),
                        media=media_of(platform or PlatformSettings(), options, store),
                        calendar=DistrictCalendar(clock, zoneinfo.ZoneInfo(options.time_zone)),
                        roster=roster or options.roster_relations())
