"""Erasure on request across every service (issue 13 §5) on real PostgreSQL (one database per service), RabbitMQ
and S3 (moto), with every events role a nameko subprocess: the reflections events role is stopped before the
request, so the certificate stays pending while the others confirm; restarted, it erases and the signed certificate
is issued. Rows and media objects are gone, and the audit trails keep only the pseudonym."""
from __future__ import annotations

import json
import uuid

import amqp
import pytest
from erasure_world import SERVICES, ErasureWorld, add, count, migrations, seed_student
from sqlalchemy import select

from chassis.config import PlatformSettings
from chassis.erasure import ERASED_SUBJECT
from chassis.media.stores import blob_store_from_settings
from chassis.messaging.testing import amqp_connection
from chassis.messaging.topology import handler_queue_name
from chassis.signing import DistrictKey
from chassis.testing import wait_for
from roster.domain.access import Viewer
from roster.domain.erasure import COMPLETED, PENDING
from roster.service_layer.erasure import Coordinator, request_erasure

pytestmark = [pytest.mark.fault, pytest.mark.integration]
OFFICER = Viewer.of("officer-1", {"privacy_officer"})
CONSUMERS = [s for s in SERVICES if s != "roster"]


def consumers(amqp_url: str, service: str) -> int:
    queue = handler_queue_name("roster", "erasure_requested", service, "erasure_requested")
    try:
        with amqp_connection(amqp_url) as connection:
            return connection.channel().queue_declare(queue, passive=True)[2]
    except amqp.exceptions.NotFound:
        return 0


@pytest.fixture
def world(migrated_database, fresh_amqp_url, s3_endpoint, tmp_path):
    key = DistrictKey.generate()
    from cryptography.hazmat.primitives import serialization
    pem = key.private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption()).decode()
    platform_env = {"SKILLFOLIO_S3_ENDPOINT": s3_endpoint.endpoint, "SKILLFOLIO_S3_ACCESS_KEY": s3_endpoint.access_key,
                    "SKILLFOLIO_S3_SECRET_KEY": s3_endpoint.secret_key, "SKILLFOLIO_S3_BUCKET": "erasure-fault",
                    "SKILLFOLIO_DISTRICT_SIGNING_KEY": pem, "SKILLFOLIO_MEDIA_URL_SECRET": "s3cret"}
    urls = {service: migrated_database(migrations(service)) for service in SERVICES}
    built = ErasureWorld(urls, fresh_amqp_url, platform_env, tmp_path, ROSTER_ERASURE_RETRY_SECONDS="3600",
                         ROSTER_ERASURE_PSEUDONYM_KEY="pseudonym-key")
    built.key = key
    platform = PlatformSettings(s3_endpoint=s3_endpoint.endpoint, s3_access_key=s3_endpoint.access_key,
                                s3_secret_key=s3_endpoint.secret_key, s3_bucket="erasure-fault")
    built.store = blob_store_from_settings(platform, url_secret=b"s3cret", public_base_url="")
    built.store.ensure_bucket()
    yield built
    built.close()


def erasure_row(world, erasure_id: str):
    from roster.adapters.orm import erasure_requests
    with world.engines["roster"].connect() as connection:
        return connection.execute(select(erasure_requests).where(erasure_requests.c.id == erasure_id)).one()


def confirmed_services(world, erasure_id: str) -> set[str]:
    from roster.adapters.orm import erasure_confirmations as C
    with world.engines["roster"].connect() as connection:
        return set(connection.execute(select(C.c.service).where(C.c.erasure_id == erasure_id)).scalars())


