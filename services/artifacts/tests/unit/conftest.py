"""Fixtures of the artifacts unit tests: the use cases over a fake unit of work (no database, no broker) with the
roster world fed in, a fixed clock, and the real media uploads over a filesystem store in ``tmp_path``."""
from __future__ import annotations

import zoneinfo

import pytest
from artifacts_fakes import FakeArtifactsUnitOfWork
from artifacts_fixtures import MEDIA_SECRET, Clock

from artifacts.bootstrap import media_of
from artifacts.config import ArtifactsOptions
from artifacts.service_layer.commands import ArtifactCommands
from artifacts.service_layer.media import Media
from artifacts.service_layer.queries import ArtifactQueries
from chassis.calendar import DistrictCalendar
from chassis.config import PlatformSettings


@pytest.fixture
def uow() -> FakeArtifactsUnitOfWork:
    return FakeArtifactsUnitOfWork().feed_roster()


@pytest.fixture
def media(tmp_path) -> Media:
    return media_of(PlatformSettings(var_dir=tmp_path, s3_endpoint="", media_url_secret=MEDIA_SECRET),
                    ArtifactsOptions())


@pytest.fixture
def calendar() -> DistrictCalendar:
    return DistrictCalendar(Clock(), zoneinfo.ZoneInfo(ArtifactsOptions().time_zone))


@pytest.fixture
def commands(uow, calendar, media) -> ArtifactCommands:
    return ArtifactCommands(lambda: uow, calendar, media)


@pytest.fixture
def queries(uow, calendar, media) -> ArtifactQueries:
    return ArtifactQueries(lambda: uow, calendar, media)
