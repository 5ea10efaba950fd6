"""Bulk seed of a district-sized artifacts database for the portfolio benchmark (PostgreSQL COPY).

The database is first migrated with the artifacts migrations; the secondary indexes of the bulk tables are then
dropped, the rows COPYed in with triggers off (``session_replication_role = replica``: the rows are consistent by
construction, so the foreign-key and append-only triggers have nothing to catch), the very same index definitions
(read back from ``pg_indexes``) recreated, and everything ANALYZEd.
"""
from __future__ import annotations

import datetime as dt
import io
import random
import time
import uuid
from dataclasses import dataclass, field

import psycopg2
from sqlalchemy.engine import make_url

from chassis.migrations import upgrade

WORDS = ("robot bridge volcano poem essay fractions garden solar orchestra mural debate river ecosystem code game "
         "story map timeline portrait recipe experiment survey chart model sculpture song dance comic interview "
         "podcast budget museum planet circuit journal lab report habitat poster invention machine letter ocean "
         "forest weather history algebra geometry spanish french chemistry physics biology painting pottery "
         "photography theatre film animation website app puzzle kite rocket tower castle city farm market").split()
KINDS = (("image", 40), ("document", 25), ("link", 20), ("video", 10), ("audio", 5))
CONTENT_TYPES = {"image": "image/jpeg", "document": "application/pdf", "video": "video/mp4", "audio": "audio/mpeg"}
YEAR_STARTS = (2022, 2023, 2024, 2025)


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


@dataclass
class District:
    """Ids the benchmark needs back: the 300-artifact student, the skills and school years."""

    student_id: str
    school_id: str
    skill_ids: list[str]
    school_year_ids: list[str]
    title_words: list[str]
    counts: dict = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class Spec:
    artifacts: int = 1_000_000
    students: int = 96_000
    schools: int = 150
    teachers: int = 6_000
    skills: int = 8
    featured: int = 300        # artifacts of the student whose portfolio is listed
    seed: int = 7


class _Rows:
    """Text-format COPY buffers, flushed every ``chunk`` rows."""

    def __init__(self, cursor, table: str, columns: tuple[str, ...], chunk: int = 100_000) -> None:
        self.cursor, self.table, self.columns, self.chunk = cursor, table, columns, chunk
        self.buffer, self.pending, self.total = io.StringIO(), 0, 0

    def add(self, *values) -> None:
        self.buffer.write("\t".join("\\N" if v is None else str(v) for v in values))
        self.buffer.write("\n")
        self.pending += 1
        if self.pending >= self.chunk:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.buffer.seek(0)
            self.cursor.copy_expert(f"COPY {self.table} ({', '.join(self.columns)}) FROM STDIN", self.buffer)
            self.total += self.pending
        self.buffer, self.pending = io.StringIO(), 0


def _school_year(rng: random.Random, start_year: int) -> dt.datetime:
    start = dt.datetime(start_year, 8, 15, 8, tzinfo=dt.timezone.utc)
    return start + dt.timedelta(seconds=rng.randrange(300 * 86400))


