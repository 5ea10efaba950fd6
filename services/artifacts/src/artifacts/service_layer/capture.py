"""Class-wide capture: a current teacher of a section adds one file to many of its students at once. Each student
gets their own artifact (audited per student, its own events); all share ONE media object, uploaded once to one
target and checked once by the media worker (capture_media.py), whose bytes go only with the last reference."""
from __future__ import annotations

from dataclasses import dataclass, field

from artifacts.adapters.media_objects import MediaObject, Reference
from artifacts.domain import capture as rules
from artifacts.domain import media as media_rules
from artifacts.domain import model
from artifacts.domain.access import Action
from artifacts.domain.access import check as check_student
from artifacts.domain.capture import CaptureAction, Recipient
from artifacts.domain.events import ArtifactAdded, ArtifactMediaUploaded
from artifacts.domain.model import Artifact, Kind, Status, Version, VersionInput
from artifacts.service_layer.commands import _check_tags
from artifacts.service_layer.media import Media
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork, UowFactory
from chassis.access import Viewer
from chassis.calendar import DistrictCalendar
from chassis.errors import Conflict, FieldProblem, PermissionDenied
from chassis.ids import new_id
from chassis.media import UploadTarget


@dataclass(frozen=True)
class NewCapture:
    section_id: str
    title: str
    description: str
    kind: str
    skill_ids: list[str]
    content: VersionInput
    recipients: list[Recipient]


@dataclass(frozen=True)
class CaptureView:
    """The shared object and every artifact referring to it (the page's progress per student)."""

    object: MediaObject
    references: list[Reference] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.object.id

    @property
    def status(self) -> str:
        if self.object.stored.verdict:
            return self.object.stored.verdict
        return "processing" if self.object.uploaded_at else "uploading"

    @property
    def live_references(self) -> int:
        return sum(1 for r in self.references if not r.deleted)


@dataclass(frozen=True)
class CaptureSubmission:
    capture: CaptureView
    upload: UploadTarget


