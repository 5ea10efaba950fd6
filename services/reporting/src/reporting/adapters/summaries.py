"""The dashboard's summary tables (orm.artifact_counts, student_evidence, participation, level_counts), kept exact in
the transaction that changes artifact-level rows: the contribution of every artifact (and every student's latest
assessments) an event may touch is read before
the effects and again after them, and only the difference is written (``n = n + excluded.n`` upserts in key order),
so duplicates, out-of-order events, re-tagging, re-attribution and deletes subtract exactly what they added.
A student's evidence count reaching 0 removes them from ``participation``. ``backfill`` fills them from the
artifact-level rows in set-based statements (the migration and bulk loads)."""
from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import Integer, String, case, delete, exists, func, insert, literal, select, tuple_

from chassis.messaging.replica import upsert_statement
from reporting.adapters import orm
from reporting.adapters.bulk import CHUNK

A, S, R = orm.artifacts, orm.artifact_skills, orm.artifact_responses
C, E, P, L, T = orm.artifact_counts, orm.student_evidence, orm.participation, orm.level_counts, orm.assessments
ALL = orm.ALL
TOUCHING = frozenset({"artifact_added", "artifact_updated", "artifact_deleted", "reflection_added", "feedback_given",
                      "person_added", "person_updated", "person_removed", "student_transferred",
                      "school_year_added", "school_year_updated", "assessment_recorded"})
HISTORY = frozenset({"person_added", "person_updated", "person_removed", "student_transferred"})  # derived.rederive
Snapshot = tuple[dict, Counter, Counter]


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


def owners(session, artifact_ids) -> set[str]:
    """The stored students of these artifacts (locked too: their history re-places the artifacts)."""
    ids, out = sorted(artifact_ids), set()
    for start in range(0, len(ids), CHUNK):
        out |= set(session.execute(select(A.c.student_id).where(A.c.artifact_id.in_(ids[start:start + CHUNK])))
                   .scalars())
    return out


def affected(session, artifact_ids, students, everything: bool) -> list[str]:
    """Every artifact whose contribution the effects may change: named, or of a student whose history changes
    (``students``: :func:`moved`)."""
    if everything:
        return sorted(session.execute(select(A.c.artifact_id)).scalars())
    out, ids = set(artifact_ids), sorted(students)
    for start in range(0, len(ids), CHUNK):
        out |= set(session.execute(select(A.c.artifact_id).where(A.c.student_id.in_(ids[start:start + CHUNK])))
                   .scalars())
    return sorted(out)


def _latest():
    return select(T.c.school_year_id, T.c.skill_id, T.c.school_id, T.c.grade_level, T.c.level_rank, T.c.student_id,
                  func.row_number().over(partition_by=(T.c.student_id, T.c.school_year_id, T.c.skill_id),
                                         order_by=(T.c.assessed_at.desc(), T.c.assessment_id.desc())).label("nth"))


def levels(session, students) -> Counter:
    """What these students' latest assessments add to ``level_counts`` now."""
    out: Counter = Counter()
    ids = sorted(students)
    for start in range(0, len(ids), CHUNK):
        ranked = _latest().where(T.c.student_id.in_(ids[start:start + CHUNK])).subquery()
        for row in session.execute(select(*(ranked.c[k] for k in LK), func.count()).where(ranked.c.nth == 1)
                                   .group_by(*(ranked.c[k] for k in LK))):
            out[tuple(row[:5])] += row[5]
    return out


def contributions(session, artifact_ids: list[str], students=()) -> Snapshot:
    """What these artifacts and students add to the summaries now: ``({count key: [n, reflected, feedback]},
    {evidence key: n}, {level key: students})``."""
    counts: dict = defaultdict(lambda: [0, 0, 0])
    evidence: Counter = Counter()
    for start in range(0, len(artifact_ids), CHUNK):
        chunk = artifact_ids[start:start + CHUNK]
        tags: dict[str, list[str]] = {}
        for a, s in session.execute(select(S.c.artifact_id, S.c.skill_id).where(S.c.artifact_id.in_(chunk))):
            tags.setdefault(a, []).append(s)
        responses = {tuple(r) for r in session.execute(select(R.c.artifact_id, R.c.kind).where(
            R.c.artifact_id.in_(chunk)))}
        for r in session.execute(select(A).where(A.c.artifact_id.in_(chunk), A.c.deleted.is_(False))):
            reflected, feedback = int((r.artifact_id, "reflection") in responses), \
                int((r.artifact_id, "feedback") in responses)
            for skill in ("", *tags.get(r.artifact_id, ())):
                c = counts[(r.school_year_id, skill, r.school_id, r.grade_level, r.added_by_role, r.kind)]
                c[0], c[1], c[2] = c[0] + 1, c[1] + reflected, c[2] + feedback
                for school in (r.school_id, ALL):
                    for grade in (r.grade_level, ALL):
                        evidence[(r.school_year_id, skill, school, grade, r.student_id)] += 1
    return dict(counts), evidence, levels(session, students)


