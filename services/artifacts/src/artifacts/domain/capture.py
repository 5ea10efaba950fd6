"""Class-wide capture rules: who may add one piece of evidence to many students of a section (``ALLOWED``, over the
viewer's standing towards the SECTION), the recipients a capture may name, and where its one shared object lives."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from chassis.access import Role, Viewer
from chassis.errors import FieldProblem, PermissionDenied
from chassis.gradebook import section_role
from chassis.media.naming import checked_key

DENIED = "not allowed to capture evidence for this section"     # one message, whether the section exists or not
NOTE_MAX, RECIPIENTS_MAX = 1000, 250


class CaptureAction(StrEnum):
    CAPTURE = "capture_for_section"      # create a capture, complete its upload
    VIEW = "view_capture"                # its progress per student


# Only a teacher who CURRENTLY teaches the section (never an admin, whatever else it holds; never a student,
# guardian, former teacher, panellist or service); the progress read also needs the capture to be the viewer's own.
ALLOWED: dict[CaptureAction, frozenset[Role]] = {CaptureAction.CAPTURE: frozenset({Role.TEACHER}),
                                                 CaptureAction.VIEW: frozenset({Role.TEACHER})}


def check(viewer: Viewer, action: CaptureAction, teaches_section: bool, created_by: str | None = None) -> Role:
    role = section_role(viewer, teaches_section)
    if role not in ALLOWED[action] or (created_by is not None and created_by != viewer.subject):
        raise PermissionDenied(DENIED)
    return role


@dataclass(frozen=True)
class Recipient:
    student_id: str
    note: str = ""


def recipient_problems(recipients: list[Recipient], enrolled: list[str]) -> list[FieldProblem]:
    """At least one, distinct, each enrolled in the section today, each note short and printable."""
    if not recipients:
        return [FieldProblem("recipients", "choose at least one student")]
    if len(recipients) > RECIPIENTS_MAX:
        return [FieldProblem("recipients", f"{len(recipients)} students; at most {RECIPIENTS_MAX}")]
    problems, seen, known = [], set(), set(enrolled)
    for i, r in enumerate(recipients):
        if r.student_id in seen:
            problems.append(FieldProblem(f"recipients[{i}].student_id", "named twice"))
        elif r.student_id not in known:
            problems.append(FieldProblem(f"recipients[{i}].student_id", "is not enrolled in the section today"))
        seen.add(r.student_id)
        if len(r.note) > NOTE_MAX:
            problems.append(FieldProblem(f"recipients[{i}].note", f"{len(r.note)} characters; at most {NOTE_MAX}"))
    return problems


def description_with_note(description: str, note: str) -> str:
    """A student's own artifact: the shared description, then their note (if any) after a blank line."""
    note = note.strip()
    return f"{description.rstrip()}\n\n{note}" if description.strip() and note else (note or description)


def object_key(object_id: str) -> str:
    return f"media/{object_id}/original"


def object_thumbnail_key(object_id: str) -> str:
    """Written by the media worker only, in the checked namespace."""
    return checked_key(f"media/{object_id}/thumbnail")