def seed(database_url: str, migrations_dir, spec: Spec = Spec()) -> District:
    started = time.perf_counter()
    upgrade(migrations_dir, database_url)
    rng = random.Random(spec.seed)
    schools = [_id(rng) for _ in range(spec.schools)]
    students = [(_id(rng), schools[i % spec.schools]) for i in range(spec.students)]
    teachers = [_id(rng) for _ in range(spec.teachers)]
    skills = [_id(rng) for _ in range(spec.skills)]
    years = [_id(rng) for _ in YEAR_STARTS]
    kinds = [k for k, weight in KINDS for _ in range(weight)]
    url = make_url(database_url)
    conn = psycopg2.connect(host=url.host, port=url.port or 5432, user=url.username, password=url.password,
                            dbname=url.database)
    cur = conn.cursor()
    cur.execute("SET session_replication_role = replica; SET maintenance_work_mem = '512MB'")
    cur.execute("SELECT to_regclass('version_media') IS NOT NULL")
    with_media_table = cur.fetchone()[0]         # migration 0002 (direct-to-store uploads) onwards
    bulk = ("artifacts", "artifact_skills", "artifact_versions", "version_media")
    cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) AND indexname NOT LIKE 'pk_%%'",
                (list(bulk),))
    indexes = cur.fetchall()
    for name, _ in indexes:
        cur.execute(f'DROP INDEX "{name}"')
    people = _Rows(cur, "people", ("person_id", "roles", "primary_school_id", "active"))
    for person_id, school_id in students:
        people.add(person_id, "student", school_id, "t")
    for i, person_id in enumerate(teachers):
        people.add(person_id, "teacher", schools[i % spec.schools], "t")
    people.flush()
    artifacts = _Rows(cur, "artifacts", ("id", "student_id", "added_by", "added_by_role", "title", "description",
                                         "kind", "link_url", "school_year_id", "school_id", "status",
                                         "rejection_reason", "current_version", "created_at", "updated_at",
                                         "deleted_at"))
    tags = _Rows(cur, "artifact_skills", ("artifact_id", "skill_id", "position"))
    versions = _Rows(cur, "artifact_versions", ("artifact_id", "number", "media_key", "link_url", "size_bytes",
                                                "content_type", "created_by", "created_at")
                     + (("file_name",) if with_media_table else ()))
    media = _Rows(cur, "version_media", ("artifact_id", "number", "uploaded_at", "verdict", "content_type",
                                         "size_bytes", "thumbnail_key", "checked_at"))
    featured_id, featured_school = students[0]
    for n in range(spec.artifacts):
        student_id, school_id = (students[0] if n < spec.featured
                                 else students[1 + rng.randrange(spec.students - 1)])
        artifact_id, kind, year = _id(rng), rng.choice(kinds), rng.randrange(len(YEAR_STARTS))
        created = _school_year(rng, YEAR_STARTS[year])
        by_student = rng.random() < 0.7
        added_by = student_id if by_student else teachers[rng.randrange(spec.teachers)]
        status, reason = "ready", ""
        roll = rng.random()
        if kind != "link" and roll < 0.03:
            status = "processing"
        elif kind != "link" and roll < 0.05:
            status, reason = "rejected", "The file is not an image (it looks like a ZIP archive)."
        title = " ".join(rng.choice(WORDS) for _ in range(2 + rng.randrange(4))).capitalize()
        link = f"https://example.org/work/{artifact_id[:8]}" if kind == "link" else ""
        deleted = (created + dt.timedelta(days=3)).isoformat() if n >= spec.featured and rng.random() < 0.01 else None
        artifacts.add(artifact_id, student_id, added_by, "student" if by_student else "teacher", title,
                      f"What I learned making this {kind}.", kind, link, years[year], school_id, status, reason, 1,
                      created.isoformat(), created.isoformat(), deleted)
        for position, skill_id in enumerate(rng.sample(skills, 1 + rng.randrange(3))):
            tags.add(artifact_id, skill_id, position)
        media_key = "" if kind == "link" else f"artifacts/{artifact_id}/v1/original"
        size = 0 if kind == "link" else 10_000 + rng.randrange(5_000_000)
        file_name = (f"{title.split()[0].lower()}.{CONTENT_TYPES[kind].split('/')[1]}",) if kind != "link" else ("",)
        versions.add(artifact_id, 1, media_key, link, size, CONTENT_TYPES.get(kind, ""), added_by, created.isoformat(),
                     *(file_name if with_media_table else ()))
        if with_media_table and kind != "link":
            checked = (created + dt.timedelta(seconds=5)).isoformat()
            verdict = "" if status == "processing" else status
            media.add(artifact_id, 1, created.isoformat(), verdict, CONTENT_TYPES[kind] if verdict else "",
                      size if verdict == "ready" else 0,
                      f"artifacts/{artifact_id}/v1/thumbnail" if verdict == "ready" and kind == "image" else "",
                      checked if verdict else None)
    for rows in (artifacts, tags, versions, media):
        rows.flush()
    copied = time.perf_counter() - started
    for _, definition in indexes:
        cur.execute(definition)
    conn.commit()
    conn.autocommit = True
    cur.execute("ANALYZE")
    conn.close()
    return District(student_id=featured_id, school_id=featured_school, skill_ids=skills, school_year_ids=years,
                    title_words=list(WORDS), seconds=time.perf_counter() - started,
                    counts={"artifacts": artifacts.total, "artifact_skills": tags.total,
                            "artifact_versions": versions.total, "version_media": media.total,
                            "people": people.total,
                            "copy_seconds": round(copied, 1)})
