"""Who may complete, change and read points of progress, see a section's checklist and configure terms; decided from
the viewer's roles and the roster replica's facts. Tested as a table in tests/unit/test_progress_access.py and the
integration matrix.

- any admin role is refused everything about a student; a district_admin sets terms' due dates (about nobody);
- COMPLETE: a teacher who CURRENTLY teaches the student IN THIS SECTION (both enrolled in it today);
- EDIT: the same, and only the point's author, while it is editable (domain.progress.editable_until);
- READ: the student, a teacher who currently teaches them (any section) and their guardians (the passport);
- CHECKLIST: a teacher who currently teaches the section;
- anyone signed in reads the terms and their due dates (they name no student).
"""
from __future__ import annotations

from enum import StrEnum

from chassis.access import Role, Viewer, role_of
from chassis.errors import PermissionDenied
from reflections.domain.access import GUARDIAN, STUDENT, TEACHER, Relation

TERM_EDITOR = Role.DISTRICT_ADMIN
DENIED = "not allowed to see or change this student's points of progress"
SECTION_DENIED = "only a current teacher of this section sees its points of progress"
TERMS_DENIED = "only a district administrator sets the terms' due dates"
NOT_AUTHOR = "only the teacher who completed this point of progress may change it"


class ProgressAction(StrEnum):
    READ = "read"
    COMPLETE = "complete"
    EDIT = "edit"


ALLOWED: dict[ProgressAction, frozenset[Role]] = {
    ProgressAction.READ: frozenset({STUDENT, TEACHER, GUARDIAN}),
    ProgressAction.COMPLETE: frozenset({TEACHER}),
    ProgressAction.EDIT: frozenset({TEACHER}),
}


def check_point(viewer: Viewer, action: ProgressAction, student_id: str | None, relation: Relation) -> Role:
    """The role the viewer acts in; one PermissionDenied for an unknown point (None) and for a refusal. For
    COMPLETE and EDIT the relation must be the section's (teaches the student in that section today)."""
    role = role_of(viewer, student_id, relation) if student_id is not None else None
    if role not in ALLOWED[action]:
        raise PermissionDenied(DENIED)
    return role


def check_section(viewer: Viewer, teaches_section: bool) -> None:
    if viewer.is_admin or TEACHER not in viewer.roles or not teaches_section:
        raise PermissionDenied(SECTION_DENIED)


def check_author(viewer: Viewer, teacher_id: str) -> None:
    if viewer.subject != teacher_id:
        raise PermissionDenied(NOT_AUTHOR)


def may_configure_terms(viewer: Viewer) -> bool:
    return TERM_EDITOR in viewer.roles


def check_terms(viewer: Viewer) -> None:
    if not may_configure_terms(viewer):
        raise PermissionDenied(TERMS_DENIED)


def is_audited(viewer: Viewer, student_id: str) -> bool:
    return viewer.subject != student_id
