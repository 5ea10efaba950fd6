"""Artifact write use cases: create, update, add a version, complete its upload, delete, and media verdicts.

Each checks access from the roster replica (asking the roster before refusing for want of a relation), validates everything before writing, audits changes made by
anyone other than the student, and raises its events, all in one transaction. Media versions get an upload
target straight to the blob store; the bytes never pass through here.
"""
from __future__ import annotations

from dataclasses import dataclass

from artifacts.domain import media as media_rules
from artifacts.domain import model
from artifacts.domain.access import DENIED, SERVICE, Action, Viewer, check, is_audited
from artifacts.domain.events import ArtifactAdded, ArtifactDeleted, ArtifactMediaUploaded, ArtifactUpdated
from artifacts.domain.media import original_key
from artifacts.domain.model import Artifact, Kind, Version, VersionInput
from artifacts.service_layer.capture_media import discard_bytes, release_references
from artifacts.service_layer.media import Media
from artifacts.service_layer.media_results import apply_media_result, media_result_problems
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork, UowFactory
from chassis.calendar import Clock, DistrictCalendar, utc_now  # noqa: F401 (re-exported)
from chassis.errors import Conflict, FieldProblem, InvalidArgument, NotFound, PermissionDenied
from chassis.ids import new_id
from chassis.media import UploadTarget
from chassis.roster_replica.owner import decide

UPDATABLE = ("title", "description", "skill_ids", "school_year_id")


@dataclass(frozen=True)
class NewArtifact:
    student_id: str
    title: str
    description: str
    kind: str
    skill_ids: list[str]
    content: VersionInput
    school_year_id: str = ""


@dataclass(frozen=True)
class Submission:
    """A created artifact or new version, and where to upload its bytes (None for links)."""

    artifact: Artifact
    upload: UploadTarget | None = None


def _check_tags(uow: ArtifactsUnitOfWork, skill_ids: list[str], school_id: str) -> None:
    """Tags are skills of the student's district (or the school's own): a 422 naming each one that is not."""
    foreign = uow.catalog.foreign_tags(skill_ids, school_id)
    model.raise_if([FieldProblem("skill_ids", f"{skill_id!r} {why}") for skill_id, why in foreign.items()],
                   "tag skills of the student's district")


