"""The REST API's class-capture shapes: the request (one file, many students of a section) and the capture's state
per student, built from the artifacts service's CaptureService messages."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from gateway.schemas.artifacts import Body, FileInfo, UploadTarget
from gateway.schemas.common import Count, Id, text
from skillfolio.artifacts.v1 import capture_pb2 as cpb


class Recipient(Body):
    student_id: Id
    note: str = Field("", max_length=1000, description="This student's own note, added to their artifact's "
                                                       "description.")


class NewCapture(Body):
    """One file for many students of the section: each gets their own artifact sharing the one uploaded object."""

    title: str = text(1000)
    description: str = Field("", max_length=20000)
    kind: Literal["document", "image", "audio", "video", "other"]
    skill_ids: list[Id] = Field(min_length=1, max_length=200, description="Tagged once, on every artifact.")
    file: FileInfo
    recipients: list[Recipient] = Field(min_length=1, max_length=250,
                                        description="Students enrolled in the section today, each at most once.")


class CapturedArtifact(BaseModel):
    student_id: str
    artifact_id: str
    status: Literal["processing", "ready", "rejected", "deleted"]


class Capture(BaseModel):
    id: str = Field(description="The shared media object's id.")
    section_id: str
    title: str
    kind: str
    file_name: str
    status: Literal["uploading", "processing", "ready", "rejected"] = Field(
        description="The shared file: uploading (not completed), processing (being checked), ready or rejected.")
    created_by: str
    created_at: str
    live_references: Count = Field(description="Artifacts not deleted that show the file; its bytes go at 0.")
    artifacts: list[CapturedArtifact]

    @classmethod
    def of(cls, m: cpb.Capture) -> Capture:
        return cls(id=m.id, section_id=m.section_id, title=m.title, kind=m.kind, file_name=m.file_name,
                   status=m.status, created_by=m.created_by, created_at=m.created_at,
                   live_references=m.live_references,
                   artifacts=[CapturedArtifact(student_id=a.student_id, artifact_id=a.artifact_id, status=a.status)
                              for a in m.artifacts])


class CaptureCreated(BaseModel):
    """The capture, and where to upload its one file (then call complete)."""

    capture: Capture
    upload: UploadTarget

    @classmethod
    def of(cls, reply: cpb.CreateCaptureResponse) -> CaptureCreated:
        return cls(capture=Capture.of(reply.capture), upload=UploadTarget.of(reply.upload))