class CaptureCommands:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, media: Media) -> None:
        self.uow_factory, self.calendar, self.media = uow_factory, calendar, media

    def _owned(self, uow: ArtifactsUnitOfWork, viewer: Viewer, capture_id: str, action: CaptureAction,
               for_update: bool = False) -> MediaObject:
        """The viewer's own capture in a section they teach now; one PermissionDenied for missing or refused."""
        found = uow.media_objects.get(capture_id, for_update=for_update)
        if found is None:
            raise PermissionDenied(rules.DENIED)
        rules.check(viewer, action, uow.replicas.teaches_section_now(viewer.subject, found.section_id,
                                                                     self.calendar.today()), found.created_by)
        return found

    def create(self, viewer: Viewer, new: NewCapture) -> CaptureSubmission:
        problems = model.title_problems(new.title) + model.description_problems(new.description)
        skill_ids = model.clean_skill_ids(new.skill_ids, problems)
        kind = model.kind_of(new.kind, problems)
        if kind is Kind.LINK:
            problems.append(FieldProblem("kind", "a class capture shares a file, not a link"))
        elif kind is not None:
            problems += media_rules.version_problems(kind, new.content, self.media.limit(kind))
        now = self.calendar.clock()
        today = self.calendar.day_of(now)
        with self.uow_factory() as uow:
            rules.check(viewer, CaptureAction.CAPTURE,
                        uow.replicas.teaches_section_now(viewer.subject, new.section_id, today))
            problems += rules.recipient_problems(new.recipients, uow.replicas.students_now(new.section_id, today))
            model.raise_if(problems, "the class capture is not valid")
            object_id = new_id(now)
            key = rules.object_key(object_id)
            for school_id in {uow.replicas.primary_school(r.student_id) for r in new.recipients}:
                _check_tags(uow, skill_ids, school_id)
            target = self.media.target(key, kind.value, new.content.content_type, new.content.size_bytes)
            shared = MediaObject(object_id, new.section_id, kind.value, new.title, key, new.content.file_name,
                                 new.content.content_type, new.content.size_bytes, target.upload_id or "",
                                 viewer.subject, now)
            try:
                uow.media_objects.add(shared, target.expires_at)
                for recipient in new.recipients:
                    self._add_for(uow, viewer, new, recipient, kind, skill_ids, shared, today)
                view = CaptureView(shared, uow.media_objects.references(object_id))
                uow.keep_result(CaptureSubmission(view, target))
                uow.commit()
            except BaseException:
                self.media.abandon(target)
                raise
        return CaptureSubmission(view, target)

    def _add_for(self, uow: ArtifactsUnitOfWork, viewer: Viewer, new: NewCapture, recipient: Recipient, kind: Kind,
                 skill_ids: list[str], shared: MediaObject, today) -> None:
        """One student's own artifact over the shared object: checked, added, audited, announced."""
        student_id = recipient.student_id
        role = check_student(viewer, Action.ADD, student_id, uow.replicas.relation(viewer.subject, student_id, today))
        artifact = Artifact(
            id=new_id(shared.created_at), student_id=student_id, added_by=viewer.subject, added_by_role=role,
            title=new.title, description=rules.description_with_note(new.description, recipient.note), kind=kind,
            skill_ids=skill_ids, school_year_id=uow.replicas.current_school_year(student_id, today),
            school_id=uow.replicas.primary_school(student_id), status=Status.PROCESSING,
            created_at=shared.created_at, updated_at=shared.created_at)
        uow.artifacts.add(artifact)
        uow.artifacts.add_version(artifact.id, Version(
            number=1, media_key=shared.media_key, link_url="", size_bytes=new.content.size_bytes,
            content_type=new.content.content_type, created_by=viewer.subject, created_at=shared.created_at,
            file_name=new.content.file_name))
        uow.media.add(artifact.id, 1, media_object_id=shared.id)
        uow.audit(viewer, "CaptureArtifact", [student_id], {"artifact_id": artifact.id, "capture_id": shared.id,
                                                            "section_id": shared.section_id})
        uow.raise_event(ArtifactAdded.of(artifact))

    def complete_upload(self, viewer: Viewer, capture_id: str, part_etags: list[str]) -> CaptureView:
        """The shared bytes are in the store: finish a multipart upload, check the object exists (stat only) and
        announce it ONCE for the media worker. Calling it again changes nothing."""
        with self.uow_factory() as uow:
            shared = self._owned(uow, viewer, capture_id, CaptureAction.CAPTURE, for_update=True)
            references = uow.media_objects.references(capture_id)
            if shared.uploaded_at is None:
                if shared.stored.verdict:
                    raise Conflict("this upload was not completed before its upload link expired; capture again")
                live = [r for r in references if not r.deleted]
                self.media.finish_upload(shared.media_key, shared.upload_id, part_etags)
                uow.media_objects.mark_uploaded(capture_id, self.calendar.clock())
                uow.audit(viewer, "CompleteCaptureUpload", [r.student_id for r in live], {"capture_id": capture_id})
                uow.raise_event(ArtifactMediaUploaded(
                    artifact_id=live[0].artifact_id if live else "", version=1, media_key=shared.media_key,
                    kind=shared.kind, media_object_id=capture_id))
                shared = uow.media_objects.get(capture_id)
            uow.commit()
        return CaptureView(shared, references)

    def get(self, viewer: Viewer, capture_id: str) -> CaptureView:
        """Where the capture stands, for the teacher who made it while they teach the section (audited per student)."""
        with self.uow_factory() as uow:
            shared = self._owned(uow, viewer, capture_id, CaptureAction.VIEW)
            references = uow.media_objects.references(capture_id)
            uow.audit(viewer, "GetCapture", [r.student_id for r in references], {"capture_id": capture_id})
            uow.commit()
        return CaptureView(shared, references)

    def recent(self, viewer: Viewer, section_id: str, limit: int = 20) -> list[CaptureView]:
        """The viewer's newest captures in a section they teach now (audited for every student they name)."""
        with self.uow_factory() as uow:
            rules.check(viewer, CaptureAction.VIEW,
                        uow.replicas.teaches_section_now(viewer.subject, section_id, self.calendar.today()))
            views = [CaptureView(o, uow.media_objects.references(o.id))
                     for o in uow.media_objects.recent(section_id, viewer.subject, max(1, min(limit or 20, 20)))]
            uow.audit(viewer, "ListCaptures", [r.student_id for v in views for r in v.references],
                      {"section_id": section_id})
            uow.commit()
        return views
