"""Input rules: empty or over-long text is refused with an error naming every field at fault."""
from __future__ import annotations

import pytest

from chassis.errors import InvalidArgument
from reflections.domain import model


def test_reflection_text_must_be_present_and_bounded():
    model.validate_reflection("I learned to plan my experiment.")
    with pytest.raises(InvalidArgument, match="text: must not be empty") as caught:
        model.validate_reflection("   ")
    assert [p.field for p in caught.value.problems] == ["text"]
    with pytest.raises(InvalidArgument, match=r"text: must be at most 10000 characters \(got 10001\)"):
        model.validate_reflection("x" * 10_001)


def test_feedback_names_both_parts():
    model.validate_feedback("You can explain the water cycle.", "Next, add a diagram.")
    with pytest.raises(InvalidArgument) as caught:
        model.validate_feedback("", " ")
    assert [(p.field, p.reason) for p in caught.value.problems] == [("can_do", "must not be empty"),
                                                                  ("next_steps", "must not be empty")]


def test_comment_and_prompt_text():
    model.validate_comment("Great work!")
    model.validate_prompt("What would I do differently?")
    with pytest.raises(InvalidArgument, match="body: must be at most 2000"):
        model.validate_comment("x" * 2001)
    with pytest.raises(InvalidArgument, match="text: must not be empty"):
        model.validate_prompt("")
