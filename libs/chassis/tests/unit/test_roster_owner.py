"""Asking the roster before a refusal (chassis.roster_replica.owner.decide), with a fake roster: a relation the roster
knows but the replica lacks is NotYetReplicated, so is a roster that cannot answer; a roster that knows none keeps the
refusal; the allow path and refusals no relation could lift never ask."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from chassis.access import Viewer
from chassis.errors import NotYetReplicated, PermissionDenied
from chassis.roster_replica.owner import RosterUnreachable, decide
from chassis.roster_replica.standing import Relation

TODAY = dt.date(2027, 3, 1)
TEACHER = Viewer.of("t-1", ["teacher"])
GUARDIAN = Viewer.of("g-1", ["guardian"])
STUDENT = Viewer.of("s-1", ["student"])
ADMIN_TEACHER = Viewer.of("a-1", ["teacher", "district_admin"])


class FakeRoster:
    """What the roster knows: {(viewer, student): Relation}; ``down`` makes every call unreachable."""

    def __init__(self, known: dict | None = None, down: bool = False) -> None:
        self.known, self.down, self.asked = known or {}, down, []

    def relation(self, viewer_id: str, student_id: str, on: dt.date) -> Relation:
        self.asked.append((viewer_id, student_id, on))
        if self.down:
            raise RosterUnreachable("connection refused")
        return self.known.get((viewer_id, student_id), Relation())


def view_rule(viewer: Viewer, relation: Relation) -> str:
    """A service's table in miniature: a student sees their own; a current teacher or a guardian sees; no admin."""
    if "district_admin" in viewer.roles:
        raise PermissionDenied("not allowed")
    if viewer.subject == "s-1" or relation.teaches_now or relation.guardian_of:
        return "ok"
    raise PermissionDenied("not allowed")


def add_rule(viewer: Viewer, relation: Relation) -> str:
    """Only a current teacher (or the student) adds: a guardian never does."""
    if viewer.subject == "s-1" or relation.teaches_now:
        return "ok"
    raise PermissionDenied("not allowed")


def run(roster, viewer: Viewer, replica: Relation = Relation(), rule=view_rule, student: str = "s-1"):
    return decide(roster, viewer, student, TODAY, replica, lambda known: rule(viewer, known))


def test_a_relation_the_roster_knows_and_the_replica_lacks_is_retryable():
    roster = FakeRoster({("t-1", "s-1"): Relation(teaches_now=True), ("g-1", "s-1"): Relation(guardian_of=True)})
    for viewer in (TEACHER, GUARDIAN):
        with pytest.raises(NotYetReplicated) as caught:
            run(roster, viewer)
        assert caught.value.retry_after == 1 and "has not reached this service yet" in caught.value.message
    assert roster.asked == [("t-1", "s-1", TODAY), ("g-1", "s-1", TODAY)]


def test_no_relation_at_the_roster_keeps_the_refusal():
    roster = FakeRoster({("t-1", "s-2"): Relation(teaches_now=True)})
    with pytest.raises(PermissionDenied):
        run(roster, TEACHER)
    assert roster.asked == [("t-1", "s-1", TODAY)]


def test_a_roster_that_cannot_answer_is_retryable_never_a_refusal():
    with pytest.raises(NotYetReplicated, match="could not confirm with the roster"):
        run(FakeRoster(down=True), TEACHER)


def test_the_allow_path_never_asks():
    roster = FakeRoster(down=True)
    assert run(roster, TEACHER, Relation(teaches_now=True)) == "ok"
    assert run(roster, STUDENT) == "ok"
    assert roster.asked == []


def test_refusals_no_relation_could_lift_never_ask():
    roster = FakeRoster(down=True)
    with pytest.raises(PermissionDenied):
        run(roster, GUARDIAN, rule=add_rule)          # a guardian never adds, whatever the roster says
    with pytest.raises(PermissionDenied):
        run(roster, ADMIN_TEACHER)                    # an admin role is refused whatever else it holds
    with pytest.raises(PermissionDenied):
        run(roster, Viewer.of("s-2", ["student"]))    # a student's standing never comes from the replica
    assert roster.asked == []


def test_a_relation_that_would_not_lift_this_refusal_keeps_it():
    roster = FakeRoster({("g-1", "s-1"): Relation(guardian_of=True)})
    both = Viewer.of("g-1", ["teacher", "guardian"])
    with pytest.raises(PermissionDenied):             # guardianship known, but adding needs teaching
        run(roster, both, rule=add_rule)
    assert roster.asked == [("g-1", "s-1", TODAY)]


def test_without_a_roster_the_refusal_stands():
    with pytest.raises(PermissionDenied):
        run(None, TEACHER)


@dataclass(frozen=True)
class PanelRelation(Relation):
    panel_reader: bool = False


def test_a_service_relation_keeps_its_own_fields():
    seen: list[Relation] = []
    roster = FakeRoster({("t-1", "s-1"): Relation(teaches_now=True)})

    def teacher_only(viewer: Viewer, relation: Relation) -> str:
        seen.append(relation)
        return add_rule(viewer, relation)
    with pytest.raises(NotYetReplicated):
        run(roster, TEACHER, PanelRelation(panel_reader=True), rule=teacher_only)
    assert len(seen) == 3 and all(isinstance(r, PanelRelation) and r.panel_reader for r in seen)
