"""Seed of the passport benchmark: one student with YEARS x PER_YEAR artifacts, each with one checked media file of
random (incompressible) bytes in the embedded filesystem store, and in the reflections database two reflection
revisions, a teacher's feedback and two comments per artifact; the roster knows the student. Rows go in through
the services' own table definitions (SQLAlchemy Core), media through the store's own ``put``."""
from __future__ import annotations

import datetime as dt
import io
import os
import uuid
from dataclasses import dataclass

from sqlalchemy import create_engine, insert

from chassis.media.fs_store import FilesystemBlobStore


@dataclass(frozen=True)
class Seeded:
    student_id: str
    files: list[str]          # the media files on disk (the baseline zips these)
    media_bytes: int


def seed(roster_url: str, artifacts_url: str, reflections_url: str, store: FilesystemBlobStore, years: int,
         per_year: int, file_bytes: int) -> Seeded:
    from artifacts.adapters import orm as a
    from reflections.adapters import orm as r
    from roster.adapters import orm as ro
    student, teacher, district = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    start = dt.datetime(2014, 9, 1, tzinfo=dt.UTC)
    engine = create_engine(roster_url)
    with engine.begin() as conn:
        conn.execute(insert(ro.orgs), {"id": district, "sourced_id": "d-bench", "type": "district", "name": "Bench"})
        conn.execute(insert(ro.people), {"id": student, "sourced_id": "s-bench", "given_name": "Bea",
                                         "family_name": "Bench", "username": "bbench", "grade_level": "12"})
        conn.execute(insert(ro.person_roles), {"person_id": student, "role": "student", "org_id": district})
    engine.dispose()
    files, total, rows = [], 0, {"artifacts": [], "versions": [], "media": [], "owners": [], "reflections": [],
                                 "revisions": [], "feedback": [], "comments": []}
    for n in range(years * per_year):
        artifact, at = str(uuid.uuid4()), start + dt.timedelta(days=365 * (n // per_year) + n % per_year)
        key = f"checked/artifacts/{artifact}/v1/original"
        store.put(key, io.BytesIO(os.urandom(file_bytes)), file_bytes, "video/mp4")
        files.append(str(store._path(key)))
        total += file_bytes
        rows["artifacts"].append({"id": artifact, "student_id": student, "added_by": student,
                                  "added_by_role": "student", "title": f"Work {n}", "kind": "video",
                                  "status": "ready", "created_at": at, "updated_at": at,
                                  "school_year_id": f"sy-{n // per_year}"})
        rows["versions"].append({"artifact_id": artifact, "number": 1, "media_key": f"artifacts/{artifact}/v1/original",
                                 "size_bytes": file_bytes, "content_type": "video/mp4", "created_by": student,
                                 "created_at": at, "file_name": f"work-{n}.mp4"})
        rows["media"].append({"artifact_id": artifact, "number": 1, "uploaded_at": at, "verdict": "ready",
                              "content_type": "video/mp4", "size_bytes": file_bytes, "checked_at": at,
                              "checked_key": key})
        rows["owners"].append({"artifact_id": artifact, "student_id": student, "deleted": False,
                               "school_year_id": f"sy-{n // per_year}", "created_at": at})
        reflection = str(uuid.uuid4())
        rows["reflections"].append({"id": reflection, "artifact_id": artifact, "student_id": student,
                                    "current_revision": 2, "created_at": at, "updated_at": at})
        rows["revisions"] += [{"reflection_id": reflection, "number": v, "text": f"Reflection {n}, draft {v}. " * 8,
                               "created_at": at} for v in (1, 2)]
        rows["feedback"].append({"id": str(uuid.uuid4()), "artifact_id": artifact, "student_id": student,
                                 "teacher_id": teacher, "can_do": "Explains clearly. " * 5,
                                 "next_steps": "Cite sources. " * 5, "created_at": at})
        rows["comments"] += [{"id": str(uuid.uuid4()), "artifact_id": artifact, "student_id": student,
                              "author_id": who, "author_role": role, "body": f"Comment on {n}. " * 6,
                              "created_at": at} for who, role in ((teacher, "teacher"), (student, "student"))]
    engine = create_engine(artifacts_url)
    with engine.begin() as conn:
        conn.execute(insert(a.artifacts), rows["artifacts"])
        conn.execute(insert(a.artifact_versions), rows["versions"])
        conn.execute(insert(a.version_media), rows["media"])
    engine.dispose()
    engine = create_engine(reflections_url)
    with engine.begin() as conn:
        for table, key in ((r.artifact_owners, "owners"), (r.reflections, "reflections"),
                           (r.reflection_revisions, "revisions"), (r.feedback, "feedback"), (r.comments, "comments")):
            conn.execute(insert(table), rows[key])
    engine.dispose()
    return Seeded(student, files, total)
