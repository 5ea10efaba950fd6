"""The report_query benchmark's baseline: the dashboard's aggregates as plain GROUP BY statements over the
normalised schema ``naive`` (bench/_report_seed.py): artifacts carry their school, the grade comes from the
student's enrolment in that school and year; reflections and feedback are rows of their own."""
from __future__ import annotations

JOIN = ("naive.artifacts a JOIN naive.enrolments e ON e.student_id = a.student_id "
        "AND e.school_year_id = a.school_year_id AND e.school_id = a.school_id")
DURING = "e.student_id = {t}.student_id AND e.school_year_id = %(y)s AND {t}.{at}::date >= e.entry_date " \
         "AND {t}.{at}::date < e.exit_date"


def _params(wanted: dict) -> dict:
    return {"y": wanted.get("school_year_id", ""), "school": wanted.get("school_id", ""),
            "grade": wanted.get("grade", ""), "skill": wanted.get("skill_id", "")}


def _where(p: dict, skill: bool = True) -> str:
    out = "a.school_year_id = %(y)s AND a.deleted_at IS NULL"
    out += " AND a.school_id = %(school)s" if p["school"] else ""
    out += " AND e.grade_level = %(grade)s" if p["grade"] else ""
    if skill and p["skill"]:
        out += (" AND EXISTS (SELECT 1 FROM naive.artifact_skills k WHERE k.artifact_id = a.artifact_id "
                "AND k.skill_id = %(skill)s)")
    return out


def _enrolled_where(p: dict) -> str:
    return "e.school_year_id = %(y)s" + (" AND e.school_id = %(school)s" if p["school"] else "") + (
        " AND e.grade_level = %(grade)s" if p["grade"] else "")


def statements(wanted: dict) -> list[str]:
    """Totals, by skill, grade, school and kind, reflections/feedback, enrolment, participation, students with
    evidence, latest assessed levels and milestone outcomes, for one filter."""
    p = _params(wanted)
    group = "e.grade_level" if p["school"] else "a.school_id"
    egroup = "e.grade_level" if p["school"] else "e.school_id"
    where, tagged = _where(p), _where(p, skill=False) + (" AND k.skill_id = %(skill)s" if p["skill"] else "")
    skills = f"{JOIN} JOIN naive.artifact_skills k ON k.artifact_id = a.artifact_id"
    during_e = _enrolled_where(p)[len("e.school_year_id = %(y)s"):]
    return [
        f"SELECT k.skill_id, a.added_by_role, count(*) FROM {skills} WHERE {tagged} GROUP BY 1, 2",
        f"SELECT e.grade_level, a.added_by_role, count(*) FROM {JOIN} WHERE {where} GROUP BY 1, 2",
        f"SELECT a.school_id, a.added_by_role, count(*) FROM {JOIN} WHERE {where} GROUP BY 1, 2",
        f"SELECT a.kind, a.added_by_role, count(*) FROM {JOIN} WHERE {where} GROUP BY 1, 2",
        f"SELECT {group}, count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM naive.reflections r "
        f"WHERE r.artifact_id = a.artifact_id)), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM naive.feedback f "
        f"WHERE f.artifact_id = a.artifact_id)) FROM {JOIN} WHERE {where} GROUP BY 1",
        f"SELECT {egroup}, count(DISTINCT e.student_id) FROM naive.enrolments e WHERE {_enrolled_where(p)} "
        f"GROUP BY 1",
        f"SELECT count(DISTINCT e.student_id) FROM naive.enrolments e WHERE {_enrolled_where(p)}",
        f"SELECT {group}, k.skill_id, count(DISTINCT a.student_id) FROM {skills} WHERE {tagged} GROUP BY 1, 2",
        f"SELECT count(DISTINCT a.student_id) FROM {JOIN} WHERE {where}",
        "WITH latest AS (SELECT s.*, row_number() OVER (PARTITION BY s.student_id, s.skill_id ORDER BY "
        "s.assessed_at DESC, s.assessment_id DESC) AS n FROM naive.assessments s WHERE s.school_year_id = %(y)s"
        + (" AND s.skill_id = %(skill)s" if p["skill"] else "") + ") "
        f"SELECT l.skill_id, l.level_rank, count(*) FROM latest l JOIN naive.enrolments e ON "
        f"{DURING.format(t='l', at='assessed_at')} WHERE l.n = 1{during_e} GROUP BY 1, 2",
        f"SELECT m.type_code, e.grade_level, m.outcome, count(*) FROM naive.milestones m JOIN naive.enrolments e "
        f"ON {DURING.format(t='m', at='completed_at')} WHERE m.school_year_id = %(y)s{during_e} GROUP BY 1, 2, 3",
    ]


def dashboard(cur, wanted: dict) -> None:
    params = _params(wanted)
    for statement in statements(wanted):
        cur.execute(statement, params)
        cur.fetchall()


def options(cur) -> None:
    for statement in ("SELECT * FROM school_years ORDER BY start_date", "SELECT * FROM schools ORDER BY name",
                      "SELECT * FROM skills WHERE active ORDER BY code",
                      "SELECT DISTINCT grade_level FROM naive.enrolments"):
        cur.execute(statement)
        cur.fetchall()


def artifact_total(cur, wanted: dict) -> int:
    cur.execute(f"SELECT count(*) FROM {JOIN} WHERE {_where(_params(wanted))}", _params(wanted))
    return cur.fetchone()[0]
