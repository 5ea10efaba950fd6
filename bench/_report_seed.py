"""Bulk seed for the report_query benchmark (PostgreSQL COPY): a district's reporting read models as the
projections hold them, and the same facts as a normalised schema ``naive`` (artifacts, artifact_skills, enrolments,
reflections, feedback, assessments, milestones) for the naive GROUP BY baseline, in the same database.

Each worker process owns a slice of the students and writes every row about them (both schemas) in one pass; the
bulk tables' keys and indexes are dropped first and rebuilt from their own definitions afterwards, then ANALYZE
(bench/_portfolio_seed.py's helpers).
"""
from __future__ import annotations

import datetime as dt
import json
import random
import time
import uuid
from dataclasses import dataclass, field

from _portfolio_seed import _connect, _drop_keys_and_indexes, _rebuild, _Rows, fork_ranges

from chassis.migrations import upgrade

GRADES = ["KG", *(f"{n:02d}" for n in range(1, 13))]
YEAR_STARTS = (2023, 2024, 2025, 2026)            # the last one is current on the bench's calendar (Dec 2026)
KINDS = ("image",) * 8 + ("document",) * 5 + ("link",) * 4 + ("video",) * 2 + ("audio",)
OUTCOMES = ("NOT_YET",) + ("APPROACHING",) * 3 + ("READY",) * 4 + ("EXCELLING",) * 2
DAYS = [[f"{dt.date(s, 8, 15) + dt.timedelta(days=d)}T{8 + d % 9:02d}:00:00.000000+00:00" for d in range(300)]
        for s in YEAR_STARTS]
SCALE = [[1, "Beginning"], [2, "Developing"], [3, "Proficient"], [4, "Advanced"]]
MILESTONE_GRADES = {"05": "defense_of_learning", "08": "defense_of_learning", "12": "defense_of_learning",
                    "03": "student_led_conference"}
READ_MODEL_BULK = ["student_states", "student_years", "transfers", "artifacts", "artifact_skills",
                   "artifact_responses", "assessments", "milestones"]
NAIVE_DDL = """
CREATE SCHEMA naive;
CREATE TABLE naive.enrolments (student_id varchar(64) NOT NULL, school_year_id varchar(64) NOT NULL,
  school_id varchar(64) NOT NULL, grade_level varchar(8) NOT NULL, entry_date date NOT NULL, exit_date date NOT NULL,
  PRIMARY KEY (school_year_id, student_id, school_id));
CREATE TABLE naive.artifacts (artifact_id varchar(64) PRIMARY KEY, student_id varchar(64) NOT NULL,
  school_id varchar(64) NOT NULL, school_year_id varchar(64) NOT NULL, kind varchar(16) NOT NULL,
  added_by_role varchar(16) NOT NULL, created_at timestamptz NOT NULL, deleted_at timestamptz);
CREATE INDEX ix_naive_artifacts_year ON naive.artifacts (school_year_id, school_id);
CREATE INDEX ix_naive_artifacts_student ON naive.artifacts (student_id);
CREATE TABLE naive.artifact_skills (artifact_id varchar(64) NOT NULL, skill_id varchar(64) NOT NULL,
  PRIMARY KEY (artifact_id, skill_id));
CREATE INDEX ix_naive_artifact_skills_skill ON naive.artifact_skills (skill_id);
CREATE TABLE naive.reflections (reflection_id varchar(64) PRIMARY KEY, artifact_id varchar(64) NOT NULL);
CREATE INDEX ix_naive_reflections_artifact ON naive.reflections (artifact_id);
CREATE TABLE naive.feedback (feedback_id varchar(64) PRIMARY KEY, artifact_id varchar(64) NOT NULL);
CREATE INDEX ix_naive_feedback_artifact ON naive.feedback (artifact_id);
CREATE TABLE naive.assessments (assessment_id varchar(64) PRIMARY KEY, student_id varchar(64) NOT NULL,
  skill_id varchar(64) NOT NULL, school_year_id varchar(64) NOT NULL, level_rank int NOT NULL,
  assessed_at timestamptz NOT NULL);
CREATE INDEX ix_naive_assessments_year ON naive.assessments (school_year_id, student_id);
CREATE TABLE naive.milestones (milestone_id varchar(64) PRIMARY KEY, student_id varchar(64) NOT NULL,
  type_code varchar(64) NOT NULL, outcome varchar(16) NOT NULL, school_year_id varchar(64) NOT NULL,
  completed_at timestamptz NOT NULL);
CREATE INDEX ix_naive_milestones_year ON naive.milestones (school_year_id, student_id);
"""
NAIVE_BULK = ["naive.enrolments", "naive.artifacts", "naive.artifact_skills", "naive.reflections", "naive.feedback",
              "naive.assessments", "naive.milestones"]


@dataclass
class Spec:
    artifacts: int = 5_000_000
    schools: int = 150
    skills: int = 5
    students_per_5m: int = 96_000        # the district's size at 5M artifacts; scaled down with --artifacts
    seed: int = 12

    @property
    def students(self) -> int:
        return max(600, round(self.students_per_5m * self.artifacts / 5_000_000))


