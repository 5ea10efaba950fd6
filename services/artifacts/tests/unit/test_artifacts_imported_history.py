"""Imported history through a fake unit of work: a privacy officer attaches another district's artifacts to a local
student (audited with the reason, ``artifact_added`` raised, an upload target for a file); nobody else may; the
imported artifact is read-only (edit, new version and delete refused, even for the student) and keeps its origin."""
from __future__ import annotations

import datetime as dt

import pytest
from artifacts_fixtures import OLD_TEACHER as TEACHER_OF_OTHERS
from artifacts_fixtures import STUDENT, STUDENT_ID, TEACHER

from artifacts.domain.access import DENIED, Viewer
from artifacts.domain.model import Origin, Status, VersionInput
from artifacts.service_layer.history_import import HistoryImport, ImportedArtifact
from chassis.errors import Conflict, InvalidArgument, PermissionDenied
from chassis.testing.media import send

OFFICER = Viewer.of("po-pat", ["privacy_officer"])
ORIGIN = Origin("did:web:sender.example", "Sender County", "a-sender-1", ("Gardening (from Sender County)",),
                "2023-2024", "2023-08-21")
WHEN = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)


@pytest.fixture
def history(uow, calendar, media) -> HistoryImport:
    return HistoryImport(lambda: uow, calendar, media)


def essay(**changes) -> ImportedArtifact:
    fields = {"origin": ORIGIN, "title": "Essay on rivers", "description": "From my old school", "kind": "document",
              "skill_ids": ["sk-comm"], "created_at": WHEN,
              "content": VersionInput(file_name="essay.pdf", size_bytes=2048, content_type="application/pdf")}
    return ImportedArtifact(**{**fields, **changes})


def test_a_privacy_officer_imports_read_only_history_with_its_origin_audited(history, uow):
    made = history.import_artifact(OFFICER, STUDENT_ID, essay(), "transfer from Sender County, request 7")
    artifact = uow.artifacts.get(made.artifact.id)
    assert artifact.origin == ORIGIN and artifact.origin.label == "from Sender County"
    assert (artifact.added_by_role, artifact.created_at, artifact.status) == ("imported", WHEN, Status.PROCESSING)
    assert made.upload is not None and made.upload.url          # the bytes go to the blob store like any upload
    [row] = uow.audit_rows
    assert (row.actor, row.action, row.subject_ids) == ("po-pat", "artifacts.ImportArtifact", (STUDENT_ID,))
    assert row.detail["reason"] == "transfer from Sender County, request 7"
    assert row.detail["origin_district_id"] == "did:web:sender.example"
    [event] = uow.events
    assert (event.type, event.data["added_by_role"]) == ("artifact_added", "imported")
    assert {k: v for k, v in event.data.items() if k.startswith("origin_")} == {    # the growth view's year
        "origin_district_id": "did:web:sender.example", "origin_district_name": "Sender County",
        "origin_school_year": "2023-2024", "origin_school_year_start": "2023-08-21"}


def test_importing_again_resumes_recording_each_origin_once(history, uow, media):
    first = history.import_artifact(OFFICER, STUDENT_ID, essay(), "request 7")
    again = history.import_artifact(OFFICER, STUDENT_ID, essay(title="Renamed by the sender"), "request 7")
    assert again.resumed and again.artifact.id == first.artifact.id and len(uow.artifacts.rows) == 1
    assert again.upload is not None and again.upload.url      # its file never arrived: a fresh target, same key
    assert [row.detail.get("resumed", False) for row in uow.audit_rows] == [False, True]
    assert [event.type for event in uow.events] == ["artifact_added"]               # announced once
    send(media.store, again.upload, b"%PDF-1.7 " + b"x" * 2039, "application/pdf")
    history.complete_upload(OFFICER, first.artifact.id)
    done = history.import_artifact(OFFICER, STUDENT_ID, essay(), "request 7")
    assert done.resumed and done.upload is None and len(uow.artifacts.rows) == 1
    other_student = history.import_artifact(OFFICER, "someone-else", essay(), "request 7")
    assert not other_student.resumed and len(uow.artifacts.rows) == 2             # once per student, not globally


def test_a_link_is_ready_at_once_and_the_reason_is_required(history, uow):
    made = history.import_artifact(OFFICER, STUDENT_ID, essay(kind="link", content=VersionInput(
        link_url="https://example.org/x")), "request 7")
    assert made.upload is None and uow.artifacts.get(made.artifact.id).status == Status.READY
    with pytest.raises(InvalidArgument, match="reason"):
        history.import_artifact(OFFICER, STUDENT_ID, essay(), " ")


@pytest.mark.parametrize("viewer", [STUDENT, TEACHER, Viewer.of("adm", ["district_admin", "privacy_officer"])],
                         ids=["student", "teacher", "admin-and-privacy-officer"])
def test_nobody_but_a_privacy_officer_imports_and_a_refusal_writes_nothing(history, uow, viewer):
    with pytest.raises(PermissionDenied, match=DENIED):
        history.import_artifact(viewer, STUDENT_ID, essay(), "a reason")
    assert (uow.events, uow.audit_rows, uow.artifacts.rows) == ([], [], {})


def test_an_imported_artifact_without_its_origin_is_refused(history, uow):
    with pytest.raises(InvalidArgument) as refused:
        history.import_artifact(OFFICER, STUDENT_ID, essay(origin=Origin("", "", "")), "request 7")
    assert refused.value.problems[0].field == "origin" and uow.artifacts.rows == {}


@pytest.mark.parametrize(("year", "start", "field"), [("x" * 201, "", "origin.school_year"),
                                                      ("2023-2024", "21/08/2023", "origin.school_year_start"),
                                                      ("2023-2024", "20230821", "origin.school_year_start")])
def test_the_senders_school_year_is_a_short_title_and_a_date(history, uow, year, start, field):
    with pytest.raises(InvalidArgument) as refused:
        history.import_artifact(OFFICER, STUDENT_ID, essay(origin=Origin("did:web:s", "S", "a-1", (), year, start)),
                                "request 7")
    assert [p.field for p in refused.value.problems] == [field] and uow.artifacts.rows == {}


def test_imported_history_is_read_only_for_everyone(history, commands, queries, uow):
    made = history.import_artifact(OFFICER, STUDENT_ID, essay(), "request 7").artifact
    with pytest.raises(Conflict, match=r"imported history \(from Sender County\) is read-only"):
        commands.update(STUDENT, made.id, {"title": "Changed"})
    with pytest.raises(Conflict, match="read-only"):
        commands.delete(STUDENT, made.id)
    with pytest.raises(Conflict, match="read-only"):
        commands.add_version(STUDENT, made.id, VersionInput(file_name="b.pdf", size_bytes=9,
                                                            content_type="application/pdf"))
    for viewer in (OFFICER, TEACHER_OF_OTHERS):      # nobody else learns more than the usual refusal
        with pytest.raises(PermissionDenied, match=DENIED):
            commands.delete(viewer, made.id)
    kept = uow.artifacts.get(made.id)
    assert kept.title == "Essay on rivers" and kept.deleted_at is None and kept.origin == ORIGIN
    seen = queries.get(STUDENT, made.id)
    assert seen.origin == ORIGIN and seen.viewer_can.change is False
