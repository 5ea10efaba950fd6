"""Artifact write use cases: create, update, add a version, delete, and the media worker's verdict.

Each checks access from the roster replica, validates everything before writing, audits changes made by
anyone other than the student, and raises its events, all in one transaction.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Callable

from chassis.errors import Conflict, FieldProblem, NotFound, PermissionDenied

from artifacts.domain import model
from artifacts.domain.access import DENIED, SERVICE, Action, Viewer, check, is_audited
from artifacts.domain.events import (ArtifactAdded, ArtifactDeleted, ArtifactMediaReady, ArtifactMediaRejected,
                                     ArtifactUpdated)
from artifacts.domain.model import Artifact, Kind, Status, Version, VersionInput
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork, UowFactory

UPDATABLE = ("title", "description", "skill_ids", "school_year_id")
Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class DistrictCalendar:
    """Now (UTC, from the clock) and today in the district's time zone, which decides who teaches whom."""

    def __init__(self, clock: Clock = utc_now, zone: dt.tzinfo = dt.timezone.utc) -> None:
        self.clock, self.zone = clock, zone

    def day_of(self, moment: dt.datetime) -> dt.date:
        return moment.astimezone(self.zone).date()

    def today(self) -> dt.date:
        return self.day_of(self.clock())


@dataclass(frozen=True)
class NewArtifact:
    student_id: str
    title: str
    description: str
    kind: str
    skill_ids: list[str]
    content: VersionInput
    school_year_id: str = ""


def changed(event_type, a: Artifact):
    return event_type(artifact_id=a.id, student_id=a.student_id, skill_ids=list(a.skill_ids), school_id=a.school_id,
                      school_year_id=a.school_year_id, kind=a.kind.value, added_by=a.added_by,
                      added_by_role=a.added_by_role, status=a.status.value, version=a.current_version)


