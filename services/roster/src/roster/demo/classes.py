"""The demo district's classes the other seeds fill with evidence for the reporting dashboard: two current-year
homerooms (15+ students and a teacher: the synthetic district's sections hold up to 17) in each of the first
schools, each in a grade not chosen yet where the school has one; never the demo teachers' classes, nor in the demo
student's school and grade, whose small groups the reports keep withholding."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from sqlalchemy import select

from chassis.demo_seed import Cast, DemoClass
from roster.adapters.orm import enrollments, people, sections
from roster.demo.cast import school_years

MIN_STUDENTS, SCHOOLS, PER_SCHOOL = 15, 3, 2


def find_classes(conn, cast: Cast, today: dt.date, schools: int = SCHOOLS) -> list[DemoClass]:
    """``PER_SCHOOL`` classes per school (homerooms first, the most students, then by title), in up to
    ``schools`` schools by id; a student in two of them counts in the first only."""
    current, _ = school_years(conn, today)
    rows = conn.execute(
        select(enrollments.c.section_id, enrollments.c.person_id, enrollments.c.role, sections.c.school_id,
               sections.c.title, sections.c.start_date)
        .join(sections, sections.c.id == enrollments.c.section_id)
        .where(sections.c.school_year_id == current["id"], enrollments.c.active.is_(True))).mappings().all()
    teachers, students, info = defaultdict(set), defaultdict(set), {}
    for row in rows:
        info[row["section_id"]] = row
        if row["role"] == "teacher":
            teachers[row["section_id"]].add(row["person_id"])
        elif row["role"] == "student":
            students[row["section_id"]].add(row["person_id"])
    grade_of = dict(conn.execute(select(people.c.id, people.c.grade_level).where(people.c.grade_level != "")).all())
    grade = {s: Counter(grade_of.get(p, "") for p in students[s]).most_common(1)[0][0] for s in students}
    cast_school = conn.execute(select(sections.c.school_id).where(sections.c.id == cast.current.section_id)).scalar()
    by_school: dict[str, list[str]] = defaultdict(list)
    for section_id, members in students.items():
        school_id = info[section_id]["school_id"]
        if len(members) >= MIN_STUDENTS and teachers.get(section_id) and cast.student_id not in members and \
                not teachers[section_id] & {cast.teacher_id, cast.former_teacher_id} and \
                (school_id, grade[section_id]) != (cast_school, grade_of.get(cast.student_id)):
            by_school[school_id].append(section_id)
    chosen, taken, grades = [], set(), set()
    for school_id in sorted(by_school)[:schools]:
        left = set(by_school[school_id])
        for _ in range(min(PER_SCHOOL, len(left))):     # homerooms first, each in a grade not chosen yet
            section_id = min(left, key=lambda s: (not info[s]["title"].startswith("Homeroom"), grade[s] in grades,
                                                  -len(students[s]), info[s]["title"], s))
            left.discard(section_id)
            members = tuple(sorted(students[section_id] - taken))
            taken, grades = taken | set(members), grades | {grade[section_id]}
            chosen.append(DemoClass(section_id, school_id, current["id"], sorted(teachers[section_id])[0],
                                    members, info[section_id]["start_date"]))
    return chosen
