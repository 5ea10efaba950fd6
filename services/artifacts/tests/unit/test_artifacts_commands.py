"""Artifact writes through a fake unit of work: each access branch, the audit rows (every change by anyone but the
student, and every delete) and outbox events it writes, and the errors that leave nothing written."""
from __future__ import annotations

import pytest
from artifacts_fixtures import (
    GUARDIAN,
    GUARDIAN_ID,
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
)

from artifacts.domain.access import DENIED
from artifacts.domain.model import Status, VersionInput
from chassis.errors import Conflict, InvalidArgument, PermissionDenied
from chassis.testing.media import send

REFUSED = [OLD_TEACHER, GUARDIAN, SCHOOL_ADMIN, OTHER_STUDENT]


def audit_of(uow) -> list[tuple]:
    return [(row.actor, row.action, row.subject_id, row.detail) for row in uow.audit_rows]


def test_a_student_adds_to_their_own_portfolio_unaudited_with_school_and_year_from_the_replica(commands, uow):
    created = commands.create(STUDENT, link(skills=("sk-comm", "sk-think"))).artifact
    assert (created.status, created.added_by_role, created.school_id, created.school_year_id) == (
        Status.READY, "student", SCHOOL, YEAR)
    [event] = uow.events
    assert (event.type, event.producer) == ("artifact_added", "artifacts")
    assert event.data["artifact_id"] == created.id and event.data["skill_ids"] == ["sk-comm", "sk-think"]
    assert (event.data["added_by_role"], event.data["school_id"], event.data["version"]) == ("student", SCHOOL, 1)
    assert uow.audit_rows == []
    assert uow.artifacts.get(created.id).title == "My science blog"


def test_a_teacher_who_teaches_the_student_now_adds_audited(commands, uow):
    created = commands.create(TEACHER, link()).artifact
    assert created.added_by_role == "teacher" and uow.events[0].data["added_by"] == TEACHER_ID
    assert audit_of(uow) == [(TEACHER_ID, "artifacts.CreateArtifact", STUDENT_ID, {"artifact_id": created.id})]


@pytest.mark.parametrize("viewer", REFUSED, ids=lambda v: v.subject)
def test_nobody_else_adds_and_a_refusal_writes_nothing(commands, uow, viewer):
    with pytest.raises(PermissionDenied, match=DENIED):
        commands.create(viewer, link())
    assert (uow.events, uow.audit_rows, uow.artifacts.rows, uow.commits) == ([], [], {}, 0)


def test_an_explicit_school_year_wins_over_the_replicas(commands):
    assert commands.create(STUDENT, link(year="sy-2020")).artifact.school_year_id == "sy-2020"


def test_invalid_input_is_refused_before_any_unit_opens(commands, uow):
    with pytest.raises(InvalidArgument) as refused:
        commands.create(STUDENT, link(title="  ", url="javascript:alert(1)"))
    assert {p.field for p in refused.value.problems} >= {"title"}
    assert uow.commits == 0 and uow.events == []


def test_tags_outside_the_students_district_are_named_and_nothing_is_written(commands, uow):
    uow.catalog.foreign = {"sk-other": "is a skill of another district"}
    with pytest.raises(InvalidArgument) as refused:
        commands.create(TEACHER, link(skills=("sk-comm", "sk-other")))
    assert [(p.field, p.reason) for p in refused.value.problems] == [
        ("skill_ids", "'sk-other' is a skill of another district")]
    assert (uow.events, uow.audit_rows, uow.artifacts.rows) == ([], [], {})


def test_a_media_artifact_gets_an_upload_target_a_media_record_and_a_kept_result(commands, uow):
    submitted = commands.create(STUDENT, image())
    assert submitted.artifact.status is Status.PROCESSING and submitted.upload is not None
    assert uow.media.get(submitted.artifact.id, 1) is not None
    assert [k.artifact.id for k in uow.kept] == [submitted.artifact.id]           # answers a retried create
    [version] = uow.artifacts.versions(submitted.artifact.id)
    assert version.media_key == f"artifacts/{submitted.artifact.id}/v1/original" and version.file_name == "volcano.jpg"


def test_updates_change_only_the_named_fields_and_audit_a_teachers_change(commands, uow):
    created = commands.create(TEACHER, link()).artifact
    updated = commands.update(TEACHER, created.id, {"title": "Blog v2", "skill_ids": ["sk-a", "sk-b"]})
    assert (updated.title, updated.skill_ids, updated.description) == ("Blog v2", ["sk-a", "sk-b"], "")
    assert uow.event_types() == ["artifact_added", "artifact_updated"]
    assert uow.events[1].data["skill_ids"] == ["sk-a", "sk-b"]
    assert uow.actions() == ["artifacts.CreateArtifact", "artifacts.UpdateArtifact"]
    assert uow.artifacts.get(created.id).skill_ids == ["sk-a", "sk-b"]


