"""The events role's check of an uploaded audio/video revision: the chassis media pipeline (size, sniffed type
against the declared kind) and the verdict recorded, once.

``reflection_media_uploaded`` is handled once (its claim in the verdict's transaction); a redelivery or a revision
already judged changes nothing. The check runs on a copy under ``checked/`` (the only key served); once judged the
upload itself is deleted, and so is a rejected copy (also on a redelivery: a crash after the commit must not leave
them). Every revision is checked, current or not: the history shows them all.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from chassis.events import Envelope
from chassis.media.naming import checked_key
from chassis.media.pipeline import UploadVerdict, judge_upload
from chassis.messaging.subscriptions import DUPLICATE
from reflections.domain.access import Viewer
from reflections.domain.events import ReflectionMediaReady, ReflectionMediaRejected
from reflections.domain.media import PROCESSING, READY, REJECTED, original_key
from reflections.service_layer.media import ReflectionMedia
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork, UowFactory

log = logging.getLogger(__name__)
MEDIA_CHECKER = Viewer.of("service:reflections-media", ["service"])


def _awaiting(uow: ReflectionsUnitOfWork, reflection_id: str, number: int) -> tuple[str | None, int, str]:
    """(kind to check, declared size, "") when the uploaded revision awaits its verdict; (None, 0, what it is)
    otherwise."""
    revision = uow.media.revision(reflection_id, number)
    if revision is None or not revision.media.uploaded:
        return None, 0, "unknown"
    if revision.media.status != PROCESSING:
        return None, 0, revision.media.status
    return revision.kind, revision.media.declared_size, ""


def record_recording_verdict(uow: ReflectionsUnitOfWork, reflection_id: str, number: int, verdict: UploadVerdict,
                             at: dt.datetime) -> None:
    """Record the verdict (with the checked copy's key), audit it and raise ready/rejected."""
    reflection = uow.records.reflection(reflection_id)
    uow.media.record_verdict(reflection_id, number, verdict.status, verdict.mime, verdict.size, verdict.reason, at,
                             verdict.key)
    uow.audit(MEDIA_CHECKER, "CheckReflectionMedia", [reflection.student_id],
              {"reflection_id": reflection_id, "revision": number, "result": verdict.status})
    ids = (reflection_id, number, reflection.artifact_id, reflection.student_id)
    uow.raise_event(ReflectionMediaReady(*ids) if verdict.ready else ReflectionMediaRejected(*ids, verdict.reason))


def check_uploaded_recording(uow_factory: UowFactory, envelope: Envelope, media: ReflectionMedia,
                             clock: Callable[[], dt.datetime]) -> str:
    """Check an uploaded revision's bytes and record ready/rejected; returns what happened.

    The bytes are checked outside any transaction; ``uow_factory``'s units claim as the delivery's consumer."""
    reflection_id, number = str(envelope.data["reflection_id"]), int(envelope.data["revision"])
    key = original_key(reflection_id, number)
    with uow_factory() as uow:
        kind, declared, outcome = _awaiting(uow, reflection_id, number)
    verdict = judge_upload(media.store, key, kind, declared_size=declared, limits=media.limits) if kind else None
    with uow_factory() as uow:
        if uow.claim(envelope):
            revision = uow.media.revision(reflection_id, number, for_update=True)
            if verdict is not None and revision is not None and revision.media.status == PROCESSING:
                record_recording_verdict(uow, reflection_id, number, verdict, clock())
                outcome = verdict.status
            uow.commit()
        duplicate = uow.duplicate
    if outcome in (READY, REJECTED):
        media.discard(key)                          # the upload is never served: its checked copy is
    if outcome == REJECTED:
        media.discard(checked_key(key))
    log.info("media of reflection %s revision %s: %s%s", reflection_id, number,
             DUPLICATE if duplicate else outcome, f" ({verdict.reason})" if verdict and verdict.reason else "")
    return DUPLICATE if duplicate else outcome