@pytest.mark.timeout(600)
def test_a_stopped_service_keeps_the_certificate_pending_until_it_returns_and_erases(world, fresh_amqp_url):
    from artifacts.adapters import orm as a
    from chassis.db import make_session_factory
    from reflections.adapters import orm as r
    from roster.adapters import orm as ro
    from roster.erasure_config import ErasureOptions
    from roster.service_layer.unit_of_work import RosterUnitOfWork

    student = str(uuid.uuid4())
    other = str(uuid.uuid4())
    seeded = seed_student(world.engines, world.store, student, artifacts=3)
    seed_student(world.engines, world.store, other, artifacts=1)          # another student's data stays
    world.start_all()
    wait_for(lambda: all(consumers(fresh_amqp_url, s) for s in CONSUMERS), 120, "every erasure_requested consumer")
    world.stop("reflections")                                            # down before the request: its queue keeps it
    assert consumers(fresh_amqp_url, "reflections") == 0

    # the operator's CLI, as a privacy officer: it follows the confirmations, and says the erasure is still pending
    erased = world.cli("roster", "erase", student, "--reason", "parent's written request", "--wait", "3")
    assert erased.returncode == 3 and "pending: waiting for" in erased.stderr, erased.stderr
    assert "reflections" in erased.stderr.split(";")[0]
    erasure = _erasure_of(world, erased.stdout)

    others = {"roster", "artifacts", "notifications", "reporting", "skills"}
    wait_for(lambda: confirmed_services(world, erasure.id) == others, 120,
             lambda: f"the running services' confirmations (have {confirmed_services(world, erasure.id)})")
    row = erasure_row(world, erasure.id)
    assert row.status == PENDING and row.certificate == "" and row.signature == ""
    assert count(world.engines["reflections"], r.reflections, student_id=student) == 3     # not erased yet
    assert count(world.engines["artifacts"], a.artifacts, student_id=student) == 0
    assert [key for key in seeded["keys"] if world.store.stat(key) is not None] == []    # artifacts' media gone

    world.start("reflections")                                           # back: the queued request is delivered
    wait_for(lambda: erasure_row(world, erasure.id).status == COMPLETED, 120, "the certificate")
    row = erasure_row(world, erasure.id)
    certificate = json.loads(row.certificate)
    fetched = world.cli("roster", "erasure-certificate", erasure.id)
    assert fetched.returncode == 0 and json.loads(fetched.stdout) == {"certificate": certificate, "jws": row.signature}
    header, payload = world.key.verify_jws(row.signature)
    assert json.loads(payload) == certificate and header["typ"] == "erasure-certificate+jwt"
    counts = {c["service"]: c["counts"] for c in certificate["confirmations"]}
    assert set(counts) == {"roster", *CONSUMERS}
    assert counts["artifacts"]["artifacts"] == 3 and counts["artifacts"]["media_objects"] == seeded["blobs"]
    assert counts["reflections"]["reflections"] == 3 and counts["reflections"]["reflection_revisions"] == 3
    assert counts["notifications"]["notifications"] == 3 and counts["skills"]["people"] == 1
    assert counts["reporting"]["artifacts"] == 3 and counts["roster"]["credentials"] == 1
    assert row.student_id == "" and student not in row.certificate

    for service, table in (("artifacts", a.artifacts), ("reflections", r.reflections), ("reflections", r.comments)):
        assert count(world.engines[service], table, student_id=student) == 0
        assert count(world.engines[service], table, student_id=other) == 1
    assert count(world.engines["artifacts"], a.artifact_versions) == 1     # the other student's version only
    with world.engines["roster"].connect() as connection:
        person = connection.execute(select(ro.people).where(ro.people.c.id == student)).one()
    assert (person.given_name, person.email, person.active) == ("Erased", "", False)
    for service in ("roster", "artifacts", "reflections", "notifications", "skills"):
        audit = __import__(f"{service}.adapters.orm", fromlist=["audit_log"]).audit_log
        with world.engines[service].connect() as connection:
            rows = connection.execute(select(audit).where(audit.c.subject_type == ERASED_SUBJECT)).all()
        assert [r_.subject_id for r_ in rows] == [erasure.pseudonym], service
        assert student not in json.dumps([dict(r_._mapping) for r_ in rows], default=str)
    assert len(_all_keys(world.store)) == 2                               # the other student's two objects


def _erasure_of(world, output: str, reason: str = "parent's written request"):
    row = erasure_row(world, output.split()[1])
    assert row.requested_by.startswith("operator:") and row.reason == reason
    return row