def test_a_students_own_update_is_not_audited(commands, uow):
    created = commands.create(STUDENT, link()).artifact
    commands.update(STUDENT, created.id, {"description": "now with photos"})
    assert uow.event_types() == ["artifact_added", "artifact_updated"] and uow.audit_rows == []


@pytest.mark.parametrize("fields, field", [({}, "update_fields"), ({"student_id": "x"}, "update_fields"),
                                           ({"title": ""}, "title")])
def test_an_invalid_update_names_its_problem(commands, uow, fields, field):
    created = commands.create(STUDENT, link()).artifact
    with pytest.raises(InvalidArgument) as refused:
        commands.update(STUDENT, created.id, fields)
    assert field in {p.field for p in refused.value.problems} and uow.event_types() == ["artifact_added"]


@pytest.mark.parametrize("added_by, editor", [(TEACHER, STUDENT), (STUDENT, TEACHER), (TEACHER, OLD_TEACHER),
                                              (TEACHER, GUARDIAN), (TEACHER, SCHOOL_ADMIN)],
                         ids=["student-on-teachers", "teacher-on-students", "former-teacher", "guardian", "admin"])
def test_only_whoever_added_it_changes_it_and_a_refusal_changes_nothing(commands, uow, added_by, editor):
    created = commands.create(added_by, link()).artifact
    before = (list(uow.events), list(uow.audit_rows))
    for attempt in (lambda: commands.update(editor, created.id, {"title": "mine now"}),
                    lambda: commands.add_version(editor, created.id, VersionInput(link_url="https://example.org/x")),
                    lambda: commands.delete(editor, created.id)):
        with pytest.raises(PermissionDenied, match=DENIED):
            attempt()
    assert (uow.events, uow.audit_rows) == before and uow.artifacts.get(created.id).title == "My science blog"


def test_a_teacher_who_no_longer_teaches_the_student_cannot_change_what_they_added(commands, uow):
    created = commands.create(TEACHER, link()).artifact
    uow.replicas.remove(uow.replicas.tables.enrollments, person_id=TEACHER_ID)
    with pytest.raises(PermissionDenied):
        commands.update(TEACHER, created.id, {"title": "late edit"})


def test_a_missing_artifact_is_refused_like_a_forbidden_one(commands):
    with pytest.raises(PermissionDenied, match=DENIED):
        commands.update(STUDENT, "no-such-artifact", {"title": "x"})


def test_a_new_version_becomes_current_goes_back_to_processing_and_keeps_the_old(commands, uow, media):
    created = commands.create(TEACHER, image()).artifact
    commands.mark_media_result(SERVICE, created.id, 1, "ready")
    again = commands.add_version(TEACHER, created.id, VersionInput(file_name="v2.jpg", size_bytes=2000,
                                                                  content_type="image/jpeg"))
    assert (again.artifact.current_version, again.artifact.status, again.upload is not None) == (
        2, Status.PROCESSING, True)
    assert [v.number for v in uow.artifacts.versions(created.id)] == [2, 1]
    assert uow.event_types()[-1] == "artifact_updated" and uow.events[-1].data["version"] == 2
    assert uow.actions()[-1] == "artifacts.AddVersion"


def test_an_invalid_new_version_is_refused_and_nothing_changes(commands, uow):
    created = commands.create(STUDENT, image()).artifact
    with pytest.raises(InvalidArgument):
        commands.add_version(STUDENT, created.id, VersionInput(file_name="x.exe", size_bytes=0, content_type=""))
    assert uow.artifacts.get(created.id).current_version == 1 and uow.event_types() == ["artifact_added"]


def test_completing_an_upload_announces_it_once_for_the_media_worker(commands, uow, media):
    submitted = commands.create(TEACHER, image(size=40))
    send(media.store, submitted.upload, b"\xff\xd8\xff" + b"x" * 37, "image/jpeg")
    commands.complete_upload(TEACHER, submitted.artifact.id, 1, [])
    commands.complete_upload(TEACHER, submitted.artifact.id, 1, [])             # again: changes nothing
    assert uow.event_types() == ["artifact_added", "artifact_media_uploaded"]
    uploaded = uow.events[-1].data
    assert (uploaded["artifact_id"], uploaded["version"], uploaded["kind"]) == (submitted.artifact.id, 1, "image")
    assert uploaded["media_key"] == f"artifacts/{submitted.artifact.id}/v1/original"
    assert uow.actions() == ["artifacts.CreateArtifact", "artifacts.CompleteUpload"]
    assert uow.media.get(submitted.artifact.id, 1).uploaded_at is not None


