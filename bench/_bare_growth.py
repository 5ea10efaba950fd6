"""The growth benchmark's baseline: a bare FastAPI endpoint running the growth view's SQL statements straight on
the reflections database and returning the same JSON as the gateway's ``GET /api/v1/students/{id}/growth``.

Same statements as the reflections service (tagged counts per skill and school year joined to the artifact owners,
skills catalog and school years; lean points oldest first, ids only, joined to the artifact owners; the labels of any
skill or year only points name), the same grouping and ordering in Python, the same serializer (orjson, datetimes
written as ISO 8601), one transaction on a pool of the service's size. No authentication, no access check, no gRPC
hop, no protobuf. Served by uvicorn exactly like the gateway (one process).
Usage: python bench/_bare_growth.py <database_url> <port>
"""
from __future__ import annotations

import datetime as dt
import sys

import uvicorn
from fastapi import FastAPI
from fastapi.responses import ORJSONResponse
from sqlalchemy import bindparam, create_engine, text

COUNTS = text("""
SELECT s.skill_id, coalesce(k.name, s.skill_id) AS skill_name, coalesce(k.colour, '') AS colour, o.school_year_id,
       coalesce(y.title, '') AS title, coalesce(y.start_date, '') AS start_date, count(*) AS n
FROM artifact_skills s JOIN artifact_owners o ON o.artifact_id = s.artifact_id
LEFT JOIN catalog_skills k ON k.skill_id = s.skill_id LEFT JOIN school_years y ON y.school_year_id = o.school_year_id
WHERE s.student_id = :student AND o.student_id = :student AND NOT o.deleted
GROUP BY s.skill_id, k.name, k.colour, o.school_year_id, y.title, y.start_date""")
POINTS = text("""
SELECT a.skill_id, o.school_year_id, a.assessed_at, a.level_rank, a.level_name, a.max_rank, a.artifact_id,
       a.assessor_role
FROM assessments a JOIN artifact_owners o ON o.artifact_id = a.artifact_id
WHERE a.student_id = :student AND o.student_id = :student AND NOT o.deleted
ORDER BY a.assessed_at, a.id""")
SKILL_LABELS = text("SELECT skill_id, name, colour FROM catalog_skills WHERE skill_id IN :ids").bindparams(
    bindparam("ids", expanding=True))
YEAR_LABELS = text("SELECT school_year_id, title, start_date FROM school_years WHERE school_year_id IN :ids"
                   ).bindparams(bindparam("ids", expanding=True))


POINT_COLUMNS = ("assessed_at", "level_rank", "level_name", "max_rank", "artifact_id", "assessor_role")


def _order(year: dict) -> tuple:
    return (not year["start_date"] and not year["school_year_id"], year["start_date"] or "9999", year["title"],
            year["school_year_id"])


def create_app(database_url: str) -> FastAPI:
    engine = create_engine(database_url, pool_size=10)
    app = FastAPI()

    @app.get("/api/v1/students/{student_id}/growth")
    def growth(student_id: str):
        with engine.begin() as conn:
            counts = conn.execute(COUNTS, {"student": student_id}).all()
            points = conn.execute(POINTS, {"student": student_id}).all()
            skill_labels = {r.skill_id: (r.skill_name, r.colour) for r in counts}
            year_labels = {r.school_year_id: (r.title, r.start_date) for r in counts}
            missing_skills = {r.skill_id for r in points} - skill_labels.keys()
            missing_years = {r.school_year_id for r in points} - year_labels.keys()
            if missing_skills:
                skill_labels |= {r.skill_id: (r.name, r.colour)
                                 for r in conn.execute(SKILL_LABELS, {"ids": list(missing_skills)})}
            if missing_years:
                year_labels |= {r.school_year_id: (r.title, r.start_date)
                                for r in conn.execute(YEAR_LABELS, {"ids": list(missing_years)})}
        skills: dict[str, dict] = {}
        years: dict[tuple, dict] = {}

        def year_of(skill_id: str, school_year_id: str) -> dict:
            if skill_id not in skills:
                name, colour = skill_labels.get(skill_id, (skill_id, ""))
                skills[skill_id] = {"skill_id": skill_id, "skill_name": name, "colour": colour, "max_rank": 0,
                                    "years": []}
            key = (skill_id, school_year_id)
            if key not in years:
                title, start_date = year_labels.get(school_year_id, ("", ""))
                years[key] = {"school_year_id": school_year_id, "title": title, "start_date": start_date,
                              "artifacts_tagged": 0, "points": {column: [] for column in POINT_COLUMNS}}
                skills[skill_id]["years"].append(years[key])
            return years[key]

        for row in counts:
            year_of(row.skill_id, row.school_year_id)["artifacts_tagged"] += row.n
        for row in points:
            columns = year_of(row.skill_id, row.school_year_id)["points"]
            columns["assessed_at"].append(row.assessed_at.astimezone(dt.UTC))
            columns["level_rank"].append(row.level_rank)
            columns["level_name"].append(row.level_name)
            columns["max_rank"].append(row.max_rank)
            columns["artifact_id"].append(row.artifact_id)
            columns["assessor_role"].append(row.assessor_role)
            skills[row.skill_id]["max_rank"] = max(skills[row.skill_id]["max_rank"], row.max_rank)
        for skill in skills.values():
            skill["years"].sort(key=_order)
        ordered = sorted(skills.values(), key=lambda s: (s["skill_name"].lower(), s["skill_id"]))
        return ORJSONResponse({"student_id": student_id, "skills": ordered})

    return app


if __name__ == "__main__":
    uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning",
                access_log=False)
