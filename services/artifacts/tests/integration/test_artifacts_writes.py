"""Artifact use cases on a fresh migrated PostgreSQL database: create, update, versions, delete, media results;
access from the roster replica, audit rows and outbox envelopes in the same transactions."""
from __future__ import annotations

import json

import pytest
from artifacts_fixtures import (
    GUARDIAN,
    OLD_TEACHER,
    OTHER_STUDENT,
    SCHOOL,
    SCHOOL_ADMIN,
    SERVICE,
    STUDENT,
    STUDENT_ID,
    TEACHER,
    TEACHER_ID,
    YEAR,
    image,
    link,
    roster,
)
from sqlalchemy import text

from artifacts.adapters.repository import PortfolioFilter
from artifacts.domain.access import DENIED
from artifacts.domain.model import Status, VersionInput
from artifacts.service_layer import subscriptions as artifacts_subscriptions
from chassis.errors import Conflict, InvalidArgument, PermissionDenied
from chassis.messaging.subscriptions import consume

pytestmark = pytest.mark.integration


def test_a_student_adds_a_link_ready_at_once_with_year_and_school_from_the_replica(app, world, tables):
    created = app.commands.create(STUDENT, link(skills=("sk-comm", "sk-think"))).artifact
    assert (created.status, created.added_by_role, created.school_year_id, created.school_id) == (
        Status.READY, "student", YEAR, SCHOOL)
    [envelope] = tables.envelopes()
    assert envelope.type == "artifact_added" and envelope.producer == "artifacts"
    assert envelope.data["skill_ids"] == ["sk-comm", "sk-think"] and envelope.data["artifact_id"] == created.id
    assert tables.audit() == []                          # the student's own work is not a disclosure


def test_a_teacher_adds_and_edits_media_audited_and_a_new_version_keeps_the_old(app, world, tables):
    created = app.commands.create(TEACHER, image()).artifact
    assert created.status is Status.PROCESSING and created.added_by_role == "teacher"
    updated = app.commands.update(TEACHER, created.id, {"title": "Volcano v2", "skill_ids": ["sk-a", "sk-b"],
                                                        "school_year_id": "sy-override"})
    assert (updated.title, updated.skill_ids, updated.school_year_id) == ("Volcano v2", ["sk-a", "sk-b"],
                                                                         "sy-override")
    app.commands.mark_media_result(SERVICE, created.id, 1, "ready")
    resubmitted = app.commands.add_version(TEACHER, created.id, VersionInput(
        file_name="volcano-2.jpg", size_bytes=2000, content_type="image/jpeg")).artifact
    assert (resubmitted.current_version, resubmitted.status) == (2, Status.PROCESSING)
    seen = app.queries.get(STUDENT, created.id)
    assert [(v.number, v.media_key, v.file_name, v.created_by) for v in seen.versions] == [
        (2, f"artifacts/{created.id}/v2/original", "volcano-2.jpg", TEACHER_ID),
        (1, f"artifacts/{created.id}/v1/original", "volcano.jpg", TEACHER_ID)]
    types = [e.type for e in tables.envelopes()]
    assert types == ["artifact_added", "artifact_updated", "artifact_media_ready", "artifact_updated",
                     "artifact_updated"]
    assert tables.envelopes()[1].data["skill_ids"] == ["sk-a", "sk-b"]
    audit = tables.audit()
    assert [(r.actor, r.action, r.subject_id) for r in audit] == [
        (TEACHER_ID, "artifacts.CreateArtifact", STUDENT_ID), (TEACHER_ID, "artifacts.UpdateArtifact", STUDENT_ID),
        (SERVICE.subject, "artifacts.MarkMediaResult", STUDENT_ID), (TEACHER_ID, "artifacts.AddVersion", STUDENT_ID)]
    assert json.loads(audit[0].detail) == {"artifact_id": created.id}


def test_the_versions_of_several_artifacts_in_one_read_are_each_ones_own(app, world):
    first = app.commands.create(TEACHER, image()).artifact
    app.commands.mark_media_result(SERVICE, first.id, 1, "ready")
    app.commands.add_version(TEACHER, first.id, VersionInput(file_name="volcano-2.jpg", size_bytes=2000,
                                                             content_type="image/jpeg"))
    second = app.commands.create(STUDENT, link()).artifact
    with app.unit_of_work() as uow:                     # the passport reads a batch's versions together
        together = uow.artifacts.versions_of([first.id, second.id, "no-such-artifact"])
        alone = {artifact_id: uow.artifacts.versions(artifact_id) for artifact_id in (first.id, second.id)}
    assert together == {**alone, "no-such-artifact": []}
    assert [v.number for v in together[first.id]] == [2, 1] and len(together[second.id]) == 1