class ArtifactCommands:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar | None = None) -> None:
        self.uow_factory, self.calendar = uow_factory, calendar or DistrictCalendar()
        self.clock = self.calendar.clock

    def _editable(self, uow: ArtifactsUnitOfWork, viewer: Viewer, artifact_id: str) -> Artifact:
        """The live artifact, locked, if the viewer may change it; one PermissionDenied for missing or refused."""
        artifact = uow.artifacts.get(artifact_id, for_update=True)
        if artifact is None:
            raise PermissionDenied(DENIED)
        relation = uow.replicas.relation(viewer.subject, artifact.student_id, self.calendar.today())
        check(viewer, Action.CHANGE, artifact.student_id, relation, artifact.added_by)
        return artifact

    def _finish(self, uow: ArtifactsUnitOfWork, viewer: Viewer, action: str, artifact: Artifact, event) -> None:
        if is_audited(viewer, artifact.student_id):
            uow.audit(viewer, action, [artifact.student_id], {"artifact_id": artifact.id})
        uow.raise_event(event)
        uow.commit()

    def create(self, viewer: Viewer, new: NewArtifact) -> Artifact:
        problems = model.title_problems(new.title) + model.description_problems(new.description)
        skill_ids = model.clean_skill_ids(new.skill_ids, problems)
        if not new.student_id:
            problems.append(FieldProblem("student_id", "required"))
        kind = model.kind_of(new.kind, problems)
        if kind is not None:
            problems += model.version_problems(kind, new.content)
        model.raise_if(problems)
        now = self.clock()
        with self.uow_factory() as uow:
            relation = uow.replicas.relation(viewer.subject, new.student_id, self.calendar.day_of(now))
            role = check(viewer, Action.ADD, new.student_id, relation)
            artifact = Artifact(
                id=str(uuid.uuid4()), student_id=new.student_id, added_by=viewer.subject, added_by_role=role,
                title=new.title, description=new.description, kind=kind, skill_ids=skill_ids,
                school_year_id=new.school_year_id or uow.replicas.current_school_year(new.student_id, self.calendar.day_of(now)),
                school_id=uow.replicas.primary_school(new.student_id), status=model.initial_status(kind),
                created_at=now, updated_at=now, link_url=new.content.link_url)
            uow.artifacts.add(artifact)
            uow.artifacts.add_version(artifact.id, self._version(1, new.content, viewer, now))
            self._finish(uow, viewer, "CreateArtifact", artifact, changed(ArtifactAdded, artifact))
        return artifact

    @staticmethod
    def _version(number: int, content: VersionInput, viewer: Viewer, now: dt.datetime) -> Version:
        return Version(number=number, media_key=content.media_key, link_url=content.link_url,
                       size_bytes=content.size_bytes, content_type=content.content_type, created_by=viewer.subject,
                       created_at=now)

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
            for name, value in fields.items():
                setattr(artifact, name, value)
            artifact.updated_at = self.clock()
            uow.artifacts.save(artifact)
            if "skill_ids" in fields:
                uow.artifacts.set_skills(artifact.id, artifact.skill_ids)
            self._finish(uow, viewer, "UpdateArtifact", artifact, changed(ArtifactUpdated, artifact))
        return artifact

    def add_version(self, viewer: Viewer, artifact_id: str, content: VersionInput) -> Artifact:
        """A resubmission: a new immutable version becomes current; media goes back to processing."""
        with self.uow_factory() as uow:
            artifact = self._editable(uow, viewer, artifact_id)
            model.raise_if(model.version_problems(artifact.kind, content), "the new version is not valid")
            now = self.clock()
            artifact.current_version += 1
            artifact.status, artifact.rejection_reason = model.initial_status(artifact.kind), ""
            artifact.link_url, artifact.updated_at = content.link_url, now
            uow.artifacts.add_version(artifact.id, self._version(artifact.current_version, content, viewer, now))
            uow.artifacts.save(artifact)
            self._finish(uow, viewer, "AddVersion", artifact, changed(ArtifactUpdated, artifact))
        return artifact

    def delete(self, viewer: Viewer, artifact_id: str) -> None:
        """Soft delete: the row stays (audited, recoverable by operators); it leaves every read and list."""
        with self.uow_factory() as uow:
            artifact = self._editable(uow, viewer, artifact_id)
            artifact.deleted_at = artifact.updated_at = self.clock()
            uow.artifacts.save(artifact)
            uow.audit(viewer, "DeleteArtifact", [artifact.student_id], {"artifact_id": artifact.id})
            uow.raise_event(ArtifactDeleted(artifact_id=artifact.id))
            uow.commit()

    def mark_media_result(self, viewer: Viewer, artifact_id: str, version: int, result: str,
                          reason: str = "") -> Artifact:
        """The media worker's verdict on a version's bytes (service principals only; current version only)."""
        if SERVICE not in viewer.roles:
            raise PermissionDenied("only the media worker may record media results")
        problems = [] if result in (Status.READY, Status.REJECTED) else [
            FieldProblem("result", "must be ready or rejected")]
        if result == Status.REJECTED and not reason.strip():
            problems.append(FieldProblem("reason", "say why the media was rejected"))
        model.raise_if(problems, "not a valid media result")
        with self.uow_factory() as uow:
            artifact = uow.artifacts.get(artifact_id, for_update=True)
            if artifact is None or artifact.kind is Kind.LINK:
                raise NotFound("no media artifact with that id")
            if version != artifact.current_version:
                raise Conflict(f"version {version} is not the current version ({artifact.current_version})")
            artifact.status = Status(result)
            artifact.rejection_reason = reason if artifact.status is Status.REJECTED else ""
            artifact.updated_at = self.clock()
            uow.artifacts.save(artifact)
            uow.audit(viewer, "MarkMediaResult", [artifact.student_id],
                      {"artifact_id": artifact.id, "version": version, "result": result})
            uow.raise_event(ArtifactMediaReady(artifact_id=artifact.id, version=version)
                            if artifact.status is Status.READY else
                            ArtifactMediaRejected(artifact_id=artifact.id, version=version, reason=reason))
            uow.raise_event(changed(ArtifactUpdated, artifact))
            uow.commit()
        return artifact
