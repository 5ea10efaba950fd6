"""Whether a teacher CURRENTLY teaches is decided on the district's calendar day (``REFLECTIONS_TIME_ZONE``)."""
from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError
from reflections_fixtures import ART, TEACHER, Clock, world_events

from chassis.config import service_settings
from chassis.errors import PermissionDenied
from chassis.messaging.subscriptions import consume
from reflections.bootstrap import build
from reflections.config import ReflectionsOptions
from reflections.service_layer import subscriptions as reflections_subscriptions

pytestmark = pytest.mark.integration
# 03:00 UTC on 29 May 2027 is still 28 May (the section's last day) in Los Angeles
LAST_EVENING = dt.datetime(2027, 5, 29, 3, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("zone, teaches", [("America/Los_Angeles", True), ("UTC", False)])
def test_the_districts_day_decides(reflections_database, zone, teaches):
    app = reflections_database.adopt(build(
        service_settings("reflections", database_url=reflections_database.url, db_pool_size=1),
        clock=Clock(LAST_EVENING), options=ReflectionsOptions(time_zone=zone)))
    try:
        for envelope in world_events():
            consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
        if teaches:
            app.commands.give_feedback(TEACHER, ART, "You can summarise.", "Cite a source.")
        else:
            with pytest.raises(PermissionDenied):
                app.commands.give_feedback(TEACHER, ART, "You can summarise.", "Cite a source.")
    finally:
        app.close()


def test_an_unknown_zone_is_refused_naming_it():
    with pytest.raises(ValidationError, match="'Mars/Olympus' is not an IANA time zone name"):
        ReflectionsOptions(time_zone="Mars/Olympus")