def test_ownership_and_standing_decide_changes(app, world):
    by_teacher = app.commands.create(TEACHER, link()).artifact
    by_student = app.commands.create(STUDENT, link()).artifact
    for viewer, artifact_id in ((STUDENT, by_teacher.id), (TEACHER, by_student.id), (OLD_TEACHER, by_teacher.id),
                                (GUARDIAN, by_student.id), (SCHOOL_ADMIN, by_student.id),
                                (OTHER_STUDENT, by_student.id), (STUDENT, "no-such-artifact")):
        with pytest.raises(PermissionDenied) as caught:
            app.commands.update(viewer, artifact_id, {"title": "mine now"})
        assert caught.value.message == DENIED
    for viewer in (OLD_TEACHER, GUARDIAN, SCHOOL_ADMIN, OTHER_STUDENT):
        with pytest.raises(PermissionDenied):
            app.commands.create(viewer, link())
    assert app.queries.get(GUARDIAN, by_teacher.id).id == by_teacher.id
    with pytest.raises(PermissionDenied):
        app.queries.get(OLD_TEACHER, by_student.id)      # taught her last year only


def test_bad_input_names_the_fields_and_writes_nothing(app, world, tables):
    with pytest.raises(InvalidArgument) as caught:
        app.commands.create(STUDENT, link(title="", skills=(), url="javascript:alert(1)"))
    assert {p.field for p in caught.value.problems} == {"title", "skill_ids", "content.link_url"}
    created = app.commands.create(STUDENT, link()).artifact
    with pytest.raises(InvalidArgument) as caught:
        app.commands.update(STUDENT, created.id, {"kind": "image"})
    assert caught.value.problems[0].field == "update_fields"
    with pytest.raises(InvalidArgument):
        app.commands.add_version(STUDENT, created.id, VersionInput(file_name="x.jpg", size_bytes=10))
    assert len(tables.envelopes()) == 1


def test_soft_delete_hides_audits_and_announces(app, world, tables):
    created = app.commands.create(TEACHER, link()).artifact
    app.commands.delete(TEACHER, created.id)
    with pytest.raises(PermissionDenied):
        app.queries.get(STUDENT, created.id)
    assert app.queries.portfolio(STUDENT, PortfolioFilter(student_id=STUDENT_ID)).items == []
    last = tables.envelopes()[-1]
    assert (last.type, last.data) == ("artifact_deleted", {"artifact_id": created.id})
    assert tables.audit()[-1].action == "artifacts.DeleteArtifact"
    with tables.connect() as conn:
        assert conn.execute(text("SELECT deleted_at FROM artifacts")).scalar() is not None


def test_media_results_are_for_services_and_the_current_version(app, world, tables):
    created = app.commands.create(STUDENT, image()).artifact
    with pytest.raises(PermissionDenied):
        app.commands.mark_media_result(TEACHER, created.id, 1, "ready")
    with pytest.raises(InvalidArgument) as caught:
        app.commands.mark_media_result(SERVICE, created.id, 1, "rejected")
    assert caught.value.problems[0].field == "reason"
    with pytest.raises(Conflict):
        app.commands.mark_media_result(SERVICE, created.id, 2, "ready")
    rejected = app.commands.mark_media_result(SERVICE, created.id, 1, "rejected", "not an image")
    assert (rejected.status, rejected.rejection_reason) == (Status.REJECTED, "not an image")
    event = [e for e in tables.envelopes() if e.type == "artifact_media_rejected"][0]
    assert event.data == {"artifact_id": created.id, "version": 1, "reason": "not an image"}
    audited = tables.audit()[-1]
    assert (audited.actor, audited.action, audited.subject_id) == (SERVICE.subject, "artifacts.MarkMediaResult",
                                                                   STUDENT_ID)


def test_audit_and_versions_are_append_only(app, world, tables):
    app.commands.create(TEACHER, link())
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM artifact_versions"):
        with tables.connect() as conn, pytest.raises(Exception, match="append-only"):
            conn.execute(text(statement))


def test_a_deactivated_teacher_no_longer_teaches(app, world):
    app.commands.create(TEACHER, link())
    off = roster("person_updated", at="2026-11-10T00:00:00+00:00", person_id=TEACHER_ID, roles=["teacher"],
                 primary_school_id=SCHOOL, active=False, sourced_id=TEACHER_ID, grade_level="", given_name="C",
                 family_name="X")
    assert consume(app.unit_of_work, artifacts_subscriptions.SUBSCRIPTIONS, off, "test.person_updated")
    with pytest.raises(PermissionDenied):
        app.queries.portfolio(TEACHER, PortfolioFilter(student_id=STUDENT_ID))
