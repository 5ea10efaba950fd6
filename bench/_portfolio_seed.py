"""Bulk seed of a district-sized artifacts database for the portfolio benchmark (PostgreSQL COPY).

The database is first migrated with the artifacts migrations; the keys and indexes of the bulk tables are then
dropped, the rows COPYed in by parallel worker processes with triggers off (``session_replication_role = replica``:
the rows are consistent by construction), the very same keys and indexes (definitions read back from the catalog)
rebuilt, and everything ANALYZEd.
"""
from __future__ import annotations

import concurrent.futures
import datetime as dt
import io
import itertools
import multiprocessing
import random
import threading
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
        self.line("\t".join("\\N" if v is None else str(v) for v in values) + "\n")

    def line(self, row: str) -> None:
        """One row already in COPY text format (tab-separated, newline-terminated)."""
        self.buffer.write(row)
        self.pending += 1
        if self.pending >= self.chunk:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.buffer.seek(0)
            self.cursor.copy_expert(f"COPY {self.table} ({', '.join(self.columns)}) FROM STDIN", self.buffer)
            self.total += self.pending
        self.buffer, self.pending = io.StringIO(), 0


def _connect(database_url: str, autocommit: bool = False):
    url = make_url(database_url)
    conn = psycopg2.connect(host=url.host, port=url.port or 5432, user=url.username, password=url.password,
                            dbname=url.database)
    conn.autocommit = autocommit
    conn.cursor().execute("SET session_replication_role = replica; SET maintenance_work_mem = '256MB'")
    return conn


@dataclass
class _Cast:
    """Everything the artifact generators share (inherited by the forked workers)."""

    students: list[tuple[str, str]]
    teachers: list[str]
    skills: list[str]
    years: list[str]
    with_media_table: bool


def fork_ranges(target, args: tuple, total: int, workers: int, timeout: float) -> list:
    """Runs ``target(*args, worker, first, last, done)`` in ``workers`` forked processes, each over its share of
    ``range(total)``, and returns what each put on ``done``; a worker that fails stops the seed."""
    context = multiprocessing.get_context("fork")
    done = context.Queue()
    bounds = [total * w // workers for w in range(workers + 1)]
    procs = [context.Process(target=target, args=(*args, w, bounds[w], bounds[w + 1], done)) for w in range(workers)]
    for proc in procs:
        proc.start()
    results = [done.get(timeout=timeout) for _ in procs]
    for proc in procs:
        proc.join()
        if proc.exitcode:
            raise SystemExit(f"a seeding worker failed (exit code {proc.exitcode})")
    return results


def _artifacts(database_url: str, cast: _Cast, spec: Spec, worker: int, first: int, last: int, done) -> None:
    """Generate and COPY artifacts number ``first`` to ``last`` (the listed student's come first), in one worker."""
    rng = random.Random(spec.seed * 1000 + worker)
    kinds = [k for k, weight in KINDS for _ in range(weight)]
    students, teachers, skills, years = cast.students, cast.teachers, cast.skills, cast.years
    conn = _connect(database_url)
    cur = conn.cursor()
    artifacts = _Rows(cur, "artifacts", ("id", "student_id", "added_by", "added_by_role", "title", "description",
                                         "kind", "link_url", "school_year_id", "school_id", "status",
                                         "rejection_reason", "current_version", "created_at", "updated_at",
                                         "deleted_at"))
    tags = _Rows(cur, "artifact_skills", ("artifact_id", "skill_id", "position"))
    versions = _Rows(cur, "artifact_versions", ("artifact_id", "number", "media_key", "link_url", "size_bytes",
                                                "content_type", "created_by", "created_at")
                     + (("file_name",) if cast.with_media_table else ()))
    media = _Rows(cur, "version_media", ("artifact_id", "number", "uploaded_at", "verdict", "content_type",
                                         "size_bytes", "thumbnail_key", "checked_at"))
    random_, choices, bits = rng.random, rng.choices, rng.getrandbits     # the hot loop: C-level calls only
    skill_sets = [list(itertools.permutations(skills, k)) for k in (1, 2, 3)]
    year_starts = [dt.datetime(y, 8, 15, 8, tzinfo=dt.UTC) for y in YEAR_STARTS]
    with_media = cast.with_media_table
    for n in range(first, last):
        pick = 0 if n < spec.featured else 1 + int(random_() * (len(students) - 1))
        student_id, school_id = students[pick]
        artifact_id = str(uuid.UUID(int=bits(128), version=4))
        kind, year = kinds[int(random_() * len(kinds))], int(random_() * len(YEAR_STARTS))
        created = year_starts[year] + dt.timedelta(seconds=int(random_() * 300 * 86400))
        at = created.isoformat()
        by_student = random_() < 0.7
        added_by = student_id if by_student else teachers[int(random_() * len(teachers))]
        status, reason, roll = "ready", "", random_()
        if kind != "link" and roll < 0.03:
            status = "processing"
        elif kind != "link" and roll < 0.05:
            status, reason = "rejected", "The file is not an image (it looks like a ZIP archive)."
        title = " ".join(choices(WORDS, k=2 + int(random_() * 4))).capitalize()
        link = f"https://example.org/work/{artifact_id[:8]}" if kind == "link" else ""
        deleted = (created + dt.timedelta(days=3)).isoformat() if n >= spec.featured and random_() < 0.01 else "\\N"
        artifacts.line(f"{artifact_id}\t{student_id}\t{added_by}\t{'student' if by_student else 'teacher'}\t{title}\t"
                       f"What I learned making this {kind}.\t{kind}\t{link}\t{years[year]}\t{school_id}\t{status}\t"
                       f"{reason}\t1\t{at}\t{at}\t{deleted}\n")
        chosen = skill_sets[int(random_() * 3)]
        for position, skill_id in enumerate(chosen[int(random_() * len(chosen))]):
            tags.line(f"{artifact_id}\t{skill_id}\t{position}\n")
        if kind == "link":
            versions.line(f"{artifact_id}\t1\t\t{link}\t0\t\t{added_by}\t{at}" + ("\t\n" if with_media else "\n"))
            continue
        size, content_type = 10_000 + int(random_() * 5_000_000), CONTENT_TYPES[kind]
        file_name = f"\t{title.split()[0].lower()}.{content_type.split('/')[1]}\n" if with_media else "\n"
        versions.line(f"{artifact_id}\t1\tartifacts/{artifact_id}/v1/original\t\t{size}\t{content_type}\t{added_by}\t"
                      f"{at}{file_name}")
        if with_media:
            verdict = "" if status == "processing" else status
            thumbnail = f"artifacts/{artifact_id}/v1/thumbnail" if verdict == "ready" and kind == "image" else ""
            checked = (created + dt.timedelta(seconds=5)).isoformat() if verdict else "\\N"
            media.line(f"{artifact_id}\t1\t{at}\t{verdict}\t{content_type if verdict else ''}\t"
                       f"{size if verdict == 'ready' else 0}\t{thumbnail}\t{checked}\n")
    for rows in (artifacts, tags, versions, media):
        rows.flush()
    conn.commit()
    conn.close()
    done.put({"artifacts": artifacts.total, "artifact_skills": tags.total, "artifact_versions": versions.total,
              "version_media": media.total})


def _drop_keys_and_indexes(cur, tables: list[str]) -> list[str]:
    """Drop the tables' foreign keys, primary keys and indexes; the statements that recreate them, in order."""
    cur.execute("SELECT conname, conrelid::regclass::text, contype, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid::regclass::text = ANY(%s) AND contype IN ('p', 'f')", (tables,))
    constraints = cur.fetchall()
    cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
                "AND indexname NOT IN (SELECT conname FROM pg_constraint)", (tables,))
    indexes = cur.fetchall()
    for kind in ("f", "p"):
        for name, table, contype, _ in constraints:
            if contype == kind:
                cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        cur.execute(f'DROP INDEX "{name}"')
    add = {kind: [f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'
                  for name, table, contype, definition in constraints if contype == kind] for kind in ("p", "f")}
    return add["p"] + [definition for _, definition in indexes] + add["f"]


