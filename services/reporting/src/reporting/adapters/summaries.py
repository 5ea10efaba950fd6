"""The dashboard's summary tables (orm.artifact_counts, student_evidence, participation, level_counts, enrolment),
kept exact in the transaction that changes artifact-level rows: the contribution of every artifact (and every
student's latest assessments and enrolments) an event may touch is read before the effects and again after them, and
only the difference is written (``n = n + excluded.n`` upserts in key order), so duplicates, out-of-order events,
re-tagging, re-attribution and deletes subtract exactly what they added. Every figure is kept at the four levels a
report reads (school and grade each a value or ALL: school x grade, school, grade, district), so a report reads the
rows of its level and never sums a level below it. ``student_evidence`` is the exception: it is read by this module
only, so it is kept at the student's own school and grade, and a student joins or leaves ``participation`` at a
level where the first of their rows under it becomes positive or the last falls to 0. ``backfill`` fills them from
the artifact-level rows in set-based statements (the migrations and bulk loads)."""
from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import Integer, String, case, delete, exists, func, insert, literal, select, tuple_

from chassis.db import among
from chassis.upserts import upsert
from reporting.adapters import orm
from reporting.adapters.bulk import CHUNK

A, S, R = orm.artifacts, orm.artifact_skills, orm.artifact_responses
C, E, P, L, T = orm.artifact_counts, orm.student_evidence, orm.participation, orm.level_counts, orm.assessments
N, Y = orm.enrolment, orm.student_years
ALL = orm.ALL
TOUCHING = frozenset({"artifact_added", "artifact_updated", "artifact_deleted", "reflection_added", "feedback_given",
                      "person_added", "person_updated", "person_removed", "student_transferred",
                      "school_year_added", "school_year_updated", "assessment_recorded"})
HISTORY = frozenset({"person_added", "person_updated", "person_removed", "student_transferred"})  # derived.rederive
Snapshot = tuple[dict, Counter, Counter, Counter]


def levels_of(school: str, grade: str) -> tuple[tuple[str, str], ...]:
    """The four (school, grade) keys a figure at ``school`` and ``grade`` is counted under."""
    return (school, grade), (school, ALL), (ALL, grade), (ALL, ALL)


def named(events) -> tuple[set[str], set[str], bool]:
    """(artifact ids, student ids, every artifact?) the events may change the contributions of."""
    events = [e for e in events if e.type in TOUCHING]
    artifact_ids = {str(e.data["artifact_id"]) for e in events if e.data.get("artifact_id")}
    students = {str(e.data.get("student_id") or e.data.get("person_id") or "") for e in events} - {""}
    return artifact_ids, students, any(e.type.startswith("school_year") for e in events)


def moved(events) -> set[str]:
    """The students whose history the events may change: each of their artifacts may be placed anew (an event about
    an artifact changes that artifact's contribution only)."""
    return {str(e.data.get("person_id") or e.data.get("student_id") or "") for e in events if e.type in HISTORY} - {""}


def summarised(events) -> set[str]:
    """The students whose latest assessed levels or enrolments the events may change: their history moves (so may
    their enrolments and where their assessments count), or a teacher assessed them."""
    assessed = {str(e.data.get("student_id") or "") for e in events if e.type == "assessment_recorded"}
    return moved(events) | (assessed - {""})


def owners(session, artifact_ids) -> set[str]:
    """The stored students of these artifacts (locked too: their history re-places the artifacts)."""
    ids, out = sorted(artifact_ids), set()
    for start in range(0, len(ids), CHUNK):
        out |= set(session.execute(select(A.c.student_id).where(
            among(session, A.c.artifact_id, ids[start:start + CHUNK]))).scalars())
    return out


def affected(session, artifact_ids, students, everything: bool) -> list[str]:
    """Every artifact whose contribution the effects may change: named, or of a student whose history changes
    (``students``: :func:`moved`)."""
    if everything:
        return sorted(session.execute(select(A.c.artifact_id)).scalars())
    out, ids = set(artifact_ids), sorted(students)
    for start in range(0, len(ids), CHUNK):
        out |= set(session.execute(select(A.c.artifact_id).where(
            among(session, A.c.student_id, ids[start:start + CHUNK]))).scalars())
    return sorted(out)


