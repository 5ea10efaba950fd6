"""What is derived from a student's history, recomputed whenever it changes (so the order events arrive in does not
matter): their enrolments per school year, and where each of their artifacts, assessments and transfers counts."""
from __future__ import annotations

from reporting.domain.attribution import State, Year, enrolments, state_at, year_of

NO_YEAR = ""


def school_years_of(uow) -> list[Year]:
    return [Year(r["school_year_id"], r["start_date"], r["end_date"]) for r in uow.facts.select("school_years")]


def history_of(uow, student_id: str) -> list[State]:
    return [State(r["at"], r["school_id"], r["grade_level"])
            for r in uow.facts.select("student_states", student_id=student_id)]


def rederive(uow, student_id: str) -> None:
    """Derive now, or once at the end of a batch when the unit collects students to derive (``deferred``)."""
    deferred = getattr(uow, "deferred", None)
    if deferred is not None:
        deferred.add(student_id)
    else:
        derive(uow, student_id)


def derive(uow, student_id: str) -> None:
    """Recompute what depends on a student's history: enrolments per year, and where each of their artifacts,
    assessments and transfers is attributed."""
    states, years = history_of(uow, student_id), school_years_of(uow)
    stored = {(r["school_year_id"], r["school_id"], r["grade_level"])
              for r in uow.facts.select("student_years", student_id=student_id)}
    wanted = enrolments(states, years)
    for school_year_id, school_id, grade in sorted(stored - wanted):
        uow.facts.remove("student_years", school_year_id=school_year_id, school_id=school_id, grade_level=grade,
                         student_id=student_id)
    for school_year_id, school_id, grade in sorted(wanted - stored):
        uow.facts.put("student_years", {"school_year_id": school_year_id, "school_id": school_id,
                                        "grade_level": grade, "student_id": student_id}, {})
    for row in uow.facts.select("artifacts", student_id=student_id):
        _change(uow, "artifacts", row, "artifact_id", placed(row, states, years))
    for row in uow.facts.select("assessments", student_id=student_id):
        state = state_at(states, row["assessed_at"])
        _change(uow, "assessments", row, "assessment_id", {
            "school_id": state.school_id if state else "", "grade_level": state.grade_level if state else "",
            "school_year_id": row["school_year_id"] or year_of(years, row["assessed_at"])})
    for row in uow.facts.select("milestones", student_id=student_id, school_year_id=NO_YEAR):
        uow.facts.update("milestones", {"milestone_id": row["milestone_id"]},
                      {"school_year_id": year_of(years, row["completed_at"])})
    for row in uow.facts.select("transfers", student_id=student_id):
        if not row["school_year_id"]:
            uow.facts.update("transfers", {k: row[k] for k in ("student_id", "effective_date", "to_school_id")},
                          {"school_year_id": year_of(years, row["effective_date"])})


def _change(uow, table: str, row: dict, key: str, values: dict) -> None:
    """Update the row only where the derived values differ (most history changes move no evidence)."""
    if any(row.get(k) != v for k, v in values.items()):
        uow.facts.update(table, {key: row[key]}, values)


def placed(row: dict, states: list[State], years: list[Year]) -> dict:
    state = state_at(states, row["added_at"])
    return {"school_id": row["stamped_school_id"] or (state.school_id if state else ""),
            "grade_level": state.grade_level if state else "",
            "school_year_id": row["school_year_id"] or year_of(years, row["added_at"])}
