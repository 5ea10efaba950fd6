"""Effects of skills events (skill_*, scale_defined, rubric_defined: protos/skillfolio/events/v1/skills.proto),
roster school_year_added/updated and the artifact details (school year, skill tags, creation time) on the replicas
assessments need, each applied once (inbox) in the claiming transaction (subscriptions.py); older events change
nothing."""
from __future__ import annotations

import datetime as dt

from chassis.events import Envelope
from reflections.domain.assessment import Criterion, Level
from reflections.domain.growth import imported_year
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork


def skill(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    d = e.data
    skill_id = str(d["skill_id"])
    deleted = e.type == "skill_deleted"
    if uow.replicas.is_newest("skill", skill_id, e.occurred_at, deleted=deleted):
        if deleted:
            uow.catalog.delete_skill(skill_id)
        else:
            uow.catalog.put_skill(skill_id, str(d.get("name") or ""), str(d.get("colour") or ""),
                                  str(d.get("scale_id") or ""), bool(d.get("retired", False)))


def scale(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    d = e.data
    names = [str(n) for n in d.get("level_names") or []]
    ranks = [int(r) for r in d.get("level_ranks") or []] or list(range(1, len(names) + 1))
    descriptions = [str(t) for t in d.get("level_descriptions") or []] or [""] * len(names)
    if uow.replicas.is_newest("scale", str(d["scale_id"]), e.occurred_at):
        uow.catalog.put_scale(str(d["scale_id"]), str(d.get("name") or ""),
                              sorted((Level(r, n, t) for r, n, t in zip(ranks, names, descriptions)),
                                     key=lambda level: level.rank))


def rubric(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    d = e.data
    codes = [str(c) for c in d.get("criteria") or []]
    names = [str(n) for n in d.get("criterion_names") or []] or codes
    ranks = [int(r) for r in d.get("level_ranks") or []]
    cells = [str(c) for c in d.get("cells") or []]
    width = len(ranks)
    criteria = [Criterion(code, name, dict(zip(ranks, cells[i * width:(i + 1) * width])))
                for i, (code, name) in enumerate(zip(codes, names))]
    if uow.replicas.is_newest("rubric", str(d["rubric_id"]), e.occurred_at):
        uow.catalog.put_rubric(str(d["rubric_id"]), str(d.get("skill_id") or ""), str(d.get("scale_id") or ""),
                               str(d.get("name") or d.get("code") or ""), criteria)


def school_year(uow: ReflectionsUnitOfWork, e: Envelope) -> None:
    d = e.data
    if uow.replicas.is_newest("school_year", str(d["school_year_id"]), e.occurred_at):
        uow.catalog.put_school_year(str(d["school_year_id"]), str(d.get("title") or ""),
                                    str(d.get("start_date") or ""), str(d.get("end_date") or ""))


def artifact_details(uow: ReflectionsUnitOfWork, e: Envelope, newest: bool) -> None:
    """After the ownership row is written: the newest event sets school year and skills (imported history: the
    sender's year, a year of its own here, labelled with the district); any artifact_added keeps the earliest
    creation time."""
    d = e.data
    artifact_id = str(d["artifact_id"])
    if newest:
        school_year_id = str(d.get("school_year_id") or "")
        if d.get("origin_district_id"):
            start = str(d.get("origin_school_year_start") or "")
            school_year_id, title = imported_year(str(d["origin_district_id"]), str(d.get("origin_district_name") or ""),
                                                  str(d.get("origin_school_year") or ""), start)
            uow.catalog.put_school_year(school_year_id, title, start, "")
        uow.catalog.set_artifact_details(artifact_id, str(d["student_id"]), school_year_id,
                                         [str(s) for s in d.get("skill_ids") or []])
    if e.type == "artifact_added":
        uow.catalog.note_created(artifact_id, dt.datetime.fromisoformat(e.occurred_at))
