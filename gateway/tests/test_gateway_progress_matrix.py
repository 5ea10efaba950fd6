"""The goals and milestones rules as a table (progress_matrix.MATRIX) through the REST API: bearer tokens from real
logins, panel guests with real /panel/<token> sessions, the gateway, and real roster, skills, artifacts and
reflections gRPC servers over their own databases (progress_matrix_world). One setup per row (a fresh goal of
Amy's and a fresh milestone; the row's panel invitation), then every action in turn; each cell checks the status,
that a refusal reads exactly like a missing thing, the effect Amy sees (or none), the event and the audit row."""
from __future__ import annotations

import json
import uuid

import pytest
from progress_fixtures import panel_rubric  # noqa: F401  (fixture)
from progress_matrix import (
    AUDITED_RPC,
    EVENT,
    ORDER,
    SERVICE_COLUMNS,
    SUCCESS,
    Row,
    parse,
    refusal,
    request,
    service_grids,
)
from progress_matrix_world import EXPIRES_IN, Caller, World, world  # noqa: F401  (fixture)

pytestmark = pytest.mark.integration
ROWS = parse()


def panel_path(invitation: dict) -> str:
    return "/panel/" + invitation["guest_url"].rsplit("/panel/", 1)[1]


def acting(world: World, row: Row, milestone_id: str) -> tuple[Caller, str]:
    """The row's caller and the subject its audit rows name; invites the row's panellist first."""
    if row.relationship == "invited-educator":
        world.invite(milestone_id, kind="educator", person_id=world.district.ids[row.actor])
    if row.actor != "guest":
        return world.caller(row.actor), world.district.ids[row.actor]
    if row.relationship == "link-expired":
        invitation_id, path = world.invite_expiring_soon(milestone_id)
        caller = world.guest_session(path, milestone_id)
        world.clock.advance(EXPIRES_IN + 1)     # the link has expired, for the gateway and the service alike
        gone = world.guest_client.get(path)
        assert gone.status_code == 410 and "This panel link expired on" in gone.text, gone.text
        return caller, f"guest:{invitation_id}"
    on = milestone_id if row.relationship == "invited" else world.new_milestone()
    invitation = world.invite(on)
    return world.guest_session(panel_path(invitation), on), f"guest:{invitation['panellist']['invitation_id']}"


def _one(items: list[dict], key: str, value) -> dict:
    [found] = [item for item in items if item[key] == value]
    return found


def part_of(action: str) -> str:
    """The part of Amy's view an action may change."""
    return "types" if action == "m.define" else "goals" if action.startswith("g.") else "milestones"


def effect_problems(action: str, reply: dict, before: list[dict], after: list[dict], ids: dict, word: str,
                    whole_panel: bool) -> list[str]:
    """What is wrong with the effect an allowed ``action`` had on its part of Amy's view (empty = right)."""
    was, now = ({}, {}) if action == "m.define" else (
        _one(view, "id", ids["goal" if action.startswith("g.") else "milestone"]) for view in (before, after))
    checks = {
        "g.list": lambda: reply["items"] == before == after,
        "g.get": lambda: reply == was and after == before,
        "g.set": lambda: len(after) == len(before) + 1 and _one(after, "title", f"goal {word}")["status"] == "active",
        "g.update": lambda: now["title"] == f"retitled {word}",
        "g.link": lambda: now["evidence_artifact_ids"] == [*was["evidence_artifact_ids"], ids["artifact"]],
        "g.close": lambda: (now["status"], now["closing_reflection"]) == ("achieved", f"closed {word}"),
        "m.list": lambda: reply["items"] == before == after,
        "m.get": lambda: after == before and (reply == was if whole_panel else
                                              reply["id"] == ids["milestone"] and len(reply["panellists"]) == 1),
        "m.create": lambda: len(after) == len(before) + 1
        and _one(after, "title", f"milestone {word}")["status"] == "planned",
        "m.select": lambda: now["evidence_artifact_ids"] == [ids["artifact"]],
        "m.invite": lambda: [p["name"] for p in now["panellists"]]
        == [p["name"] for p in was["panellists"]] + [f"panellist {word}"],
        "m.score": lambda: [s["level_name"] for s in _one(now["score_sheets"], "comment",
                                                          f"scored {word}")["scores"]] == ["Ready", "Excelling"],
        "m.outcome": lambda: (now["status"], now["outcome"]) == ("completed", "READY"),
        "m.define": lambda: _one(after, "code", f"type-{word}")["name"] == "Exhibition of Learning",
    }
    return [] if checks[action]() else [f"unexpected effect: reply {reply} ; Amy saw {before} then {after}"]


