"""The demo district's classes the other seeds fill: two current-year homerooms (15+ students and a teacher: the
synthetic district's classes hold 25) in each of the first schools, each in a grade not chosen yet where the school
has one, that the seeds fill with evidence for the reporting dashboard (never the demo teachers' classes, nor in the
demo student's school and grade, whose small groups the reports keep withholding); and the demo teacher's class
that the demo's class capture goes to (the largest the demo teacher teaches without the demo student)."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from chassis.demo_seed import Cast, DemoClass
from roster.adapters.orm import enrollments, people, sections
from roster.demo.cast import school_years

MIN_STUDENTS, SCHOOLS, PER_SCHOOL = 15, 3, 2


@dataclass
class _Sections:
    """The current school year's sections: teachers and students of each, its row, and each one's usual grade."""

    school_year_id: str
    teachers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    students: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    info: dict[str, dict] = field(default_factory=dict)
    grade: dict[str, str] = field(default_factory=dict)
    grade_of: dict[str, str] = field(default_factory=dict)     # person id -> grade level

    def demo_class(self, section_id: str, student_ids, teacher_id: str = "") -> DemoClass:
        info = self.info[section_id]
        return DemoClass(section_id, info["school_id"], self.school_year_id,
                         teacher_id or sorted(self.teachers[section_id])[0], tuple(sorted(student_ids)),
                         info["start_date"])

    def is_cast_group(self, section_id: str, cast: Cast) -> bool:
        """Whether the section is in the demo student's school and grade (its small groups stay withheld)."""
        cast_school = self.info.get(cast.current.section_id, {}).get("school_id")
        return (self.info[section_id]["school_id"], self.grade[section_id]) == \
            (cast_school, self.grade_of.get(cast.student_id))


def _current_sections(conn, today: dt.date) -> _Sections:
    current, _ = school_years(conn, today)
    found = _Sections(current["id"])
    rows = conn.execute(
        select(enrollments.c.section_id, enrollments.c.person_id, enrollments.c.role, sections.c.school_id,
               sections.c.title, sections.c.start_date)
        .join(sections, sections.c.id == enrollments.c.section_id)
        .where(sections.c.school_year_id == current["id"], enrollments.c.active.is_(True))).mappings().all()
    for row in rows:
        found.info[row["section_id"]] = row
        if row["role"] == "teacher":
            found.teachers[row["section_id"]].add(row["person_id"])
        elif row["role"] == "student":
            found.students[row["section_id"]].add(row["person_id"])
    found.grade_of = dict(conn.execute(select(people.c.id, people.c.grade_level)
                                       .where(people.c.grade_level != "")).all())
    found.grade = {s: Counter(found.grade_of.get(p, "") for p in members).most_common(1)[0][0]
                   for s, members in found.students.items()}
    return found


def find_classes(conn, cast: Cast, today: dt.date, schools: int = SCHOOLS) -> list[DemoClass]:
    """``PER_SCHOOL`` classes per school (homerooms first, the most students, then by title), in up to
    ``schools`` schools by id; a student in two of them counts in the first only."""
    found = _current_sections(conn, today)
    by_school: dict[str, list[str]] = defaultdict(list)
    for section_id, members in found.students.items():
        teachers = found.teachers.get(section_id)
        if len(members) >= MIN_STUDENTS and teachers and cast.student_id not in members and \
                not teachers & {cast.teacher_id, cast.former_teacher_id} and not found.is_cast_group(section_id, cast):
            by_school[found.info[section_id]["school_id"]].append(section_id)
    chosen, taken, grades = [], set(), set()
    for school_id in sorted(by_school)[:schools]:
        left = set(by_school[school_id])
        for _ in range(min(PER_SCHOOL, len(left))):     # homerooms first, each in a grade not chosen yet
            section_id = min(left, key=lambda s: (not found.info[s]["title"].startswith("Homeroom"),
                                                  found.grade[s] in grades, -len(found.students[s]),
                                                  found.info[s]["title"], s))
            left.discard(section_id)
            members = found.students[section_id] - taken
            taken, grades = taken | members, grades | {found.grade[section_id]}
            chosen.append(found.demo_class(section_id, members))
    return chosen


def find_capture_class(conn, cast: Cast, today: dt.date, classes: tuple[DemoClass, ...] = ()) -> DemoClass | None:
    """The demo teacher's current class for the demo's class capture: the most students (then by title), without
    the demo student (whose portfolio the seed writes item by item), none of ``classes``, and not in the demo
    student's school and grade; None when the demo teacher has no such class."""
    found = _current_sections(conn, today)
    taken = {c.section_id for c in classes}
    mine = [s for s, teachers in found.teachers.items()
            if cast.teacher_id in teachers and found.students.get(s) and cast.student_id not in found.students[s]
            and s not in taken and not found.is_cast_group(s, cast)]
    if not mine:
        return None
    section_id = min(mine, key=lambda s: (-len(found.students[s]), found.info[s]["title"], s))
    return found.demo_class(section_id, found.students[section_id], cast.teacher_id)
