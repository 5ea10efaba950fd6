"""Multipart (resumable) uploads end to end through the gateway: the artifacts service (here with a 1 MiB threshold)
answers MULTIPART with signed part URLs, the parts go to /media, and completing checks the parts' ETags."""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from gateway_testkit import api_token, bearer

from artifacts import bootstrap
from artifacts.config import ArtifactsOptions
from artifacts.entrypoints import grpc_api
from artifacts.migrations import MIGRATIONS_DIR
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.config import service_settings
from chassis.messaging.subscriptions import consume

pytestmark = pytest.mark.integration
MB = 1024 * 1024


@pytest.fixture(scope="module")
def multipart_artifacts_target(session_database, district, platform) -> Iterator[str]:
    """An artifacts API whose files of 1 MiB or more upload in 5 MiB parts."""
    settings = service_settings("artifacts", database_url=session_database(MIGRATIONS_DIR), grpc_host="127.0.0.1",
                                grpc_port=0, metrics_port=0, db_pool_size=2)
    app = bootstrap.build(settings, platform=platform,
                          options=ArtifactsOptions(multipart_threshold_mb=1, multipart_part_mb=5))
    for envelope in district.roster_events:
        consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope, "gateway-tests.multipart")
    handle = grpc_api.start(settings, app=app, platform=platform, metrics=False)
    yield f"127.0.0.1:{handle.port}"
    handle.stop(grace=1)
    app.close()


def test_a_big_video_uploads_in_parts_and_completes_with_their_etags(make_client, multipart_artifacts_target,
                                                                     district, skill_ids, media_store):
    client = make_client(artifacts_target=multipart_artifacts_target)
    amy = bearer(api_token(client, *district.login("aadams")))
    body = os.urandom(11 * MB)
    created = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=amy, json={
        "title": f"Science fair {uuid.uuid4().hex[:6]}", "kind": "video", "skill_ids": [skill_ids["thinker"]],
        "file": {"name": "fair.mp4", "content_type": "video/mp4", "size_bytes": len(body)}})
    assert created.status_code == 201, created.text
    artifact, upload = created.json()["artifact"], created.json()["upload"]
    assert upload["method"] == "MULTIPART" and upload["upload_id"] and upload["part_size"] == 5 * MB
    assert len(upload["part_urls"]) == 3 and all(u.startswith("/media/upload/") for u in upload["part_urls"])

    size, etags = upload["part_size"], []
    for number, url in enumerate(upload["part_urls"]):
        reply = client.put(url, content=body[number * size:(number + 1) * size])
        assert reply.status_code == 200, reply.text
        etags.append(reply.headers["etag"])
    complete = f"/api/v1/artifacts/{artifact['id']}/versions/1/complete"
    wrong = client.post(complete, headers=amy, json={"part_etags": [etags[1], etags[0], etags[2]]})
    assert wrong.status_code == 422
    assert wrong.json()["error"]["problems"][0]["field"] == "part_etags"
    done = client.post(complete, headers=amy, json={"part_etags": etags})
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "processing"
    with media_store.open(f"artifacts/{artifact['id']}/v1/original") as stored:
        assert stored.read() == body