def cell_problems(world: World, row: Row, caller: Caller, subject: str, action: str, ids: dict) -> list[str]:
    """What is wrong with one cell (empty = it behaves as the grid says)."""
    expected, word, amy = row.cells[action], uuid.uuid4().hex[:8], ids["student"]
    part = part_of(action)
    before, mark = world.amy_sees(part), world.records.mark()
    reply = request(caller, action, ids, word)
    problems = []
    status = {"Y": SUCCESS.get(action, 200), "N": 403, "X": 401}[expected]
    if reply.status_code != status:
        problems.append(f"status {reply.status_code}, not {status}: {reply.text[:300]}")
    audit, events = world.records.audit_since(mark), world.records.envelopes_since(mark)
    allowed = expected == "Y" and reply.status_code == status
    want_events = [EVENT[action]] if allowed and action in EVENT else []
    want_audit = [(subject, f"reflections.{AUDITED_RPC[action]}", [amy])] \
        if allowed and subject != amy and action in AUDITED_RPC else []
    if [e.type for e in events] != want_events:
        problems.append(f"events {[e.type for e in events]}, not {want_events}")
    if [(r.actor, r.action, json.loads(r.subject_ids)) for r in audit] != want_audit:
        problems.append(f"audit {[(r.actor, r.action, r.subject_ids) for r in audit]}, not {want_audit}")
    after = world.amy_sees(part)
    if expected != "Y":
        if after != before:
            problems.append(f"a refused action changed Amy's {part}")
        if expected == "N" and reply.status_code == 403:
            said = reply.json()["error"]
            if (said["code"], said["message"]) != ("PERMISSION_DENIED", refusal(row.actor, action)):
                problems.append(f"refused with {said}, not {refusal(row.actor, action)!r}")
            missing = request(caller, action, {**ids, "student": str(uuid.uuid4()), "goal": str(uuid.uuid4()),
                                               "milestone": str(uuid.uuid4())}, word)
            if (missing.status_code, missing.json()["error"]) != (403, reply.json()["error"]):
                problems.append(f"a missing thing reads differently: {missing.status_code} {missing.text[:200]}")
    elif not problems:
        problems += effect_problems(action, reply.json(), before, after, ids, word,
                                    whole_panel=row.actor in ("amy", "teacher", "guardian"))
    return [f"{row.id} {action} [{expected}]: {p}" for p in problems]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_goals_and_milestones_matrix_through_the_gateway(row: Row, world: World):
    ids = {**world.ids, "goal": world.new_goal(), "milestone": world.new_milestone()}
    caller, subject = acting(world, row, ids["milestone"])
    problems = [p for action in ORDER for p in cell_problems(world, row, caller, subject, action, ids)]
    assert not problems, "\n".join(problems)


def test_the_grid_mirrors_the_reflections_service_grid():
    """The service's grids have the gateway grid's rows and columns and allow the same cells; what the service
    refuses as an expired link (X) the gateway refuses too (the guest's session ended with the link: 401)."""
    grids, gateway = service_grids(), {(r.role, r.relationship): r.cells for r in ROWS}
    assert set(grids["MILESTONES"]) == set(gateway) and set(grids["GOALS"]) <= set(gateway)
    compared = 0
    for grid_name, prefix in (("GOALS", "g."), ("MILESTONES", "m.")):
        for key, service_row in grids[grid_name].items():
            for action in (a for a in ORDER if a.startswith(prefix)):
                ours, theirs = gateway[key][action], service_row[SERVICE_COLUMNS[action]]
                assert (ours == "Y") == (theirs == "Y") and (theirs != "X" or ours == "X"), (key, action, ours, theirs)
                compared += 1
    assert compared == 14 * 6 + 17 * 8
    assert len(ROWS) == len({r.id for r in ROWS}) == 17 and all(set(r.cells) == set(ORDER) for r in ROWS)


def test_a_milestone_type_code_in_use_is_refused_with_409(world: World):
    """What the define route's summary promises: codes are not reused (the service's AlreadyExists)."""
    body = {"code": f"type-{uuid.uuid4().hex[:8]}", "name": "Mini-Defense", "rubric_id": world.ids["rubric"],
            "grade_levels": []}
    world.call("district_admin", "POST", "/api/v1/milestone-types", 201, json=body)
    again = world.call("district_admin", "POST", "/api/v1/milestone-types", 409, json=body)
    assert again["error"]["problems"] == [{"field": "code", "reason": "is taken"}]
