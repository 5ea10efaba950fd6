"""Showcases, their ordered artifacts and their external links in the database; the panel seat through which a
panellist reads a showcase shared with their milestone (from the milestone panel replica)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from artifacts.adapters.orm import artifacts, milestone_panellists
from artifacts.adapters.showcase_tables import showcase_items, showcase_links, showcases
from artifacts.domain.showcases import Showcase, ShowcaseFields, ShowcaseLink


def _utc(moment: dt.datetime | None) -> dt.datetime | None:
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _showcase(row) -> Showcase:
    return Showcase(id=row.id, student_id=row.student_id, created_by=row.created_by,
                    created_at=_utc(row.created_at), updated_at=_utc(row.updated_at),
                    fields=ShowcaseFields(row.title, row.introduction, row.audience, row.milestone_id,
                                          bool(row.share_with_guardians)))


def _link(row) -> ShowcaseLink:
    return ShowcaseLink(id=row.id, showcase_id=row.showcase_id, created_by=row.created_by,
                        created_at=_utc(row.created_at), expires_at=_utc(row.expires_at),
                        revoked_at=_utc(row.revoked_at))


class ShowcaseRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, showcase_id: str, for_update: bool = False) -> Showcase | None:
        """A live (not deleted) showcase, without its items, or None."""
        query = select(showcases).where(showcases.c.id == showcase_id, showcases.c.deleted_at.is_(None))
        row = self.session.execute(query.with_for_update() if for_update else query).first()
        return _showcase(row) if row else None

    def of_student(self, student_id: str) -> list[Showcase]:
        rows = self.session.execute(select(showcases).where(showcases.c.student_id == student_id,
                                                            showcases.c.deleted_at.is_(None))
                                    .order_by(showcases.c.updated_at.desc(), showcases.c.id))
        return [_showcase(r) for r in rows]

    def _values(self, s: Showcase) -> dict:
        f = s.fields
        return {"student_id": s.student_id, "title": f.title, "introduction": f.introduction, "audience": f.audience,
                "milestone_id": f.milestone_id, "share_with_guardians": f.share_with_guardians,
                "created_by": s.created_by, "created_at": s.created_at, "updated_at": s.updated_at}

    def add(self, s: Showcase) -> None:
        self.session.execute(insert(showcases).values(id=s.id, **self._values(s)))
        self.set_items(s.id, list(s.fields.artifact_ids))

    def save(self, s: Showcase) -> None:
        self.session.execute(update(showcases).where(showcases.c.id == s.id).values(**self._values(s)))
        self.set_items(s.id, list(s.fields.artifact_ids))

    def delete(self, showcase_id: str, at: dt.datetime) -> None:
        """Soft delete; its links stop working with it."""
        self.session.execute(update(showcases).where(showcases.c.id == showcase_id).values(deleted_at=at))
        self.session.execute(update(showcase_links).where(showcase_links.c.showcase_id == showcase_id,
                                                          showcase_links.c.revoked_at.is_(None))
                             .values(revoked_at=at))

    def set_items(self, showcase_id: str, artifact_ids: list[str]) -> None:
        self.session.execute(delete(showcase_items).where(showcase_items.c.showcase_id == showcase_id))
        if artifact_ids:
            self.session.execute(insert(showcase_items), [{"showcase_id": showcase_id, "artifact_id": a, "position": i}
                                                          for i, a in enumerate(artifact_ids)])

    def live_item_ids(self, showcase_id: str) -> list[str]:
        """The showcase's artifacts that are still live, in its order (a deleted artifact drops out)."""
        return list(self.session.execute(
            select(showcase_items.c.artifact_id)
            .join(artifacts, artifacts.c.id == showcase_items.c.artifact_id)
            .where(showcase_items.c.showcase_id == showcase_id, artifacts.c.deleted_at.is_(None))
            .order_by(showcase_items.c.position)).scalars())

    def own_live(self, student_id: str, artifact_ids: list[str]) -> set[str]:
        """Which of ``artifact_ids`` are live artifacts of this student."""
        if not artifact_ids:
            return set()
        return set(self.session.execute(select(artifacts.c.id).where(
            artifacts.c.id.in_(artifact_ids), artifacts.c.student_id == student_id,
            artifacts.c.deleted_at.is_(None))).scalars())

    def add_link(self, link: ShowcaseLink, token_sha256: str) -> None:
        self.session.execute(insert(showcase_links).values(
            id=link.id, showcase_id=link.showcase_id, token_sha256=token_sha256, created_by=link.created_by,
            created_at=link.created_at, expires_at=link.expires_at, revoked_at=link.revoked_at))

    def links(self, showcase_id: str) -> list[ShowcaseLink]:
        rows = self.session.execute(select(showcase_links).where(showcase_links.c.showcase_id == showcase_id)
                                    .order_by(showcase_links.c.created_at.desc(), showcase_links.c.id))
        return [_link(r) for r in rows]

    def link_by_token(self, token_sha256: str) -> ShowcaseLink | None:
        row = self.session.execute(select(showcase_links).where(showcase_links.c.token_sha256 == token_sha256)).first()
        return _link(row) if row else None

    def revoke(self, link_id: str, at: dt.datetime) -> None:
        self.session.execute(update(showcase_links).where(showcase_links.c.id == link_id,
                                                          showcase_links.c.revoked_at.is_(None)).values(revoked_at=at))

    def panel_seat(self, milestone_id: str, student_id: str, invitation_id: str, person_id: str,
                   now: dt.datetime) -> str | None:
        """The live panel invitation (a guest's, or an invited educator's) of this student's milestone, or None."""
        if not milestone_id or not (invitation_id or person_id):
            return None
        seat = milestone_panellists.c.invitation_id == invitation_id if invitation_id else \
            milestone_panellists.c.person_id == person_id
        return self.session.execute(select(milestone_panellists.c.invitation_id).where(
            seat, milestone_panellists.c.milestone_id == milestone_id,
            milestone_panellists.c.student_id == student_id, milestone_panellists.c.expires_at > now).limit(1)).scalar()
