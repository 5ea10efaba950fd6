"""Two districts on this machine's PostgreSQL: each its own artifacts database, media store and Ed25519 key. The
sender's privacy officer exports a student's artifacts (its passport export: audited) into a package sealed with the
sender's key; the receiver verifies it against its trusted districts, maps skills, attaches the history to its own
student through the import use case (media through the blob store), and its portfolio shows it read-only with its
origin. A tampered package is refused with the reason and the receiver's database is left as it was."""
from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest
from artifacts_fixtures import MEDIA_SECRET, STUDENT, STUDENT_ID, image, link, roster_world
from sqlalchemy import func, select

from artifacts.adapters.orm import artifacts as artifacts_table
from artifacts.adapters.repository import PortfolioFilter
from artifacts.bootstrap import build
from artifacts.domain.access import Viewer
from artifacts.domain.model import Origin, VersionInput
from artifacts.migrations import MIGRATIONS_DIR
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from artifacts.service_layer.history_import import ImportedArtifact
from chassis.config import PlatformSettings, service_settings
from chassis.errors import Conflict
from chassis.messaging.subscriptions import consume
from chassis.signing import DistrictKey
from chassis.testing.media import send
from chassis.transfer import seal
from chassis.transfer_plan import LocalSkill, plan
from chassis.transfer_verify import TransferRefused, TrustedDistricts, verify_package

pytestmark = [pytest.mark.integration, pytest.mark.own_database]
OFFICER = Viewer.of("po-pat", ["privacy_officer"])
PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8
SENDER_KEY, RECEIVER_KEY = DistrictKey.generate("did:web:sender.example"), DistrictKey.generate("did:web:rx.example")
SENDER_SKILLS = [{"id": "sk-comm", "code": "COMM", "name": "Communicator"},
                 {"id": "sk-garden", "code": "GARDEN", "name": "Gardening"}]


def district(service_database, clock, tmp_path, name: str):
    database = service_database(MIGRATIONS_DIR)           # own_database: a fresh database each call
    platform = PlatformSettings(var_dir=tmp_path / name, s3_endpoint="", media_url_secret=MEDIA_SECRET)
    app = build(service_settings("artifacts", database_url=database.url, db_pool_size=2), clock=clock,
                platform=platform)
    for envelope in roster_world():
        assert consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, envelope, f"t.{envelope.type}")
    return app


@pytest.fixture
def two(service_database, clock, tmp_path):
    sender, receiver = (district(service_database, clock, tmp_path, name) for name in ("sender", "receiver"))
    yield sender, receiver
    sender.close(), receiver.close()


def package_from(sender) -> bytes:
    """The sender's passport (its export use case, audited) with the media bytes, sealed with the sender's key."""
    sender.commands.create(STUDENT, link("My river blog", skills=("sk-comm",)))
    made = sender.commands.create(STUDENT, image("Garden photo", skills=("sk-garden",), size=len(PHOTO)))
    send(sender.media.store, made.upload, PHOTO, "image/jpeg")
    sender.commands.complete_upload(STUDENT, made.artifact.id, 1, [])
    sender.passport.start(OFFICER, STUDENT_ID, "transfer to the receiving district")
    exported, buffer = [], io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for found in sender.passport.artifacts(STUDENT_ID):
            versions = []
            for version in found.versions:
                path = f"media/{found.id}/v{version.number}-{version.file_name}" if version.media_key else None
                if path:
                    with sender.media.store.open(version.media_key) as stream:
                        archive.writestr(path, stream.read())
                versions.append({"number": version.number, "file": path, "file_name": version.file_name,
                                 "content_type": version.content_type, "size_bytes": version.size_bytes})
            exported.append({"id": found.id, "title": found.title, "description": found.description,
                             "kind": found.kind.value, "link_url": found.link_url, "skill_ids": found.skill_ids,
                             "created_at": found.created_at.isoformat(), "versions": versions})
        archive.writestr("passport.json", json.dumps({"exported_as": "privacy_officer", "skills": SENDER_SKILLS,
                                                      "student": {"id": STUDENT_ID, "sourced_id": "S-42"},
                                                      "artifacts": exported}))
    out = io.BytesIO()
    seal(io.BytesIO(buffer.getvalue()), out, key=SENDER_KEY, district_name="Sender County")
    return out.getvalue()


