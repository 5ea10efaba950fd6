"""The passport's JSON (``passport.json``, version :data:`SCHEMA_VERSION`, documented by ``passport.schema.json``):
the student, their school, skills and school years, every artifact with its versions, media files and discussion,
goals, milestones and credentials. Built from the owning services' replies; media paths are archive-relative."""
from __future__ import annotations

import datetime as dt
import json
import pathlib
import re

from skillfolio.artifacts.v1 import artifacts_pb2 as apb
from skillfolio.roster.v1 import roster_pb2 as rpb
from skillfolio.skills.v1 import skills_pb2 as spb

SCHEMA_VERSION = "1.1.0"   # 1.1: a recording's file in the archive
SCHEMA_FILE = "passport.schema.json"
SCHEMA_PATH = pathlib.Path(__file__).with_name(SCHEMA_FILE)
EMPTY_DISCUSSION = {"reflections": [], "feedback": [], "comments": [], "assessments": []}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str, fallback: str = "file") -> str:
    """A file name safe in any archive tool and file system: no separators, dots or invisible characters first."""
    cleaned = _UNSAFE.sub("_", name).strip("._")[:100]
    return cleaned or fallback


def media_path(artifact_id: str, version: apb.Version) -> str:
    return f"media/{safe_name(artifact_id)}/v{version.number}-{safe_name(version.file_name)}"


def recording_path(reflection_id: str, number: int, file_name: str) -> str:
    return f"media/reflections/{safe_name(reflection_id)}/r{number}-{safe_name(file_name)}"


def person(p: rpb.Person) -> dict:
    return {"id": p.id, "sourced_id": p.sourced_id, "given_name": p.given_name, "family_name": p.family_name,
            "grade_level": p.grade_level}


def skill(s: spb.Skill) -> dict:
    return {"id": s.id, "code": s.code, "name": s.name, "description": s.description, "colour": s.colour,
            "text_colour": s.text_colour, "retired": s.retired}


def version(artifact_id: str, v: apb.Version) -> dict:
    return {"number": v.number, "file_name": v.file_name, "content_type": v.content_type,
            "size_bytes": v.size_bytes, "link_url": v.link_url, "created_at": v.created_at,
            "file": media_path(artifact_id, v) if v.download_url else None}


def artifact(a: apb.Artifact, discussion: dict | None) -> dict:
    found = discussion or EMPTY_DISCUSSION
    return {"id": a.id, "title": a.title, "description": a.description, "kind": a.kind, "link_url": a.link_url,
            "skill_ids": list(a.skill_ids), "school_year_id": a.school_year_id, "school_id": a.school_id,
            "added_by_role": a.added_by_role, "status": a.status, "created_at": a.created_at,
            "updated_at": a.updated_at, "current_version": a.current_version,
            "versions": [version(a.id, v) for v in a.versions],
            **{key: found.get(key, []) for key in EMPTY_DISCUSSION}}


def passport(reply: rpb.ExportPersonResponse, role: str, skills: list[spb.Skill], years: list[rpb.SchoolYear],
             artifacts: list[dict], records: dict[str, list[dict]], now: dt.datetime) -> dict:
    """The whole document (its artifacts already built one by one while their media were written)."""
    school = reply.school if reply.HasField("school") else None
    clr = records.get("clr", [])
    return {"$schema": SCHEMA_FILE, "schema_version": SCHEMA_VERSION, "generated_at": now.isoformat(),
            "exported_as": role, "student": person(reply.person),
            "school": {"id": school.id, "name": school.name, "district_id": school.district_id} if school else None,
            "guardians": [{"given_name": g.given_name, "family_name": g.family_name} for g in reply.guardians],
            "school_years": [{"id": y.id, "title": y.title, "start_date": y.start_date, "end_date": y.end_date}
                             for y in years],
            "skills": [skill(s) for s in skills], "artifacts": artifacts,
            "goals": records.get("goal", []), "milestones": records.get("milestone", []),
            "credentials": records.get("credential", []), "clr": clr[0] if clr else None}


def dumps(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False).encode()
