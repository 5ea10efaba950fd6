"""Composition root: builds the skills service's engine, session factory, unit of work and use cases."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from chassis.config import ServiceSettings
from chassis.db import make_engine, make_session_factory
from skills.config import SkillsOptions
from skills.service_layer.commands import SkillCommands
from skills.service_layer.queries import SkillQueries
from skills.service_layer.unit_of_work import SkillsUnitOfWork


@dataclass
class SkillsApp:
    """Everything a skills process needs; ``unit_of_work()`` opens a fresh unit for one use case."""

    settings: ServiceSettings
    options: SkillsOptions
    engine: Engine
    session_factory: sessionmaker
    commands: SkillCommands = field(init=False)
    queries: SkillQueries = field(init=False)

    def __post_init__(self) -> None:
        self.commands = SkillCommands(self.unit_of_work)
        self.queries = SkillQueries(self.unit_of_work)

    def unit_of_work(self) -> SkillsUnitOfWork:
        return SkillsUnitOfWork(self.session_factory)

    def close(self) -> None:
        self.engine.dispose()


def build(settings: ServiceSettings, options: SkillsOptions | None = None) -> SkillsApp:
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    return SkillsApp(settings=settings, options=options or SkillsOptions(), engine=engine,
                     session_factory=make_session_factory(engine))