def _latest():
    return select(T.c.school_year_id, T.c.skill_id, T.c.school_id, T.c.grade_level, T.c.level_rank, T.c.student_id,
                  func.row_number().over(partition_by=(T.c.student_id, T.c.school_year_id, T.c.skill_id),
                                         order_by=(T.c.assessed_at.desc(), T.c.assessment_id.desc())).label("nth"))


def levels(session, students) -> Counter:
    """What these students' latest assessments add to ``level_counts`` now (at every level)."""
    out: Counter = Counter()
    ids = sorted(students)
    for start in range(0, len(ids), CHUNK):
        ranked = _latest().where(among(session, T.c.student_id, ids[start:start + CHUNK])).subquery()
        for year, skill, school, grade, rank, n in session.execute(
                select(*(ranked.c[k] for k in LK), func.count()).where(ranked.c.nth == 1)
                .group_by(*(ranked.c[k] for k in LK))):
            for at in levels_of(school, grade):
                out[(year, skill, *at, rank)] += n
    return out


def enrolments(session, students) -> Counter:
    """What these students add to ``enrolment`` now: each once per key they are enrolled under."""
    keys: set = set()
    ids = sorted(students)
    for start in range(0, len(ids), CHUNK):
        for year, school, grade, student in session.execute(
                select(Y.c.school_year_id, Y.c.school_id, Y.c.grade_level, Y.c.student_id).where(
                    among(session, Y.c.student_id, ids[start:start + CHUNK]))):
            keys.update((year, *at, student) for at in levels_of(school, grade))
    return Counter(key[:3] for key in keys)


def contributions(session, artifact_ids: list[str], students=()) -> Snapshot:
    """What these artifacts and students add to the summaries now: ``({count key: [n, reflected, feedback]},
    {evidence key: n}, {level key: students}, {enrolment key: students})``."""
    profiles: dict = defaultdict(lambda: [0, 0, 0])      # the artifacts alike in every key: expanded once below
    evidence: Counter = Counter()
    for start in range(0, len(artifact_ids), CHUNK):
        chunk = artifact_ids[start:start + CHUNK]
        tags: dict[str, list[str]] = {}
        for a, s in session.execute(select(S.c.artifact_id, S.c.skill_id).where(
                among(session, S.c.artifact_id, chunk))):
            tags.setdefault(a, []).append(s)
        responses = {tuple(r) for r in session.execute(select(R.c.artifact_id, R.c.kind).where(
            among(session, R.c.artifact_id, chunk)))}
        for artifact_id, year, school, grade, role, kind, student in session.execute(select(
                A.c.artifact_id, A.c.school_year_id, A.c.school_id, A.c.grade_level, A.c.added_by_role, A.c.kind,
                A.c.student_id).where(among(session, A.c.artifact_id, chunk), A.c.deleted.is_(False))):
            skills = ("", *sorted(tags.get(artifact_id, ())))
            p = profiles[(year, school, grade, role, kind, skills)]
            p[0], p[1], p[2] = p[0] + 1, p[1] + ((artifact_id, "reflection") in responses), \
                p[2] + ((artifact_id, "feedback") in responses)
            for skill in skills:
                evidence[(year, skill, school, grade, student)] += 1
    counts: dict = defaultdict(lambda: [0, 0, 0])
    for (year, school, grade, role, kind, skills), (n, reflected, feedback) in profiles.items():
        for at in levels_of(school, grade):
            for skill in skills:
                c = counts[(year, skill, *at, role, kind)]
                c[0], c[1], c[2] = c[0] + n, c[1] + reflected, c[2] + feedback
    return dict(counts), evidence, levels(session, students), enrolments(session, students)


