"""The portfolio listing's SQL, built once per filter shape: which filters are set (and the dialect) select a
statement whose values are bound parameters, so a listing neither rebuilds the statement nor recomputes its cache
key; SQLAlchemy's compiled cache then serves it. ``values`` gives the parameters for one listing."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from sqlalchemy import Select, and_, bindparam, func, or_, select

from artifacts.adapters.orm import TITLE_TSVECTOR, artifact_skills, artifacts, version_media
from artifacts.domain.model import Kind


@dataclass(frozen=True)
class PortfolioFilter:
    """Filters combine with AND; ``skill_ids`` matches artifacts tagged with ANY of them."""

    student_id: str
    title_query: str = ""
    skill_ids: tuple[str, ...] = ()
    school_year_id: str = ""
    kind: str = ""
    added_by: str = ""


@dataclass(frozen=True)
class Shape:
    """Which parts a listing's statement has."""

    postgres: bool
    title: bool
    skills: bool
    school_year: bool
    kind: bool
    added_by: bool
    after: bool

    @classmethod
    def of(cls, f: PortfolioFilter, after: tuple | None, dialect_name: str) -> Shape:
        return cls(dialect_name == "postgresql", bool(f.title_query), bool(f.skill_ids), bool(f.school_year_id),
                   bool(f.kind), bool(f.added_by), after is not None)


def _like_pattern(words: str) -> str:
    """A LIKE pattern (escape character "/") matching ``words`` anywhere, lower-cased (non-PostgreSQL titles)."""
    escaped = words.lower().replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"%{escaped}%"


def values(f: PortfolioFilter, size: int, after: tuple | None) -> dict:
    """The bound parameters of one listing (every shape's statement takes them; unused ones are ignored)."""
    found = {"student_id": f.student_id, "title_query": f.title_query, "title_like": _like_pattern(f.title_query),
             "skill_ids": list(f.skill_ids), "school_year_id": f.school_year_id, "kind": f.kind,
             "added_by": f.added_by, "size": size}
    if after is not None:
        found["after_at"], found["after_id"] = dt.datetime.fromisoformat(str(after[0])), str(after[1])
    return found


@functools.lru_cache(maxsize=256)
def page(shape: Shape) -> Select:
    """Up to :size live artifacts of :student_id newest first (created_at desc, id desc) after the keyset."""
    query = select(artifacts).where(artifacts.c.student_id == bindparam("student_id"),
                                    artifacts.c.deleted_at.is_(None))
    if shape.title:
        if shape.postgres:
            query = query.where(TITLE_TSVECTOR.op("@@")(func.plainto_tsquery("simple", bindparam("title_query"))))
        else:
            query = query.where(func.lower(artifacts.c.title).like(bindparam("title_like"), escape="/"))
    if shape.skills:
        query = query.where(artifacts.c.id.in_(select(artifact_skills.c.artifact_id).where(
            artifact_skills.c.skill_id.in_(bindparam("skill_ids", expanding=True)))))
    for column, wanted in ((artifacts.c.school_year_id, shape.school_year), (artifacts.c.kind, shape.kind),
                           (artifacts.c.added_by, shape.added_by)):
        if wanted:
            query = query.where(column == bindparam(column.name))
    if shape.after:
        at = bindparam("after_at", type_=artifacts.c.created_at.type)
        query = query.where(or_(artifacts.c.created_at < at,
                                and_(artifacts.c.created_at == at, artifacts.c.id < bindparam("after_id"))))
    return query.order_by(artifacts.c.created_at.desc(), artifacts.c.id.desc()).limit(bindparam("size"))


@functools.lru_cache(maxsize=256)
def listing(shape: Shape) -> Select:
    """The page joined to its skill tags (in tag order) and, for files, the current version's media record."""
    found = page(shape).subquery("page")
    media = version_media.alias("media")
    return (select(found, artifact_skills.c.skill_id, media.c.artifact_id.label("media_of"), media.c.verdict,
                   media.c.content_type.label("stored_type"), media.c.size_bytes.label("stored_size"),
                   media.c.thumbnail_key, media.c.checked_key)
            .select_from(found.outerjoin(artifact_skills, artifact_skills.c.artifact_id == found.c.id).outerjoin(
                media, and_(media.c.artifact_id == found.c.id, media.c.number == found.c.current_version,
                            found.c.kind != Kind.LINK.value)))
            .order_by(found.c.created_at.desc(), found.c.id.desc(), artifact_skills.c.position))
