"""A fake reflections unit of work: in-memory repositories and replicas with the real ones' interfaces, over the
chassis fake's outbox, audit log and inbox lists; the replicas are fed by the service's own event effects
(replication.APPLY) with the world the integration tests use."""
from __future__ import annotations

import dataclasses
import datetime as dt
from types import SimpleNamespace

from reflections_amendment_fakes import FakeAmendments
from reflections_catalog_fakes import FakeAssessments, FakeCatalog
from reflections_credential_fakes import FakeCredentials
from reflections_fixtures import world_events
from reflections_goal_fakes import FakeGoals, FakeMilestones
from reflections_progress_fakes import FakeProgress

from chassis.testing.fake_roster import FakeRosterReplica
from chassis.testing.fake_uow import FakeUnitOfWork
from reflections.domain.model import Comment, Feedback, Prompt, Reflection, Revision
from reflections.service_layer.unit_of_work import PRODUCER, ReflectionsUnitOfWork


class FakeRevisionMedia:
    """(reflection, number) -> the media state the real table ``revision_media`` keeps."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, int], dict] = {}
        self.revisions: dict[tuple[str, int], Revision] = {}

    def add(self, reflection_id: str, revision: Revision) -> None:
        self.revisions[(reflection_id, revision.number)] = revision
        self.rows[(reflection_id, revision.number)] = {"uploaded_at": None, "verdict": "", "content_type": "",
                                                      "size_bytes": 0, "reason": "", "checked_key": "",
                                                      "upload_expires_at": revision.media.upload_expires_at}

    def current(self, reflection_id: str, revision: Revision) -> Revision:
        """The revision with its media as the real join reads it."""
        row = self.rows.get((reflection_id, revision.number))
        if revision.media is None or row is None:
            return revision
        media = dataclasses.replace(revision.media, status=row["verdict"] or "processing",
                                    content_type=row["content_type"], size_bytes=row["size_bytes"],
                                    rejection_reason=row["reason"], uploaded=row["uploaded_at"] is not None,
                                    checked_key=row["checked_key"], upload_expires_at=None)
        return dataclasses.replace(revision, media=media)

    def revision(self, reflection_id: str, number: int, for_update: bool = False) -> Revision | None:
        found = self.revisions.get((reflection_id, number))
        return self.current(reflection_id, found) if found is not None and found.media is not None else None

    def mark_uploaded(self, reflection_id: str, number: int, at: dt.datetime) -> None:
        self.rows[(reflection_id, number)]["uploaded_at"] = at

    def record_verdict(self, reflection_id: str, number: int, verdict: str, content_type: str, size_bytes: int,
                       reason: str, at: dt.datetime, checked_key: str = "") -> None:
        self.rows[(reflection_id, number)].update(verdict=verdict, content_type=content_type, size_bytes=size_bytes,
                                                  reason=reason, checked_key=checked_key)

    def abandoned(self, now: dt.datetime, limit: int = 100) -> list[tuple[str, int, str]]:
        return [(r, n, self.revisions[(r, n)].media.upload_id) for (r, n), row in self.rows.items()
                if row["uploaded_at"] is None and not row["verdict"] and row["upload_expires_at"] < now][:limit]


class FakeRecords:
    def __init__(self, media: FakeRevisionMedia) -> None:
        self.prompts: dict[str, tuple[Prompt, dt.datetime]] = {}
        self.reflections: dict[str, Reflection] = {}
        self.feedback: list[Feedback] = []
        self.comments: dict[str, Comment] = {}
        self._media = media

    def add_prompt(self, prompt: Prompt, created_by: str, at: dt.datetime) -> None:
        self.prompts[prompt.id] = (prompt, at)

    def active_prompts(self) -> list[Prompt]:
        live = sorted(((at, p.id, p) for p, at in self.prompts.values() if not p.retired))
        return [Prompt(p.id, p.text) for _, _, p in live]

    def prompt(self, prompt_id: str, for_update: bool = False) -> Prompt | None:
        return self.prompts[prompt_id][0] if prompt_id in self.prompts else None

    def change_prompt(self, prompt_id: str, at: dt.datetime, **values) -> None:
        prompt, created = self.prompts[prompt_id]
        retired = prompt.retired or values.get("active") is False
        self.prompts[prompt_id] = (dataclasses.replace(prompt, text=values.get("text", prompt.text), retired=retired),
                                   created)

    def add_reflection(self, reflection: Reflection, at: dt.datetime) -> None:
        self.reflections[reflection.id] = dataclasses.replace(reflection, revisions=[])
        self.add_revision(reflection.id, reflection.revisions[0])

    def add_revision(self, reflection_id: str, revision: Revision) -> None:
        stored = self.reflections[reflection_id]
        self.reflections[reflection_id] = dataclasses.replace(stored, revisions=[*stored.revisions, revision])
        if revision.media is not None:
            self._media.add(reflection_id, revision)

    def _read(self, r: Reflection) -> Reflection:
        return dataclasses.replace(r, revisions=[self._media.current(r.id, v) for v in r.revisions])

    def reflection(self, reflection_id: str, for_update: bool = False) -> Reflection | None:
        found = self.reflections.get(reflection_id)
        return self._read(found) if found is not None else None

    def reflections_on(self, artifact_id: str) -> list[Reflection]:
        return [self._read(r) for r in self.reflections.values() if r.artifact_id == artifact_id]

    def add_feedback(self, item: Feedback) -> None:
        self.feedback.append(item)

    def feedback_on(self, artifact_id: str) -> list[Feedback]:
        return [f for f in self.feedback if f.artifact_id == artifact_id]

    def add_comment(self, comment: Comment) -> None:
        self.comments[comment.id] = comment

    def hide_comment(self, comment_id: str, hidden_by: str, at: dt.datetime) -> None:
        self.comments[comment_id] = dataclasses.replace(self.comments[comment_id], hidden_by=hidden_by)

    def comment(self, comment_id: str, for_update: bool = False) -> Comment | None:
        return self.comments.get(comment_id)

    def comments_on(self, artifact_id: str) -> list[Comment]:
        return [c for c in self.comments.values() if c.artifact_id == artifact_id]

    def reflections_on_many(self, artifact_ids: list[str]) -> dict[str, list[Reflection]]:
        return {a: self.reflections_on(a) for a in artifact_ids}

    def feedback_on_many(self, artifact_ids: list[str]) -> dict[str, list[Feedback]]:
        return {a: self.feedback_on(a) for a in artifact_ids}

    def comments_on_many(self, artifact_ids: list[str]) -> dict[str, list[Comment]]:
        return {a: self.comments_on(a) for a in artifact_ids}


class FakeReplicas(FakeRosterReplica):
    """The roster replica, artifact owners and people's names as rows per table name (fed by replication.APPLY)."""

    def put_artifact_owner(self, artifact_id: str, student_id: str) -> None:
        self.upsert("artifact_owners", {"artifact_id": artifact_id}, {"student_id": student_id, "deleted": False})

    def upsert_deleted(self, artifact_id: str) -> None:
        if (row := self.rows.setdefault("artifact_owners", {}).get((artifact_id,))) is not None:
            row["deleted"] = True

    def person(self, person_id: str):
        row = self.rows["people"].get((person_id,))
        return SimpleNamespace(**{k: row[k] for k in ("roles", "primary_school_id", "grade_level", "active")}) \
            if row is not None else None

    def owner_of(self, artifact_id: str) -> str | None:
        row = self.rows.setdefault("artifact_owners", {}).get((artifact_id,))
        return row["student_id"] if row is not None and not row["deleted"] else None

    def artifacts_of(self, student_id: str) -> list[str]:
        rows = self.rows.setdefault("artifact_owners", {})
        return sorted(k[0] for k, row in rows.items() if row["student_id"] == student_id and not row["deleted"])

    def knows_artifact(self, artifact_id: str) -> bool:
        return ("artifact", artifact_id) in self.rows["replica_versions"]

    def put_name(self, person_id: str, name: str) -> None:
        self.upsert("person_names", {"person_id": person_id}, {"name": name})

    def names(self, person_ids) -> dict[str, str]:
        rows = self.rows.setdefault("person_names", {})
        return {p: rows[(p,)]["name"] for p in sorted(set(person_ids)) if (p,) in rows and rows[(p,)]["name"]}