def _rebuild(database_url: str, statements: list[str], connections: int) -> None:
    """Keys and indexes on ``connections`` connections at once, slowest (full-text GIN) first, each statement on
    one table; foreign keys last (they need the primary keys); then ANALYZE."""
    local = threading.local()
    opened = []

    def run(statement: str) -> None:
        if not hasattr(local, "conn"):
            local.conn = _connect(database_url, autocommit=True)
            opened.append(local.conn)
        local.conn.cursor().execute(statement)
    keys_and_indexes = sorted((s for s in statements if "FOREIGN KEY" not in s), key=lambda s: "gin" not in s)
    with concurrent.futures.ThreadPoolExecutor(connections) as threads:
        list(threads.map(run, keys_and_indexes))
    for statement in statements:
        if "FOREIGN KEY" in statement:
            opened[0].cursor().execute(statement)
    opened[0].cursor().execute("ANALYZE")
    for conn in opened:
        conn.close()


def seed(database_url: str, migrations_dir, spec: Spec = Spec(), workers: int = 2) -> District:
    """Migrate, then bulk-load the district: keys and indexes dropped, ``workers`` processes COPYing slices of the
    artifacts in parallel, keys and indexes rebuilt (the migration's own definitions), ANALYZE."""
    started = time.perf_counter()
    upgrade(migrations_dir, database_url)
    rng = random.Random(spec.seed)
    schools = [_id(rng) for _ in range(spec.schools)]
    students = [(_id(rng), schools[i % spec.schools]) for i in range(spec.students)]
    teachers = [_id(rng) for _ in range(spec.teachers)]
    conn = _connect(database_url)
    cur = conn.cursor()
    cur.execute("SELECT to_regclass('version_media') IS NOT NULL")
    with_media_table = cur.fetchone()[0]         # migration 0002 (direct-to-store uploads) onwards
    bulk = ["artifacts", "artifact_skills", "artifact_versions"] + (["version_media"] if with_media_table else [])
    rebuild = _drop_keys_and_indexes(cur, bulk)
    people = _Rows(cur, "people", ("person_id", "roles", "primary_school_id", "active"))
    for person_id, school_id in students:
        people.add(person_id, "student", school_id, "t")
    for i, person_id in enumerate(teachers):
        people.add(person_id, "teacher", schools[i % spec.schools], "t")
    people.flush()
    conn.commit()
    cast = _Cast(students, teachers, [_id(rng) for _ in range(spec.skills)], [_id(rng) for _ in YEAR_STARTS],
                 with_media_table)
    counts = fork_ranges(_artifacts, (database_url, cast, spec), spec.artifacts, workers, timeout=900)
    copied = time.perf_counter() - started
    conn.close()
    _rebuild(database_url, rebuild, workers)
    totals = {key: sum(c[key] for c in counts) for key in counts[0]}
    return District(student_id=students[0][0], school_id=students[0][1], skill_ids=cast.skills,
                    school_year_ids=cast.years, title_words=list(WORDS), seconds=time.perf_counter() - started,
                    counts={**totals, "people": people.total, "copy_seconds": round(copied, 1),
                            "copy_workers": workers})
