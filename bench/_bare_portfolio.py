"""The portfolio benchmark's baseline: a bare FastAPI endpoint running the portfolio's SQL straight on the database.

Same URL, query parameters and JSON shape as the gateway's ``GET /api/v1/students/{id}/artifacts``, and the same
data the artifacts service reads for a student viewing their own portfolio (no access-fact lookup: the service
needs none for that case either; the filtered keyset page, the page's skill tags, the media verdicts of the page's
files) in one transaction on a
pool of the service's size. No authentication, no gRPC hop, no service layer, no URL signing (``media_url`` and
``thumbnail_url`` stay empty). Served by uvicorn exactly like the gateway (one process).
Usage: python bench/_bare_portfolio.py <database_url> <port>
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import sys
from typing import Annotated

import uvicorn
from fastapi import FastAPI, Query
from sqlalchemy import bindparam, create_engine, text

SKILLS_SQL = text("SELECT artifact_id, skill_id FROM artifact_skills WHERE artifact_id IN :ids "
                  "ORDER BY artifact_id, position").bindparams(bindparam("ids", expanding=True))
MEDIA_COLUMNS = ("artifact_id, number, upload_id, uploaded_at, verdict, content_type, size_bytes, thumbnail_key, "
                 "checked_at")
COLUMNS = ("id, student_id, added_by, added_by_role, title, description, kind, link_url, school_year_id, school_id, "
           "status, rejection_reason, current_version, created_at, updated_at")


def page_sql(q: str, skill_ids: list[str], school_year_id: str, kind: str, after: bool):
    where = ["student_id = :student", "deleted_at IS NULL"]
    if q:
        where.append("to_tsvector('simple', title) @@ plainto_tsquery('simple', :q)")
    if skill_ids:
        where.append("id IN (SELECT artifact_id FROM artifact_skills WHERE skill_id IN :skill_ids)")
    if school_year_id:
        where.append("school_year_id = :year")
    if kind:
        where.append("kind = :kind")
    if after:
        where.append("(created_at < :at OR (created_at = :at AND id < :last_id))")
    statement = text(f"SELECT {COLUMNS} FROM artifacts WHERE {' AND '.join(where)} "
                     "ORDER BY created_at DESC, id DESC LIMIT :size")
    return statement.bindparams(bindparam("skill_ids", expanding=True)) if skill_ids else statement


def create_app(database_url: str) -> FastAPI:
    engine = create_engine(database_url, pool_size=10, pool_pre_ping=False)
    app = FastAPI()

    @app.get("/api/v1/students/{student_id}/artifacts")
    def portfolio(student_id: str, q: str = "", skill_id: Annotated[list[str], Query()] = [],
                  school_year_id: str = "", kind: str = "", page_size: int = 100, page_token: str = "") -> dict:
        params = {"student": student_id, "viewer": student_id, "q": q, "skill_ids": sorted(set(skill_id)),
                  "year": school_year_id, "kind": kind, "size": min(page_size or 100, 1000) + 1}
        if page_token:
            at, params["last_id"] = json.loads(base64.urlsafe_b64decode(page_token + "=" * (-len(page_token) % 4)))
            params["at"] = dt.datetime.fromisoformat(at)
        with engine.begin() as conn:
            rows = conn.execute(page_sql(q, params["skill_ids"], school_year_id, kind, bool(page_token)),
                                {k: v for k, v in params.items() if k != "skill_ids" or skill_id}).all()
            more, rows = len(rows) >= params["size"], rows[:params["size"] - 1]
            skills: dict[str, list[str]] = {r.id: [] for r in rows}
            if rows:
                for tag in conn.execute(SKILLS_SQL, {"ids": list(skills)}):
                    skills[tag.artifact_id].append(tag.skill_id)
            files = [(r.id, r.current_version) for r in rows if r.kind != "link"]
            if files:      # the media worker's verdicts of the page's current versions, as the service reads them
                either = " OR ".join(f"(artifact_id = :a{i} AND number = :n{i})" for i in range(len(files)))
                conn.execute(text(f"SELECT {MEDIA_COLUMNS} FROM version_media WHERE {either}"),
                             {k: v for i, (a, n) in enumerate(files) for k, v in ((f"a{i}", a), (f"n{i}", n))}).all()
        items = [{"id": r.id, "student_id": r.student_id, "title": r.title, "description": r.description,
                  "kind": r.kind, "link_url": r.link_url, "skill_ids": skills[r.id],
                  "school_year_id": r.school_year_id, "school_id": r.school_id, "status": r.status,
                  "rejection_reason": r.rejection_reason, "added_by": r.added_by, "added_by_role": r.added_by_role,
                  "created_at": r.created_at.isoformat(), "updated_at": r.updated_at.isoformat(),
                  "current_version": r.current_version, "thumbnail_url": "", "media_url": "", "versions": []}
                 for r in rows]
        token = ""
        if more:
            token = base64.urlsafe_b64encode(json.dumps([items[-1]["created_at"], items[-1]["id"]]).encode()
                                             ).rstrip(b"=").decode()
        return {"items": items, "next_page_token": token}

    return app


if __name__ == "__main__":
    uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_config=None,
                access_log=False, server_header=False)