def test_completing_an_upload_that_never_arrived_is_refused(commands, uow):
    submitted = commands.create(STUDENT, image())
    with pytest.raises(InvalidArgument, match="nothing was uploaded"):
        commands.complete_upload(STUDENT, submitted.artifact.id, 1, [])
    assert uow.event_types() == ["artifact_added"] and uow.media.get(submitted.artifact.id, 1).uploaded_at is None


def test_a_link_has_no_upload_and_an_old_version_cannot_be_completed(commands):
    link_id = commands.create(STUDENT, link()).artifact.id
    with pytest.raises(InvalidArgument, match="a link has no upload"):
        commands.complete_upload(STUDENT, link_id, 1, [])
    image_id = commands.create(STUDENT, image()).artifact.id
    with pytest.raises(Conflict, match="not the current version"):
        commands.complete_upload(STUDENT, image_id, 2, [])


def test_an_expired_upload_that_was_judged_cannot_be_completed(commands, uow):
    submitted = commands.create(STUDENT, image())
    from artifacts.domain.model import StoredMedia
    uow.media.record(submitted.artifact.id, 1, StoredMedia(verdict="rejected"), submitted.artifact.created_at)
    with pytest.raises(Conflict, match="expired"):
        commands.complete_upload(STUDENT, submitted.artifact.id, 1, [])


@pytest.mark.parametrize("owner", [STUDENT, TEACHER], ids=["student", "teacher"])
def test_a_delete_is_always_audited_even_the_students_own(commands, uow, queries, owner):
    created = commands.create(owner, link()).artifact
    commands.delete(owner, created.id)
    assert uow.event_types() == ["artifact_added", "artifact_deleted"]
    assert uow.events[-1].data == {"artifact_id": created.id}
    assert audit_of(uow)[-1] == (owner.subject, "artifacts.DeleteArtifact", STUDENT_ID, {"artifact_id": created.id})
    assert uow.artifacts.get(created.id) is None
    with pytest.raises(PermissionDenied):
        queries.get(owner, created.id)


def test_only_a_service_records_a_media_verdict(commands, uow):
    created = commands.create(STUDENT, image()).artifact
    for viewer in (STUDENT, TEACHER, GUARDIAN, SCHOOL_ADMIN):
        with pytest.raises(PermissionDenied, match="only the media worker"):
            commands.mark_media_result(viewer, created.id, 1, "ready")
    assert uow.event_types() == ["artifact_added"]


def test_a_media_verdict_sets_the_status_audits_and_announces(commands, uow):
    created = commands.create(STUDENT, image()).artifact
    rejected = commands.mark_media_result(SERVICE, created.id, 1, "rejected", "not an image")
    assert (rejected.status, rejected.rejection_reason) == (Status.REJECTED, "not an image")
    assert uow.event_types() == ["artifact_added", "artifact_media_rejected", "artifact_updated"]
    assert uow.events[1].data == {"artifact_id": created.id, "version": 1, "reason": "not an image"}
    assert audit_of(uow) == [(SERVICE.subject, "artifacts.MarkMediaResult", STUDENT_ID,
                              {"artifact_id": created.id, "version": 1, "result": "rejected"})]
    ready = commands.mark_media_result(SERVICE, created.id, 1, "ready")
    assert (ready.status, ready.rejection_reason) == (Status.READY, "")
    assert uow.event_types()[-2:] == ["artifact_media_ready", "artifact_updated"]


@pytest.mark.parametrize("result, reason, error", [("maybe", "", InvalidArgument), ("rejected", " ", InvalidArgument)])
def test_an_invalid_media_verdict_is_refused(commands, result, reason, error):
    created = commands.create(STUDENT, image()).artifact
    with pytest.raises(error):
        commands.mark_media_result(SERVICE, created.id, 1, result, reason)


def test_a_media_verdict_needs_a_current_media_version(commands):
    from chassis.errors import NotFound
    link_id = commands.create(STUDENT, link()).artifact.id
    with pytest.raises(NotFound):
        commands.mark_media_result(SERVICE, link_id, 1, "ready")
    image_id = commands.create(STUDENT, image()).artifact.id
    with pytest.raises(Conflict):
        commands.mark_media_result(SERVICE, image_id, 2, "ready")


def test_a_guardian_is_refused_and_the_guardian_id_is_not_a_student(commands):
    with pytest.raises(PermissionDenied):
        commands.create(GUARDIAN, link(student=GUARDIAN_ID))
