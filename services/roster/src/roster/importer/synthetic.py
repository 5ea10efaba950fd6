"""A synthetic OneRoster 1.2 bulk set for demos and benchmarks: a district of schools with grade bands, one school
year with two terms (and last year's), teachers, sections per grade and subject, students with ~1.5 guardians.

Deterministic for a seed; streams rows to disk (memory stays flat for any size). Some files carry a UTF-8 BOM,
``metadata.*`` columns, and names with commas and quotes, as real SIS exports do.
"""
from __future__ import annotations

import csv
import datetime as dt
import math
import pathlib
import random
from dataclasses import dataclass

from roster.importer.synthetic_names import BOM_FILES, FAMILY_NAMES, GIVEN_NAMES, HEADERS

BANDS = (("elementary", ("KG", "01", "02", "03", "04", "05")), ("elementary", ("KG", "01", "02", "03", "04", "05")),
         ("elementary", ("KG", "01", "02", "03", "04", "05")), ("middle", ("06", "07", "08")),
         ("high", ("09", "10", "11", "12")))
SUBJECTS = ("Homeroom", "English Language Arts", "Mathematics", "Science", "Social Studies")
@dataclass(frozen=True)
class Calendar:
    """The current school year (OneRoster schoolYear ``year``: Aug ``year``-1 to June ``year``, two terms) and
    last year's, with their sourcedIds."""

    year: int

    @property
    def current(self) -> str:
        return f"sy-{self.year}"

    @property
    def last(self) -> str:
        return f"sy-{self.year - 1}"

    @property
    def terms(self) -> str:
        return f"t-{self.year}-1,t-{self.year}-2"

    @property
    def last_term(self) -> str:
        return f"t-{self.year - 1}-1"

    def sessions(self) -> tuple[tuple[str, ...], ...]:
        y, last = self.year, self.year - 1
        return ((self.last, f"{last - 1}-{last}", "schoolYear", f"{last - 1}-08-01", f"{last}-06-30", "", str(last)),
                (self.last_term, f"{last - 1}-{last} Full Year", "term", f"{last - 1}-08-01", f"{last}-06-30",
                 self.last, str(last)),
                (self.current, f"{y - 1}-{y}", "schoolYear", f"{y - 1}-08-01", f"{y}-06-30", "", str(y)),
                (f"t-{y}-1", f"Fall {y - 1}", "term", f"{y - 1}-08-01", f"{y - 1}-12-19", self.current, str(y)),
                (f"t-{y}-2", f"Spring {y}", "term", f"{y}-01-05", f"{y}-06-30", self.current, str(y)))


def school_year_of(day: dt.date) -> int:
    """The OneRoster schoolYear (the calendar year it ends in) that ``day`` falls in, school years starting in August."""
    return day.year + 1 if day.month >= 8 else day.year




@dataclass(frozen=True)
class DistrictSpec:
    students: int
    schools: int = 0            # 0: one per 640 students
    teachers: int = 0           # 0: one per 16 students
    seed: int = 1
    class_size: int = 25
    two_guardians: float = 0.56  # share of students with two guardians (about 1.5 guardians a student)
    last_year_share: float = 0.1
    school_year: int = 2026      # the current OneRoster schoolYear (2026: Aug 2025 to June 2026); see school_year_of

    def resolved(self) -> DistrictSpec:
        schools = self.schools or max(1, round(self.students / 640))
        teachers = self.teachers or max(schools * 2, round(self.students / 16))
        return DistrictSpec(self.students, schools, teachers, self.seed, self.class_size, self.two_guardians,
                            self.last_year_share, self.school_year)


def _share(total: int, parts: int, index: int) -> int:
    return total // parts + (1 if index < total % parts else 0)


class _Writer:
    def __init__(self, out: pathlib.Path) -> None:
        self.files, self.writers, self.counts = {}, {}, {}
        for name, header in HEADERS.items():
            handle = open(out / name, "w", newline="", encoding="utf-8-sig" if name in BOM_FILES else "utf-8")
            self.files[name], self.writers[name], self.counts[name] = handle, csv.writer(handle), 0
            self.writers[name].writerow(header)

    def row(self, file: str, /, **values: str) -> None:
        self.writers[file].writerow([values.get(column, "") for column in HEADERS[file]])
        self.counts[file] += 1

    def close(self) -> None:
        for handle in self.files.values():
            handle.close()


def _name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES)


def _user(w: _Writer, sid: str, org: str, role: str, rng: random.Random, email_domain: str, **extra: str) -> None:
    given, family = _name(rng)
    w.row("users.csv", sourcedId=sid, status="active", enabledUser="true", username=sid.replace("-", ""),
          givenName=given, familyName=family, identifier=sid.upper(), email=f"{sid}@{email_domain}",
          primaryOrgSourcedId=org, **extra)
    w.row("roles.csv", sourcedId=f"r-{sid}", status="active", userSourcedId=sid, roleType="primary", role=role,
          orgSourcedId=org, beginDate="2025-08-01")


