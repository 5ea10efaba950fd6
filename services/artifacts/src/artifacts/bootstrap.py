"""Composition root: builds the artifacts service's engine, session factory, unit of work and use cases."""
from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from chassis.config import ServiceSettings
from chassis.db import make_engine, make_session_factory

from artifacts.config import ArtifactsOptions
from artifacts.service_layer.commands import ArtifactCommands, Clock, DistrictCalendar, utc_now
from artifacts.service_layer.queries import ArtifactQueries
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork


@dataclass
class ArtifactsApp:
    """Everything an artifacts process needs; ``unit_of_work()`` opens a fresh unit for one use case."""

    settings: ServiceSettings
    engine: Engine
    session_factory: sessionmaker
    calendar: DistrictCalendar = field(default_factory=DistrictCalendar)
    commands: ArtifactCommands = field(init=False)
    queries: ArtifactQueries = field(init=False)

    def __post_init__(self) -> None:
        self.commands = ArtifactCommands(self.unit_of_work, self.calendar)
        self.queries = ArtifactQueries(self.unit_of_work, self.calendar)

    def unit_of_work(self) -> ArtifactsUnitOfWork:
        return ArtifactsUnitOfWork(self.session_factory)

    def close(self) -> None:
        self.engine.dispose()


def build(settings: ServiceSettings, clock: Clock = utc_now, options: ArtifactsOptions | None = None) -> ArtifactsApp:
    """The app over ``settings``' database; "today" is the district's day (``ARTIFACTS_TIME_ZONE``)."""
    options = options or ArtifactsOptions()
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    return ArtifactsApp(settings=settings, engine=engine, session_factory=make_session_factory(engine),
                        calendar=DistrictCalendar(clock, zoneinfo.ZoneInfo(options.time_zone)))