def apply(session, artifact_ids: list[str], students, before: Snapshot) -> None:
    """Write the difference between these artifacts' and students' contributions now and ``before``."""
    counts, evidence, latest = contributions(session, artifact_ids, students)
    d_counts = {}
    for key in set(counts) | set(before[0]):
        d = [x - y for x, y in zip(counts.get(key, (0, 0, 0)), before[0].get(key, (0, 0, 0)), strict=True)]
        if any(d):
            d_counts[key] = d
    d_evidence = {k: evidence[k] - before[1][k] for k in set(evidence) | set(before[1]) if evidence[k] != before[1][k]}
    _counts(session, d_counts)
    _evidence(session, d_evidence)
    d_levels = {k: latest[k] - before[2][k] for k in set(latest) | set(before[2]) if latest[k] != before[2][k]}
    keys = sorted(d_levels)
    _add(session, L, [{**dict(zip(LK, k, strict=True)), "students": d_levels[k]} for k in keys], LK, ["students"])
    _prune(session, L, LK, [k for k in keys if d_levels[k] < 0], "students")


def _add(session, table, rows: list[dict], keys: list[str], columns: list[str]) -> None:
    if rows:
        statement = upsert_statement(session, table)
        session.execute(statement.on_conflict_do_update(index_elements=keys, set_={
            c: table.c[c] + statement.excluded[c] for c in columns}), rows)


def _prune(session, table, keys: list[str], values: list[tuple], column: str) -> None:
    """Delete the rows of these keys whose ``column`` fell to 0 (an absent row is a 0)."""
    for start in range(0, len(values), CHUNK):
        session.execute(delete(table).where(tuple_(*(table.c[k] for k in keys)).in_(values[start:start + CHUNK]),
                                            table.c[column] <= 0))


CK = ["school_year_id", "skill_id", "school_id", "grade_level", "added_by_role", "kind"]
EK = ["school_year_id", "skill_id", "school_id", "grade_level", "student_id"]
PK = EK[:4]
LK = [*PK, "level_rank"]


def _counts(session, deltas: dict) -> None:
    keys = sorted(deltas)
    _add(session, C, [{**dict(zip(CK, k, strict=True)), "n": deltas[k][0], "reflected": deltas[k][1],
                       "feedback": deltas[k][2]} for k in keys], CK, ["n", "reflected", "feedback"])
    _prune(session, C, CK, [k for k in keys if deltas[k][0] < 0], "n")


def _evidence(session, deltas: dict) -> None:
    """Evidence counters, and a student in or out of ``participation`` where their count leaves or reaches 0
    (their rows are stable meanwhile: the caller holds the lock of every student concerned)."""
    keys = sorted(deltas)
    current: dict = {}
    for start in range(0, len(keys), CHUNK):
        for row in session.execute(select(*(E.c[k] for k in EK), E.c.n).where(
                tuple_(*(E.c[k] for k in EK)).in_(keys[start:start + CHUNK]))):
            current[tuple(row[:5])] = row[5]
    joined: Counter = Counter()
    for k in keys:
        old = current.get(k, 0)
        new = old + deltas[k]
        joined[k[:4]] += (new > 0) - (old > 0)
    _add(session, E, [{**dict(zip(EK, k, strict=True)), "n": deltas[k]} for k in keys], EK, ["n"])
    _prune(session, E, EK, [k for k in keys if deltas[k] < 0], "n")
    changed = sorted(k for k in joined if joined[k])
    _add(session, P, [{**dict(zip(PK, k, strict=True)), "students": joined[k]} for k in changed], PK, ["students"])
    _prune(session, P, PK, [k for k in changed if joined[k] < 0], "students")


def backfill(connection) -> None:
    """Fill the (empty) summaries from the artifact-level rows: a few INSERT ... SELECT statements."""
    live = A.c.deleted.is_(False)
    flag = {kind: case((exists().where(R.c.artifact_id == A.c.artifact_id, R.c.kind == kind), 1), else_=0)
            for kind in ("reflection", "feedback")}
    every = literal("", String)
    for skill, source in ((every, A), (S.c.skill_id, A.join(S, S.c.artifact_id == A.c.artifact_id))):
        dims = [A.c.school_year_id, skill, A.c.school_id, A.c.grade_level, A.c.added_by_role, A.c.kind]
        connection.execute(insert(C).from_select(CK + ["n", "reflected", "feedback"], select(
            *dims, func.count(), func.sum(flag["reflection"]).cast(Integer), func.sum(flag["feedback"]).cast(Integer))
            .select_from(source).where(live).group_by(*(d for d in dims if not _literal(d)))))
        for school in (A.c.school_id, literal(ALL, String)):
            for grade in (A.c.grade_level, literal(ALL, String)):
                dims = [A.c.school_year_id, skill, school, grade, A.c.student_id]
                connection.execute(insert(E).from_select(EK + ["n"], select(*dims, func.count()).select_from(
                    source).where(live).group_by(*(d for d in dims if not _literal(d)))))
    ranked = _latest().subquery()
    connection.execute(insert(L).from_select(LK + ["students"], select(
        *(ranked.c[k] for k in LK), func.count()).where(ranked.c.nth == 1).group_by(*(ranked.c[k] for k in LK))))
    connection.execute(insert(P).from_select(PK + ["students"], select(
        *(E.c[k] for k in PK), func.count()).where(E.c.n > 0).group_by(*(E.c[k] for k in PK))))


def _literal(column) -> bool:
    return column.__class__.__name__ == "BindParameter"
