"""A showcase's external links, as panel links work: made by those who may share it (the token is returned once and
only its SHA-256 hash is stored), revocable, expiring; opening one (public: the token is the credential) shows that
showcase alone, its live artifacts and their signed media URLs, and every view is audited."""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from artifacts.domain import showcases as rules
from artifacts.domain.access import Viewer
from artifacts.domain.showcases import LINK_GUEST_PREFIX, Showcase, ShowcaseAction, ShowcaseLink
from artifacts.service_layer.media import Media
from artifacts.service_layer.showcase_standing import allowed, audit, found, items
from artifacts.service_layer.unit_of_work import UowFactory
from chassis.calendar import DistrictCalendar
from chassis.errors import Conflict, FieldProblem, NotFound
from chassis.ids import new_id

INVALID_LINK = "this showcase link is not valid"
ENDED_LINK = "this showcase link has ended"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ShowcaseLinks:
    def __init__(self, uow_factory: UowFactory, calendar: DistrictCalendar, media: Media) -> None:
        self.uow_factory, self.calendar, self.media = uow_factory, calendar, media

    def create(self, viewer: Viewer, showcase_id: str, valid_days: int = 0) -> tuple[ShowcaseLink, str]:
        """The new link and its token (shown once; only its hash is stored)."""
        days = rules.link_days(valid_days)
        with self.uow_factory() as uow:
            showcase = found(uow, showcase_id, for_update=True)
            allowed(uow, self.calendar, viewer, showcase.student_id, ShowcaseAction.SHARE, showcase.fields)
            now, token = self.calendar.clock(), secrets.token_urlsafe(32)
            link = ShowcaseLink(new_id(now), showcase.id, viewer.subject, now, now + dt.timedelta(days=days))
            uow.showcases.add_link(link, token_hash(token))
            audit(uow, viewer, "CreateShowcaseLink", showcase, {"link_id": link.id, "expires_at":
                                                                 link.expires_at.isoformat()})
            uow.commit()
        return link, token

    def revoke(self, viewer: Viewer, showcase_id: str, link_id: str) -> ShowcaseLink:
        with self.uow_factory() as uow:
            showcase = found(uow, showcase_id, for_update=True)
            allowed(uow, self.calendar, viewer, showcase.student_id, ShowcaseAction.SHARE, showcase.fields)
            link = next((k for k in uow.showcases.links(showcase.id) if k.id == link_id), None)
            if link is None:
                raise NotFound("no such link on this showcase", [FieldProblem("link_id", "not a link of this showcase")])
            uow.showcases.revoke(link.id, self.calendar.clock())
            audit(uow, viewer, "RevokeShowcaseLink", showcase, {"link_id": link.id})
            uow.commit()
            return next(k for k in uow.showcases.links(showcase.id) if k.id == link_id)

    def open(self, token: str) -> tuple[Showcase, ShowcaseLink]:
        """The showcase a link stands for, with its live items; NotFound for an unknown token or a deleted showcase,
        Conflict once the link expired or was revoked. Audited as ``showcase-link:<link_id>``."""
        token = token.strip()
        if not token:
            raise NotFound(INVALID_LINK)
        with self.uow_factory() as uow:
            link = uow.showcases.link_by_token(token_hash(token))
            showcase = uow.showcases.get(link.showcase_id) if link else None
            if link is None or showcase is None:
                raise NotFound(INVALID_LINK)
            if not link.live(self.calendar.clock()):
                raise Conflict(ENDED_LINK)
            showcase.items = items(uow, self.media, showcase)
            audit(uow, Viewer.of(f"{LINK_GUEST_PREFIX}{link.id}", []), "OpenShowcaseLink", showcase,
                  {"link_id": link.id, "artifact_ids": list(showcase.fields.artifact_ids)})
            uow.commit()
        return showcase, link