def apply(session, artifact_ids: list[str], students, before: Snapshot) -> None:
    """Write the difference between these artifacts' and students' contributions now and ``before``."""
    _write(session, contributions(session, artifact_ids, students), before)


def withdraw(session, artifact_ids: list[str], students) -> None:
    """Take these artifacts' and students' whole contributions out (before their rows go: a student's evidence
    rows decide whether they leave ``participation``)."""
    _write(session, ({}, Counter(), Counter(), Counter()), contributions(session, artifact_ids, students))


def _write(session, now: Snapshot, before: Snapshot) -> None:
    counts, evidence, latest, enrolled = now
    d_counts = {}
    for key in set(counts) | set(before[0]):
        d = [x - y for x, y in zip(counts.get(key, (0, 0, 0)), before[0].get(key, (0, 0, 0)), strict=True)]
        if any(d):
            d_counts[key] = d
    d_evidence = {k: evidence[k] - before[1][k] for k in set(evidence) | set(before[1]) if evidence[k] != before[1][k]}
    _counts(session, d_counts)
    _evidence(session, d_evidence)
    _difference(session, L, LK, latest, before[2])
    _difference(session, N, NK, enrolled, before[3])


def _difference(session, table, keys: list[str], now: Counter, before: Counter) -> None:
    """Add ``now - before`` to the ``students`` of each key (a row falling to 0 is deleted)."""
    delta = {k: now[k] - before[k] for k in set(now) | set(before) if now[k] != before[k]}
    ordered = sorted(delta)
    _add(session, table, [{**dict(zip(keys, k, strict=True)), "students": delta[k]} for k in ordered], keys,
         ["students"])
    _prune(session, table, keys, [k for k in ordered if delta[k] < 0], "students")


def _add(session, table, rows: list[dict], keys: list[str], columns: list[str]) -> None:
    upsert(session, table, rows, keys, columns, add=True)


def _prune(session, table, keys: list[str], values: list[tuple], column: str) -> None:
    """Delete the rows of these keys whose ``column`` fell to 0 (an absent row is a 0)."""
    for start in range(0, len(values), CHUNK):
        session.execute(delete(table).where(tuple_(*(table.c[k] for k in keys)).in_(values[start:start + CHUNK]),
                                            table.c[column] <= 0))


CK = ["school_year_id", "skill_id", "school_id", "grade_level", "added_by_role", "kind"]
EK = ["school_year_id", "skill_id", "school_id", "grade_level", "student_id"]
PK = EK[:4]
LK = [*PK, "level_rank"]
NK = ["school_year_id", "school_id", "grade_level"]


def _counts(session, deltas: dict) -> None:
    keys = sorted(deltas)
    _add(session, C, [{**dict(zip(CK, k, strict=True)), "n": deltas[k][0], "reflected": deltas[k][1],
                       "feedback": deltas[k][2]} for k in keys], CK, ["n", "reflected", "feedback"])
    _prune(session, C, CK, [k for k in keys if deltas[k][0] < 0], "n")


def _evidence(session, deltas: dict) -> None:
    """Evidence counters (kept at the student's school and grade only), and participation at every level: a student
    counts at a key while any of their evidence rows under it is positive. The upsert returns each count after it,
    and before it was that minus the delta (an inserted row's was 0). Only where a row's count crosses 0 can a
    student join or leave a key; then their rows of that school year and skill decide every level. Their rows are
    stable meanwhile: the caller holds the lock of every student concerned."""
    keys = sorted(deltas)
    after = upsert(session, E, [{**dict(zip(EK, k, strict=True)), "n": deltas[k]} for k in keys], EK, ["n"],
                   add=True, returning=(*EK, "n"))
    crossed = {(key[0], key[1], key[4]) for key, new in ((tuple(row[:5]), row[5]) for row in after)
               if (new > 0) != (new - deltas[key] > 0)}        # (school year, skill, student)
    joined: Counter = Counter()
    for (year, skill, student), rows in _rows_of(session, crossed).items():
        now, was = set(), set()
        for (school, grade), n in rows.items():
            if n > 0:
                now.update(levels_of(school, grade))
            if n - deltas.get((year, skill, school, grade, student), 0) > 0:
                was.update(levels_of(school, grade))
        for at in now ^ was:
            joined[(year, skill, *at)] += 1 if at in now else -1
    _prune(session, E, EK, [k for k in keys if deltas[k] < 0], "n")
    changed = sorted(joined)
    _add(session, P, [{**dict(zip(PK, k, strict=True)), "students": joined[k]} for k in changed], PK, ["students"])
    _prune(session, P, PK, [k for k in changed if joined[k] < 0], "students")


