"""Fixtures of the reflections unit tests: the use cases over a fake unit of work (no database, no broker) whose
replicas hold the integration tests' world, on a fixed clock, with the real media uploads over a filesystem store."""
from __future__ import annotations

import zoneinfo

import pytest
from reflections_fakes import FakeReflectionsUnitOfWork
from reflections_fixtures import MEDIA_SECRET, Clock

from chassis.calendar import DistrictCalendar
from chassis.config import PlatformSettings
from reflections.bootstrap import media_of
from reflections.config import ReflectionsOptions
from reflections.service_layer.assessments import AssessmentUseCases
from reflections.service_layer.commands import ReflectionCommands
from reflections.service_layer.media import ReflectionMedia
from reflections.service_layer.queries import ReflectionQueries
from reflections.service_layer.recordings import RecordingCommands


@pytest.fixture
def uow() -> FakeReflectionsUnitOfWork:
    return FakeReflectionsUnitOfWork().feed()


@pytest.fixture
def calendar() -> DistrictCalendar:
    return DistrictCalendar(Clock(), zoneinfo.ZoneInfo(ReflectionsOptions().time_zone))


@pytest.fixture
def media(tmp_path) -> ReflectionMedia:
    return media_of(PlatformSettings(var_dir=tmp_path, s3_endpoint="", media_url_secret=MEDIA_SECRET),
                    ReflectionsOptions())


@pytest.fixture
def commands(uow, calendar) -> ReflectionCommands:
    return ReflectionCommands(lambda: uow, calendar)


@pytest.fixture
def queries(uow, calendar, media) -> ReflectionQueries:
    return ReflectionQueries(lambda: uow, calendar, media)


@pytest.fixture
def recordings(uow, calendar, media) -> RecordingCommands:
    return RecordingCommands(lambda: uow, calendar, media)


@pytest.fixture
def assessments(uow, calendar) -> AssessmentUseCases:
    return AssessmentUseCases(lambda: uow, calendar)
