"""Artifacts, their skill tags and versions in the database; portfolio search with keyset paging."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.orm import Session

from artifacts.adapters import portfolio_statements as statements
from artifacts.adapters.media_records import stored_media
from artifacts.adapters.orm import artifact_skills, artifact_versions, artifacts, version_media
from artifacts.adapters.portfolio_statements import PortfolioFilter  # noqa: F401  (re-exported)
from artifacts.domain.model import Artifact, Kind, Origin, Status, Version


@dataclass(frozen=True)
class _Stored:
    verdict: str
    content_type: str
    size_bytes: int
    thumbnail_key: str
    checked_key: str


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _artifact(row, skill_ids: list[str]) -> Artifact:
    return Artifact(id=row.id, student_id=row.student_id, added_by=row.added_by, added_by_role=row.added_by_role,
                    title=row.title, description=row.description, kind=Kind(row.kind), skill_ids=skill_ids,
                    school_year_id=row.school_year_id, school_id=row.school_id, status=Status(row.status),
                    created_at=_utc(row.created_at), updated_at=_utc(row.updated_at), link_url=row.link_url,
                    rejection_reason=row.rejection_reason, current_version=row.current_version,
                    deleted_at=row.deleted_at, origin=_origin(row))


def _origin(row) -> Origin | None:
    if not getattr(row, "origin_district_id", ""):
        return None
    return Origin(row.origin_district_id, row.origin_district_name, row.origin_ref,
                  tuple(json.loads(row.origin_skill_labels or "[]")), row.origin_school_year,
                  row.origin_school_year_start)


def _origin_row(origin: Origin | None) -> dict:
    if origin is None:
        return {}
    return {"origin_district_id": origin.district_id, "origin_district_name": origin.district_name,
            "origin_ref": origin.ref, "origin_skill_labels": json.dumps(list(origin.skill_labels)),
            "origin_school_year": origin.school_year, "origin_school_year_start": origin.school_year_start}


class ArtifactsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, artifact_id: str, for_update: bool = False) -> Artifact | None:
        """A live (not deleted) artifact with its skills, or None."""
        query = select(artifacts).where(artifacts.c.id == artifact_id, artifacts.c.deleted_at.is_(None))
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return _artifact(row, self._skills([artifact_id])[artifact_id]) if row else None

    def imported(self, student_id: str, district_id: str, ref: str, for_update: bool = False) -> Artifact | None:
        """The student's live artifact imported from ``ref`` of district ``district_id``, or None."""
        query = select(artifacts).where(artifacts.c.student_id == student_id,
                                        artifacts.c.origin_district_id == district_id, artifacts.c.origin_ref == ref,
                                        artifacts.c.deleted_at.is_(None))
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return _artifact(row, self._skills([row.id])[row.id]) if row else None

    def versions(self, artifact_id: str) -> list[Version]:
        """Newest first, each with what the media worker found (``stored``) where it has a media record."""
        return self.versions_of([artifact_id])[artifact_id]

    def versions_of(self, artifact_ids: list[str]) -> dict[str, list[Version]]:
        """:meth:`versions` of several artifacts in one statement (a passport's batch), by artifact id."""
        media = version_media.alias("media")
        rows = self.session.execute(
            select(artifact_versions, media.c.verdict, media.c.content_type.label("stored_type"),
                   media.c.size_bytes.label("stored_size"), media.c.thumbnail_key, media.c.checked_key)
            .outerjoin(media, and_(media.c.artifact_id == artifact_versions.c.artifact_id,
                                   media.c.number == artifact_versions.c.number))
            .where(artifact_versions.c.artifact_id.in_(artifact_ids))
            .order_by(artifact_versions.c.artifact_id, artifact_versions.c.number.desc()))
        found: dict[str, list[Version]] = {artifact_id: [] for artifact_id in artifact_ids}
        for r in rows:
            found[r.artifact_id].append(Version(
                number=r.number, media_key=r.media_key, link_url=r.link_url, size_bytes=r.size_bytes,
                content_type=r.content_type, created_by=r.created_by, created_at=_utc(r.created_at),
                file_name=r.file_name, stored=None if r.verdict is None else stored_media(
                    _Stored(r.verdict, r.stored_type, r.stored_size, r.thumbnail_key, r.checked_key))))
        return found

    def _skills(self, ids: list[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {i: [] for i in ids}
        rows = self.session.execute(select(artifact_skills.c.artifact_id, artifact_skills.c.skill_id)
                                    .where(artifact_skills.c.artifact_id.in_(ids))
                                    .order_by(artifact_skills.c.artifact_id, artifact_skills.c.position))
        for row in rows:
            found[row.artifact_id].append(row.skill_id)
        return found

    def _row(self, a: Artifact) -> dict:
        return {"student_id": a.student_id, "added_by": a.added_by, "added_by_role": a.added_by_role,
                "title": a.title, "description": a.description, "kind": a.kind.value, "link_url": a.link_url,
                "school_year_id": a.school_year_id, "school_id": a.school_id, "status": a.status.value,
                "rejection_reason": a.rejection_reason, "current_version": a.current_version,
                "created_at": a.created_at, "updated_at": a.updated_at, "deleted_at": a.deleted_at,
                **_origin_row(a.origin)}

    def add(self, a: Artifact) -> None:
        self.session.execute(insert(artifacts).values(id=a.id, **self._row(a)))
        self.set_skills(a.id, a.skill_ids)

    def save(self, a: Artifact) -> None:
        self.session.execute(update(artifacts).where(artifacts.c.id == a.id).values(**self._row(a)))

    def set_skills(self, artifact_id: str, skill_ids: list[str]) -> None:
        self.session.execute(delete(artifact_skills).where(artifact_skills.c.artifact_id == artifact_id))
        self.session.execute(insert(artifact_skills), [{"artifact_id": artifact_id, "skill_id": s, "position": i}
                                                       for i, s in enumerate(skill_ids)])

    def add_version(self, artifact_id: str, v: Version) -> None:
        self.session.execute(insert(artifact_versions).values(
            artifact_id=artifact_id, number=v.number, media_key=v.media_key, link_url=v.link_url,
            size_bytes=v.size_bytes, content_type=v.content_type, created_by=v.created_by, created_at=v.created_at,
            file_name=v.file_name))

    def portfolio(self, f: PortfolioFilter, size: int, after: tuple | None) -> list[Artifact]:
        """Up to ``size`` live artifacts newest first (created_at desc, id desc), after the keyset ``after``, each
        with its skills in tag order and, for files, what the media worker found for the current version
        (``media``; None without a media record): one statement, the page joined to its tags and media records."""
        shape = statements.Shape.of(f, after, self.session.get_bind().dialect.name)
        rows = self.session.connection().execute(statements.listing(shape), statements.values(f, size, after))
        found: dict[str, Artifact] = {}
        for r in rows:
            artifact = found.get(r.id)
            if artifact is None:
                artifact = found[r.id] = _artifact(r, [])
                if r.media_of is not None:
                    artifact.media = stored_media(_Stored(r.verdict, r.stored_type, r.stored_size, r.thumbnail_key,
                                                          r.checked_key))
            if r.skill_id is not None:
                artifact.skill_ids.append(r.skill_id)
        return list(found.values())

    def export_summary(self, student_id: str) -> tuple[int, int]:
        """(live artifacts, bytes of their versions' ready checked media) of one student: the passport's size."""
        live = select(artifacts.c.id).where(artifacts.c.student_id == student_id, artifacts.c.deleted_at.is_(None))
        count = self.session.execute(select(func.count()).select_from(live.subquery())).scalar_one()
        media = self.session.execute(select(func.coalesce(func.sum(version_media.c.size_bytes), 0)).where(
            version_media.c.artifact_id.in_(live), version_media.c.verdict == Status.READY.value,
            version_media.c.checked_key != "")).scalar_one()
        return int(count), int(media)

    def portfolio_query(self, f: PortfolioFilter, size: int, after: tuple | None):
        """The page's statement alone with this listing's values bound (to inspect its plan)."""
        shape = statements.Shape.of(f, after, self.session.get_bind().dialect.name)
        return statements.page(shape).params(statements.values(f, size, after))
