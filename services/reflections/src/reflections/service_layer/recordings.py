"""Audio and video reflections: add one or a new revision of one (an upload target for the file), and complete
the upload (announce ``reflection_media_uploaded`` to the events role, which checks the bytes: media_checks.py).

Same rules as text reflections (only the artifact's student; audited otherwise), and the same presigned-media
contract as artifacts: the bytes go straight to the store; a multipart upload created for a transaction that then
fails is aborted.
"""
from __future__ import annotations

import contextlib
import dataclasses
import uuid
from dataclasses import dataclass

from chassis.calendar import DistrictCalendar
from chassis.errors import Conflict, FieldProblem, NotFound
from chassis.media import UploadTarget
from reflections.domain import model
from reflections.domain.access import Action, Viewer, is_audited
from reflections.domain.events import ReflectionAdded, ReflectionEdited, ReflectionMediaUploaded
from reflections.domain.media import PROCESSING, RECORDING_KINDS, MediaFile, media_file_problems, original_key
from reflections.domain.model import Reflection, Revision, RevisionMedia
from reflections.service_layer.artifact_owner import student_of
from reflections.service_layer.commands import guided_prompt_text, own_reflection, standing
from reflections.service_layer.media import ReflectionMedia
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory


@dataclass(frozen=True)
class Submitted:
    """A reflection with a new audio/video revision, and where to send its file."""

    reflection: Reflection
    upload: UploadTarget


class RecordingCommands:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, media: ReflectionMedia) -> None:
        self.uow_factory, self.calendar, self.media = uow_factory, calendar, media

    def _validate(self, media: MediaFile, caption: str) -> None:
        problems = media_file_problems(media, self.media.limits.for_kind(media.kind)
                                       if media.kind in RECORDING_KINDS else 0)
        model.require(model.caption_problem(caption), *problems)

    def _revision(self, reflection_id: str, number: int, media: MediaFile, caption: str):
        target = self.media.upload_target(reflection_id, number, media)
        stored = RevisionMedia(media.file_name, media.content_type, media.size_bytes, upload_id=target.upload_id,
                               upload_expires_at=target.expires_at)
        return Revision(number, caption, self.calendar.clock(), media.kind, stored), target

    def add(self, viewer: Viewer, artifact_id: str, media: MediaFile, caption: str = "",
            prompt_id: str = "") -> Submitted:
        self._validate(media, caption)
        with self.uow_factory() as uow:
            student_id = student_of(uow, self.calendar.clock(), artifact_id)
            standing(uow, self.calendar, viewer, Action.REFLECT, student_id)
            prompt_text = guided_prompt_text(uow, prompt_id)
            reflection_id = str(uuid.uuid4())
            revision, target = self._revision(reflection_id, 1, media, caption)
            reflection = Reflection(reflection_id, artifact_id, student_id, prompt_id, [revision], prompt_text)
            with self._abandoned_on_failure(target):
                uow.records.add_reflection(reflection, revision.created_at)
                uow.keep_result(Submitted(reflection, target))
                self._finish(uow, viewer, "AddReflection", student_id, reflection_id,
                             ReflectionAdded(reflection_id, artifact_id, student_id, prompt_id, 1))
        return Submitted(reflection, target)

    def revise(self, viewer: Viewer, reflection_id: str, media: MediaFile, caption: str = "") -> Submitted:
        """A new immutable audio/video revision; earlier ones stay."""
        self._validate(media, caption)
        with self.uow_factory() as uow:
            current, student_id = own_reflection(uow, self.calendar, viewer, reflection_id)
            revision, target = self._revision(reflection_id, current.current_revision + 1, media, caption)
            with self._abandoned_on_failure(target):
                uow.records.add_revision(reflection_id, revision)
                self._finish(uow, viewer, "EditReflection", student_id, reflection_id,
                             ReflectionEdited(reflection_id, current.artifact_id, student_id, current.prompt_id,
                                              revision.number))
        return Submitted(dataclasses.replace(current, revisions=[*current.revisions, revision]), target)

    def complete_upload(self, viewer: Viewer, reflection_id: str, number: int, part_etags: list[str]) -> Reflection:
        """The student's bytes are in the store: finish a multipart upload, check the object exists (stat only)
        and announce ``reflection_media_uploaded``. Calling it again changes nothing."""
        with self.uow_factory() as uow:
            current, student_id = own_reflection(uow, self.calendar, viewer, reflection_id)
            revision = uow.media.revision(reflection_id, number, for_update=True)
            if revision is None:
                raise NotFound(f"revision: reflection {reflection_id!r} has no audio or video revision {number}",
                               [FieldProblem("revision", "is not an audio or video revision of this reflection")])
            if revision.media.uploaded:
                return current
            if revision.media.status != PROCESSING:
                raise Conflict("this upload was not completed before its upload link expired; record it again")
            key = original_key(reflection_id, number)
            self.media.finish_upload(key, revision.media.upload_id, part_etags)
            uow.media.mark_uploaded(reflection_id, number, self.calendar.clock())
            completed = uow.records.reflection(reflection_id)
            self._finish(uow, viewer, "CompleteReflectionUpload", student_id, reflection_id,
                         ReflectionMediaUploaded(reflection_id, number, current.artifact_id, student_id, key,
                                                 revision.kind))
        return completed

    @staticmethod
    def _finish(uow: ReflectionsUnitOfWork, viewer: Viewer, action: str, student_id: str, reflection_id: str,
                event) -> None:
        if is_audited(viewer, student_id):
            uow.audit(viewer, action, [student_id], {"reflection_id": reflection_id})
        uow.raise_event(event)
        uow.commit()

    @contextlib.contextmanager
    def _abandoned_on_failure(self, target: UploadTarget):
        """Abort the multipart upload created for a transaction that then failed."""
        try:
            yield
        except BaseException:
            self.media.abandon(target)
            raise
