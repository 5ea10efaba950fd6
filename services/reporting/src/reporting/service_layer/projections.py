"""Effects of other services' events on the reporting facts, each applied once (inbox) in the claiming transaction.

Every effect is an upsert keyed by the source's id, and anything derived (a student's enrolments, the school and
grade evidence is attributed to) is recomputed from the stored facts, so duplicates and out-of-order delivery give
the same read models as in-order delivery: the current value of an entity is its newest event's (``is_newest``),
and history (a student's states) keeps every event.
"""
from __future__ import annotations

import json

from chassis.access import Role
from chassis.events import Envelope
from chassis.messaging.replica import utc_iso
from reporting.domain.attribution import Year, state_at, year_of
from reporting.service_layer.derived import history_of, placed, rederive, school_years_of

NO_YEAR = ""


def _at(e: Envelope) -> str:
    return utc_iso(e.occurred_at)


def school(uow, e: Envelope) -> None:
    d = e.data
    if uow.facts.is_newest("school", str(d["school_id"]), e.occurred_at):
        uow.facts.put("schools", {"school_id": str(d["school_id"])},
                      {"name": str(d.get("name") or ""), "district_id": str(d.get("district_id") or "")})


def school_year(uow, e: Envelope) -> None:
    """A school year's dates: every student's enrolments and undated facts are derived again (a rare event)."""
    d = e.data
    if uow.facts.is_newest("school_year", str(d["school_year_id"]), e.occurred_at):
        uow.facts.put("school_years", {"school_year_id": str(d["school_year_id"])}, {
            "title": str(d.get("title") or ""), "start_date": str(d.get("start_date") or "")[:10],
            "end_date": str(d.get("end_date") or "")[:10], "year": int(d.get("year") or 0)})
        for student_id in uow.facts.student_ids():
            uow.facts.lock(student_id)
            rederive(uow, student_id)


def person(uow, e: Envelope) -> None:
    """Current roles and status (newest event wins); a student's school and grade join their history (all kept)."""
    d = e.data
    person_id, removed = str(d["person_id"]), e.type == "person_removed"
    roles = sorted(d.get("roles") or [])
    if uow.facts.is_newest("person", person_id, e.occurred_at):
        uow.facts.put("people", {"person_id": person_id}, {
            "roles": ",".join(roles), "primary_school_id": str(d.get("primary_school_id") or ""),
            "active": not removed and bool(d.get("active", True))})
    if Role.STUDENT in roles and not removed and d.get("primary_school_id"):
        uow.facts.lock(person_id)
        uow.facts.put("student_states", {"student_id": person_id, "at": _at(e), "source": "person"},
                      {"school_id": str(d["primary_school_id"]), "grade_level": str(d.get("grade_level") or "")})
        rederive(uow, person_id)


TRANSFER_KEY, STATE_KEY = ("student_id", "effective_date", "to_school_id"), ("student_id", "at", "source")


def transfer_rows(e: Envelope, years: list[Year]) -> tuple[dict, dict]:
    """A transfer's row, and the student's state it starts: the new school from the effective date (the grade
    carries over). Both paths write these (the batch path set-based)."""
    d = e.data
    student_id, to = str(d["student_id"]), str(d["to_school_id"])
    day = str(d.get("effective_date") or e.occurred_at)[:10]
    return ({"student_id": student_id, "effective_date": day, "to_school_id": to,
             "from_school_id": str(d.get("from_school_id") or ""), "school_year_id": year_of(years, day)},
            {"student_id": student_id, "at": day, "source": "transfer", "school_id": to, "grade_level": ""})


def transfer(uow, e: Envelope) -> None:
    move, state = transfer_rows(e, school_years_of(uow))
    uow.facts.lock(move["student_id"])
    for table, row, key in (("transfers", move, TRANSFER_KEY), ("student_states", state, STATE_KEY)):
        uow.facts.put(table, {k: row[k] for k in key}, {k: v for k, v in row.items() if k not in key})
    rederive(uow, move["student_id"])


def skill(uow, e: Envelope) -> None:
    d = e.data
    deleted = e.type == "skill_deleted"
    if uow.facts.is_newest("skill", str(d["skill_id"]), e.occurred_at, deleted=deleted):
        uow.facts.put("skills", {"skill_id": str(d["skill_id"])}, {
            "name": str(d.get("name") or ""), "code": str(d.get("code") or ""),
            "colour": str(d.get("colour") or "#777777"), "text_colour": str(d.get("text_colour") or "#FFFFFF"),
            "scale_id": str(d.get("scale_id") or ""), "active": not deleted})


