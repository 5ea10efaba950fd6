"""Audio and video reflections from the gateway's side: declare the file (AddReflection/EditReflection with a
``media`` file) to get where its bytes go, then complete the upload; the reflections service's events role checks
the bytes and marks the revision ready or rejected. Bytes never pass through here."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.context import Principal
from gateway.clients.backends import Backends
from skillfolio.reflections.v1 import reflections_pb2 as pb


@dataclass(frozen=True)
class Recording:
    """The audio or video file a student is about to upload."""

    kind: str            # audio | video
    file_name: str
    content_type: str
    size_bytes: int

    def message(self) -> pb.MediaFile:
        return pb.MediaFile(kind=self.kind, file_name=self.file_name, content_type=self.content_type,
                            size_bytes=self.size_bytes)


async def add(backends: Backends, principal: Principal, artifact_id: str, recording: Recording, caption: str = "",
              prompt_id: str = "") -> pb.AddReflectionResponse:
    """A new reflection whose first revision is ``recording`` (``reply.upload``: where to send its bytes)."""
    return await backends.reflections.add_reflection(principal, pb.AddReflectionRequest(
        artifact_id=artifact_id, text=caption, prompt_id=prompt_id, media=recording.message()))


async def revise(backends: Backends, principal: Principal, reflection_id: str, recording: Recording,
                 caption: str = "") -> pb.EditReflectionResponse:
    """A new audio/video revision of a reflection; the earlier revisions stay in its history."""
    return await backends.reflections.edit_reflection(principal, pb.EditReflectionRequest(
        reflection_id=reflection_id, text=caption, media=recording.message()))


async def complete(backends: Backends, principal: Principal, reflection_id: str, revision: int,
                   part_etags: list[str]) -> pb.Reflection:
    """The bytes are in the store (multipart: with the parts' ETags in order); the check starts."""
    reply = await backends.reflections.complete_reflection_upload(principal, pb.CompleteReflectionUploadRequest(
        reflection_id=reflection_id, revision=revision, part_etags=part_etags))
    return reply.reflection
