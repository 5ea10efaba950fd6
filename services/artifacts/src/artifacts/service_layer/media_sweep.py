"""The media role's timer: reject uploads never completed once their target expired (their parts and bytes are
deleted), and re-check versions judged before the worker kept checked copies (an upgrade's leftovers)."""
from __future__ import annotations

import logging

from artifacts.domain.media import legacy_thumbnail_key, original_key, thumbnail_key
from artifacts.domain.model import Status, StoredMedia
from artifacts.service_layer.capture_media import reject_abandoned_captures
from artifacts.service_layer.media import Media
from artifacts.service_layer.media_results import MEDIA_WORKER, apply_media_result
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork, UowFactory
from chassis.calendar import Clock
from chassis.media.naming import checked_key
from chassis.media.pipeline import judge_upload

log = logging.getLogger(__name__)
UPLOAD_NOT_COMPLETED = "upload not completed"


def sweep_media(uow_factory: UowFactory, media: Media, clock: Clock) -> tuple[int, int]:
    """One timer tick: (abandoned uploads rejected, class captures' shared ones too; earlier verdicts re-checked)."""
    rejected = reject_abandoned_uploads(uow_factory, media, clock) + reject_abandoned_captures(uow_factory, media, clock)
    return rejected, recheck_unchecked(uow_factory, media, clock)


def _reject(uow: ArtifactsUnitOfWork, artifact_id: str, number: int, reason: str, clock: Clock) -> None:
    """Record ``rejected`` on a version; on the current version of a live artifact also its status and events."""
    artifact = uow.artifacts.get(artifact_id, for_update=True)           # lock order of the commands: artifact
    if artifact is not None and artifact.current_version == number:      # first, then its media record
        apply_media_result(uow, MEDIA_WORKER, artifact, number, Status.REJECTED, reason, clock(),
                           StoredMedia(Status.REJECTED))
    else:
        uow.media.record(artifact_id, number, StoredMedia(Status.REJECTED), clock())


def reject_abandoned_uploads(uow_factory: UowFactory, media: Media, clock: Clock) -> int:
    """Versions whose upload target expired before ``clock()`` without CompleteUpload: rejected ("upload not
    completed"); their multipart upload is aborted and whatever bytes arrived are deleted."""
    with uow_factory() as uow:
        found = uow.media.abandoned(clock())
    rejected = 0
    for artifact_id, number, upload_id in found:
        with uow_factory() as uow:
            uow.artifacts.get(artifact_id, for_update=True)
            record = uow.media.get(artifact_id, number, for_update=True)
            if record is None or record.uploaded_at is not None or record.stored.verdict:
                continue                                                  # completed meanwhile
            _reject(uow, artifact_id, number, UPLOAD_NOT_COMPLETED, clock)
            uow.commit()
        media.drop_upload(original_key(artifact_id, number), upload_id)
        rejected += 1
        log.info("upload of artifact %s version %s: rejected (%s)", artifact_id, number, UPLOAD_NOT_COMPLETED)
    return rejected


def recheck_unchecked(uow_factory: UowFactory, media: Media, clock: Clock) -> int:
    """Versions judged ready before checked copies existed: checked again (copy, sniff, strip, thumbnail) and
    served from the copy, or rejected; the old object and thumbnail are deleted either way."""
    with uow_factory() as uow:
        found = uow.media.unchecked_ready()
    for artifact_id, number, kind in found:
        key, thumb = original_key(artifact_id, number), thumbnail_key(artifact_id, number)
        verdict = judge_upload(media.store, key, kind, thumbnail_key=thumb, limits=media.limits)
        with uow_factory() as uow:
            uow.artifacts.get(artifact_id, for_update=True)
            record = uow.media.get(artifact_id, number, for_update=True)
            if record is None or record.stored.verdict != Status.READY or record.stored.checked_key:
                continue
            if verdict.ready:
                uow.media.record(artifact_id, number, StoredMedia(Status.READY, verdict.mime, verdict.size,
                                                                  verdict.thumbnail_key, verdict.key), clock())
            else:
                _reject(uow, artifact_id, number, verdict.reason, clock)
            uow.commit()
        media.discard(key, legacy_thumbnail_key(artifact_id, number))
        if not verdict.ready:
            media.discard(checked_key(key), thumb)
        log.info("media of artifact %s version %s re-checked: %s", artifact_id, number, verdict.status)
    return len(found)
