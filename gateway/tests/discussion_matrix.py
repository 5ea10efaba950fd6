"""The discussion and assessment authorization matrix through the gateway: one readable grid (roles x actions on an
artifact of Amy's portfolio that her current teacher added), the request each action makes, and what Amy then sees.

Y = the route's success status, N = 403 with the same body as for a thing that does not exist. Rows are the people
of authz_matrix.ACTORS (gateway_district + authz_district). The reflections service's own matrix
(services/reflections/tests) says the same in service terms.
"""
from __future__ import annotations

from authz_matrix import Case, parse

MATRIX = """
role                   relationship           | read | reflect | edit | feedback | comment | hide | assess | self_assess
                                              |  T   |    T    |  T   |    T     |    T    |  T   |   T    |     T
student                own                    |  Y   |    Y    |  Y   |    N     |    Y    |  N   |   N    |     Y
student                classmate              |  N   |    N    |  N   |    N     |    N    |  N   |   N    |     N
student                other-school           |  N   |    N    |  N   |    N     |    N    |  N   |   N    |     N
teacher                currently-taught       |  Y   |    N    |  N   |    Y     |    Y    |  Y   |   Y    |     N
teacher                taught-last-year-only  |  N   |    N    |  N   |    N     |    N    |  N   |   N    |     N
teacher                same-school-not-hers   |  N   |    N    |  N   |    N     |    N    |  N   |   N    |     N
teacher                other-school           |  N   |    N    |  N   |    N     |    N    |  N   |   N    |     N
guardian               guardian-of            |  Y   |    N    |  N   |    N     |    Y    |  N   |   N    |     N
guardian               not-guardian-of        |  N   |    N    |  N   |    N     |    N    |  N   |   N    |     N
school_admin           own-school             |  N   |    N    |  N   |    N     |    N    |  N   |   N    |     N
school_admin           other-school           |  N   |    N    |  N   |    N     |    N    |  N   |   N    |     N
district_admin         district               |  N   |    N    |  N   |    N     |    N    |  N   |   N    |     N
school_admin+teacher   currently-taught       |  N   |    N    |  N   |    N     |    N    |  N   |   N    |     N
"""
CASES: list[Case] = parse(MATRIX, Case)
SUCCESS = {"read": 200, "reflect": 201, "edit": 200, "feedback": 201, "comment": 201, "hide": 200, "assess": 201,
           "self_assess": 201}
EVENT = {"read": None, "reflect": "reflection_added", "edit": "reflection_edited", "feedback": "feedback_given",
         "comment": "comment_added", "hide": "comment_hidden", "assess": "assessment_recorded",
         "self_assess": "assessment_recorded"}
RPC = {"read": "GetDiscussion", "reflect": "AddReflection", "edit": "EditReflection", "feedback": "GiveFeedback",
       "comment": "AddComment", "hide": "HideComment", "assess": "Assess", "self_assess": "SelfAssess"}
WRITES = {"reflect": "reflection {}", "edit": "edit {}", "feedback": "can do {}", "comment": "comment {}",
          "assess": "assessed {}", "self_assess": "self {}"}      # the text each change adds, for a word


def request(client, headers: dict, action: str, artifact_id: str, reflection_id: str, comment_id: str,
            word: str, skill_id: str = ""):
    """``action``'s request on the target artifact (its reflection, its comment, its rubric skill ``skill_id``);
    ``word`` marks what it writes."""
    base = f"/api/v1/artifacts/{artifact_id}"
    if action == "read":
        return client.get(f"{base}/discussion", headers=headers)
    if action == "reflect":
        return client.post(f"{base}/reflections", headers=headers, json={"text": f"reflection {word}"})
    if action == "edit":
        return client.patch(f"/api/v1/reflections/{reflection_id}", headers=headers, json={"text": f"edit {word}"})
    if action == "feedback":
        return client.post(f"{base}/feedback", headers=headers,
                           json={"can_do": f"can do {word}", "next_steps": f"next {word}"})
    if action == "comment":
        return client.post(f"{base}/comments", headers=headers, json={"body": f"comment {word}"})
    if action == "hide":
        return client.post(f"/api/v1/comments/{comment_id}/hide", headers=headers)
    if action in ("assess", "self_assess"):
        path = "assessments" if action == "assess" else "self-assessments"
        return client.post(f"{base}/{path}", headers=headers, json={
            "skill_id": skill_id, "level_rank": 3, "comment": WRITES[action].format(word),
            "criterion_levels": [{"criterion_code": "ideas", "level_rank": 2}]})
    raise AssertionError(f"no request for {action}")


def said(discussion: dict, assessments: dict) -> set[str]:
    """Every text Amy sees (current reflection texts, feedback, visible comments, assessment comments)."""
    texts = {r["revisions"][-1]["text"] for r in discussion["reflections"]}
    texts |= {f["can_do"] for f in discussion["feedback"]} | {c["body"] for c in discussion["comments"] if c["body"]}
    return texts | {a["comment"] for s in assessments["skills"] for a in s["teacher_assessments"] + s["self_assessments"]}
