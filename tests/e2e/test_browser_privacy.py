"""The record of disclosures and an amendment in a real browser (Playwright + Debian's chromium) against `skillfolio
up` with the demo district: the guardian asks that the teacher's feedback be amended, the teacher refuses with a
reason, the guardian attaches a statement of disagreement that the artifact page then shows beside the feedback; the
student opens "Who has seen this record" from the portfolio and finds the teacher's and guardian's reads. Each page
passes the accessibility basics (labels, heading order, no sideways scroll)."""
from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from e2e_pages import assert_accessible_basics, open_as
from playwright.sync_api import Browser, expect
from test_browser_portfolio import Api, open_page, shots  # noqa: F401  (shots is a fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.browser, pytest.mark.integration]


@pytest.fixture(scope="module")
def feedback(platform) -> Iterator[dict]:
    """A piece the teacher added to the demo student's portfolio, with the teacher's feedback on it."""
    teacher, student = Api(platform, "teacher"), Api(platform, "student")
    me = student.get("/api/v1/me")
    skill = next(s for s in student.get("/api/v1/skills", school_id=me["primary_school_id"])["items"]
                 if not s["retired"])
    piece = teacher.add_link(me["id"], f"Volcano poster {uuid.uuid4().hex[:6]}", [skill["id"]])
    yield {"student": me, "artifact": piece, "teacher": teacher}
    teacher.delete_created()


def test_an_amendment_refused_then_a_disagreement_and_the_record_of_disclosures(browser: Browser, platform,
                                                                                feedback, shots):
    artifact_id, student_id = feedback["artifact"]["id"], feedback["student"]["id"]
    teacher = open_as(browser, platform, "teacher", f"/artifacts/{artifact_id}")
    teacher.get_by_label("Can do").fill("You name the layers.")
    teacher.get_by_label("Next steps").fill("You cite no sources.")
    teacher.get_by_role("button", name="Save feedback").click()
    expect(teacher.get_by_role("status")).to_have_text("Your feedback was saved.")

    guardian = open_as(browser, platform, "guardian", f"/artifacts/{artifact_id}")
    feedback_card = guardian.locator("article.feedback").filter(has_text="You cite no sources.")
    feedback_card.get_by_text("Request an amendment").click()
    feedback_card.get_by_label("Why is it inaccurate or misleading?").fill("The sources are on the back.")
    feedback_card.get_by_role("button", name="Send the request").click()
    expect(guardian.get_by_role("status")).to_contain_text("Your request was sent.")
    assert_accessible_basics(guardian)

    teacher.goto(f"/students/{student_id}/amendments")
    teacher.get_by_label("Refuse, with a reason").check()
    teacher.get_by_label("Reason (required to refuse)").fill("The rubric asks for them on the front.")
    teacher.get_by_role("button", name="Save the decision").click()
    expect(teacher.get_by_role("status")).to_contain_text("Your decision was saved")

    guardian.goto(f"/students/{student_id}/amendments")
    guardian.get_by_label("Your statement").fill("The rubric allows either side.")
    guardian.get_by_role("button", name="Attach the statement").click()
    expect(guardian.get_by_role("status")).to_contain_text("Your statement of disagreement now stands")
    guardian.goto(f"/artifacts/{artifact_id}")
    expect(guardian.locator("article.feedback aside.disagreement")).to_contain_text("The rubric allows either side.")
    guardian.screenshot(path=str(shots / "disagreement-beside-feedback.png"), full_page=True)

    student = open_page(browser, platform, "student")
    student.goto(f"/students/{student_id}")
    student.get_by_role("link", name="Who has seen this record").click()
    expect(student.get_by_role("heading", level=1)).to_have_text("Who has seen my record")
    expect(student.locator("table.disclosures")).to_contain_text("reflections.GetDiscussion")
    student.get_by_label("Part of the record").select_option("reflections")
    student.get_by_role("button", name="Show").click()
    expect(student.locator("table.disclosures")).to_contain_text("reflections.AttachDisagreement")
    assert_accessible_basics(student)
    student.screenshot(path=str(shots / "record-of-disclosures.png"), full_page=True)
