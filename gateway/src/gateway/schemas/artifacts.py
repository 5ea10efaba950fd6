"""The REST API's artifact shapes: request bodies (validated, documented in /docs) and responses built from the
artifacts service's protobuf messages (skillfolio.artifacts.v1)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from gateway.schemas.common import MAX_INT, Count, FromProto, Id, text
from skillfolio.artifacts.v1 import artifacts_pb2 as pb
from skillfolio.media.v1 import media_pb2

Kind = Literal["document", "image", "link", "audio", "video", "other"]


class Body(BaseModel):
    """A request body: unknown fields are refused by name rather than silently ignored."""

    model_config = ConfigDict(extra="forbid")


class FileInfo(Body):
    """The file the client is about to upload (its bytes go to the returned UploadTarget, not to this API)."""

    name: str = Field(min_length=1, max_length=255, description="The file's name, shown and used for downloads.")
    content_type: str = Field("", max_length=255, description="The browser's type for the file (empty: "
                                                             "application/octet-stream).")
    size_bytes: int = Field(ge=1, le=MAX_INT,
                            description="The file's size; above the kind's limit is refused before upload.")


class NewVersion(Body):
    """A version's content: ``link_url`` for a link artifact, ``file`` for every other kind."""

    link_url: str = Field("", max_length=4096)
    file: FileInfo | None = None

class NewArtifact(NewVersion):
    title: str = text(1000)
    description: str = Field("", max_length=20000)
    kind: Kind
    skill_ids: list[Id] = Field(min_length=1, max_length=200, description="At least one skill id.")
    school_year_id: str = Field("", max_length=64, description="Empty: the student's current school year.")


class ArtifactChanges(Body):
    """Only the fields sent change (at least one)."""

    title: str = text(1000, None)
    description: str = Field(None, max_length=20000)
    skill_ids: list[Id] = Field(None, min_length=1, max_length=200)
    school_year_id: str = Field(None, max_length=64)


class CompleteUpload(Body):
    part_etags: list[str] = Field(default_factory=list, max_length=10000,
                                  description="Multipart uploads only: each part's ETag, in part order.")


class Version(FromProto):
    number: Count
    file_name: str
    size_bytes: Count
    content_type: str
    link_url: str
    created_by: str
    created_at: str
    download_url: str = Field(description="Ready media only: a short-lived link to download this version.")


class Origin(FromProto):
    """Imported history: another district's artifact, read-only here."""

    district_id: str = Field(description="The sending district's did:web.")
    district_name: str = Field(description='Shown as "from <district_name>".')
    ref: str = Field(description="Its id in the sending district.")
    skill_labels: list[str] = Field(description='Its skills with no match here: "<name> (from <district>)".')
    school_year: str = Field("", description="The sender's school year it was made in, as titled there.")
    school_year_start: str = Field("", description="That year's first day (YYYY-MM-DD): where the growth view "
                                                   "places it.")


def origin_json(msg: pb.Artifact) -> dict | None:
    if not msg.HasField("origin"):
        return None
    o = msg.origin
    return {"district_id": o.district_id, "district_name": o.district_name, "ref": o.ref,
            "skill_labels": list(o.skill_labels), "school_year": o.school_year,
            "school_year_start": o.school_year_start}


class Artifact(FromProto):
    id: str
    student_id: str
    title: str
    description: str
    kind: str = Field(description="document | image | link | audio | video | other")
    link_url: str
    skill_ids: list[str]
    school_year_id: str
    school_id: str
    status: str = Field(description="processing | ready | rejected | expired (its media removed under the "
                                    "district's retention schedule; the record stays)")
    rejection_reason: str
    added_by: str
    added_by_role: str = Field(description="student | teacher")
    created_at: str
    updated_at: str
    current_version: Count
    thumbnail_url: str = Field(description="Ready images: a short-lived link to a WebP thumbnail.")
    media_url: str = Field(description="Ready media: a short-lived link to the current version, inline.")
    versions: list[Version] = Field(description="Newest first; filled on GET /api/v1/artifacts/{id} only.")
    origin: Origin | None = Field(None, description="Imported history from another district (read-only), or null.")

    @classmethod
    def of(cls, msg: pb.Artifact) -> Artifact:
        return super().of(msg, versions=[Version.of(v) for v in msg.versions], origin=origin_json(msg))


def artifact_json(a: pb.Artifact) -> dict:
    """The :class:`Artifact` JSON of ``a`` built straight from the message (lists: no model to validate and dump
    again per item); gateway/tests/test_gateway_artifact_json.py checks it equals ``Artifact.of(a).model_dump()``."""
    return {"id": a.id, "student_id": a.student_id, "title": a.title, "description": a.description, "kind": a.kind,
            "link_url": a.link_url, "skill_ids": list(a.skill_ids), "school_year_id": a.school_year_id,
            "school_id": a.school_id, "status": a.status, "rejection_reason": a.rejection_reason,
            "added_by": a.added_by, "added_by_role": a.added_by_role, "created_at": a.created_at,
            "updated_at": a.updated_at, "current_version": a.current_version, "thumbnail_url": a.thumbnail_url,
            "media_url": a.media_url, "versions": [
                {"number": v.number, "file_name": v.file_name, "size_bytes": v.size_bytes,
                 "content_type": v.content_type, "link_url": v.link_url, "created_by": v.created_by,
                 "created_at": v.created_at, "download_url": v.download_url} for v in a.versions],
            "origin": origin_json(a)}


class UploadTarget(BaseModel):
    """Where to send the bytes: the PUT, POST and MULTIPART recipes are in protos/skillfolio/media/v1/media.proto."""

    method: str = Field(description="PUT | POST | MULTIPART")
    url: str
    headers: dict[str, str]
    fields: dict[str, str]
    max_bytes: Count = Field(description="The declared size: the store accepts no more (where it can), and the "
                                         "media check rejects any other stored size")
    expires_at: str
    upload_id: str
    part_size: Count
    part_urls: list[str]

    @classmethod
    def of(cls, msg: media_pb2.UploadTarget) -> UploadTarget:
        return cls(method=msg.method, url=msg.url, headers=dict(msg.headers), fields=dict(msg.fields),
                   max_bytes=msg.max_bytes, expires_at=msg.expires_at, upload_id=msg.upload_id,
                   part_size=msg.part_size, part_urls=list(msg.part_urls))


class Created(BaseModel):
    """A new artifact or version, and where to upload its file (null for links)."""

    artifact: Artifact
    upload: UploadTarget | None

    @classmethod
    def of(cls, reply) -> Created:
        return cls(artifact=Artifact.of(reply.artifact),
                   upload=UploadTarget.of(reply.upload) if reply.HasField("upload") else None)
