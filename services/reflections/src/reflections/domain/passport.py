"""The reflections service's records in a student's passport, as the JSON its schema documents
(docs/passport/passport.schema.json): explicit fields only (no storage keys, no panellists' email addresses), and who
may export them (the student, their guardian, a privacy officer with a reason; hidden comments for the last only)."""
from __future__ import annotations

import datetime as dt

from chassis.access import Role, Viewer, acting_role
from chassis.errors import PermissionDenied
from chassis.records_request import EXPORTERS
from chassis.roster_replica.standing import Relation
from reflections.domain.assessment import Assessment
from reflections.domain.credentials import Award
from reflections.domain.goals import Goal
from reflections.domain.milestones import Invitation, Milestone, MilestoneType, ScoreSheet
from reflections.domain.model import Comment, Feedback, Reflection

DENIED = "not allowed to export this student's records"


def check_export(viewer: Viewer, student_id: str, relation: Relation) -> Role:
    """The role the viewer exports in; PermissionDenied (one message) otherwise."""
    role = acting_role(viewer, student_id, relation, EXPORTERS)
    if role is None:
        raise PermissionDenied(DENIED)
    return role


def sees_hidden_comments(role: str) -> bool:
    """Hidden comments leave only in a privacy officer's export (a records request covers the whole record)."""
    return role == Role.PRIVACY_OFFICER


def _at(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def reflection(r: Reflection, names: dict[str, str]) -> dict:
    """A reflection with its history; a ready recording's ``download_url`` (signed, for the exporting gateway to
    fetch it into the archive; never kept there) is set when the reads signed one."""
    return {"id": r.id, "prompt": r.prompt_text, "revisions": [
        {"number": v.number, "kind": v.kind, "text": v.text, "created_at": _at(v.created_at),
         "media": None if v.media is None else {"file_name": v.media.file_name, "status": v.media.status,
                                                "content_type": v.media.content_type,
                                                "size_bytes": v.media.size_bytes,
                                                **({"download_url": v.media.url} if v.media.url else {})}}
        for v in r.revisions]}


def feedback(f: Feedback, names: dict[str, str]) -> dict:
    return {"id": f.id, "teacher": names.get(f.teacher_id, ""), "teacher_id": f.teacher_id, "can_do": f.can_do,
            "next_steps": f.next_steps, "created_at": _at(f.created_at)}


def comment(c: Comment, names: dict[str, str]) -> dict:
    return {"id": c.id, "author": names.get(c.author_id, ""), "author_id": c.author_id, "author_role": c.author_role,
            "body": c.body, "created_at": _at(c.created_at), "hidden": bool(c.hidden_by)}


def assessment(a: Assessment, names: dict[str, str]) -> dict:
    return {"id": a.id, "skill_id": a.skill_id, "assessor": names.get(a.assessor_id, ""),
            "assessor_role": a.assessor_role, "self_assessment": a.assessor_role == Role.STUDENT,
            "level_rank": a.level_rank, "level_name": a.level_name, "comment": a.comment,
            "assessed_at": _at(a.assessed_at),
            "criteria": [{"criterion_code": c.criterion_code, "level_rank": c.level_rank} for c in a.criterion_levels]}


def goal(g: Goal) -> dict:
    return {"id": g.id, "title": g.title, "success_criteria": g.success_criteria, "skill_ids": list(g.skill_ids),
            "status": g.status, "evidence_artifact_ids": list(g.evidence_artifact_ids),
            "closing_reflection": g.closing_reflection, "created_at": _at(g.created_at),
            "closed_at": _at(g.closed_at)}


def milestone(m: Milestone, kind: MilestoneType | None, panel: list[Invitation], sheets: list[ScoreSheet]) -> dict:
    who = {i.id: i for i in panel}
    return {"id": m.id, "type": kind.name if kind else "", "type_code": kind.code if kind else "", "title": m.title,
            "scheduled_on": m.scheduled_on, "status": m.status, "outcome": m.outcome,
            "completed_at": _at(m.completed_at), "evidence_artifact_ids": list(m.evidence_artifact_ids),
            "panel_scores": [{"panellist": who[s.invitation_id].name if s.invitation_id in who else "",
                              "panellist_kind": who[s.invitation_id].kind if s.invitation_id in who else "",
                              "comment": s.comment, "scored_at": _at(s.scored_at),
                              "scores": [{"criterion_code": x.criterion_code, "level_rank": x.level_rank}
                                         for x in s.scores]} for s in sheets]}


def credential(a: Award) -> dict:
    return {"id": a.id, "name": a.name, "badge_id": a.badge_id, "milestone_id": a.milestone_id,
            "issued_at": _at(a.issued_at), "revoked": a.revoked_at is not None, "revoked_at": _at(a.revoked_at),
            "revoke_reason": a.revoke_reason, "document": a.document, "jwt": a.jwt}