@dataclass
class District:
    schools: list[str]
    school_years: list[str]
    skills: list[str]
    district_admin: str = "p-dadmin"
    counts: dict = field(default_factory=dict)
    seconds: float = 0.0


def _id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _worker(database_url: str, district: District, spec: Spec, worker: int, first: int, last: int, done) -> None:
    """Every row about students ``first`` to ``last`` (both schemas) in one COPY pass."""
    rng = random.Random(spec.seed * 1000 + worker)
    random_, bits = rng.random, rng.getrandbits
    conn = _connect(database_url)
    cur = conn.cursor()

    def rows(table: str, *columns: str) -> _Rows:
        return _Rows(cur, table, columns)
    states = rows("student_states", "student_id", "at", "source", "school_id", "grade_level")
    years_rm = rows("student_years", "school_year_id", "school_id", "grade_level", "student_id")
    transfers = rows("transfers", "student_id", "effective_date", "to_school_id", "from_school_id", "school_year_id")
    artifacts = rows("artifacts", "artifact_id", "student_id", "added_at", "school_year_id", "stamped_school_id",
                     "school_id", "grade_level", "kind", "added_by_role", "deleted")
    tags = rows("artifact_skills", "artifact_id", "skill_id")
    responses = rows("artifact_responses", "artifact_id", "kind")
    assessments = rows("assessments", "assessment_id", "student_id", "skill_id", "school_year_id", "level_rank",
                       "assessed_at", "school_id", "grade_level")
    milestones = rows("milestones", "milestone_id", "student_id", "type_code", "outcome", "school_id", "grade_level",
                      "school_year_id", "completed_at")
    n_enrol = rows("naive.enrolments", "student_id", "school_year_id", "school_id", "grade_level", "entry_date",
                   "exit_date")
    n_artifacts = rows("naive.artifacts", "artifact_id", "student_id", "school_id", "school_year_id", "kind",
                       "added_by_role", "created_at", "deleted_at")
    n_tags = rows("naive.artifact_skills", "artifact_id", "skill_id")
    n_reflections = rows("naive.reflections", "reflection_id", "artifact_id")
    n_feedback = rows("naive.feedback", "feedback_id", "artifact_id")
    n_assessments = rows("naive.assessments", "assessment_id", "student_id", "skill_id", "school_year_id",
                         "level_rank", "assessed_at")
    n_milestones = rows("naive.milestones", "milestone_id", "student_id", "type_code", "outcome", "school_year_id",
                        "completed_at")
    schools, skills, n_schools = district.schools, district.skills, len(district.schools)
    mean = spec.artifacts / (spec.students * len(YEAR_STARTS))
    for s in range(first, last):
        student = f"st{s:07d}"
        for y, start in enumerate(YEAR_STARTS):
            year_id, grade = district.school_years[y], GRADES[(s + y) % len(GRADES)]
            school = schools[(s + y // 2) % n_schools]
            begin, end = f"{start}-08-15", f"{start + 1}-06-15"
            moved = random_() < 0.01
            move_on, to_school = f"{start + 1}-01-15", schools[(s + y // 2 + 1) % n_schools]
            states.add(student, f"{begin}T00:00:00.000000+00:00", "person", school, grade)
            years_rm.add(year_id, school, grade, student)
            n_enrol.add(student, year_id, school, grade, begin, move_on if moved else end)
            if moved:
                states.add(student, f"{move_on}T00:00:00.000000+00:00", "transfer", to_school, "")
                years_rm.add(year_id, to_school, grade, student)
                transfers.add(student, move_on, to_school, school, year_id)
                n_enrol.add(student, year_id, to_school, grade, move_on, end)
            for _ in range(int(mean * (0.5 + random_()) + 0.5)):
                artifact_id = str(uuid.UUID(int=bits(128), version=4))
                at = DAYS[y][int(random_() * 300)]
                where = to_school if moved and at[:10] >= move_on else school
                kind, role = KINDS[int(random_() * len(KINDS))], "student" if random_() < 0.7 else "teacher"
                deleted = random_() < 0.01
                artifacts.line(f"{artifact_id}\t{student}\t{at}\t{year_id}\t{where}\t{where}\t{grade}\t{kind}\t"
                               f"{role}\t{'t' if deleted else 'f'}\n")
                n_artifacts.line(f"{artifact_id}\t{student}\t{where}\t{year_id}\t{kind}\t{role}\t{at}\t"
                                 f"{at if deleted else chr(92) + 'N'}\n")
                first_skill = int(random_() * len(skills))
                tagged = [skills[first_skill]] + ([skills[(first_skill + 1) % len(skills)]] if random_() < 0.5
                                                  else [])
                for skill in tagged:
                    tags.line(f"{artifact_id}\t{skill}\n")
                    n_tags.line(f"{artifact_id}\t{skill}\n")
                if random_() < 0.6:
                    responses.line(f"{artifact_id}\treflection\n")
                    n_reflections.line(f"{_id(rng)}\t{artifact_id}\n")
                if random_() < 0.45:
                    responses.line(f"{artifact_id}\tfeedback\n")
                    n_feedback.line(f"{_id(rng)}\t{artifact_id}\n")
            for skill in skills:
                for k in range(2 if random_() < 0.3 else 1 if random_() < 0.6 else 0):
                    assessment_id, rank = _id(rng), 1 + int(random_() * 4)
                    at = f"{start + 1}-0{2 + 2 * k}-10T10:00:00.000000+00:00"
                    place = to_school if moved else school
                    assessments.add(assessment_id, student, skill, year_id, rank, at, place, grade)
                    n_assessments.add(assessment_id, student, skill, year_id, rank, at)
            if grade in MILESTONE_GRADES and random_() < 0.9:
                milestone_id, outcome = _id(rng), OUTCOMES[int(random_() * len(OUTCOMES))]
                at, place = f"{start + 1}-05-20T10:00:00.000000+00:00", to_school if moved else school
                milestones.add(milestone_id, student, MILESTONE_GRADES[grade], outcome, place, grade, year_id, at)
                n_milestones.add(milestone_id, student, MILESTONE_GRADES[grade], outcome, year_id, at)
        if s % 2000 == 0 and s > first:
            print(f"  worker {worker}: {s - first} of {last - first} students", flush=True)
    every = [states, years_rm, transfers, artifacts, tags, responses, assessments, milestones, n_enrol, n_artifacts,
             n_tags, n_reflections, n_feedback, n_assessments, n_milestones]
    for table in every:
        table.flush()
    conn.commit()
    conn.close()
    done.put({table.table: table.total for table in every})


def _small_tables(cur, district: District, spec: Spec) -> None:
    """Schools, school years, skills and their scale, milestone types, the admins, freshness."""
    cur.executemany("INSERT INTO schools VALUES (%s, %s, 'd1')",
                    [(s, f"School {i + 1:03d}") for i, s in enumerate(district.schools)])
    cur.executemany("INSERT INTO school_years VALUES (%s, %s, %s, %s, %s)",
                    [(y, f"{s}-{s + 1}", f"{s}-08-15", f"{s + 1}-06-15", s + 1)
                     for y, s in zip(district.school_years, YEAR_STARTS, strict=True)])
    cur.execute("INSERT INTO scales VALUES ('scale1', %s)", (json.dumps(SCALE),))
    cur.executemany("INSERT INTO skills VALUES (%s, %s, %s, %s, '#FFFFFF', 'scale1', true)",
                    [(k, f"Skill {i + 1}", f"SK{i + 1}", f"#{30 * i + 20:02X}4080") for i, k in
                     enumerate(district.skills)])
    cur.executemany("INSERT INTO milestone_types VALUES (%s, %s)",
                    [("defense_of_learning", "Defense of Learning"), ("student_led_conference", "Student-led conf.")])
    cur.execute("INSERT INTO people VALUES (%s, 'district_admin', '', true)", (district.district_admin,))
    cur.executemany("INSERT INTO freshness VALUES (%s, '2026-12-01T10:00:00.000000+00:00')",
                    [(s,) for s in ("roster", "skills", "artifacts", "reflections")])


def seed(database_url: str, migrations_dir, spec: Spec = Spec(), workers: int = 2) -> District:
    started = time.perf_counter()
    upgrade(migrations_dir, database_url)
    rng = random.Random(spec.seed)
    district = District([f"sch{i:03d}" for i in range(spec.schools)], [f"sy{s}" for s in YEAR_STARTS],
                        [_id(rng) for _ in range(spec.skills)])
    conn = _connect(database_url)
    cur = conn.cursor()
    cur.execute(NAIVE_DDL)
    _small_tables(cur, district, spec)
    cur.execute("SELECT indexdef FROM pg_indexes WHERE schemaname = 'naive'")
    naive_indexes = [row[0] for row in cur.fetchall()]
    cur.execute("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE connamespace = 'naive'::regnamespace AND contype = 'p'")
    naive_keys = cur.fetchall()
    for table, name, _ in naive_keys:
        cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for definition in naive_indexes:
        if "_pkey" not in definition:
            cur.execute(f"DROP INDEX naive.{definition.split()[2]}")
    rebuild = _drop_keys_and_indexes(cur, READ_MODEL_BULK)
    rebuild += [f'ALTER TABLE {t} ADD CONSTRAINT "{n}" {d}' for t, n, d in naive_keys]
    rebuild += [d for d in naive_indexes if "_pkey" not in d]
    conn.commit()
    conn.close()
    counts = fork_ranges(_worker, (database_url, district, spec), spec.students, workers, timeout=3600)
    copied = time.perf_counter() - started
    print(f"  copied in {copied:.0f} s; rebuilding {len(rebuild)} keys and indexes", flush=True)
    _rebuild(database_url, rebuild, workers)
    district.counts = {key: sum(c[key] for c in counts) for key in counts[0]} | {"copy_seconds": round(copied, 1)}
    district.seconds = time.perf_counter() - started
    return district
