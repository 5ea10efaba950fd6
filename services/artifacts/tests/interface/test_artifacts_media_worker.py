"""The artifacts ``media`` role, started as `skillfolio run artifacts media`, beside the ``events`` role (its outbox
relay), on real RabbitMQ, with the filesystem store and moto S3: CompleteUpload -> relay -> media worker -> verdict,
cleanup, and a redelivered event changing nothing. The media role serves /metrics on ARTIFACTS_MEDIA_METRICS_PORT."""
from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest
import requests
from artifacts_fixtures import STUDENT, image
from media_fixtures import has_gps, jpeg_with_gps, png, send
from sqlalchemy import func, select

from artifacts.adapters.orm import inbox
from artifacts.domain.model import Status
from chassis.messaging.publisher import ConfirmingPublisher, OutgoingMessage
from chassis.messaging.testing import START_TIMEOUT, WorkerProcess, queue_depth
from chassis.messaging.topology import handler_queue_name
from chassis.testing import infra, wait_for
from chassis.testing.media import on_each_store

# own_database: the media worker runs in another process and must see what the test committed
pytestmark = [pytest.mark.integration, pytest.mark.own_database, on_each_store]
MEDIA_QUEUE = handler_queue_name("artifacts", "artifact_media_uploaded", "artifacts_media", "media_uploaded")
PLATFORM_FIELDS = ("var_dir", "s3_endpoint", "s3_access_key", "s3_secret_key", "s3_secure", "s3_bucket",
                   "media_url_secret")


class MediaRole(WorkerProcess):
    """`skillfolio run artifacts media` exactly as compose and Kubernetes run it (the CLI execs the nameko worker)."""

    def start(self) -> MediaRole:
        log = open(self.log_path, "ab")
        command = [str(pathlib.Path(sys.executable).parent / "skillfolio"), "run", "artifacts", "media"]
        self.proc = subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        return self


def queue_exists(amqp_url: str, queue: str) -> bool:
    try:
        queue_depth(amqp_url, queue)
        return True
    except Exception:  # noqa: BLE001 - the passive declare fails until the worker declared it
        return False


@pytest.fixture
def roles(artifacts_db, fresh_amqp_url, platform, tmp_path):
    """The events role (relay) and the media role, configured like `skillfolio run artifacts events|media`."""
    env = {"ARTIFACTS_DATABASE_URL": artifacts_db, "SKILLFOLIO_AMQP_URL": fresh_amqp_url,
           "SKILLFOLIO_EVENT_RETRY_DELAYS_MS": "200", "SKILLFOLIO_EVENT_MAX_ATTEMPTS": "2",
           **{f"SKILLFOLIO_{name.upper()}": str(getattr(platform, name)) for name in PLATFORM_FIELDS}}
    events = WorkerProcess("artifacts", "artifacts.entrypoints.worker",
                           {**env, "ARTIFACTS_EVENTS_METRICS_PORT": str(infra.free_port())},
                           tmp_path / "artifacts-events.log").start()
    metrics_port = infra.free_port()
    media = MediaRole("artifacts", "artifacts.entrypoints.media_worker",
                      {**env, "ARTIFACTS_MEDIA_METRICS_PORT": str(metrics_port)}, tmp_path / "artifacts-media.log").start()
    events.wait_ready("outbox relay for artifacts started")
    wait_for(lambda: media.alive() and queue_exists(fresh_amqp_url, MEDIA_QUEUE), START_TIMEOUT, "the media queue")
    yield metrics_port
    assert media.stop() == 0 and events.stop() == 0, media.log_text()[-3000:]


def settled(app, artifact_id: str):
    found = app.queries.get(STUDENT, artifact_id)
    return found if found.status is not Status.PROCESSING else None


def submit(app, new, body: bytes):
    submitted = app.commands.create(STUDENT, new)
    send(app.media.store, submitted.upload, body)
    app.commands.complete_upload(STUDENT, submitted.artifact.id, 1, [])
    return submitted.artifact


def test_uploads_are_checked_once_by_the_media_role(app, world, tables, roles, fresh_amqp_url):
    photo = jpeg_with_gps()
    accepted = submit(app, image(size=len(photo)), photo)
    picture = png()
    renamed = submit(app, image(kind="document", file_name="essay.pdf", size=len(picture),
                                content_type="application/pdf"), picture)

    ready = wait_for(lambda: settled(app, accepted.id), 60, "the photo's verdict")
    rejected = wait_for(lambda: settled(app, renamed.id), 60, "the renamed PNG's verdict")
    assert ready.status is Status.READY and ready.thumbnail_url and ready.versions[0].download_url
    store = app.media.store
    with store.open(f"checked/artifacts/{accepted.id}/v1/original") as stream:
        assert not has_gps(stream.read())
    assert store.stat(f"checked/artifacts/{accepted.id}/v1/thumbnail").content_type == "image/webp"
    assert (rejected.status, rejected.rejection_reason) == (Status.REJECTED, "the file is a PNG image, not a document")
    assert store.stat(f"artifacts/{renamed.id}/v1/original") is None
    assert store.stat(f"checked/artifacts/{renamed.id}/v1/original") is None

    # the broker delivers the same event again: nothing changes, the duplicate is counted on the media role's port
    uploaded = [e for e in tables.envelopes() if e.type == "artifact_media_uploaded"][0]
    outbox_before = tables.event_types()
    publisher = ConfirmingPublisher(fresh_amqp_url)
    publisher.publish_batch("artifacts.events", [OutgoingMessage(uploaded.type, uploaded.to_json().encode(),
                                                                 uploaded.event_id)])
    publisher.close()
    metrics_url = f"http://127.0.0.1:{roles}/metrics"
    wait_for(lambda: 'outcome="duplicate"' in requests.get(metrics_url, timeout=5).text, 30, "the duplicate")
    assert tables.event_types() == outbox_before
    with app.unit_of_work() as uow:
        claimed = uow.session.execute(select(func.count()).select_from(inbox).where(
            inbox.c.consumer == "artifacts_media.media_uploaded")).scalar()
    assert claimed == 2
    assert {"artifact_media_ready", "artifact_media_rejected"} <= set(outbox_before)