def _all_keys(store) -> list[str]:
    return [o.object_name for o in store.client.list_objects(store.bucket, recursive=True)]


@pytest.mark.timeout(600)
def test_one_artifact_is_erased_in_every_service_and_another_students_artifact_is_refused(world, fresh_amqp_url):
    """A family asks that one photo be erased: the artifacts service finds it is the student's and erases it with its
    media, then every other service what hangs on it; the rest of the record stays. An artifact of another student's
    refuses the request, and nothing is erased anywhere. An event about the photo still in flight changes nothing."""
    import datetime as dt

    from notifications.adapters import orm as n

    from artifacts.adapters import orm as a
    from chassis.events import Envelope
    from chassis.messaging.testing import add_to_outbox
    from reflections.adapters import orm as r
    from reporting.adapters import orm as p
    from roster.adapters import orm as ro
    from skills.adapters import orm as sk

    student, other = str(uuid.uuid4()), str(uuid.uuid4())
    seeded = seed_student(world.engines, world.store, student, artifacts=3)
    others = seed_student(world.engines, world.store, other, artifacts=1)
    photo, kept = seeded["artifacts"][0], seeded["artifacts"][1:]
    world.start_all()
    world.wait_consumers()

    erased = world.cli("roster", "erase", student, "--artifact", photo, "--reason", "the family asked")
    assert erased.returncode == 0 and "certificate issued" in erased.stdout, erased.stdout + erased.stderr
    row = _erasure_of(world, erased.stdout, "the family asked")
    certificate = json.loads(row.certificate)
    assert certificate["subject"] == {"pseudonym": row.pseudonym, "scope": "artifact", "artifact_id": photo}
    counts = {c["service"]: c["counts"] for c in certificate["confirmations"]}
    assert counts["artifacts"]["artifacts"] == 1 and counts["artifacts"]["media_objects"] == 2
    assert counts["reflections"]["reflections"] == 1 and counts["reflections"]["comments"] == 1
    assert counts["notifications"]["notifications"] == 1 and counts["notifications"]["artifacts"] == 1
    assert counts["reporting"]["artifacts"] == 1 and counts["skills"]["skill_usage"] == 1
    assert world.key.verify_jws(row.signature)[1] and row.student_id == ""

    for service, table, column in (("artifacts", a.artifacts, "id"), ("artifacts", a.artifact_versions, "artifact_id"),
                                   ("reflections", r.reflections, "artifact_id"), ("reflections", r.comments,
                                                                                   "artifact_id"),
                                   ("notifications", n.notifications, "subject_id"),
                                   ("reporting", p.artifacts, "artifact_id"), ("skills", sk.skill_usage,
                                                                               "artifact_id")):
        assert count(world.engines[service], table, **{column: photo}) == 0, (service, table.name)
        assert sum(count(world.engines[service], table, **{column: k}) for k in kept) == 2, (service, table.name)
    assert [k for k in seeded["keys"] if world.store.stat(k) is None] == seeded["keys"][:2]   # the photo's two
    with world.engines["roster"].connect() as connection:
        person = connection.execute(select(ro.people).where(ro.people.c.id == student)).one()
    assert (person.given_name, person.active) == ("Ada", True)         # the record itself stays
    with world.engines["artifacts"].connect() as connection:
        [audit] = connection.execute(select(a.audit_log).where(a.audit_log.c.subject_type == ERASED_SUBJECT)).all()
    assert audit.action == "artifacts.EraseArtifact" and audit.subject_id == row.pseudonym

    # another student's artifact named with this student: refused by the artifacts service, nothing erased anywhere
    theirs = others["artifacts"][0]
    refused = world.cli("roster", "erase", student, "--artifact", theirs, "--reason", "a mistaken request")
    assert refused.returncode == 1 and "refused: no artifact" in refused.stderr, refused.stdout + refused.stderr
    assert erasure_row(world, refused.stdout.split()[1]).status == "refused"
    for service, table, column in (("artifacts", a.artifacts, "id"), ("reflections", r.reflections, "artifact_id"),
                                   ("notifications", n.notifications, "subject_id"),
                                   ("reporting", p.artifacts, "artifact_id"), ("skills", sk.skill_usage,
                                                                               "artifact_id")):
        assert count(world.engines[service], table, **{column: theirs}) == 1, (service, table.name)
    assert all(world.store.stat(k) is not None for k in others["keys"])

    # an update of the photo still in flight when the erasure ran (sent after it, newer than anything applied): every
    # service consumes it and none brings the photo back
    late = Envelope("artifact_updated", "artifacts", {
        "artifact_id": photo, "student_id": student, "title": "Work 0", "kind": "image", "school_id": "",
        "school_year_id": "", "added_by": student, "added_by_role": "student", "skill_ids": ["skill-1"]},
        occurred_at=(dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)).isoformat())
    add_to_outbox(world.engines["artifacts"], a.outbox, [late])
    consumers = (("reflections", r), ("notifications", n), ("reporting", p), ("skills", sk))
    wait_for(lambda: all(count(world.engines[service], orm_.inbox, event_id=late.event_id) for service, orm_
                         in consumers), 120, "the late update consumed by every service")
    for service, table in (("reflections", r.artifact_owners), ("notifications", n.artifacts),
                           ("reporting", p.artifacts), ("skills", sk.skill_usage)):
        assert count(world.engines[service], table, artifact_id=photo) == 0, service


