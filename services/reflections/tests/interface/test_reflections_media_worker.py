"""The reflections ``events`` role as a real nameko subprocess on real RabbitMQ, with the filesystem store and moto
S3: CompleteReflectionUpload -> its outbox relay -> its own reflection_media_uploaded handler -> verdict, rejected
bytes deleted, and a redelivered event changing nothing."""
from __future__ import annotations

import pytest
from reflections_fixtures import ART, STUDENT
from sqlalchemy import func, select

from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage
from chassis.messaging.testing import WorkerProcess
from chassis.testing import infra, wait_for
from chassis.testing.media import mp3, on_each_store, send
from reflections.adapters.orm import inbox
from reflections.domain.media import MediaFile

# own_database: the media worker runs in another process and must see what the test committed
pytestmark = [pytest.mark.integration, pytest.mark.own_database, on_each_store]
PLATFORM_FIELDS = ("var_dir", "s3_endpoint", "s3_access_key", "s3_secret_key", "s3_secure", "s3_bucket",
                   "media_url_secret")
CONSUMER = "reflections.reflection_media_uploaded"



@pytest.fixture
def worker(reflections_db, fresh_amqp_url, platform, tmp_path):
    env = {"REFLECTIONS_DATABASE_URL": reflections_db, "SKILLFOLIO_AMQP_URL": fresh_amqp_url,
           "REFLECTIONS_EVENTS_METRICS_PORT": str(infra.free_port()), "SKILLFOLIO_EVENT_RETRY_DELAYS_MS": "200",
           "SKILLFOLIO_EVENT_MAX_ATTEMPTS": "2",
           **{f"SKILLFOLIO_{name.upper()}": str(getattr(platform, name)) for name in PLATFORM_FIELDS}}
    process = WorkerProcess("reflections", "reflections.entrypoints.worker", env,
                            tmp_path / "reflections-events.log").start()
    process.wait_ready("outbox relay for reflections started")
    yield process
    assert process.stop() == 0


def record(app, body: bytes, kind: str) -> str:
    submitted = app.recordings.add(STUDENT, ART, MediaFile(kind, "talk.mp3", "audio/mpeg", len(body)))
    send(app.media.store, submitted.upload, body)
    app.recordings.complete_upload(STUDENT, submitted.reflection.id, 1, [])
    return submitted.reflection.id


def settled(app, reflection_id: str):
    found = {r.id: r for r in app.queries.discussion(STUDENT, ART).reflections}[reflection_id].revisions[0]
    return found if found.media.status != "processing" else None


def test_recordings_are_checked_once_by_the_events_role(app, world, tables, worker, fresh_amqp_url):
    body = mp3(30_000)
    heard, mislabelled = record(app, body, "audio"), record(app, body, "video")
    ready = wait_for(lambda: settled(app, heard), 60, "the audio's verdict")
    rejected = wait_for(lambda: settled(app, mislabelled), 60, "the mislabelled video's verdict")
    assert (ready.media.status, ready.media.content_type) == ("ready", "audio/mpeg") and ready.media.url
    assert (rejected.media.status, rejected.media.rejection_reason) == (
        "rejected", "the file is an MP3 recording, not a video")
    assert app.media.store.stat(f"reflections/{mislabelled}/r1/original") is None

    # the broker delivers the same event again: nothing changes
    uploaded = [e for e in tables.envelopes() if e.type == "reflection_media_uploaded"][0]
    before = tables.event_types()
    publisher = ConfirmingPublisher(fresh_amqp_url)
    publisher.publish_batch("reflections.events", [OutgoingMessage(uploaded.type, uploaded.to_json().encode(),
                                                                   uploaded.event_id)])
    publisher.close()
    wait_for(lambda: "duplicate" in worker.log_text(), 30, "the duplicate delivery")
    assert tables.event_types() == before
    with app.unit_of_work() as uow:
        claimed = uow.session.execute(select(func.count()).select_from(inbox).where(
            inbox.c.consumer == CONSUMER)).scalar()
    assert claimed == 2
    assert {"reflection_media_ready", "reflection_media_rejected"} <= set(before)
