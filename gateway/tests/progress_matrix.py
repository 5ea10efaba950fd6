"""The goals and milestones authorization matrix through the gateway: two readable grids with the same rows (who,
relative to Amy, x what they do to her goals / her milestones), the request each action makes, and the event and
audited RPC each one leaves.

Y = the route's success status; N = 403, with the same body as for a goal, milestone or student that does not
exist; X = the guest's panel link expired: its session is over (401) and the link itself answers 410 "expired on".
The grids mirror services/reflections/tests/integration/test_goals_milestones_access_matrix.py (same rows and
columns; its goals grid leaves out the panellist rows but the invited guest); test_gateway_progress_matrix checks
they agree. Panel guests are refused every route but their own milestone's page and score sheet at the edge (403,
auth.GUEST_LIMIT); the service would refuse them too.
"""
from __future__ import annotations

import ast
import pathlib
from dataclasses import dataclass

from gateway.auth import GUEST_LIMIT
from reflections.domain.panel_access import GOALS_DENIED, MILESTONES_DENIED, NOT_ON_PANEL

GOALS = """
role                 relationship          | list get set update link close
student              own                   |  Y    Y   Y    Y     Y     Y
student              classmate             |  N    N   N    N     N     N
student              other-school          |  N    N   N    N     N     N
teacher              currently-taught      |  Y    Y   N    N     N     N
teacher              taught-last-year-only |  N    N   N    N     N     N
teacher              same-school-not-hers  |  N    N   N    N     N     N
teacher              other-school          |  N    N   N    N     N     N
teacher              invited-educator      |  N    N   N    N     N     N
guardian             guardian-of           |  Y    Y   N    N     N     N
guardian             not-guardian-of       |  N    N   N    N     N     N
school_admin         own-school            |  N    N   N    N     N     N
school_admin         other-school          |  N    N   N    N     N     N
district_admin       district              |  N    N   N    N     N     N
school_admin+teacher currently-taught      |  N    N   N    N     N     N
panel_guest          invited               |  N    N   N    N     N     N
panel_guest          other-milestone       |  N    N   N    N     N     N
panel_guest          link-expired          |  X    X   X    X     X     X
"""
MILESTONES = """
role                 relationship          | list get create select invite score outcome define
student              own                   |  Y    Y    N      Y      N      N      N      N
student              classmate             |  N    N    N      N      N      N      N      N
student              other-school          |  N    N    N      N      N      N      N      N
teacher              currently-taught      |  Y    Y    Y      N      Y      N      Y      N
teacher              taught-last-year-only |  N    N    N      N      N      N      N      N
teacher              same-school-not-hers  |  N    N    N      N      N      N      N      N
teacher              other-school          |  N    N    N      N      N      N      N      N
teacher              invited-educator      |  N    Y    N      N      N      Y      N      N
guardian             guardian-of           |  Y    Y    N      N      N      N      N      N
guardian             not-guardian-of       |  N    N    N      N      N      N      N      N
school_admin         own-school            |  N    N    N      N      N      N      N      N
school_admin         other-school          |  N    N    N      N      N      N      N      N
district_admin       district              |  N    N    N      N      N      N      N      Y
school_admin+teacher currently-taught      |  N    N    N      N      N      N      N      N
panel_guest          invited               |  N    Y    N      N      N      Y      N      N
panel_guest          other-milestone       |  N    N    N      N      N      N      N      N
panel_guest          link-expired          |  X    X    X      X      X      X      X      X
"""

# (role, relationship) -> who acts: a short name of gateway_district/authz_district, or "guest" (a panel session)
ACTORS = {
    ("student", "own"): "amy", ("student", "classmate"): "ben", ("student", "other-school"): "nora",
    ("teacher", "currently-taught"): "teacher", ("teacher", "taught-last-year-only"): "old_teacher",
    ("teacher", "same-school-not-hers"): "other_teacher", ("teacher", "other-school"): "north_teacher",
    ("teacher", "invited-educator"): "north_teacher",      # invited to the row's milestone with his account
    ("guardian", "guardian-of"): "guardian", ("guardian", "not-guardian-of"): "ben_guardian",
    ("school_admin", "own-school"): "school_admin", ("school_admin", "other-school"): "north_admin",
    ("district_admin", "district"): "district_admin", ("school_admin+teacher", "currently-taught"): "kit",
    ("panel_guest", "invited"): "guest", ("panel_guest", "other-milestone"): "guest",
    ("panel_guest", "link-expired"): "guest",
}
SERVICE_COLUMNS = {"g.set": "set", "g.update": "update", "g.link": "link", "g.close": "close", "g.list": "list",
                   "g.get": "get", "m.create": "create", "m.select": "select", "m.invite": "invite",
                   "m.score": "score", "m.outcome": "outcome", "m.get": "read", "m.list": "list",
                   "m.define": "define"}
SERVICE_MATRIX = (pathlib.Path(__file__).parents[2] / "services/reflections/tests/integration"
                  / "test_goals_milestones_access_matrix.py")

# the order a row's actions run in, on one goal and one milestone (closing and completing come last)
ORDER = ("g.list", "g.get", "g.set", "g.update", "g.link", "g.close",
         "m.list", "m.get", "m.create", "m.select", "m.invite", "m.score", "m.define", "m.outcome")
