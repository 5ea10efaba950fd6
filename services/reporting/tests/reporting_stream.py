"""A known district as events, and the figures a direct computation over the same facts gives: the yardstick the
read models are tested against (in order, shuffled, and with every event delivered twice)."""
from __future__ import annotations

import datetime as dt
import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from chassis.events import Envelope

YEARS = {"y1": ("2024-08-01", "2025-06-30"), "y2": ("2025-08-01", "2026-06-30")}
SCHOOLS = {"s1": "Alder Elementary", "s2": "Birch Middle", "s3": "Cedar High"}
SKILLS = {"k1": ("Communicator", "#1F5FAD", "sc1"), "k2": ("Innovator", "#B5179E", "sc1")}
GRADES = ["03", "04", "05"]
OUTCOMES = ["NOT_YET", "APPROACHING", "READY", "EXCELLING"]


@dataclass
class Student:
    id: str
    states: list[tuple[str, str, str]] = field(default_factory=list)     # (timestamp, school, grade)

    def at(self, moment: str) -> tuple[str, str]:
        current = self.states[0]
        for state in self.states:
            if state[0] <= moment:
                current = state
        return current[1], current[2]


@dataclass
class Artifact:
    id: str
    student: str
    year: str
    added_at: str
    school: str
    grade: str
    role: str
    kind: str
    skills: list[str]
    deleted: bool = False
    reflection: bool = False
    feedback: bool = False


@dataclass
class District:
    students: dict[str, Student]
    artifacts: list[Artifact]
    assessments: list[tuple[str, str, str, str, int, str]]   # id, student, skill, year, rank, at
    milestones: list[tuple[str, str, str, str, str, str]]    # id, student, school, grade, outcome, year
    transfers: list[tuple[str, str, str, str]]               # student, from, to, date
    events: list[Envelope]


def _ts(day: str, minute: int = 0) -> str:
    return (dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC) + dt.timedelta(minutes=minute)).isoformat()


def _e(producer: str, type_: str, at: str, **data) -> Envelope:
    return Envelope(event_id=str(uuid.uuid4()), type=type_, schema_version=1, producer=producer,
                    correlation_id="", data=data, occurred_at=at)


