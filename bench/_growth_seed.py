"""Bulk seed of a reflections database for the growth-view benchmark (PostgreSQL COPY, one transaction).

One featured student with 13 school years x 40 artifacts, and ``others`` students with 40 artifacts each spread over
their own years; every artifact is tagged with one or two of six skills and carries a reflection (one or two
revisions), a teacher assessment and a self-assessment of its first skill, as the reflections service stores them
(replicas: artifact owners and skill tags, the skills catalog, school years). Rows are written in shuffled order so
the featured student's rows are scattered over the tables, as years of real traffic leave them; then VACUUM
ANALYZE (as autovacuum leaves a live database).
"""
from __future__ import annotations

import datetime as dt
import io
import json
import random
import time
import uuid
from dataclasses import dataclass, field

import psycopg2
from sqlalchemy.engine import make_url

from chassis.migrations import upgrade

YEARS = 13
PER_YEAR = 40
LEVELS = ["Beginning", "Developing", "Proficient", "Exemplary"]
SKILLS = [("Effective Communicator", "#1F5FAD"), ("Emerging Innovator", "#F2C300"), ("Collaborator", "#2E7D32"),
          ("Critical Thinker", "#6A1B9A"), ("Self-directed Learner", "#C62828"), ("Global Citizen", "#00838F")]


@dataclass
class Seeded:
    student_id: str
    skill_ids: list[str]
    school_year_ids: list[str]
    counts: dict = field(default_factory=dict)
    seconds: float = 0.0


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _copy(cursor, table: str, columns: list[str], rows: list[tuple]) -> None:
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join("\\N" if v is None else str(v).replace("\\", "\\\\").replace("\t", " ")
                               .replace("\n", " ") for v in row) + "\n")
    buffer.seek(0)
    cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)


def _catalog(cursor, rng: random.Random) -> tuple[list[str], list[tuple[str, int]]]:
    scale_id = _id(rng)
    skill_ids = [_id(rng) for _ in SKILLS]
    _copy(cursor, "catalog_scales", ["scale_id", "name", "levels"], [(scale_id, "Four levels", json.dumps(
        [{"rank": i + 1, "name": n, "description": f"{n} work"} for i, n in enumerate(LEVELS)]))])
    _copy(cursor, "catalog_skills", ["skill_id", "name", "colour", "scale_id", "retired", "deleted"],
          [(s, name, colour, scale_id, "f", "f") for s, (name, colour) in zip(skill_ids, SKILLS)])
    years = [(_id(rng), 2014 + i) for i in range(YEARS)]
    _copy(cursor, "school_years", ["school_year_id", "title", "start_date", "end_date"],
          [(y, f"{start}-{(start + 1) % 100:02d}", f"{start}-08-10", f"{start + 1}-05-28") for y, start in years])
    return skill_ids, years


def _student_rows(rng: random.Random, student: str, years: list[tuple[str, int]], skill_ids: list[str],
                  per_year: int, rows: dict[str, list]) -> None:
    for year_id, start in years:
        for n in range(per_year):
            artifact = _id(rng)
            created = dt.datetime(start, 8, 20, tzinfo=dt.UTC) + dt.timedelta(days=rng.uniform(0, 270))
            skills = rng.sample(skill_ids, rng.choice((1, 2)))
            rows["artifact_owners"].append((artifact, student, "f", year_id, created.isoformat()))
            rows["artifact_skills"] += [(artifact, s, student) for s in skills]
            reflection = _id(rng)
            revisions = rng.choice((1, 2))
            rows["reflections"].append((reflection, artifact, student, "", revisions, created.isoformat(),
                                        created.isoformat()))
            rows["reflection_revisions"] += [(reflection, r + 1, f"What I learned, take {r + 1}.",
                                              (created + dt.timedelta(days=r)).isoformat()) for r in range(revisions)]
            for role, assessor, days in (("student", student, 1), ("teacher", f"tch-{rng.randrange(400)}", 5)):
                rank = rng.randint(1, 4)
                rows["assessments"].append((
                    _id(rng), artifact, student, skills[0], assessor, role, rank, LEVELS[rank - 1], 4,
                    "You explain your thinking clearly." if role == "teacher" else "", "[]",
                    (created + dt.timedelta(days=days, seconds=rng.randrange(86400))).isoformat()))


COLUMNS = {
    "artifact_owners": ["artifact_id", "student_id", "deleted", "school_year_id", "created_at"],
    "artifact_skills": ["artifact_id", "skill_id", "student_id"],
    "reflections": ["id", "artifact_id", "student_id", "prompt_id", "current_revision", "created_at", "updated_at"],
    "reflection_revisions": ["reflection_id", "number", "text", "created_at"],
    "assessments": ["id", "artifact_id", "student_id", "skill_id", "assessor_id", "assessor_role", "level_rank",
                    "level_name", "max_rank", "comment", "criterion_levels", "assessed_at"],
}


def seed(database_url: str, migrations, others: int, seed_value: int = 4) -> Seeded:
    """Migrate and fill the database; returns the featured student's id and what was written."""
    started = time.perf_counter()
    upgrade(migrations, database_url)
    rng = random.Random(seed_value)
    url = make_url(database_url)
    conn = psycopg2.connect(host=url.host, port=url.port or 5432, user=url.username, password=url.password,
                            dbname=url.database)
    try:
        with conn, conn.cursor() as cursor:
            skill_ids, years = _catalog(cursor, rng)
            rows: dict[str, list] = {table: [] for table in COLUMNS}
            featured = "stu-featured"
            _student_rows(rng, featured, years, skill_ids, PER_YEAR, rows)
            for i in range(others):        # realistic neighbours: 40 artifacts each over 1-4 of their years
                first = rng.randrange(YEARS - 3)
                span = years[first:first + rng.randint(1, 4)]
                _student_rows(rng, f"stu-{i:06d}", span, skill_ids, PER_YEAR // len(span), rows)
            for table, columns in COLUMNS.items():
                rng.shuffle(rows[table])
                _copy(cursor, table, columns, rows[table])
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")   # what autovacuum keeps up in a live database (visibility map)
    finally:
        conn.close()
    return Seeded(featured, skill_ids, [y for y, _ in years],
                  {table: len(values) for table, values in rows.items()}, time.perf_counter() - started)
