"""A fake artifacts unit of work: in-memory repositories with the real ones' interfaces, over the chassis fake's
outbox, audit log and inbox lists, and the fake roster replica fed by the same roster events the tests use."""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import replace

from artifacts_fixtures import roster_world

from artifacts.adapters.media_records import MediaRecord
from artifacts.adapters.repository import PortfolioFilter
from artifacts.domain.access import Relation
from artifacts.domain.model import Artifact, StoredMedia, Version
from artifacts.service_layer.subscriptions import SUBSCRIPTIONS
from artifacts.service_layer.unit_of_work import PRODUCER, ArtifactsUnitOfWork
from chassis.testing.fake_roster import FakeRosterReplica
from chassis.testing.fake_uow import FakeUnitOfWork


class FakeArtifacts:
    def __init__(self, media: FakeMediaRecords) -> None:
        self.rows: dict[str, Artifact] = {}
        self.version_rows: dict[str, list[Version]] = {}
        self._media = media

    def get(self, artifact_id: str, for_update: bool = False) -> Artifact | None:
        found = self.rows.get(artifact_id)
        return copy.deepcopy(found) if found is not None and found.deleted_at is None else None

    def imported(self, student_id: str, district_id: str, ref: str, for_update: bool = False) -> Artifact | None:
        return next((copy.deepcopy(a) for a in self.rows.values() if a.student_id == student_id
                     and a.deleted_at is None and a.origin is not None and a.origin.district_id == district_id
                     and a.origin.ref == ref), None)

    def versions(self, artifact_id: str) -> list[Version]:
        stored = self._media.stored([(artifact_id, v.number) for v in self.version_rows.get(artifact_id, [])])
        return [replace(v, stored=stored.get((artifact_id, v.number)))
                for v in sorted(self.version_rows.get(artifact_id, []), key=lambda v: -v.number)]

    def versions_of(self, artifact_ids: list[str]) -> dict[str, list[Version]]:
        return {artifact_id: self.versions(artifact_id) for artifact_id in artifact_ids}

    def add(self, a: Artifact) -> None:
        assert a.id not in self.rows, "duplicate artifact id"
        self.rows[a.id] = copy.deepcopy(a)

    def save(self, a: Artifact) -> None:
        skills = self.rows[a.id].skill_ids
        self.rows[a.id] = replace(copy.deepcopy(a), skill_ids=list(skills), versions=[], media=None)

    def set_skills(self, artifact_id: str, skill_ids: list[str]) -> None:
        self.rows[artifact_id].skill_ids = list(skill_ids)

    def add_version(self, artifact_id: str, v: Version) -> None:
        self.version_rows.setdefault(artifact_id, []).append(v)

    def export_summary(self, student_id: str) -> tuple[int, int]:
        live = [a.id for a in self.rows.values() if a.student_id == student_id and a.deleted_at is None]
        keys = [(a, v.number) for a in live for v in self.version_rows.get(a, [])]
        return len(live), sum(m.size_bytes for m in self._media.stored(keys).values() if m.servable)

    def portfolio(self, f: PortfolioFilter, size: int, after: tuple | None) -> list[Artifact]:
        """The listing's filters, order and keyset as the SQL applies them (title: every word, any case)."""
        found = [a for a in self.rows.values() if a.deleted_at is None and a.student_id == f.student_id
                 and all(word in a.title.lower() for word in f.title_query.lower().split())
                 and (not f.skill_ids or set(f.skill_ids) & set(a.skill_ids))
                 and (not f.school_year_id or a.school_year_id == f.school_year_id)
                 and (not f.kind or a.kind.value == f.kind) and (not f.added_by or a.added_by == f.added_by)]
        found.sort(key=lambda a: (a.created_at, a.id), reverse=True)
        if after is not None:
            at = dt.datetime.fromisoformat(str(after[0]))
            found = [a for a in found if (a.created_at, a.id) < (at, str(after[1]))]
        page = [copy.deepcopy(a) for a in found[:size]]
        for a in page:
            a.media = self._media.stored([(a.id, a.current_version)]).get((a.id, a.current_version))
        return page


