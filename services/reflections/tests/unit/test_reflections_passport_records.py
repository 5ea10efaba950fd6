"""The reflections' part of the passport through a fake unit of work: who may export (the student, their guardian,
a privacy officer with a reason; never a teacher, an admin or another family), the audit row each export writes
before a record leaves (the student's own included), the discussion per artifact with history, and hidden comments
only in a privacy officer's export; credentials and a signed CLR go with them."""
from __future__ import annotations

import json

import pytest
from reflections_fixtures import ANA, ART, BEN, DISTRICT_ADMIN, GUARDIAN, STUDENT, TEACHER

from chassis.errors import InvalidArgument, PermissionDenied
from chassis.signing import DistrictKey
from reflections.domain.access import Viewer
from reflections.domain.media import MediaFile
from reflections.service_layer import passport
from reflections.service_layer.credential_issuer import District
from reflections.service_layer.passport import PassportRecords

OFFICER = Viewer.of("po-pat", ["privacy_officer"])


@pytest.fixture
def records(uow, calendar, media) -> PassportRecords:
    return PassportRecords(lambda: uow, calendar, District(given_key=DistrictKey.generate()), media)


@pytest.fixture
def discussed(commands, uow) -> None:
    made = commands.add_reflection(STUDENT, ART, "I built a volcano.")
    commands.edit_reflection(STUDENT, made.id, "I built a volcano that erupts.")
    commands.give_feedback(TEACHER, ART, "Clear model.", "Label the layers.")
    commands.add_comment(GUARDIAN, ART, "So proud!")
    rude = commands.add_comment(STUDENT, ART, "a comment the teacher hid")
    commands.hide_comment(TEACHER, rude.id)
    uow.audit_rows.clear()


def export(records: PassportRecords, viewer: Viewer, reason: str = "") -> dict[str, list[dict]]:
    role = records.start(viewer, ANA, reason)
    found: dict[str, list[dict]] = {}
    for record in records.records(ANA, role):
        found.setdefault(record.kind, []).append(json.loads(record.json()))
    return found


def test_a_ready_recording_is_signed_for_the_gateway_to_fetch_and_one_being_checked_is_not(records, recordings,
                                                                                           uow):
    ready, checking = (recordings.add(STUDENT, ART, MediaFile("audio", name, "audio/mpeg", 5000)).reflection
                       for name in ("take.mp3", "later.mp3"))
    uow.media.record_verdict(ready.id, 1, "ready", "audio/mpeg", 4800, "", ready.revisions[0].created_at,
                             checked_key="checked/take.mp3")
    [discussion] = [d for d in export(records, STUDENT)["discussion"] if d["artifact_id"] == ART]
    media = {r["id"]: r["revisions"][0]["media"] for r in discussion["reflections"]}
    assert "checked/take.mp3" in media[ready.id]["download_url"] and media[ready.id]["size_bytes"] == 4800
    assert "download_url" not in media[checking.id] and media[checking.id]["status"] == "processing"


@pytest.mark.parametrize("viewer, reason, role", [
    (STUDENT, "", "student"), (GUARDIAN, "", "guardian"), (OFFICER, "records request 2026-14", "privacy_officer")])
def test_who_may_export_and_every_export_is_audited(records, uow, discussed, viewer, reason, role):
    found = export(records, viewer, reason)
    [row] = uow.audit_rows
    assert (row.actor, row.action, row.subject_ids, row.detail) == (
        viewer.subject, "reflections.ExportStudentRecords", (ANA,),
        {"export": "passport", "role": role, "reason": reason})
    [discussion] = [d for d in found["discussion"] if d["artifact_id"] == ART]
    [reflection] = discussion["reflections"]
    assert [v["text"] for v in reflection["revisions"]] == ["I built a volcano.", "I built a volcano that erupts."]
    assert [(f["can_do"], f["next_steps"]) for f in discussion["feedback"]] == [("Clear model.", "Label the layers.")]
    bodies = [c["body"] for c in discussion["comments"]]
    hidden = ["a comment the teacher hid"] if role == "privacy_officer" else []
    assert bodies == ["So proud!", *hidden]


@pytest.mark.parametrize("viewer", [TEACHER, DISTRICT_ADMIN, Viewer.of(BEN, ["student"]),
                                    Viewer.of("grd-gus", ["guardian"]),
                                    Viewer.of("adm-dee", ["district_admin", "privacy_officer"])],
                         ids=["teacher", "district-admin", "another-student", "another-guardian", "admin-officer"])
def test_everyone_else_is_refused_and_nothing_is_audited(records, uow, viewer):
    with pytest.raises(PermissionDenied):
        records.start(viewer, ANA, "a reason")
    assert uow.audit_rows == []


def test_a_privacy_officer_states_a_reason(records, uow):
    with pytest.raises(InvalidArgument) as refused:
        records.start(OFFICER, ANA, "")
    assert refused.value.problems[0].field == "reason" and uow.audit_rows == []


def test_discussions_stream_in_batches(records, uow, monkeypatch):
    monkeypatch.setattr(passport, "BATCH", 1)
    for n in range(3):
        uow.replicas.put_artifact_owner(f"art-extra-{n}", ANA)
    found = export(records, STUDENT)
    assert {d["artifact_id"] for d in found["discussion"]} >= {ART, "art-extra-0", "art-extra-1", "art-extra-2"}
