"""Composition root: builds the reporting service's engine, session factory, unit of work and report queries."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from chassis.config import ServiceSettings
from chassis.db import make_engine, make_session_factory
from reporting.config import ReportingOptions
from reporting.domain.report import Rule
from reporting.service_layer.queries import ReportQueries
from reporting.service_layer.result_cache import ResultCache
from reporting.service_layer.unit_of_work import ReportingUnitOfWork


@dataclass
class ReportingApp:
    settings: ServiceSettings
    options: ReportingOptions
    engine: Engine
    session_factory: sessionmaker
    queries: ReportQueries = field(init=False)

    def __post_init__(self) -> None:
        self.queries = ReportQueries(self.unit_of_work, Rule(self.options.min_cell),
                                     cache=ResultCache(self.options.cache_seconds))

    def unit_of_work(self) -> ReportingUnitOfWork:
        return ReportingUnitOfWork(self.session_factory)

    def close(self) -> None:
        self.engine.dispose()


def build(settings: ServiceSettings, options: ReportingOptions | None = None) -> ReportingApp:
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    return ReportingApp(settings=settings, options=options or ReportingOptions(), engine=engine,
                        session_factory=make_session_factory(engine))
