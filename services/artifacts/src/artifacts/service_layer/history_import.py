"""Attach another district's history to a local student: each artifact of a verified transfer package becomes a
read-only artifact labelled with its origin (the gateway verified the package's signature and digests first). A
privacy officer only; audited; ``artifact_added`` through the outbox. File versions get upload targets in the blob
store like any upload, so the media role checks the imported bytes before any is served."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from artifacts.domain import media as media_rules
from artifacts.domain import model
from artifacts.domain.access import DENIED, Action, Viewer, check
from artifacts.domain.events import ArtifactAdded, ArtifactMediaUploaded
from artifacts.domain.media import original_key
from artifacts.domain.model import Artifact, Origin, Version, VersionInput
from artifacts.service_layer.media import Media
from artifacts.service_layer.unit_of_work import UowFactory
from chassis.calendar import DistrictCalendar
from chassis.errors import Conflict, FieldProblem, PermissionDenied
from chassis.ids import new_id
from chassis.media import UploadTarget
from chassis.records_request import stated_reason
from chassis.roster_replica.owner import decide

IMPORTED = "imported"        # the added_by_role of imported history


@dataclass(frozen=True)
class ImportedArtifact:
    """One artifact of the sender's passport, its skills already mapped (``skill_ids`` local ones)."""

    origin: Origin
    title: str
    description: str
    kind: str
    skill_ids: list[str]
    created_at: dt.datetime
    content: VersionInput                 # the current version: a link, or the file about to be uploaded
    school_year_id: str = ""


@dataclass(frozen=True)
class ImportedSubmission:
    artifact: Artifact
    upload: UploadTarget | None = None
    resumed: bool = False                 # imported by an earlier run: nothing new recorded (upload: its file's)


class HistoryImport:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, media: Media) -> None:
        self.uow_factory, self.calendar, self.media = uow_factory, calendar, media

    def import_artifact(self, viewer: Viewer, student_id: str, imported: ImportedArtifact,
                        reason: str) -> ImportedSubmission:
        """Record one imported artifact, version 1 as the sender's current one, and its upload target (files).

        Once per origin: an artifact the student already holds from the same district and ref is not recorded again
        (an import run again after a failure resumes), and gets a fresh upload target if its file never arrived."""
        problems = model.title_problems(imported.title) + model.description_problems(imported.description)
        kind = model.kind_of(imported.kind, problems)
        if kind is not None:
            problems += media_rules.version_problems(kind, imported.content, self.media.limit(kind))
        if not imported.origin.district_id or not imported.origin.ref:
            problems.append(FieldProblem("origin", "name the sending district and its artifact id"))
        problems += model.origin_year_problems(imported.origin)
        model.raise_if(problems, "the imported artifact is not valid")
        now = self.calendar.clock()
        with self.uow_factory() as uow:
            today = self.calendar.day_of(now)
            relation = uow.replicas.relation(viewer.subject, student_id, today, viewer.roles)
            role = decide(uow.roster, viewer, student_id, today, relation,
                          lambda known: check(viewer, Action.IMPORT, student_id, known))
            reason = stated_reason(role, reason)
            earlier = uow.artifacts.imported(student_id, imported.origin.district_id, imported.origin.ref,
                                             for_update=True)
            if earlier is not None:
                return self._resume(uow, viewer, earlier, imported.content, reason)
            artifact = Artifact(
                id=new_id(now), student_id=student_id, added_by=viewer.subject, added_by_role=IMPORTED,
                title=imported.title, description=imported.description, kind=kind,
                skill_ids=list(dict.fromkeys(imported.skill_ids)), school_year_id=imported.school_year_id,
                school_id="", status=model.initial_status(kind), created_at=imported.created_at, updated_at=now,
                link_url=imported.content.link_url, origin=imported.origin)
            uow.artifacts.add(artifact)
            uow.artifacts.add_version(artifact.id, Version(
                number=1, media_key="" if kind is model.Kind.LINK else original_key(artifact.id, 1),
                link_url=imported.content.link_url, size_bytes=imported.content.size_bytes,
                content_type=imported.content.content_type, created_by=viewer.subject,
                created_at=imported.created_at, file_name=imported.content.file_name))
            upload = None if kind is model.Kind.LINK else self.media.upload_target(artifact.id, 1, kind,
                                                                                     imported.content)
            try:
                if upload is not None:
                    uow.media.add(artifact.id, 1, upload.upload_id, upload.expires_at)
                uow.audit(viewer, "ImportArtifact", [student_id], {
                    "artifact_id": artifact.id, "reason": reason, "origin_district_id": imported.origin.district_id,
                    "origin_ref": imported.origin.ref})
                uow.raise_event(ArtifactAdded.of(artifact))
                uow.commit()
            except IntegrityError:
                if upload is not None:
                    self.media.abandon(upload)
                raise Conflict(f"artifact {imported.origin.ref!r} of {imported.origin.district_name or 'that district'} "
                               "is being imported for this student by another request") from None
            except BaseException:
                if upload is not None:
                    self.media.abandon(upload)
                raise
        return ImportedSubmission(artifact, upload)

    def _resume(self, uow, viewer: Viewer, artifact: Artifact, content: VersionInput, reason: str
                ) -> ImportedSubmission:
        """An artifact an earlier run imported: done, or (its file never arrived) a fresh target for the same key.
        Only the officer who imported it completes its upload, so another officer's unfinished one is left as is."""
        record = uow.media.get(artifact.id, 1, for_update=True)
        if record is None or record.uploaded_at is not None or artifact.added_by != viewer.subject:
            return ImportedSubmission(artifact, resumed=True)
        self.media.abort_unfinished(artifact.id, 1, record)
        upload = self.media.upload_target(artifact.id, 1, artifact.kind, content)
        try:
            uow.media.restart_upload(artifact.id, 1, upload.upload_id, upload.expires_at)
            uow.audit(viewer, "ImportArtifact", [artifact.student_id], {
                "artifact_id": artifact.id, "reason": reason, "resumed": True,
                "origin_district_id": artifact.origin.district_id, "origin_ref": artifact.origin.ref})
            uow.commit()
        except BaseException:
            self.media.abandon(upload)
            raise
        return ImportedSubmission(artifact, upload, resumed=True)

    def complete_upload(self, viewer: Viewer, artifact_id: str, part_etags: list[str] = ()) -> Artifact:
        """The imported file's bytes are in the store: announce them to the media role (which checks them before
        any is served). The importing privacy officer only; calling it again changes nothing."""
        with self.uow_factory() as uow:
            artifact = uow.artifacts.get(artifact_id, for_update=True)
            if artifact is None or artifact.origin is None or artifact.added_by != viewer.subject:
                raise PermissionDenied(DENIED)
            today = self.calendar.today()
            relation = uow.replicas.relation(viewer.subject, artifact.student_id, today, viewer.roles)
            decide(uow.roster, viewer, artifact.student_id, today, relation,
                   lambda known: check(viewer, Action.IMPORT, artifact.student_id, known))
            record = uow.media.get(artifact.id, 1, for_update=True)
            if record is None or record.uploaded_at is not None:
                return artifact
            key = original_key(artifact.id, 1)
            self.media.finish_upload(key, record.upload_id, list(part_etags))
            uow.media.mark_uploaded(artifact.id, 1, self.calendar.clock())
            uow.audit(viewer, "CompleteImportedUpload", [artifact.student_id], {"artifact_id": artifact.id})
            uow.raise_event(ArtifactMediaUploaded(artifact_id=artifact.id, version=1, media_key=key,
                                                  kind=artifact.kind.value))
            uow.commit()
        return artifact