SUCCESS = {"g.set": 201, "m.create": 201, "m.invite": 201, "m.define": 201}      # the others answer 200
EVENT = {"g.set": "goal_set", "g.update": "goal_updated", "g.link": "goal_updated", "g.close": "goal_closed",
         "m.create": "milestone_created", "m.select": "milestone_evidence_selected", "m.invite": "panellist_invited",
         "m.score": "milestone_scored", "m.outcome": "milestone_completed", "m.define": "milestone_type_defined"}
AUDITED_RPC = {"g.list": "ListGoals", "g.get": "GetGoal", "m.list": "ListMilestones", "m.get": "GetMilestone",
               "m.create": "CreateMilestone", "m.invite": "InvitePanellist", "m.score": "ScoreMilestone",
               "m.outcome": "RecordOutcome"}     # goal and evidence changes are the student's own: never audited


REFUSALS = {"g": GOALS_DENIED, "m": MILESTONES_DENIED, "m.score": NOT_ON_PANEL,
            "m.define": "only a district admin defines milestone types"}


def refusal(row_actor: str, action: str) -> str:
    """The message a refused cell answers with: the gateway's own for a panel guest (every route but their one
    milestone's page and score sheet), else the reflections service's for the action."""
    if row_actor == "guest":
        return GUEST_LIMIT
    return REFUSALS.get(action, REFUSALS[action[0]])


@dataclass(frozen=True)
class Row:
    role: str
    relationship: str
    cells: dict[str, str]       # action -> Y / N / X

    @property
    def actor(self) -> str:
        return ACTORS[(self.role, self.relationship)]

    @property
    def id(self) -> str:
        return f"{self.role}/{self.relationship}"


def parse(goals: str = GOALS, milestones: str = MILESTONES) -> list[Row]:
    """The two grids as rows (same rows in both): cells keyed "g.<action>" and "m.<action>"."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for prefix, grid in (("g", goals), ("m", milestones)):
        header, *lines = grid.strip().splitlines()
        actions = [f"{prefix}.{name}" for name in header.split("|")[1].split()]
        for line in lines:
            who, cells = line.split("|")
            marks = cells.split()
            assert len(marks) == len(actions) and set(marks) <= {"Y", "N", "X"}, f"bad row {line!r}"
            rows.setdefault(tuple(who.split()), {}).update(zip(actions, marks, strict=True))
    return [Row(role, relationship, cells) for (role, relationship), cells in rows.items()]


def service_grids() -> dict[str, dict[tuple[str, str], dict[str, str]]]:
    """The reflections service's own grids (GOALS, MILESTONES), read from its test module's source:
    (role, relationship) -> {action: mark}, per grid."""
    grids = {}
    for node in ast.parse(SERVICE_MATRIX.read_text()).body:
        if isinstance(node, ast.Assign) and node.targets[0].id in ("GOALS", "MILESTONES"):
            header, *lines = node.value.value.strip().splitlines()
            actions = header.split("|")[1].split()
            grids[node.targets[0].id] = {tuple(who.split()[:2]): dict(zip(actions, cells.split(), strict=True))
                                         for who, cells in (line.split("|") for line in lines)}
    return grids


def request(caller, action: str, ids: dict[str, str], word: str):
    """``action``'s request as ``caller`` (a client and its headers) on the ids (student, goal, milestone, type,
    artifact, skill, rubric); ``word`` marks what it writes."""
    client, headers = caller.client, caller.headers
    student, goal, milestone = (f"/api/v1/students/{ids['student']}", f"/api/v1/goals/{ids['goal']}",
                                f"/api/v1/milestones/{ids['milestone']}")
    calls = {
        "g.list": lambda: client.get(f"{student}/goals", headers=headers),
        "g.get": lambda: client.get(goal, headers=headers),
        "g.set": lambda: client.post(f"{student}/goals", headers=headers, json={
            "title": f"goal {word}", "skill_ids": [ids["skill"]], "success_criteria": "Three talks"}),
        "g.update": lambda: client.patch(goal, headers=headers, json={"title": f"retitled {word}"}),
        "g.link": lambda: client.post(f"{goal}/evidence", headers=headers, json={"artifact_ids": [ids["artifact"]]}),
        "g.close": lambda: client.post(f"{goal}/close", headers=headers, json={
            "status": "achieved", "closing_reflection": f"closed {word}"}),
        "m.list": lambda: client.get(f"{student}/milestones", headers=headers),
        "m.get": lambda: client.get(milestone, headers=headers),
        "m.create": lambda: client.post(f"{student}/milestones", headers=headers, json={
            "type_id": ids["type"], "title": f"milestone {word}", "scheduled_on": "2027-01-15"}),
        "m.select": lambda: client.put(f"{milestone}/evidence", headers=headers,
                                       json={"artifact_ids": [ids["artifact"]]}),
        "m.invite": lambda: client.post(f"{milestone}/panellists", headers=headers, json={
            "name": f"panellist {word}", "email": "gran@example.org", "kind": "family"}),
        "m.score": lambda: client.put(f"{milestone}/score-sheet", headers=headers, json={
            "scores": [{"criterion_code": "evidence", "level_rank": 3},
                       {"criterion_code": "reflection", "level_rank": 4}], "comment": f"scored {word}"}),
        "m.outcome": lambda: client.post(f"{milestone}/outcome", headers=headers, json={"outcome": "READY"}),
        "m.define": lambda: client.post("/api/v1/milestone-types", headers=headers, json={
            "code": f"type-{word}", "name": "Exhibition of Learning", "rubric_id": ids["rubric"],
            "grade_levels": ["05"]}),
    }
    return calls[action]()