def generate_district(out_dir: str | pathlib.Path, spec: DistrictSpec) -> dict[str, int]:
    """Write manifest.csv and the seven OneRoster files into ``out_dir``; returns row counts per file."""
    spec, rng = spec.resolved(), random.Random(spec.seed)
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    w = _Writer(out)
    try:
        w.row("orgs.csv", sourcedId="dist-1", status="active", name="Synthetic Public Schools", type="district",
              identifier="SPS", **{"metadata.district.localCode": "001"})
        for values in Calendar(spec.school_year).sessions():
            w.row("academicSessions.csv", **dict(zip(["sourcedId", "title", "type", "startDate", "endDate",
                                                      "parentSourcedId", "schoolYear"], values)), status="active")
        for grade in ("KG", *(f"{g:02d}" for g in range(1, 13))):
            for s, subject in enumerate(SUBJECTS):
                for year in (Calendar(spec.school_year).current, Calendar(spec.school_year).last):
                    w.row("courses.csv", sourcedId=f"crs-{year}-{grade}-{s}", status="active", title=f"{subject} {grade}",
                          schoolYearSourcedId=year, courseCode=f"{subject[:4].upper()}{grade}", grades=grade,
                          orgSourcedId="dist-1", subjects=subject)
        for school in range(spec.schools):
            _school(w, spec, rng, school)
        for i in range(2):
            _user(w, f"adm-d-{i + 1}", "dist-1", "districtAdministrator", rng, "district.example")
    finally:
        w.close()
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["propertyName", "value"])
        writer.writerows([["manifest.version", "1.0"], ["oneroster.version", "1.2"],
                          *[[f"file.{kind}", "bulk"] for kind in ("academicSessions", "classes", "courses",
                                                                    "enrollments", "orgs", "roles", "users")],
                          *[[f"file.{kind}", "absent"] for kind in ("categories", "classResources", "courseResources",
                                                                      "demographics", "lineItems", "resources",
                                                                      "results", "userProfiles", "userResources")],
                          ["source.systemName", "Skillfolio synthetic district"], ["source.systemCode", "synthetic"]])
    return dict(w.counts)


def _school(w: _Writer, spec: DistrictSpec, rng: random.Random, index: int) -> None:
    band, grades = BANDS[index % len(BANDS)]
    sid = f"sch-{index + 1:03d}"
    w.row("orgs.csv", sourcedId=sid, status="active", name=f"{rng.choice(FAMILY_NAMES)} {band.title()} School",
          type="school", identifier=f"S{index + 1:03d}", parentSourcedId="dist-1",
          **{"metadata.district.localCode": f"{index + 1:03d}"})
    _user(w, f"adm-{sid}", sid, "siteAdministrator", rng, "staff.district.example")
    teacher_total = _share(spec.teachers, spec.schools, index)
    first_teacher = sum(_share(spec.teachers, spec.schools, i) for i in range(index)) + 1
    teachers = [f"tch-{first_teacher + t:05d}" for t in range(teacher_total)]
    for teacher in teachers:
        _user(w, teacher, sid, "teacher", rng, "staff.district.example")
    students = _share(spec.students, spec.schools, index)
    first_student = sum(_share(spec.students, spec.schools, i) for i in range(index)) + 1
    section_no = 0
    calendar = Calendar(spec.school_year)

    def section(grade: str, s: int, n: int, year: str = calendar.current) -> str:
        nonlocal section_no
        class_sid = f"cls-{sid}-{year[-2:]}-{grade}-{s}-{n}"
        teacher = teachers[section_no % len(teachers)]
        section_no += 1
        w.row("classes.csv", sourcedId=class_sid, status="active", title=f"{SUBJECTS[s]} {grade} ({chr(65 + n % 26)})",
              grades=grade, courseSourcedId=f"crs-{year}-{grade}-{s}", classCode=f"{SUBJECTS[s][:4].upper()}-{n + 1}",
              classType="homeroom" if s == 0 else "scheduled", schoolSourcedId=sid,
              termSourcedIds=calendar.terms if year == calendar.current else calendar.last_term, subjects=SUBJECTS[s], periods=str(s + 1))
        _enroll(w, class_sid, sid, teacher, "teacher")
        return class_sid

    student_no = first_student
    for g, grade in enumerate(grades):
        in_grade = _share(students, len(grades), g)
        per = max(1, math.ceil(in_grade / spec.class_size))
        current = [[section(grade, s, n) for n in range(per)] for s in range(len(SUBJECTS))]
        last_year = section(grade, 1, 0, calendar.last)
        for i in range(in_grade):
            _student(w, spec, rng, sid, grade, f"stu-{student_no:06d}", [subject[i % per] for subject in current],
                     last_year if rng.random() < spec.last_year_share else None)
            student_no += 1


def _enroll(w: _Writer, class_sid: str, school: str, user: str, role: str) -> None:
    w.row("enrollments.csv", sourcedId=f"enr-{w.counts['enrollments.csv'] + 1:07d}", status="active",
          classSourcedId=class_sid, schoolSourcedId=school, userSourcedId=user, role=role,
          primary="true" if role == "teacher" else "false")


def _student(w: _Writer, spec: DistrictSpec, rng: random.Random, school: str, grade: str, sid: str,
             sections: list[str], last_year: str | None) -> None:
    guardians = [f"gdn-{sid[4:]}-{k + 1}" for k in range(2 if rng.random() < spec.two_guardians else 1)]
    _user(w, sid, school, "student", rng, "students.district.example", grades=grade,
          agentSourcedIds=",".join(guardians), **{"metadata.lunchProgram": rng.choice(("", "free", "reduced"))})
    for guardian in guardians:
        _user(w, guardian, school, rng.choice(("parent", "parent", "guardian", "relative")), rng, "family.example",
              agentSourcedIds=sid)
    for class_sid in sections:
        _enroll(w, class_sid, school, sid, "student")
    if last_year:
        _enroll(w, last_year, school, sid, "student")