def _rows_of(session, groups: set[tuple[str, str, str]]) -> dict[tuple[str, str, str], dict[tuple[str, str], int]]:
    """The evidence rows (``{(school, grade): n}``) of these (school year, skill, student) groups."""
    out: dict = defaultdict(dict)
    ids = sorted({student for _, _, student in groups})
    for start in range(0, len(ids), CHUNK):
        for year, skill, school, grade, student, n in session.execute(
                select(*(E.c[k] for k in EK), E.c.n).where(
                    among(session, E.c.student_id, ids[start:start + CHUNK]))):
            if (year, skill, student) in groups:
                out[(year, skill, student)][(school, grade)] = n
    return out


def backfill(connection) -> None:
    """Fill the (empty) summaries from the artifact-level rows: a few INSERT ... SELECT statements per level."""
    live = A.c.deleted.is_(False)
    flag = {kind: case((exists().where(R.c.artifact_id == A.c.artifact_id, R.c.kind == kind), 1), else_=0)
            for kind in ("reflection", "feedback")}
    every, ranked = literal("", String), _latest().subquery()
    for school_of, grade_of in _levels():
        school, grade = school_of(A.c.school_id), grade_of(A.c.grade_level)
        for skill, source in ((every, A), (S.c.skill_id, A.join(S, S.c.artifact_id == A.c.artifact_id))):
            dims = [A.c.school_year_id, skill, school, grade, A.c.added_by_role, A.c.kind]
            connection.execute(insert(C).from_select(CK + ["n", "reflected", "feedback"], select(
                *dims, func.count(), func.sum(flag["reflection"]).cast(Integer),
                func.sum(flag["feedback"]).cast(Integer)).select_from(source).where(live).group_by(*_columns(dims))))
            if school_of is grade_of is _same:
                dims = [A.c.school_year_id, skill, A.c.school_id, A.c.grade_level, A.c.student_id]
                connection.execute(insert(E).from_select(EK + ["n"], select(*dims, func.count()).select_from(
                    source).where(live).group_by(*_columns(dims))))
        dims = [ranked.c.school_year_id, ranked.c.skill_id, school_of(ranked.c.school_id),
                grade_of(ranked.c.grade_level), ranked.c.level_rank]
        connection.execute(insert(L).from_select(LK + ["students"], select(*dims, func.count()).where(
            ranked.c.nth == 1).group_by(*_columns(dims))))
        dims = [Y.c.school_year_id, school_of(Y.c.school_id), grade_of(Y.c.grade_level)]
        connection.execute(insert(N).from_select(NK + ["students"], select(
            *dims, func.count(Y.c.student_id.distinct())).group_by(*_columns(dims))))
    for school_of, grade_of in _levels():
        dims = [E.c.school_year_id, E.c.skill_id, school_of(E.c.school_id), grade_of(E.c.grade_level)]
        connection.execute(insert(P).from_select(PK + ["students"], select(
            *dims, func.count(E.c.student_id.distinct())).where(E.c.n > 0).group_by(*_columns(dims))))


def _same(column):
    return column


def _every(column):
    return literal(ALL, String)


def _levels():
    """The four levels as (school, grade) column makers: the column itself, or the literal ALL."""
    return [(school, grade) for school in (_same, _every) for grade in (_same, _every)]


def _columns(dims: list) -> list:
    return [d for d in dims if not _literal(d)]


def _literal(column) -> bool:
    return column.__class__.__name__ == "BindParameter"