def import_into(receiver, package: bytes, trusted: TrustedDistricts) -> list[str]:
    """What the receiving district's import does: verify, plan, then attach each artifact (files uploaded)."""
    manifest = verify_package(io.BytesIO(package), trusted)
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        found = plan(manifest, json.loads(archive.read("passport.json")), [LocalSkill("rx-comm", "comm")])
        ids = []
        for item in found.artifacts:
            current = (item.files or [{}])[0]
            content = VersionInput(link_url=item.link_url, file_name=current.get("file_name", ""),
                                   size_bytes=current.get("size_bytes", 0),
                                   content_type=current.get("content_type", ""))
            made = receiver.history.import_artifact(OFFICER, STUDENT_ID, ImportedArtifact(
                Origin(found.district_id, found.district_name, item.origin_id, tuple(item.skill_labels)),
                item.title, item.description, item.kind, item.skill_ids or ["rx-comm"],
                dt.datetime.fromisoformat(item.created_at), content), "records request 2026-31")
            if made.upload is not None:
                send(receiver.media.store, made.upload, archive.read(current["file"]), current["content_type"])
                receiver.history.complete_upload(OFFICER, made.artifact.id)
            ids.append(made.artifact.id)
    return ids


def rows(app) -> int:
    with app.session_factory() as session:
        return session.execute(select(func.count()).select_from(artifacts_table)).scalar_one()


def test_the_receiver_imports_the_senders_history_read_only_with_its_origin(two):
    sender, receiver = two
    package = package_from(sender)
    ids = import_into(receiver, package, TrustedDistricts.from_jwks(SENDER_KEY.jwks(), RECEIVER_KEY.jwks()))
    with receiver.unit_of_work() as uow:
        found = {a.title: a for a in uow.artifacts.portfolio(PortfolioFilter(student_id=STUDENT_ID), 10, None)}
    assert set(found) == {"My river blog", "Garden photo"} and {a.id for a in found.values()} == set(ids)
    blog, photo = found["My river blog"], found["Garden photo"]
    assert blog.origin.label == "from Sender County" and blog.origin.district_id == "did:web:sender.example"
    assert blog.skill_ids == ["rx-comm"] and blog.origin.skill_labels == ()       # COMM mapped by code
    assert photo.origin.skill_labels == ("Gardening (from Sender County)",)       # no local match: kept as history
    with receiver.media.store.open(f"artifacts/{photo.id}/v1/original") as stream:
        assert stream.read() == PHOTO                                               # the bytes in the blob store
    seen = receiver.queries.get(STUDENT, photo.id)
    assert seen.origin == photo.origin and seen.viewer_can.change is False
    with pytest.raises(Conflict, match="read-only"):
        receiver.commands.update(STUDENT, blog.id, {"title": "mine now"})
    with pytest.raises(Conflict, match="read-only"):
        receiver.commands.delete(STUDENT, photo.id)
    assert rows(sender) == 2 and rows(receiver) == 2          # separate databases: the sender's is unchanged


def test_a_tampered_or_untrusted_package_writes_nothing(two):
    sender, receiver = two
    package = package_from(sender)
    tampered = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, data[:-1] + b"!" if info.filename.startswith("media/") else data)
    trusted = TrustedDistricts.from_jwks(SENDER_KEY.jwks())
    with pytest.raises(TransferRefused, match="does not match its digest"):
        import_into(receiver, tampered.getvalue(), trusted)
    with pytest.raises(TransferRefused, match="not a complete zip"):
        import_into(receiver, package[: len(package) // 2], trusted)
    with pytest.raises(TransferRefused, match="not a trusted district"):
        import_into(receiver, package, TrustedDistricts.from_jwks(RECEIVER_KEY.jwks()))
    assert rows(receiver) == 0