class FakeMediaRecords:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, int], dict] = {}

    def add(self, artifact_id: str, number: int, upload_id: str = "",
            upload_expires_at: dt.datetime | None = None) -> None:
        self.rows[(artifact_id, number)] = {"upload_id": upload_id, "expires_at": upload_expires_at,
                                            "uploaded_at": None, "stored": StoredMedia(), "checked_at": None}

    def get(self, artifact_id: str, number: int, for_update: bool = False) -> MediaRecord | None:
        row = self.rows.get((artifact_id, number))
        return MediaRecord(row["upload_id"], row["uploaded_at"], row["stored"]) if row else None

    def restart_upload(self, artifact_id: str, number: int, upload_id: str, expires_at: dt.datetime) -> None:
        self.rows[(artifact_id, number)].update(upload_id=upload_id, expires_at=expires_at)

    def mark_uploaded(self, artifact_id: str, number: int, at: dt.datetime) -> None:
        if (artifact_id, number) in self.rows:
            self.rows[(artifact_id, number)]["uploaded_at"] = at

    def record(self, artifact_id: str, number: int, stored: StoredMedia, at: dt.datetime) -> None:
        if (artifact_id, number) in self.rows:
            self.rows[(artifact_id, number)].update(stored=stored, checked_at=at)

    def abandoned(self, now: dt.datetime, limit: int = 100) -> list[tuple[str, int, str]]:
        return [(a, n, r["upload_id"]) for (a, n), r in self.rows.items()
                if r["uploaded_at"] is None and not r["stored"].verdict and r["expires_at"] is not None
                and r["expires_at"] < now][:limit]

    def stored(self, versions: list[tuple[str, int]]) -> dict[tuple[str, int], StoredMedia]:
        return {key: self.rows[key]["stored"] for key in versions if key in self.rows}


class FakePanelGrants:
    def __init__(self) -> None:
        self.panellists: dict[str, dict] = {}
        self.selections: dict[str, tuple[str, list[str]]] = {}

    def put_panellist(self, invitation_id: str, milestone_id: str, student_id: str, person_id: str,
                      expires_at: dt.datetime) -> None:
        self.panellists[invitation_id] = {"milestone_id": milestone_id, "student_id": student_id,
                                          "person_id": person_id, "expires_at": expires_at}

    def end(self, milestone_id: str, at: dt.datetime) -> None:
        for seat in self.panellists.values():
            if seat["milestone_id"] == milestone_id and seat["expires_at"] > at:
                seat["expires_at"] = at

    def select(self, milestone_id: str, student_id: str, artifact_ids: list[str]) -> None:
        self.selections[milestone_id] = (student_id, list(artifact_ids))

    def grant(self, artifact_id: str, student_id: str, invitation_id: str = "", person_id: str = "",
              now: dt.datetime | None = None) -> str | None:
        if not (invitation_id or person_id):
            return None
        for seat_id, seat in self.panellists.items():
            chosen = seat_id == invitation_id if invitation_id else seat["person_id"] == person_id
            selected = self.selections.get(seat["milestone_id"], ("", []))
            if (chosen and seat["student_id"] == student_id and selected[0] == student_id
                    and artifact_id in selected[1] and seat["expires_at"] > now):
                return seat_id
        return None


class FakeSkillCatalog:
    """``foreign`` says which skill ids do not belong and why (the rule itself is tested over SQL)."""

    def __init__(self) -> None:
        self.foreign: dict[str, str] = {}

    def foreign_tags(self, skill_ids: list[str], school_id: str) -> dict[str, str]:
        return {s: self.foreign[s] for s in skill_ids if s in self.foreign}


class FakeMediaObjects:
    """No class captures in the unit world: no artifact refers to a shared object (see the integration tests)."""

    def of_artifact(self, artifact_id: str) -> list[str]:
        return []


class FakeReplicas(FakeRosterReplica):
    relation_type = Relation


class FakeArtifactsUnitOfWork(FakeUnitOfWork, ArtifactsUnitOfWork):
    stores = ("artifacts", "media", "replicas", "panels", "catalog")
    producer = PRODUCER

    def __init__(self) -> None:
        super().__init__()
        self.media = FakeMediaRecords()
        self.artifacts = FakeArtifacts(self.media)
        self.replicas = FakeReplicas()
        self.panels = FakePanelGrants()
        self.catalog = FakeSkillCatalog()
        self.media_objects = FakeMediaObjects()

    def _take_snapshot(self) -> dict:
        snapshot = super()._take_snapshot()
        snapshot["artifacts"].pop("_media")            # the repository keeps its reference to the media records
        return snapshot

    def feed_roster(self, envelopes=None) -> FakeArtifactsUnitOfWork:
        """The roster replica as the worker builds it (the service's subscriptions) from :func:`roster_world`."""
        for envelope in envelopes if envelopes is not None else roster_world():
            SUBSCRIPTIONS[(envelope.producer, envelope.type)](self, envelope)
        return self
