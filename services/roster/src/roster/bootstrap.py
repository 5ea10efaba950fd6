"""Composition root: builds the roster's engine, session factory, unit of work and use cases from settings."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from chassis.config import ServiceSettings
from chassis.db import make_engine, make_session_factory
from roster.adapters.passwords import Argon2Passwords
from roster.config import RosterOptions
from roster.domain.rights import GuardianAccessEnds
from roster.service_layer.accounts import Accounts
from roster.service_layer.passport import PassportQueries
from roster.service_layer.people_queries import PeopleQueries
from roster.service_layer.privacy_officers import PrivacyOfficers
from roster.service_layer.rights import Rights
from roster.service_layer.section_queries import SectionQueries
from roster.service_layer.unit_of_work import RosterUnitOfWork


@dataclass
class RosterApp:
    """Everything a roster process needs; ``unit_of_work()`` opens a fresh unit for one use case."""

    settings: ServiceSettings
    options: RosterOptions
    engine: Engine
    session_factory: sessionmaker
    clock: Callable[[], dt.date] | None = None     # the district's "today"; default RosterOptions.today
    people: PeopleQueries = field(init=False)
    sections: SectionQueries = field(init=False)
    accounts: Accounts = field(init=False)
    rights: Rights = field(init=False)
    passport: PassportQueries = field(init=False)
    privacy_officers: PrivacyOfficers = field(init=False)

    def __post_init__(self) -> None:
        self.clock = self.clock or self.options.today
        self.people = PeopleQueries(self.unit_of_work)
        self.sections = SectionQueries(self.unit_of_work)
        self.passport = PassportQueries(self.unit_of_work)
        self.privacy_officers = PrivacyOfficers(self.unit_of_work)
        self.accounts = Accounts(self.unit_of_work, Argon2Passwords(
            self.options.argon2_time_cost, self.options.argon2_memory_kib, self.options.argon2_parallelism))
        self.rights = Rights(self.unit_of_work, GuardianAccessEnds(self.options.guardian_access_ends))

    def unit_of_work(self) -> RosterUnitOfWork:
        return RosterUnitOfWork(self.session_factory, clock=self.clock)

    def close(self) -> None:
        self.engine.dispose()


def build(settings: ServiceSettings, options: RosterOptions | None = None,
          clock: Callable[[], dt.date] | None = None) -> RosterApp:
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    return RosterApp(settings=settings, options=options or RosterOptions(), engine=engine,
                     session_factory=make_session_factory(engine), clock=clock)
