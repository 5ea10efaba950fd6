"""Composition root: builds the artifacts service's engine, session factory, unit of work and use cases."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from chassis.config import ServiceSettings
from chassis.db import make_engine, make_session_factory

from artifacts.service_layer.commands import ArtifactCommands, Clock, utc_now
from artifacts.service_layer.queries import ArtifactQueries
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork


@dataclass
class ArtifactsApp:
    """Everything an artifacts process needs; ``unit_of_work()`` opens a fresh unit for one use case."""

    settings: ServiceSettings
    engine: Engine
    session_factory: sessionmaker
    clock: Clock = utc_now
    commands: ArtifactCommands = field(init=False)
    queries: ArtifactQueries = field(init=False)

    def __post_init__(self) -> None:
        self.commands = ArtifactCommands(self.unit_of_work, self.clock)
        self.queries = ArtifactQueries(self.unit_of_work, self.clock)

    def unit_of_work(self) -> ArtifactsUnitOfWork:
        return ArtifactsUnitOfWork(self.session_factory)

    def close(self) -> None:
        self.engine.dispose()


def build(settings: ServiceSettings, clock: Clock = utc_now) -> ArtifactsApp:
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    return ArtifactsApp(settings=settings, engine=engine, session_factory=make_session_factory(engine), clock=clock)
