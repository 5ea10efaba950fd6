"""The artifacts' part of the passport through a fake unit of work: who may export a portfolio (the student, their
guardian, a privacy officer with a reason; never a teacher, an admin or a service), the audit row every export
writes before anything leaves (the student's own included), and the stream: every artifact in batches, all versions,
download URLs of checked media only."""
from __future__ import annotations

import pytest
from artifacts_fixtures import (
    GUARDIAN,
    OTHER_STUDENT,
    SCHOOL_ADMIN,
    SERVICE,
    STUDENT,
    STUDENT_ID,
    TEACHER,
    image,
    link,
)

from artifacts.domain.access import DENIED, Viewer
from artifacts.domain.model import StoredMedia
from artifacts.service_layer import passport
from artifacts.service_layer.passport import PassportExport
from chassis.errors import InvalidArgument, PermissionDenied

OFFICER = Viewer.of("po-pat", ["privacy_officer"])


@pytest.fixture
def export(uow, calendar, media) -> PassportExport:
    return PassportExport(lambda: uow, calendar, media)


@pytest.mark.parametrize("viewer, reason, role", [
    (STUDENT, "", "student"), (GUARDIAN, "", "guardian"), (OFFICER, "records request 2026-14", "privacy_officer")])
def test_who_may_export_and_every_export_is_audited(commands, export, uow, viewer, reason, role):
    commands.create(STUDENT, link("One")), commands.create(TEACHER, link("Two"))
    uow.audit_rows.clear()
    summary = export.start(viewer, STUDENT_ID, reason)
    assert (summary.artifact_count, summary.media_bytes) == (2, 0)
    [row] = uow.audit_rows
    assert (row.actor, row.action, row.subject_ids) == (viewer.subject, "artifacts.ExportPortfolio", (STUDENT_ID,))
    assert row.detail == {"export": "passport", "role": role, "reason": reason, "artifact_count": 2,
                          "media_bytes": 0}


@pytest.mark.parametrize("viewer", [TEACHER, OTHER_STUDENT, SCHOOL_ADMIN, SERVICE,
                                    Viewer.of("adm-dee", ["district_admin", "privacy_officer"])],
                         ids=["teacher", "other-student", "school-admin", "service", "admin-and-privacy-officer"])
def test_everyone_else_is_refused_and_nothing_is_audited(export, uow, viewer):
    with pytest.raises(PermissionDenied, match=DENIED):
        export.start(viewer, STUDENT_ID, "a reason")
    assert uow.audit_rows == []


def test_a_privacy_officer_states_a_reason_and_may_do_nothing_else(commands, queries, export, uow):
    made = commands.create(STUDENT, link()).artifact.id
    with pytest.raises(InvalidArgument) as refused:
        export.start(OFFICER, STUDENT_ID, " ")
    assert refused.value.problems[0].field == "reason"
    with pytest.raises(PermissionDenied):
        queries.get(OFFICER, made)                          # reading an artifact is no records request
    assert [r for r in uow.audit_rows if r.actor == OFFICER.subject] == []


def test_the_stream_carries_every_artifact_all_versions_and_checked_media_urls(commands, export, uow, monkeypatch):
    monkeypatch.setattr(passport, "BATCH", 2)
    links = [commands.create(STUDENT, link(f"Link {n}")).artifact.id for n in range(4)]
    photo = commands.create(STUDENT, image()).artifact
    uow.media.record(photo.id, 1, StoredMedia("ready", "image/jpeg", 1234, "checked/t.webp", "checked/c.jpg"),
                     photo.created_at)
    commands.mark_media_result(SERVICE, photo.id, 1, "ready")
    commands.add_version(STUDENT, photo.id, image().content)
    assert export.start(STUDENT, STUDENT_ID).media_bytes == 1234
    sent = list(export.artifacts(STUDENT_ID))
    assert sorted(a.id for a in sent) == sorted([*links, photo.id])
    [seen] = [a for a in sent if a.id == photo.id]
    assert [v.number for v in seen.versions] == [2, 1]
    assert seen.versions[0].download_url == "" and "checked/c.jpg" in seen.versions[1].download_url
