"""The Alembic tree is the schema, downgrades completely, and runs on SQLite for the embedded default (text and
audio reflections, prompts, and a downgrade with rows in the tables)."""
from __future__ import annotations

import pytest
from reflections_fixtures import ART, DISTRICT_ADMIN, MEDIA_SECRET, STUDENT, Clock, world_events

from chassis.config import PlatformSettings, service_settings
from chassis.events import Envelope
from chassis.messaging.subscriptions import ConsumerUnits, consume
from chassis.migrations import schema_drift, tables_after_downgrade, upgrade
from chassis.testing.media import mp3, send
from reflections.adapters.orm import metadata, outbox
from reflections.bootstrap import build
from reflections.domain.media import MediaFile
from reflections.migrations import MIGRATIONS_DIR
from reflections.service_layer import subscriptions as reflections_subscriptions
from reflections.service_layer.media_checks import check_uploaded_recording

pytestmark = pytest.mark.integration


def test_head_matches_the_models_and_downgrades(fresh_pg_database_url):
    assert schema_drift(MIGRATIONS_DIR, metadata, fresh_pg_database_url) == []
    assert tables_after_downgrade(MIGRATIONS_DIR, fresh_pg_database_url) == {"alembic_version"}


def test_migrations_and_use_cases_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'reflections.db'}"
    upgrade(MIGRATIONS_DIR, url)
    upgrade(MIGRATIONS_DIR, url)                       # idempotent
    app = build(service_settings("reflections", database_url=url), clock=Clock(),
                platform=PlatformSettings(var_dir=tmp_path, s3_endpoint="", media_url_secret=MEDIA_SECRET))
    try:
        for envelope in world_events():
            consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
        prompt = app.commands.define_prompt(DISTRICT_ADMIN, "What surprised me?")
        reflection = app.commands.add_reflection(STUDENT, ART, "On SQLite too.", prompt.id)
        app.commands.edit_reflection(STUDENT, reflection.id, "Edited on SQLite.")
        app.commands.retire_prompt(DISTRICT_ADMIN, prompt.id)
        body = mp3(3000)
        recorded = app.recordings.add(STUDENT, ART, MediaFile("audio", "take.mp3", "audio/mpeg", len(body)))
        send(app.media.store, recorded.upload, body)
        app.recordings.complete_upload(STUDENT, recorded.reflection.id, 1, [])
        with app.unit_of_work() as uow:
            [uploaded] = [Envelope.from_json(r.body) for r in uow.session.execute(
                outbox.select().where(outbox.c.type == "reflection_media_uploaded"))]
        assert check_uploaded_recording(ConsumerUnits(app.unit_of_work, "test"), uploaded, app.media,
                                        app.calendar.clock) == "ready"
        found = app.queries.discussion(STUDENT, ART).reflections
        assert [(r.current_revision, r.prompt_text) for r in found] == [(2, "What surprised me?"), (1, "")]
        assert found[1].revisions[0].media.status == "ready" and found[1].revisions[0].media.url
    finally:
        app.close()
    assert tables_after_downgrade(MIGRATIONS_DIR, url) == {"alembic_version"}     # with rows in every table
