"""Composition root: builds the reflections service's engine, session factory, unit of work, media and use cases."""
from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from chassis.calendar import Clock, DistrictCalendar, utc_now
from chassis.config import PlatformSettings, ServiceSettings
from chassis.db import make_engine, make_session_factory
from chassis.media import BlobStore
from chassis.roster_replica.owner import RosterRelations
from reflections.config import ReflectionsOptions
from reflections.service_layer.amendments import AmendmentUseCases
from reflections.service_layer.assessments import AssessmentUseCases
from reflections.service_layer.calibration import CalibrationUseCases
from reflections.service_layer.commands import ReflectionCommands
from reflections.service_layer.credential_issuer import District
from reflections.service_layer.credentials import CredentialUseCases
from reflections.service_layer.exemplars import ExemplarUseCases
from reflections.service_layer.goals import GoalUseCases
from reflections.service_layer.media import ReflectionMedia
from reflections.service_layer.milestone_panel import PanelUseCases
from reflections.service_layer.milestones import MilestoneUseCases
from reflections.service_layer.passport import PassportRecords
from reflections.service_layer.progress import PointsOfProgress
from reflections.service_layer.progress_checklist import ProgressTerms
from reflections.service_layer.queries import ReflectionQueries
from reflections.service_layer.recordings import RecordingCommands
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork


@dataclass
class ReflectionsApp:
    """Everything a reflections process needs; ``unit_of_work()`` opens a fresh unit for one use case."""

    settings: ServiceSettings
    engine: Engine
    session_factory: sessionmaker
    media: ReflectionMedia
    calendar: DistrictCalendar = field(default_factory=DistrictCalendar)
    options: ReflectionsOptions = field(default_factory=ReflectionsOptions)
    roster: RosterRelations | None = None     # asked before refusing for want of a replicated relation
    district: District = field(default_factory=District)    # issues and signs badges (SKILLFOLIO_DISTRICT_*)
    commands: ReflectionCommands = field(init=False)
    recordings: RecordingCommands = field(init=False)
    queries: ReflectionQueries = field(init=False)
    goals: GoalUseCases = field(init=False)
    milestones: MilestoneUseCases = field(init=False)
    panel: PanelUseCases = field(init=False)
    assessments: AssessmentUseCases = field(init=False)
    amendments: AmendmentUseCases = field(init=False)
    credentials: CredentialUseCases = field(init=False)
    points: PointsOfProgress = field(init=False)
    progress_terms: ProgressTerms = field(init=False)
    exemplars: ExemplarUseCases = field(init=False)
    calibration: CalibrationUseCases = field(init=False)
    passport: PassportRecords = field(init=False)

    def __post_init__(self) -> None:
        self.commands = ReflectionCommands(self.unit_of_work, self.calendar)
        self.recordings = RecordingCommands(self.unit_of_work, self.calendar, self.media)
        self.queries = ReflectionQueries(self.unit_of_work, self.calendar, self.media)
        self.goals = GoalUseCases(self.unit_of_work, self.calendar)
        self.milestones = MilestoneUseCases(self.unit_of_work, self.calendar, self.options.panel_link_days,
                                            self.district)
        self.panel = PanelUseCases(self.unit_of_work, self.calendar)
        self.assessments = AssessmentUseCases(self.unit_of_work, self.calendar)
        self.amendments = AmendmentUseCases(self.unit_of_work, self.calendar)
        self.credentials = CredentialUseCases(self.unit_of_work, self.calendar, self.district)
        self.points = PointsOfProgress(self.unit_of_work, self.calendar)
        self.progress_terms = ProgressTerms(self.unit_of_work, self.calendar, self.points)
        self.exemplars = ExemplarUseCases(self.unit_of_work, self.calendar)
        self.calibration = CalibrationUseCases(self.unit_of_work, self.calendar)
        self.passport = PassportRecords(self.unit_of_work, self.calendar, self.district, self.media)

    def unit_of_work(self) -> ReflectionsUnitOfWork:
        return ReflectionsUnitOfWork(self.session_factory, dt.timedelta(seconds=self.options.replica_wait_seconds),
                                     self.roster)

    def close(self) -> None:
        self.engine.dispose()
        if self.roster is not None and hasattr(self.roster, "close"):
            self.roster.close()


def media_of(platform: PlatformSettings, options: ReflectionsOptions,
             store: BlobStore | None = None) -> ReflectionMedia:
    """Audio/video limits, upload plan and URL lifetimes from ``REFLECTIONS_*``; the store (``store``, or the one
    ``platform`` selects) is built on first use."""
    return options.uploads(ReflectionMedia, platform, options.media_limits(), store)


def build(settings: ServiceSettings, clock: Clock = utc_now, options: ReflectionsOptions | None = None,
          platform: PlatformSettings | None = None, store: BlobStore | None = None,
          roster: RosterRelations | None = None) -> ReflectionsApp:
    """The app over ``settings``' database; "today" (who teaches whom) is the district's day
    (``REFLECTIONS_TIME_ZONE``); panel links last ``REFLECTIONS_PANEL_LINK_DAYS`` by default; audio/video bytes in
    ``store`` (default: the one ``platform`` selects); the roster asked before a refusal (``roster``, default: the
    one ``REFLECTIONS_ROSTER_TARGET`` names, if any)."""
    options, platform = options or ReflectionsOptions(), platform or PlatformSettings()
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    return ReflectionsApp(settings=settings, engine=engine, session_factory=make_session_factory(engine),
                          media=media_of(platform, options, store), district=District(platform),
                          calendar=DistrictCalendar(clock, zoneinfo.ZoneInfo(options.time_zone)), options=options,
                          roster=roster or options.roster_relations())