@pytest.mark.timeout(600)
def test_the_media_years_delete_the_students_media_objects_and_keep_the_record(world):
    """The retention schedule's media years: every service is asked for the student's media alone. Artifacts and
    reflections delete the objects (photos, their checked copies, a recording) and mark the versions and the
    recording expired; every row, text and the roster's person stay; another student's media stays."""
    import io

    from artifacts.adapters import orm as a
    from chassis.db import make_session_factory
    from reflections.adapters import orm as r
    from reflections.domain.media import original_key
    from roster.adapters import orm as ro
    from roster.erasure_config import ErasureOptions
    from roster.service_layer.unit_of_work import RosterUnitOfWork

    student, other = str(uuid.uuid4()), str(uuid.uuid4())
    seeded = seed_student(world.engines, world.store, student, artifacts=2)
    others = seed_student(world.engines, world.store, other, artifacts=1)
    with world.engines["reflections"].connect() as connection:
        reflection = connection.execute(select(r.reflections.c.id).where(r.reflections.c.student_id == student)
                                        ).scalars().first()
    recording = [original_key(reflection, 1), f"checked/reflections/{reflection}/r1"]
    for key in recording:
        world.store.put(key, io.BytesIO(b"\0" * 64), 64, "audio/ogg")
    add(world.engines["reflections"], r.revision_media, reflection_id=reflection, number=1, verdict="ready",
        checked_key=recording[1], upload_id="", content_type="audio/ogg")
    world.start_all()
    world.wait_consumers()

    coordinator = Coordinator(ErasureOptions(), world.key, b"pseudonym-key", "Demo")
    erasure = request_erasure(lambda: RosterUnitOfWork(make_session_factory(world.engines["roster"])), coordinator,
                              OFFICER, student, "retention schedule: media 2 years after the student left",
                              media_only=True)
    wait_for(lambda: erasure_row(world, erasure.id).status == COMPLETED, 120, "the media erasure's certificate")
    certificate = json.loads(erasure_row(world, erasure.id).certificate)
    assert certificate["subject"]["scope"] == "media"
    counts = {c["service"]: c["counts"] for c in certificate["confirmations"]}
    assert counts["artifacts"]["media_objects"] == seeded["blobs"] and counts["artifacts"]["version_media"] == 2
    assert counts["artifacts"]["artifacts"] == 2 and counts["reflections"]["media_objects"] == 2
    assert counts["reflections"]["revision_media"] == 1 and counts["notifications"] == {}

    assert [k for k in [*seeded["keys"], *recording] if world.store.stat(k) is not None] == []
    assert all(world.store.stat(k) is not None for k in others["keys"])
    with world.engines["artifacts"].connect() as connection:
        mine = connection.execute(select(a.artifacts.c.status).where(a.artifacts.c.student_id == student)).scalars()
        assert sorted(mine) == ["expired", "expired"]                      # the rows stay, saying why
        media = connection.execute(select(a.version_media).where(a.version_media.c.artifact_id.in_(
            seeded["artifacts"]))).all()
        assert {(m.verdict, m.checked_key, m.thumbnail_key) for m in media} == {("expired", "", "")}
        theirs = connection.execute(select(a.artifacts.c.status).where(a.artifacts.c.student_id == other)).scalar()
    assert theirs == "ready"
    with world.engines["reflections"].connect() as connection:
        kept = connection.execute(select(r.revision_media)).one()
    assert (kept.verdict, kept.checked_key) == ("expired", "")
    assert count(world.engines["reflections"], r.reflections, student_id=student) == 2
    assert count(world.engines["reflections"], r.comments, student_id=student) == 2
    with world.engines["roster"].connect() as connection:
        person = connection.execute(select(ro.people).where(ro.people.c.id == student)).one()
    assert person.given_name == "Ada"


