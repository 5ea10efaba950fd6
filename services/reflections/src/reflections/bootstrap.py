"""Composition root: builds the reflections service's engine, session factory, unit of work and use cases."""
from __future__ import annotations

import zoneinfo
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from chassis.config import ServiceSettings
from chassis.db import make_engine, make_session_factory

from reflections.config import ReflectionsOptions
from reflections.service_layer.assessments import AssessmentUseCases
from reflections.service_layer.calendar import Clock, DistrictCalendar, utc_now
from reflections.service_layer.commands import ReflectionCommands
from reflections.service_layer.queries import ReflectionQueries
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork


@dataclass
class ReflectionsApp:
    """Everything a reflections process needs; ``unit_of_work()`` opens a fresh unit for one use case."""

    settings: ServiceSettings
    engine: Engine
    session_factory: sessionmaker
    calendar: DistrictCalendar = field(default_factory=DistrictCalendar)
    commands: ReflectionCommands = field(init=False)
    queries: ReflectionQueries = field(init=False)
    assessments: AssessmentUseCases = field(init=False)

    def __post_init__(self) -> None:
        self.commands = ReflectionCommands(self.unit_of_work, self.calendar)
        self.queries = ReflectionQueries(self.unit_of_work, self.calendar)
        self.assessments = AssessmentUseCases(self.unit_of_work, self.calendar)

    def unit_of_work(self) -> ReflectionsUnitOfWork:
        return ReflectionsUnitOfWork(self.session_factory)

    def close(self) -> None:
        self.engine.dispose()


def build(settings: ServiceSettings, clock: Clock = utc_now,
          options: ReflectionsOptions | None = None) -> ReflectionsApp:
    """The app over ``settings``' database; "today" (who teaches whom) is the district's day
    (``REFLECTIONS_TIME_ZONE``)."""
    zone = zoneinfo.ZoneInfo((options or ReflectionsOptions()).time_zone)
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    return ReflectionsApp(settings=settings, engine=engine, session_factory=make_session_factory(engine),
                          calendar=DistrictCalendar(clock, zone))