def scale(uow, e: Envelope) -> None:
    d = e.data
    if uow.facts.is_newest("scale", str(d["scale_id"]), e.occurred_at):
        levels = list(zip(d.get("level_ranks") or [], d.get("level_names") or [], strict=False))
        uow.facts.put("scales", {"scale_id": str(d["scale_id"])}, {"levels": json.dumps(sorted(levels))})


def milestone_type(uow, e: Envelope) -> None:
    d = e.data
    if uow.facts.is_newest("milestone_type", str(d["code"]), e.occurred_at):
        uow.facts.put("milestone_types", {"code": str(d["code"])}, {"name": str(d.get("name") or d["code"])})


def artifact(uow, e: Envelope) -> None:
    """The artifact's current fields from its newest event; ``added_at`` is the earliest event's time; a deletion
    is final. Attributed to the stamped school and the student's grade when it was added. (Imported history never
    reaches here: subscriptions.not_counted.)"""
    d, at = e.data, _at(e)
    artifact_id, deleted = str(d["artifact_id"]), e.type == "artifact_deleted"
    newest = uow.facts.is_newest("artifact", artifact_id, e.occurred_at, deleted=deleted)
    stored = uow.facts.get("artifacts", artifact_id=artifact_id)
    if deleted:
        uow.facts.update("artifacts", {"artifact_id": artifact_id}, {"deleted": True})
        uow.facts.remove("artifact_skills", artifact_id=artifact_id)     # whichever arrived first: none left
        return
    student_id = str(d.get("student_id") or (stored or {}).get("student_id") or "")
    uow.facts.lock(student_id)
    row = dict(stored or {})
    if newest or not stored:
        row.update(student_id=student_id, school_year_id=str(d.get("school_year_id") or ""),
                   stamped_school_id=str(d.get("school_id") or ""), kind=str(d.get("kind") or "other"),
                   added_by_role=str(d.get("added_by_role") or "student"),
                   deleted=bool(row.get("deleted")) or not newest)     # not newest, never stored: deleted first
    row["added_at"] = min(at, row.get("added_at") or at)
    row.update(placed(row, history_of(uow, student_id), school_years_of(uow)))
    uow.facts.put("artifacts", {"artifact_id": artifact_id}, {k: v for k, v in row.items() if k != "artifact_id"})
    if newest:                          # (never after a deletion: is_newest refuses every later event)
        uow.facts.remove("artifact_skills", artifact_id=artifact_id)
        for skill_id in sorted({str(s) for s in d.get("skill_ids") or []}):
            uow.facts.put("artifact_skills", {"artifact_id": artifact_id, "skill_id": skill_id}, {})


def response(uow, e: Envelope) -> None:
    """A student reflection or teacher feedback exists for the artifact (a set: duplicates change nothing)."""
    kind = "feedback" if e.type == "feedback_given" else "reflection"
    uow.facts.put("artifact_responses", {"artifact_id": str(e.data["artifact_id"]), "kind": kind}, {})


def assessment(uow, e: Envelope) -> None:
    """A teacher's assessment (self-assessments are the student's view, not a reported level); the latest per
    student, skill and year is chosen when reporting, by assessment time."""
    d = e.data
    if str(d.get("assessor_role") or "teacher") != Role.TEACHER:
        return
    assessment_id, student_id = str(d["assessment_id"]), str(d["student_id"])
    if not uow.facts.is_newest("assessment", assessment_id, e.occurred_at):
        return
    uow.facts.lock(student_id)
    at, states = _at(e), history_of(uow, student_id)
    state = state_at(states, at)
    uow.facts.put("assessments", {"assessment_id": assessment_id}, {
        "student_id": student_id, "skill_id": str(d["skill_id"]), "level_rank": int(d.get("level_rank") or 0),
        "assessed_at": at, "school_year_id": str(d.get("school_year_id") or "") or year_of(school_years_of(uow), at),
        "school_id": state.school_id if state else "", "grade_level": state.grade_level if state else "",
        "artifact_id": str(d.get("artifact_id") or "") or None})


def milestone(uow, e: Envelope) -> None:
    d = e.data
    milestone_id, student_id = str(d["milestone_id"]), str(d["student_id"])
    if not uow.facts.is_newest("milestone", milestone_id, e.occurred_at):
        return
    at = _at(e)
    state = state_at(history_of(uow, student_id), at)
    uow.facts.put("milestones", {"milestone_id": milestone_id}, {
        "student_id": student_id, "type_code": str(d.get("type_code") or ""),
        "outcome": str(d.get("outcome") or "").upper(), "completed_at": at,
        "school_id": str(d.get("school_id") or "") or (state.school_id if state else ""),
        "grade_level": str(d.get("grade_level") or "") or (state.grade_level if state else ""),
        "school_year_id": year_of(school_years_of(uow), at)})

