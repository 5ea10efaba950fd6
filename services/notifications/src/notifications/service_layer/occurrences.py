"""Reading other services' events as occurrences: each subscribed event type's payload (protos/skillfolio/events/v1)
becomes the kind, student, actor and details the recipients rule and the feed need, or None when it notifies
nobody (a self-assessment, a goal closed without achieving it, a panel invitation for a non-family panellist)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from chassis.events import Envelope
from notifications.domain.recipients import Occurrence


@dataclass(frozen=True)
class Details:
    """What a feed line shows beyond the kind: the work's title, the comment as written, an outcome, the link."""

    title: str = ""
    user_text: str = ""
    outcome: str = ""
    link: str = ""
    school_id: str = ""


Reading = tuple[Occurrence, Details] | None


def moment(envelope: Envelope) -> dt.datetime:
    at = dt.datetime.fromisoformat(envelope.occurred_at)
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def _artifact_added(d: dict, at: dt.datetime, artifact) -> Reading:
    if d.get("origin_district_id"):
        return None                     # imported history (a transfer's earlier work): not new work to tell of
    return (Occurrence("artifact_added", d["student_id"], d.get("added_by", ""), d.get("added_by_role", ""),
                       d["artifact_id"], occurred_at=at),
            Details(title=d.get("title", ""), link=f"/artifacts/{d['artifact_id']}", school_id=d.get("school_id", "")))


def _about_artifact(kind: str, actor_key: str, role: str) -> Callable[[dict, dt.datetime, object], Reading]:
    def read(d: dict, at: dt.datetime, artifact) -> Reading:
        if kind == "assessment_recorded" and d.get("assessor_role") != "teacher":
            return None                                   # a self-assessment: the student's own act
        actor_role = d.get("author_role", role) if kind == "comment_added" else role
        occurrence = Occurrence(kind, d["student_id"], d.get(actor_key, ""), actor_role, d["artifact_id"],
                                artifact_added_by=artifact.added_by if artifact else "", occurred_at=at)
        return occurrence, Details(title=artifact.title if artifact else "", user_text=d.get("body", ""),
                                   link=f"/artifacts/{d['artifact_id']}",
                                   school_id=artifact.school_id if artifact else "")
    return read


def _goal_closed(d: dict, at: dt.datetime, artifact) -> Reading:
    if d.get("status") != "achieved":
        return None
    return (Occurrence("goal_achieved", d["student_id"], d["student_id"], "student", d["goal_id"], occurred_at=at),
            Details(link=f"/students/{d['student_id']}/goals"))


def _milestone(kind: str) -> Callable[[dict, dt.datetime, object], Reading]:
    def read(d: dict, at: dt.datetime, artifact) -> Reading:
        return (Occurrence(kind, d["student_id"], d.get("teacher_id", ""), "teacher", d["milestone_id"],
                           occurred_at=at),
                Details(outcome=d.get("outcome", "").replace("_", " ").lower(),
                        link=f"/milestones/{d['milestone_id']}", school_id=d.get("school_id", "")))
    return read


def _panel_invited(d: dict, at: dt.datetime, artifact) -> Reading:
    if d.get("kind") != "family" or not d.get("person_id"):
        return None
    return (Occurrence("panel_invited", d["student_id"], d.get("teacher_id", ""), "teacher", d["milestone_id"],
                       invitee_id=d["person_id"], occurred_at=at),
            Details(link=f"/milestones/{d['milestone_id']}"))


def _point_of_progress(d: dict, at: dt.datetime, artifact) -> Reading:
    return (Occurrence("point_of_progress_completed", d["student_id"], d.get("teacher_id", ""), "teacher",
                       d["point_id"], occurred_at=at),
            Details(title=d.get("term_name", ""), link=f"/students/{d['student_id']}/progress"))


def _rights_passed(d: dict, at: dt.datetime, artifact) -> Reading:
    return (Occurrence("rights_passed", d["student_id"], "service:roster", "", d["student_id"],
                       named=tuple(d.get("guardian_ids") or ()), occurred_at=at),
            Details(outcome=d.get("basis", ""), link=f"/students/{d['student_id']}"))


# (source, type) -> how its payload reads; ``artifact`` is the artifacts replica's row for data["artifact_id"].
READERS: dict[tuple[str, str], Callable[[dict, dt.datetime, object], Reading]] = {
    ("artifacts", "artifact_added"): _artifact_added,
    ("reflections", "reflection_added"): _about_artifact("reflection_added", "student_id", "student"),
    ("reflections", "feedback_given"): _about_artifact("feedback_given", "teacher_id", "teacher"),
    ("reflections", "assessment_recorded"): _about_artifact("assessment_recorded", "assessor_id", "teacher"),
    ("reflections", "comment_added"): _about_artifact("comment_added", "author_id", ""),
    ("reflections", "goal_closed"): _goal_closed,
    ("reflections", "milestone_created"): _milestone("milestone_scheduled"),
    ("reflections", "milestone_completed"): _milestone("milestone_completed"),
    ("reflections", "panellist_invited"): _panel_invited,
    ("reflections", "point_of_progress_completed"): _point_of_progress,
    ("roster", "student_rights_passed"): _rights_passed,
}