def district(seed: int, n_students: int = 40, n_artifacts: int = 160) -> District:
    rnd = random.Random(seed)
    ev: list[Envelope] = []
    t0 = "2024-07-01"
    for sid, name in SCHOOLS.items():
        ev.append(_e("roster", "school_added", _ts(t0), school_id=sid, name=name, district_id="d"))
    for yid, (start, end) in YEARS.items():
        ev.append(_e("roster", "school_year_added", _ts(t0, 1), school_year_id=yid, title=yid, start_date=start,
                     end_date=end, year=int(end[:4])))
    ev.append(_e("skills", "scale_defined", _ts(t0, 2), scale_id="sc1", level_ranks=[1, 2, 3, 4],
                 level_names=["Beginning", "Developing", "Proficient", "Excelling"]))
    for kid, (name, colour, scale) in SKILLS.items():
        ev.append(_e("skills", "skill_added", _ts(t0, 3), skill_id=kid, name=name, code=kid, colour=colour,
                     text_colour="#FFFFFF", scale_id=scale))
    ev.append(_e("reflections", "milestone_type_defined", _ts(t0, 4), type_id="mt1", code="DOL",
                 name="Defense of Learning"))
    students: dict[str, Student] = {}
    transfers = []
    for n in range(n_students):
        s = Student(f"st{n}")
        school, grade = rnd.choice(list(SCHOOLS)), rnd.choice(GRADES[:2])
        s.states.append((_ts(t0, 10 + n), school, grade))
        ev.append(_e("roster", "person_added", s.states[0][0], person_id=s.id, roles=["student"],
                     grade_level=grade, primary_school_id=school, active=True))
        promoted = GRADES[GRADES.index(grade) + 1]
        s.states.append((_ts("2025-07-15", n), school, promoted))
        ev.append(_e("roster", "person_updated", s.states[1][0], person_id=s.id, roles=["student"],
                     grade_level=promoted, primary_school_id=school, active=True))
        if rnd.random() < 0.2:                                   # a mid-year transfer in y2
            to = rnd.choice([k for k in SCHOOLS if k != school])
            day = "2026-01-10"
            s.states.append((day, to, promoted))
            transfers.append((s.id, school, to, day))
            ev.append(_e("roster", "student_transferred", _ts(day, n), student_id=s.id, from_school_id=school,
                         to_school_id=to, effective_date=day))
        students[s.id] = s
    artifacts = []
    for n in range(n_artifacts):
        s = students[rnd.choice(list(students))]
        year = rnd.choice(list(YEARS))
        start, end = YEARS[year]
        day = (dt.date.fromisoformat(start) + dt.timedelta(days=rnd.randrange(
            (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days))).isoformat()
        at = _ts(day, 600 + n)
        school, grade = s.at(at)
        a = Artifact(f"a{n}", s.id, year, at, school, grade, rnd.choice(["student", "teacher"]),
                     rnd.choice(["document", "image", "link"]), rnd.sample(list(SKILLS), rnd.randint(0, 2)))
        base = dict(artifact_id=a.id, student_id=a.student, school_id=school, school_year_id=year, kind=a.kind,
                    added_by="p", added_by_role=a.role, status="ready", version=1)
        first_skills = rnd.sample(list(SKILLS), rnd.randint(0, 2))
        ev.append(_e("artifacts", "artifact_added", at, **base, skill_ids=first_skills))
        ev.append(_e("artifacts", "artifact_updated", _ts(day, 700 + n), **base, skill_ids=a.skills))
        if rnd.random() < 0.1:
            a.deleted = True
            ev.append(_e("artifacts", "artifact_deleted", _ts(day, 800 + n), artifact_id=a.id))
        if rnd.random() < 0.6:
            a.reflection = True
            ev.append(_e("reflections", "reflection_added", _ts(day, 900 + n), reflection_id=f"r{n}",
                         artifact_id=a.id, student_id=a.student, prompt_id="", revision=1))
        if rnd.random() < 0.5:
            a.feedback = True
            ev.append(_e("reflections", "feedback_given", _ts(day, 950 + n), feedback_id=f"f{n}",
                         artifact_id=a.id, student_id=a.student, teacher_id="t"))
        artifacts.append(a)
    assessments, milestones = [], []
    for n, a in enumerate(artifacts[: n_artifacts // 2]):
        for skill in a.skills:
            at = _ts(a.added_at[:10], 1000 + n)
            rank = rnd.randint(1, 4)
            assessments.append((f"as{n}{skill}", a.student, skill, a.year, rank, at))
            ev.append(_e("reflections", "assessment_recorded", at, assessment_id=f"as{n}{skill}",
                         artifact_id=a.id, student_id=a.student, skill_id=skill, assessor_id="t",
                         assessor_role="teacher", level_rank=rank, school_year_id=a.year))
            ev.append(_e("reflections", "assessment_recorded", at, assessment_id=f"self{n}{skill}",
                         artifact_id=a.id, student_id=a.student, skill_id=skill, assessor_id=a.student,
                         assessor_role="student", level_rank=4, school_year_id=a.year))
    for n, s in enumerate(list(students.values())[: n_students // 2]):
        at = _ts("2026-05-01", n)
        school, grade = s.at(at)
        outcome = rnd.choice(OUTCOMES)
        milestones.append((f"m{n}", s.id, school, grade, outcome, "y2"))
        ev.append(_e("reflections", "milestone_completed", at, milestone_id=f"m{n}", student_id=s.id,
                     school_id=school, grade_level=grade, type_code="DOL", outcome=outcome, teacher_id="t"))
    return District(students, artifacts, assessments, milestones, transfers, ev)


def delivered(d: District, seed: int, shuffle: bool, twice: bool) -> list[Envelope]:
    events = list(d.events) * (2 if twice else 1)
    if shuffle:
        random.Random(seed).shuffle(events)
    return events


# --- the direct computation ---

def artifact_counts(d: District, year: str, group: str) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for a in d.artifacts:
        if a.deleted or a.year != year:
            continue
        keys = a.skills if group == "skill" else [{"school": a.school, "grade": a.grade, "kind": a.kind}[group]]
        for key in keys:
            out[key][a.role] += 1
    return {k: dict(v) for k, v in out.items()}


def enrolled(d: District, year: str) -> dict[str, int]:
    start, end = YEARS[year]
    out: dict[str, set] = defaultdict(set)
    for s in d.students.values():
        for i, (at, school, _) in enumerate(s.states):
            begin = "0000" if i == 0 else at[:10]
            until = s.states[i + 1][0][:10] if i + 1 < len(s.states) else "9999"
            if begin <= end and until >= start:
                out[school].add(s.id)
    return {k: len(v) for k, v in out.items()}


def participation(d: District, year: str) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], set] = defaultdict(set)
    for a in d.artifacts:
        if not a.deleted and a.year == year:
            for skill in a.skills:
                out[(a.school, skill)].add(a.student)
    return {k: len(v) for k, v in out.items()}


def responses(d: District, year: str) -> dict[str, tuple[int, int, int]]:
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for a in d.artifacts:
        if not a.deleted and a.year == year:
            row = out[a.school]
            row[0] += 1
            row[1] += a.reflection
            row[2] += a.feedback
    return {k: tuple(v) for k, v in out.items()}


def latest_levels(d: District, year: str) -> dict[tuple[str, int], int]:
    latest: dict[tuple[str, str], tuple[str, str, int]] = {}
    for aid, student, skill, y, rank, at in d.assessments:
        if y == year and (student, skill) not in latest or (y == year and (at, aid) > latest[(student, skill)][:2]):
            latest[(student, skill)] = (at, aid, rank)
    out: dict[tuple[str, int], int] = defaultdict(int)
    for (_, skill), (_, _, rank) in latest.items():
        out[(skill, rank)] += 1
    return dict(out)


def milestone_outcomes(d: District, year: str) -> dict[tuple[str, str, str], int]:
    out: dict[tuple[str, str, str], int] = defaultdict(int)
    for _, _, _, grade, outcome, y in d.milestones:
        if y == year:
            out[("DOL", grade, outcome)] += 1
    return dict(out)


def transfers(d: District, year: str) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for student, _, to, day in d.transfers:
        start, end = YEARS[year]
        if start <= day <= end:
            out[to][0] += 1
            out[to][1] += any(a.student == student and not a.deleted and a.added_at >= day for a in d.artifacts)
    return {k: tuple(v) for k, v in out.items()}