class FakeReflectionsUnitOfWork(FakeUnitOfWork, ReflectionsUnitOfWork):
    stores = ("records", "media", "replicas", "catalog", "assessments", "goals", "milestones", "credentials", "progress",
              "amendments")
    producer = PRODUCER

    def __init__(self, replica_wait: dt.timedelta = dt.timedelta(minutes=10)) -> None:
        super().__init__()
        self.replica_wait = replica_wait
        self.media = FakeRevisionMedia()
        self.records = FakeRecords(self.media)
        self.replicas = FakeReplicas()
        self.catalog = FakeCatalog()
        self.assessments = FakeAssessments(self.catalog, self.replicas)
        self.goals, self.milestones = FakeGoals(), FakeMilestones()
        self.credentials = FakeCredentials(self.catalog)
        self.progress = FakeProgress(self.replicas, self.catalog)
        self.amendments = FakeAmendments(self.records, self.assessments)

    def _take_snapshot(self) -> dict:
        snapshot = super()._take_snapshot()
        snapshot["records"].pop("_media")
        snapshot["assessments"].pop("_catalog")
        snapshot["assessments"].pop("_replicas")
        snapshot["credentials"].pop("_catalog")
        snapshot["amendments"].pop("_records")
        snapshot["amendments"].pop("_assessments")
        return snapshot

    def feed(self, envelopes=None) -> FakeReflectionsUnitOfWork:
        """The replicas as the worker builds them (the service's own handlers) from :func:`world_events`."""
        for envelope in envelopes if envelopes is not None else world_events():
            effect_of(envelope)(self, envelope)
        return self


def effect_of(envelope):
    """The service's own handler of ``envelope`` (its subscriptions table)."""
    from reflections.service_layer.subscriptions import SUBSCRIPTIONS
    return SUBSCRIPTIONS[(envelope.producer, envelope.type)]
