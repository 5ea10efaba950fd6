"""Class-capture rules as tables: who may capture for a section and read a capture's progress (domain/capture.py),
which recipients a capture may name, and how a student's note joins the shared description."""
from __future__ import annotations

import pytest

from artifacts.domain.capture import (
    ALLOWED,
    NOTE_MAX,
    RECIPIENTS_MAX,
    CaptureAction,
    Recipient,
    check,
    description_with_note,
    object_key,
    object_thumbnail_key,
    recipient_problems,
)
from chassis.access import Role, Viewer
from chassis.errors import PermissionDenied

CAPTURE, VIEW = CaptureAction.CAPTURE, CaptureAction.VIEW
TEACHER = Viewer.of("tch-1", ["teacher"])

# viewer roles, teaches the section now, action, capture made by (None: a create), allowed
MATRIX = [
    (["teacher"], True, CAPTURE, None, True),
    (["teacher"], False, CAPTURE, None, False),                 # a former teacher, or another section's
    (["teacher", "school_admin"], True, CAPTURE, None, False),  # an admin role refuses, whatever else it holds
    (["district_admin"], False, CAPTURE, None, False),
    (["student"], False, CAPTURE, None, False),
    (["guardian"], False, CAPTURE, None, False),
    (["service"], False, CAPTURE, None, False),
    (["panellist"], False, CAPTURE, None, False),
    (["teacher"], True, VIEW, "tch-1", True),                   # the capturing teacher, teaching it now
    (["teacher"], True, VIEW, "tch-2", False),                  # a colleague in the same section
    (["teacher"], False, VIEW, "tch-1", False),                 # no longer teaches it
    (["teacher"], True, CAPTURE, "tch-2", False),               # completing another's upload
    (["student"], False, VIEW, "tch-1", False),
]


@pytest.mark.parametrize("roles, teaches, action, made_by, allowed", MATRIX,
                         ids=[f"{'+'.join(r)}-{'teaches' if t else 'not'}-{a.value}-{m}" for r, t, a, m, _ in MATRIX])
def test_access_matrix(roles, teaches, action, made_by, allowed):
    viewer = Viewer.of("tch-1" if "teacher" in roles else "p-1", roles)
    if allowed:
        assert check(viewer, action, teaches, made_by) is Role.TEACHER
    else:
        with pytest.raises(PermissionDenied):
            check(viewer, action, teaches, made_by)


def test_only_teachers_appear_in_the_table():
    assert ALLOWED == {CAPTURE: frozenset({Role.TEACHER}), VIEW: frozenset({Role.TEACHER})}


def test_recipients_are_enrolled_distinct_and_bounded():
    enrolled = ["s1", "s2"]
    assert recipient_problems([Recipient("s1"), Recipient("s2", "well done")], enrolled) == []
    assert [p.field for p in recipient_problems([], enrolled)] == ["recipients"]
    found = recipient_problems([Recipient("s1"), Recipient("s1"), Recipient("x"), Recipient("s2", "n" * (NOTE_MAX + 1))],
                               enrolled)
    assert [(p.field, p.reason) for p in found] == [
        ("recipients[1].student_id", "named twice"),
        ("recipients[2].student_id", "is not enrolled in the section today"),
        ("recipients[3].note", f"{NOTE_MAX + 1} characters; at most {NOTE_MAX}")]
    many = [Recipient(f"s{i}") for i in range(RECIPIENTS_MAX + 1)]
    assert [p.field for p in recipient_problems(many, [r.student_id for r in many])] == ["recipients"]


@pytest.mark.parametrize("description, note, expected", [
    ("Our fair", "", "Our fair"),
    ("Our fair", "  Great labels! ", "Our fair\n\nGreat labels!"),
    ("", "Great labels!", "Great labels!"),
    ("", "", ""),
])
def test_a_note_follows_the_shared_description(description, note, expected):
    assert description_with_note(description, note) == expected


def test_the_shared_object_lives_under_keys_the_service_chose():
    assert object_key("o1") == "media/o1/original"
    assert object_thumbnail_key("o1") == "checked/media/o1/thumbnail"      # never an upload target
