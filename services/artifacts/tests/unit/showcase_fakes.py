"""An in-memory showcase repository with the real one's interface, and the fake artifacts unit of work holding it."""
from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from artifacts_fakes import FakeArtifactsUnitOfWork

from artifacts.domain.showcases import Showcase, ShowcaseLink


class FakeShowcases:
    def __init__(self, artifacts: Callable[[], dict], panellists: Callable[[], dict]) -> None:
        self.rows: dict[str, Showcase] = {}
        self.deleted: set[str] = set()
        self.link_rows: dict[str, tuple[ShowcaseLink, str]] = {}
        self._artifacts, self._panellists = artifacts, panellists

    def get(self, showcase_id: str, for_update: bool = False) -> Showcase | None:
        found = self.rows.get(showcase_id)
        return copy.deepcopy(found) if found is not None and showcase_id not in self.deleted else None

    def of_student(self, student_id: str) -> list[Showcase]:
        return [copy.deepcopy(s) for s in sorted(self.rows.values(), key=lambda s: s.updated_at, reverse=True)
                if s.student_id == student_id and s.id not in self.deleted]

    def add(self, s: Showcase) -> None:
        assert s.id not in self.rows
        self.save(s)

    def save(self, s: Showcase) -> None:
        self.rows[s.id] = replace(copy.deepcopy(s), items=[], links=[], can=frozenset())

    def delete(self, showcase_id: str, at: dt.datetime) -> None:
        self.deleted.add(showcase_id)
        for link_id, (k, digest) in list(self.link_rows.items()):
            if k.showcase_id == showcase_id and k.revoked_at is None:
                self.link_rows[link_id] = (replace(k, revoked_at=at), digest)

    def live_item_ids(self, showcase_id: str) -> list[str]:
        rows = self._artifacts()
        return [a for a in self.rows[showcase_id].fields.artifact_ids if a in rows and rows[a].deleted_at is None]

    def own_live(self, student_id: str, artifact_ids: list[str]) -> set[str]:
        rows = self._artifacts()
        return {a for a in artifact_ids if a in rows and rows[a].student_id == student_id
                and rows[a].deleted_at is None}

    def add_link(self, link: ShowcaseLink, token_sha256: str) -> None:
        self.link_rows[link.id] = (link, token_sha256)

    def links(self, showcase_id: str) -> list[ShowcaseLink]:
        return sorted((k for k, _ in self.link_rows.values() if k.showcase_id == showcase_id),
                      key=lambda k: k.created_at, reverse=True)

    def link_by_token(self, token_sha256: str) -> ShowcaseLink | None:
        return next((k for k, digest in self.link_rows.values() if digest == token_sha256), None)

    def revoke(self, link_id: str, at: dt.datetime) -> None:
        link, digest = self.link_rows[link_id]
        if link.revoked_at is None:
            self.link_rows[link_id] = (replace(link, revoked_at=at), digest)

    def panel_seat(self, milestone_id: str, student_id: str, invitation_id: str, person_id: str,
                   now: dt.datetime) -> str | None:
        if not milestone_id or not (invitation_id or person_id):
            return None
        for seat_id, seat in self._panellists().items():
            chosen = seat_id == invitation_id if invitation_id else seat["person_id"] == person_id
            if chosen and seat["milestone_id"] == milestone_id and seat["student_id"] == student_id \
                    and seat["expires_at"] > now:
                return seat_id
        return None


class FakeShowcaseUnitOfWork(FakeArtifactsUnitOfWork):
    stores = (*FakeArtifactsUnitOfWork.stores, "showcases")

    def __init__(self) -> None:
        super().__init__()
        self.showcases = FakeShowcases(lambda: self.artifacts.rows, lambda: self.panels.panellists)
