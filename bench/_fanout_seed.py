"""Bulk seed of a notifications database for the fan-out benchmark (PostgreSQL COPY, one transaction): the roster
replicas a district-sized roster leaves (students, guardians and teachers with their schools; guardianships, some
guardians sharing siblings; contacts with email and language) and the few preferences people chose, then ANALYZE.
Returns who guards whom, so the benchmark knows how many notifications each student's news must make."""
from __future__ import annotations

import io
import json
import random
import time
from dataclasses import dataclass, field

import psycopg2
from sqlalchemy.engine import make_url

SCHOOLS, TEACHERS_PER_SCHOOL = 150, 40


@dataclass
class Roster:
    students: list[str]
    schools: dict[str, str]                              # student -> school
    teachers: dict[str, list[str]]                       # school -> its teachers
    guardians: dict[str, list[str]] = field(default_factory=dict)   # student -> their guardians
    seconds: float = 0.0

    @property
    def guardian_count(self) -> int:
        return len({g for gs in self.guardians.values() for g in gs})


def _copy(cursor, table: str, columns: list[str], rows) -> None:
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(str(v) for v in row) + "\n")
    buffer.seek(0)
    cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)


def roster(students: int, seed: int = 2026) -> Roster:
    """1 or 2 guardians per student (about 1.56 on average); 6% of students share a guardian with a sibling."""
    rng = random.Random(seed)
    ids = [f"stu-{i:06d}" for i in range(students)]
    made = Roster(ids, {s: f"sch-{i % SCHOOLS:03d}" for i, s in enumerate(ids)},
                  {f"sch-{k:03d}": [f"tch-{k:03d}-{t:02d}" for t in range(TEACHERS_PER_SCHOOL)]
                   for k in range(SCHOOLS)})
    next_guardian = 0
    for i, student in enumerate(ids):
        own = 2 if rng.random() < 0.62 else 1
        guardians = [f"gdn-{next_guardian + g:06d}" for g in range(own)]
        next_guardian += own
        if i and rng.random() < 0.06:                   # a sibling: the previous student's first guardian too
            guardians.append(made.guardians[ids[i - 1]][0])
        made.guardians[student] = sorted(set(guardians))
    return made


def seed(url: str, r: Roster, seed: int = 2026) -> None:
    rng = random.Random(seed + 1)
    started = time.perf_counter()
    connection = psycopg2.connect(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        with connection, connection.cursor() as cursor:
            guardians = sorted({g for gs in r.guardians.values() for g in gs})
            school_of_guardian = {g: r.schools[s] for s, gs in r.guardians.items() for g in gs}
            teachers = [(t, school) for school, ts in r.teachers.items() for t in ts]
            _copy(cursor, "people", ["person_id", "roles", "primary_school_id", "grade_level", "active"],
                  [*((s, "student", r.schools[s], f"{rng.randint(0, 12):02d}", "t") for s in r.students),
                   *((g, "guardian", school_of_guardian[g], "", "t") for g in guardians),
                   *((t, "teacher", school, "", "t") for t, school in teachers)])
            _copy(cursor, "guardianships", ["guardian_id", "student_id"],
                  [(g, s) for s, gs in r.guardians.items() for g in gs])
            _copy(cursor, "contacts", ["person_id", "given_name", "family_name", "email", "language"],
                  [(p, "Pat", p.split("-")[1], f"{p}@example.org", "es" if rng.random() < 0.3 else "en")
                   for p in [*r.students, *guardians, *(t for t, _ in teachers)]])
            chosen = rng.sample(guardians, len(guardians) // 10)      # a tenth chose instant, weekly or no email
            _copy(cursor, "preferences", ["person_id", "categories", "email", "language", "time_zone",
                                          "quiet_hours_start", "quiet_hours_end"],
                  [(g, json.dumps({"new_work": rng.choice(["instant", "weekly", "off"])}), "t", "", "", "21:00",
                    "07:00") for g in chosen])
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    finally:
        connection.close()
    r.seconds = time.perf_counter() - started
