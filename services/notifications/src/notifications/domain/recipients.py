"""Who hears about what (issue 11 §1), written once as a table: each event kind names its audiences and the
preference category; :func:`recipients` applies it over the roster replica's facts. Nobody hears of their own
action, and only people the owning services would let see the work (the student, their guardians, teachers who
teach them now) are ever in an audience: a former teacher, another student's guardian or an admin never is. The one
exception tells people of access they LOST: when a student's rights pass to them at 18 (``rights_passed``), the
guardians the roster's event names (no longer guardians in the replica) hear that their access ended."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class Audience(StrEnum):
    GUARDIANS = "guardians"                  # the student's guardians
    STUDENT = "student"                      # the student themself
    TEACHERS_IF_GUARDIAN_ACTS = "teachers_if_guardian_acts"   # current teachers, when a guardian wrote it
    ARTIFACT_TEACHER = "artifact_teacher"    # the teacher who added the artifact, if they teach the student now
    INVITEE = "invitee"                      # the invited person, if a guardian of the student
    NAMED = "named"                          # the people the event names (rights_passed: guardians who lost access)


@dataclass(frozen=True)
class Rule:
    category: str
    audiences: tuple[Audience, ...]


G, S, T, A, I, N = (Audience.GUARDIANS, Audience.STUDENT, Audience.TEACHERS_IF_GUARDIAN_ACTS,
                    Audience.ARTIFACT_TEACHER, Audience.INVITEE, Audience.NAMED)

# kind -> (category, audiences). The kinds are the mail package's (their sentences live in its catalogues).
RULES: dict[str, Rule] = {
    "artifact_added": Rule("new_work", (G,)),
    "reflection_added": Rule("reflections_feedback", (G, A)),
    "feedback_given": Rule("reflections_feedback", (G, S)),
    "assessment_recorded": Rule("assessments", (G, S)),
    "comment_added": Rule("comments", (G, S, T)),
    "goal_achieved": Rule("goals_milestones", (G,)),
    "milestone_scheduled": Rule("goals_milestones", (G,)),
    "milestone_completed": Rule("goals_milestones", (G,)),
    "panel_invited": Rule("critical", (I,)),
    "point_of_progress_completed": Rule("assessments", (G, S)),
    "rights_passed": Rule("critical", (S, N)),
}


@dataclass(frozen=True)
class Occurrence:
    """Something that happened to a student's work, as the notification rules need it."""

    kind: str
    student_id: str
    actor_id: str
    actor_role: str = ""            # student | teacher | guardian ("" when the event does not say)
    subject_id: str = ""            # the artifact (or goal, milestone) it is about
    artifact_added_by: str = ""     # reflection_added: who added the artifact
    invitee_id: str = ""            # panel_invited: the invited person
    named: tuple[str, ...] = ()     # rights_passed: the guardians whose access ended
    occurred_at: dt.datetime | None = None


class RosterFacts(Protocol):
    """What the roster replica knows, on the occurrence's day."""

    def guardians_of(self, student_id: str) -> set[str]: ...
    def current_teachers_of(self, student_id: str, on: dt.date) -> set[str]: ...


def _audience(audience: Audience, o: Occurrence, facts: RosterFacts, on: dt.date) -> set[str]:
    if audience is Audience.GUARDIANS:
        return facts.guardians_of(o.student_id)
    if audience is Audience.STUDENT:
        return {o.student_id}
    if audience is Audience.TEACHERS_IF_GUARDIAN_ACTS:
        return facts.current_teachers_of(o.student_id, on) if o.actor_role == "guardian" else set()
    if audience is Audience.ARTIFACT_TEACHER:
        teachers = facts.current_teachers_of(o.student_id, on)
        return {o.artifact_added_by} & teachers if o.artifact_added_by else set()
    if audience is Audience.NAMED:
        return set(o.named)
    if audience is Audience.INVITEE:
        return {o.invitee_id} & facts.guardians_of(o.student_id) if o.invitee_id else set()
    raise AssertionError(audience)


def recipients(o: Occurrence, facts: RosterFacts, on: dt.date) -> dict[str, Audience]:
    """{person id: why they hear} for ``o`` (empty for a kind no rule names); never the actor."""
    rule = RULES.get(o.kind)
    if rule is None:
        return {}
    heard: dict[str, Audience] = {}
    for audience in rule.audiences:
        for person in sorted(_audience(audience, o, facts, on)):
            heard.setdefault(person, audience)
    heard.pop(o.actor_id, None)
    return heard


def category_of(kind: str) -> str:
    return RULES[kind].category
