"""Conversions from the reflections domain to its protobuf messages."""
from __future__ import annotations

import datetime as dt

from reflections.domain.amendments import Notes
from reflections.domain.media import MediaFile
from reflections.domain.model import Comment, Feedback, Prompt, Reflection, Revision
from skillfolio.reflections.v1 import reflections_pb2 as pb


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat()


def prompt(p: Prompt) -> pb.Prompt:
    return pb.Prompt(id=p.id, text=p.text, retired=p.retired)


def media_file(m: pb.MediaFile) -> MediaFile:
    return MediaFile(kind=m.kind, file_name=m.file_name, content_type=m.content_type, size_bytes=m.size_bytes)


def revision(v: Revision) -> pb.Revision:
    message = pb.Revision(number=v.number, text=v.text, created_at=_iso(v.created_at), kind=v.kind)
    if v.media is not None:
        m = v.media
        message.MergeFrom(pb.Revision(media_status=m.status, media_url=m.url, rejection_reason=m.rejection_reason,
                                      file_name=m.file_name, content_type=m.content_type,
                                      size_bytes=m.size_bytes or m.declared_size))
    return message


def reflection(r: Reflection) -> pb.Reflection:
    return pb.Reflection(id=r.id, artifact_id=r.artifact_id, student_id=r.student_id, prompt_id=r.prompt_id,
                         revisions=[revision(v) for v in r.revisions], prompt_text=r.prompt_text)


def _notes(record_id: str, notes: dict[str, Notes] | None) -> dict:
    note = (notes or {}).get(record_id)
    return {"disagreements": note.disagreements, "amended": note.amended} if note else {}


def feedback(f: Feedback, names: dict[str, str] | None = None, notes: dict[str, Notes] | None = None) -> pb.Feedback:
    return pb.Feedback(**_notes(f.id, notes), id=f.id, artifact_id=f.artifact_id, teacher_id=f.teacher_id, can_do=f.can_do,
                       next_steps=f.next_steps, created_at=_iso(f.created_at),
                       teacher_name=(names or {}).get(f.teacher_id, ""))


def comment(c: Comment, names: dict[str, str] | None = None, notes: dict[str, Notes] | None = None) -> pb.Comment:
    return pb.Comment(**_notes(c.id, notes), id=c.id, artifact_id=c.artifact_id, author_id=c.author_id, author_role=c.author_role,
                      body="" if c.hidden else c.body, created_at=_iso(c.created_at), hidden=c.hidden,
                      author_name=(names or {}).get(c.author_id, ""))


def discussion_viewer_can(actions, request_amendment: bool = False) -> pb.DiscussionViewerCan:
    return pb.DiscussionViewerCan(request_amendment=request_amendment,
                                  **{action.value: True for action in actions
                                     if action.value in pb.DiscussionViewerCan.DESCRIPTOR.fields_by_name})