class ArtifactCommands:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, media: Media) -> None:
        self.uow_factory, self.calendar, self.media = uow_factory, calendar, media
        self.clock = self.calendar.clock

    def _editable(self, uow: ArtifactsUnitOfWork, viewer: Viewer, artifact_id: str) -> Artifact:
        """The live artifact, locked, if the viewer may change it; one PermissionDenied for missing or refused."""
        artifact = uow.artifacts.get(artifact_id, for_update=True)
        if artifact is None:
            raise PermissionDenied(DENIED)
        today = self.calendar.today()
        relation = uow.replicas.relation(viewer.subject, artifact.student_id, today)
        action = Action.VIEW if artifact.origin is not None else Action.CHANGE
        decide(uow.roster, viewer, artifact.student_id, today, relation,
               lambda known: check(viewer, action, artifact.student_id, known, artifact.added_by))
        if artifact.origin is not None:        # whoever may see imported history is told it is read-only
            raise Conflict(f"imported history ({artifact.origin.label}) is read-only")
        return artifact

    def _finish(self, uow: ArtifactsUnitOfWork, viewer: Viewer, action: str, artifact: Artifact, event) -> None:
        if is_audited(viewer, artifact.student_id):
            uow.audit(viewer, action, [artifact.student_id], {"artifact_id": artifact.id})
        uow.raise_event(event)
        uow.commit()

    def _submit(self, uow: ArtifactsUnitOfWork, viewer: Viewer, action: str, artifact: Artifact, number: int,
                content: VersionInput, event) -> Submission:
        """Record version ``number`` and, for media, its upload target; commit (a failed commit drops the target)."""
        media = artifact.kind is not Kind.LINK
        uow.artifacts.add_version(artifact.id, Version(
            number=number, media_key=original_key(artifact.id, number) if media else "", link_url=content.link_url,
            size_bytes=content.size_bytes, content_type=content.content_type, created_by=viewer.subject,
            created_at=artifact.updated_at, file_name=content.file_name))
        target = self.media.upload_target(artifact.id, number, artifact.kind, content) if media else None
        try:
            if target is not None:
                uow.media.add(artifact.id, number, target.upload_id, target.expires_at)
            uow.keep_result(Submission(artifact, target))
            self._finish(uow, viewer, action, artifact, event)
        except BaseException:
            if target is not None:
                self.media.abandon(target)
            raise
        return Submission(artifact, target)

    def create(self, viewer: Viewer, new: NewArtifact) -> Submission:
        problems = model.title_problems(new.title) + model.description_problems(new.description)
        skill_ids = model.clean_skill_ids(new.skill_ids, problems)
        if not new.student_id:
            problems.append(FieldProblem("student_id", "required"))
        kind = model.kind_of(new.kind, problems)
        if kind is not None:
            problems += media_rules.version_problems(kind, new.content, self.media.limit(kind))
        model.raise_if(problems)
        now = self.clock()
        with self.uow_factory() as uow:
            today = self.calendar.day_of(now)
            relation = uow.replicas.relation(viewer.subject, new.student_id, today)
            role = decide(uow.roster, viewer, new.student_id, today, relation,
                          lambda known: check(viewer, Action.ADD, new.student_id, known))
            school_id = uow.replicas.primary_school(new.student_id)
            _check_tags(uow, skill_ids, school_id)
            artifact = Artifact(
                id=new_id(now), student_id=new.student_id, added_by=viewer.subject, added_by_role=role,
                title=new.title, description=new.description, kind=kind, skill_ids=skill_ids,
                school_year_id=new.school_year_id or uow.replicas.current_school_year(new.student_id, self.calendar.day_of(now)),
                school_id=school_id, status=model.initial_status(kind),
                created_at=now, updated_at=now, link_url=new.content.link_url)
            uow.artifacts.add(artifact)
            return self._submit(uow, viewer, "CreateArtifact", artifact, 1, new.content,
                                ArtifactAdded.of(artifact))

    def update(self, viewer: Viewer, artifact_id: str, fields: dict) -> Artifact:
        """Change only the named fields (title, description, skill_ids, school_year_id)."""
        unknown = sorted(set(fields) - set(UPDATABLE))
        problems = [FieldProblem("update_fields", f"cannot update {', '.join(unknown)}; only "
                                                  f"{', '.join(UPDATABLE)}")] if unknown else []
        if not fields:
            problems.append(FieldProblem("update_fields", f"name at least one of {', '.join(UPDATABLE)}"))
        if "title" in fields:
            problems += model.title_problems(fields["title"])
        if "description" in fields:
            problems += model.description_problems(fields["description"])
        if "skill_ids" in fields:
            fields = {**fields, "skill_ids": model.clean_skill_ids(fields["skill_ids"], problems)}
        model.raise_if(problems)
        with self.uow_factory() as uow:
            artifact = self._editable(uow, viewer, artifact_id)
            if "skill_ids" in fields:
                _check_tags(uow, fields["skill_ids"], artifact.school_id)
            for name, value in fields.items():
                setattr(artifact, name, value)
            artifact.updated_at = self.clock()
            uow.artifacts.save(artifact)
            if "skill_ids" in fields:
                uow.artifacts.set_skills(artifact.id, artifact.skill_ids)
            self._finish(uow, viewer, "UpdateArtifact", artifact, ArtifactUpdated.of(artifact))
        return artifact

    def add_version(self, viewer: Viewer, artifact_id: str, content: VersionInput) -> Submission:
        """A resubmission: a new immutable version becomes current; media goes back to processing; an unfinished
        multipart upload of the version it replaces is aborted (its parts would otherwise linger in the store)."""
        with self.uow_factory() as uow:
            artifact = self._editable(uow, viewer, artifact_id)
            model.raise_if(media_rules.version_problems(artifact.kind, content, self.media.limit(artifact.kind)),
                           "the new version is not valid")
            replaced = artifact.current_version, uow.media.get(artifact.id, artifact.current_version)
            artifact.current_version += 1
            artifact.status, artifact.rejection_reason = model.initial_status(artifact.kind), ""
            artifact.link_url, artifact.updated_at = content.link_url, self.clock()
            uow.artifacts.save(artifact)
            submitted = self._submit(uow, viewer, "AddVersion", artifact, artifact.current_version, content,
                                     ArtifactUpdated.of(artifact))
        self.media.abort_unfinished(artifact.id, *replaced)
        return submitted

    def complete_upload(self, viewer: Viewer, artifact_id: str, version: int, part_etags: list[str]) -> Artifact:
        """The client's bytes are in the store: finish a multipart upload, check the object exists (stat only),
        and announce ``artifact_media_uploaded`` for the media worker. Calling it again changes nothing."""
        with self.uow_factory() as uow:
            artifact = self._editable(uow, viewer, artifact_id)
            if artifact.kind is Kind.LINK:
                raise InvalidArgument("a link has no upload", [FieldProblem("artifact_id", "is a link artifact")])
            if version != artifact.current_version:
                raise Conflict(f"version {version} is not the current version ({artifact.current_version})")
            record = uow.media.get(artifact.id, version, for_update=True)
            if record is None or record.uploaded_at is not None:
                return artifact
            if record.stored.verdict:
                raise Conflict("this upload was not completed before its upload link expired; add a new version")
            key = original_key(artifact.id, version)
            self.media.finish_upload(key, record.upload_id, part_etags)
            uow.media.mark_uploaded(artifact.id, version, self.clock())
            self._finish(uow, viewer, "CompleteUpload", artifact, ArtifactMediaUploaded(
                artifact_id=artifact.id, version=version, media_key=key, kind=artifact.kind.value))
        return artifact

    def delete(self, viewer: Viewer, artifact_id: str) -> None:
        """Soft delete: the row stays (audited, recoverable by operators); it leaves every read and list. A shared
        (class capture) object's bytes are deleted with the last artifact referring to it."""
        with self.uow_factory() as uow:
            artifact = self._editable(uow, viewer, artifact_id)
            artifact.deleted_at = artifact.updated_at = self.clock()
            uow.artifacts.save(artifact)
            uow.audit(viewer, "DeleteArtifact", [artifact.student_id], {"artifact_id": artifact.id})
            uow.raise_event(ArtifactDeleted(artifact_id=artifact.id))
            released = release_references(uow, artifact.id, artifact.deleted_at)
            uow.commit()
        discard_bytes(self.media, released)          # a class capture's object: only once no artifact refers to it

    def mark_media_result(self, viewer: Viewer, artifact_id: str, version: int, result: str,
                          reason: str = "") -> Artifact:
        """The media worker's verdict on a version's bytes (service principals only; current version only)."""
        if SERVICE not in viewer.roles:
            raise PermissionDenied("only the media worker may record media results")
        model.raise_if(media_result_problems(result, reason), "not a valid media result")
        with self.uow_factory() as uow:
            artifact = uow.artifacts.get(artifact_id, for_update=True)
            if artifact is None or artifact.kind is Kind.LINK:
                raise NotFound("no media artifact with that id")
            if version != artifact.current_version:
                raise Conflict(f"version {version} is not the current version ({artifact.current_version})")
            apply_media_result(uow, viewer, artifact, version, result, reason, self.clock())
            uow.commit()
        return artifact
