"""The verdict on a version's bytes: recorded for MarkMediaResult and, worker-side, after the media pipeline ran.

The media worker handles ``artifact_media_uploaded`` once (its claim in the verdict's transaction); a redelivery,
a stale version (no longer current) or a deleted artifact changes nothing. The worker checks a copy of the upload
under ``checked/`` (the only key served); once judged, the upload itself is deleted, and so is a rejected copy.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from artifacts.domain.access import Viewer
from artifacts.domain.events import ArtifactMediaReady, ArtifactMediaRejected, ArtifactUpdated
from artifacts.domain.media import original_key, thumbnail_key
from artifacts.domain.model import Artifact, Kind, Status, StoredMedia
from artifacts.service_layer.media import Media
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork, UowFactory
from chassis.errors import FieldProblem
from chassis.events import Envelope
from chassis.media.naming import checked_key
from chassis.media.pipeline import judge_upload
from chassis.messaging.subscriptions import DUPLICATE

log = logging.getLogger(__name__)
MEDIA_WORKER = Viewer.of("service:artifacts-media", ["service"])


def media_result_problems(result: str, reason: str) -> list[FieldProblem]:
    problems = [] if result in (Status.READY, Status.REJECTED) else [
        FieldProblem("result", "must be ready or rejected")]
    if result == Status.REJECTED and not reason.strip():
        problems.append(FieldProblem("reason", "say why the media was rejected"))
    return problems


def apply_media_result(uow: ArtifactsUnitOfWork, viewer: Viewer, artifact: Artifact, version: int, result: str,
                       reason: str, now: dt.datetime, stored: StoredMedia | None = None) -> Artifact:
    """Set the status (and what the worker found), audit it and raise the events, inside ``uow``'s transaction."""
    artifact.status = Status(result)
    artifact.rejection_reason = reason if artifact.status is Status.REJECTED else ""
    artifact.updated_at = now
    uow.artifacts.save(artifact)
    if stored is not None:
        uow.media.record(artifact.id, version, stored, now)
    uow.audit(viewer, "MarkMediaResult", [artifact.student_id],
              {"artifact_id": artifact.id, "version": version, "result": result})
    uow.raise_event(ArtifactMediaReady(artifact_id=artifact.id, version=version)
                    if artifact.status is Status.READY else
                    ArtifactMediaRejected(artifact_id=artifact.id, version=version, reason=reason))
    uow.raise_event(ArtifactUpdated.of(artifact))
    return artifact


def _pending_kind(uow: ArtifactsUnitOfWork, artifact_id: str, version: int) -> tuple[Kind | None, int, str]:
    """(kind to check, declared size, "") when the version awaits its verdict; (None, 0, recorded verdict)
    otherwise."""
    artifact = uow.artifacts.get(artifact_id)
    record = uow.media.get(artifact_id, version)
    if artifact is None or artifact.current_version != version or record is None:
        return None, 0, "stale"
    if record.stored.verdict:
        return None, 0, record.stored.verdict
    declared = next(v.size_bytes for v in uow.artifacts.versions(artifact_id) if v.number == version)
    return artifact.kind, declared, ""


def judged(media: Media, key: str, kind: str, thumb: str, declared_size: int) -> tuple[StoredMedia, str]:
    """The media pipeline's verdict on an upload (sniffed, stripped, thumbnailed) as what gets stored, and why."""
    verdict = judge_upload(media.store, key, kind, thumbnail_key=thumb, declared_size=declared_size,
                           limits=media.limits)
    stored = (StoredMedia(Status.READY, verdict.mime, verdict.size, verdict.thumbnail_key, verdict.key)
              if verdict.ready else StoredMedia(Status.REJECTED))
    return stored, verdict.reason


def check_uploaded_media(uow_factory: UowFactory, envelope: Envelope, media: Media,
                         clock: Callable[[], dt.datetime]) -> str:
    """Run the media pipeline on an uploaded version and record the verdict; returns what happened.

    The bytes are checked outside any transaction; ``uow_factory``'s units claim as the delivery's consumer."""
    artifact_id, version = str(envelope.data["artifact_id"]), int(envelope.data["version"])
    key, thumb = original_key(artifact_id, version), thumbnail_key(artifact_id, version)
    with uow_factory() as uow:
        kind, declared, outcome = _pending_kind(uow, artifact_id, version)
    stored, reason = None, ""
    if kind is not None:
        stored, reason = judged(media, key, kind.value, thumb, declared)
    with uow_factory() as uow:
        if uow.claim(envelope):
            artifact = uow.artifacts.get(artifact_id, for_update=True)
            record = uow.media.get(artifact_id, version, for_update=True)
            if stored is not None and artifact is not None and artifact.current_version == version \
                    and record is not None and not record.stored.verdict:
                apply_media_result(uow, MEDIA_WORKER, artifact, version, stored.verdict, reason, clock(), stored)
                outcome = stored.verdict
            uow.commit()
        duplicate = uow.duplicate
    outcome = outcome or "stale"
    if outcome in (Status.READY, Status.REJECTED):   # also on a redelivery: a crash after the commit left them
        media.discard(key)                           # the upload is never served: its checked copy is
    if outcome == Status.REJECTED:
        media.discard(checked_key(key), thumb)
    log.info("media of artifact %s version %s: %s%s", artifact_id, version, DUPLICATE if duplicate else outcome,
             f" ({reason})" if reason else "")
    return DUPLICATE if duplicate else outcome
