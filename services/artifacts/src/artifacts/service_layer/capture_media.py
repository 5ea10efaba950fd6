"""A class capture's shared media object in the media role and on delete: checked ONCE for every artifact referring
to it (the verdict fanned out to each, in one transaction with the delivery's claim), and its bytes deleted only
when the last artifact referring to it is deleted (reference counting over ``version_media.media_object_id``)."""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from artifacts.adapters.media_objects import MediaObject
from artifacts.domain.capture import object_thumbnail_key
from artifacts.domain.model import Status, StoredMedia
from artifacts.service_layer.media import Media
from artifacts.service_layer.media_results import MEDIA_WORKER, apply_media_result, check_uploaded_media, judged
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork, UowFactory
from chassis.events import Envelope
from chassis.media.naming import checked_key
from chassis.messaging.subscriptions import DUPLICATE

log = logging.getLogger(__name__)
UPLOAD_NOT_COMPLETED = "upload not completed"


def check_uploads(uow_factory: UowFactory, envelope: Envelope, media: Media,
                  clock: Callable[[], dt.datetime]) -> str:
    """The media role's handler of ``artifact_media_uploaded``: a shared object, or one artifact's version."""
    if envelope.data.get("media_object_id"):
        return check_shared_media(uow_factory, envelope, media, clock)
    return check_uploaded_media(uow_factory, envelope, media, clock)


def check_shared_media(uow_factory: UowFactory, envelope: Envelope, media: Media,
                       clock: Callable[[], dt.datetime]) -> str:
    """Run the media pipeline once on the shared object and record the verdict on it and on every live artifact
    referring to it (artifacts locked before the object: the order deletes use)."""
    object_id = str(envelope.data["media_object_id"])
    with uow_factory() as uow:
        shared = uow.media_objects.get(object_id)
    stored, reason, outcome = None, "", "stale" if shared is None else shared.stored.verdict
    if shared is not None and not shared.stored.verdict and shared.uploaded_at is not None:
        stored, reason = judged(media, shared.media_key, shared.kind, object_thumbnail_key(object_id),
                                shared.declared_size)
    with uow_factory() as uow:
        if uow.claim(envelope):
            if stored is not None and _record(uow, object_id, stored, reason, clock()):
                outcome = stored.verdict
            uow.commit()
        duplicate = uow.duplicate
    if shared is not None and outcome in (Status.READY, Status.REJECTED):
        media.discard(shared.media_key)              # the upload is never served: its checked copy is
        if outcome == Status.REJECTED:
            media.discard(checked_key(shared.media_key), object_thumbnail_key(object_id))
    outcome = outcome or "stale"
    log.info("shared media %s: %s%s", object_id, DUPLICATE if duplicate else outcome, f" ({reason})" if reason else "")
    return DUPLICATE if duplicate else outcome


def _record(uow: ArtifactsUnitOfWork, object_id: str, stored: StoredMedia, reason: str, now: dt.datetime) -> bool:
    references = sorted(uow.media_objects.references(object_id), key=lambda r: r.artifact_id)
    artifacts = [(r, uow.artifacts.get(r.artifact_id, for_update=True)) for r in references if not r.deleted]
    shared = uow.media_objects.get(object_id, for_update=True)
    if shared is None or shared.stored.verdict:
        return False
    uow.media_objects.record(object_id, stored, now)
    for reference, artifact in artifacts:
        if artifact is not None and artifact.current_version == reference.number:
            apply_media_result(uow, MEDIA_WORKER, artifact, reference.number, stored.verdict, reason, now, stored)
        else:                                        # replaced by a newer version meanwhile: its record only
            uow.media.record(reference.artifact_id, reference.number, stored, now)
    return True


def reject_abandoned_captures(uow_factory: UowFactory, media: Media, clock: Callable[[], dt.datetime]) -> int:
    """Shared uploads never completed before their target expired: rejected ("upload not completed") on the object
    and every live artifact referring to it; the multipart upload is aborted and whatever bytes arrived deleted."""
    with uow_factory() as uow:
        found = uow.media_objects.abandoned(clock())
    rejected = 0
    for object_id in found:
        with uow_factory() as uow:
            shared = uow.media_objects.get(object_id)
            if shared is None or not _reject_unfinished(uow, object_id, clock()):
                continue                                                   # completed meanwhile
            uow.commit()
        media.drop_upload(shared.media_key, shared.upload_id)
        rejected += 1
        log.info("shared media %s: rejected (%s)", object_id, UPLOAD_NOT_COMPLETED)
    return rejected


def _reject_unfinished(uow: ArtifactsUnitOfWork, object_id: str, now: dt.datetime) -> bool:
    references = sorted(uow.media_objects.references(object_id), key=lambda r: r.artifact_id)
    artifacts = [(r, uow.artifacts.get(r.artifact_id, for_update=True)) for r in references if not r.deleted]
    shared = uow.media_objects.get(object_id, for_update=True)
    if shared is None or shared.uploaded_at is not None or shared.stored.verdict:
        return False
    rejected = StoredMedia(Status.REJECTED)
    uow.media_objects.record(object_id, rejected, now, checked=False)
    for reference, artifact in artifacts:
        if artifact is not None and artifact.current_version == reference.number:
            apply_media_result(uow, MEDIA_WORKER, artifact, reference.number, Status.REJECTED, UPLOAD_NOT_COMPLETED,
                               now, rejected)
    return True


def release_references(uow: ArtifactsUnitOfWork, artifact_id: str, now: dt.datetime) -> list[MediaObject]:
    """After the artifact was marked deleted in ``uow``: the shared objects it referred to that no live artifact
    refers to any more, marked as losing their bytes (the caller deletes them after the commit)."""
    released = []
    for object_id in uow.media_objects.of_artifact(artifact_id):
        shared = uow.media_objects.get(object_id, for_update=True)
        if shared is not None and shared.bytes_deleted_at is None and not uow.media_objects.live_references(object_id):
            uow.media_objects.mark_bytes_deleted(object_id, now)
            released.append(shared)
    return released


def discard_bytes(media: Media, released: list[MediaObject]) -> None:
    """Delete every byte of objects no artifact refers to any more: the upload, the checked copy, the thumbnail."""
    for shared in released:
        media.discard(shared.media_key, checked_key(shared.media_key), object_thumbnail_key(shared.id))
        log.info("shared media %s: last reference deleted; bytes deleted", shared.id)