@pytest.mark.timeout(600)
def test_events_still_in_flight_after_an_erasure_do_not_bring_the_student_back(world):
    """Roster and reflections events about the student that were on their way when the erasure ran (sent after
    it, here) are consumed and change nothing: no replica row, no notification comes back."""
    import datetime as dt

    from notifications.adapters import orm as n

    from artifacts.adapters import orm as a
    from chassis.events import Envelope
    from chassis.messaging.testing import add_to_outbox
    from reflections.adapters import orm as r
    from roster.adapters import orm as ro

    student = str(uuid.uuid4())
    seed_student(world.engines, world.store, student, artifacts=1)
    guardian = "guardian-1"
    for service, orm_ in (("artifacts", a), ("reflections", r), ("notifications", n)):
        add(world.engines[service], orm_.roster.guardianships, guardian_id=guardian, student_id=student)
    world.start_all()
    world.wait_consumers()
    erased = world.cli("roster", "erase", student, "--reason", "parent's written request")
    assert erased.returncode == 0, erased.stdout + erased.stderr

    at = (dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)).isoformat()      # newer than anything applied
    late = [Envelope("person_updated", "roster", {"person_id": student, "roles": ["student"], "active": True},
                     occurred_at=at),
            Envelope("enrollment_added", "roster", {"enrollment_id": str(uuid.uuid4()), "section_id": "k1",
                                                    "person_id": student, "role": "student"}, occurred_at=at),
            Envelope("guardianship_added", "roster", {"guardian_id": guardian, "student_id": student},
                     occurred_at=at)]
    comment = Envelope("comment_added", "reflections", {"comment_id": str(uuid.uuid4()), "artifact_id": "a-late",
                                                        "student_id": student, "author_id": "t-1",
                                                        "author_role": "teacher", "body": "Late!"}, occurred_at=at)
    add_to_outbox(world.engines["roster"], ro.outbox, late)
    add_to_outbox(world.engines["reflections"], r.outbox, [comment])
    ids = [e.event_id for e in [*late, comment]]

    def consumed(service: str, table) -> int:
        with world.engines[service].connect() as connection:
            return len(connection.execute(select(table.c.event_id).where(table.c.event_id.in_(ids))).all())
    wait_for(lambda: consumed("artifacts", a.inbox) >= 3 and consumed("reflections", r.inbox) >= 3
             and consumed("notifications", n.inbox) >= 4, 120, "the late events consumed")
    for service, orm_ in (("artifacts", a), ("reflections", r), ("notifications", n)):
        assert count(world.engines[service], orm_.roster.people, person_id=student) == 0, service
        assert count(world.engines[service], orm_.roster.enrollments, person_id=student) == 0, service
        assert count(world.engines[service], orm_.roster.guardianships, student_id=student) == 0, service
    assert count(world.engines["notifications"], n.notifications, student_id=student) == 0
