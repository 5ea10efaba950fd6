"""The events role's timer for recordings: reject uploads never completed once their target expired (their parts
and bytes are deleted), and re-check revisions judged before checked copies were kept (an upgrade's leftovers)."""
from __future__ import annotations

import logging

from chassis.calendar import Clock
from chassis.media.naming import checked_key
from chassis.media.pipeline import REJECTED, UploadVerdict, judge_upload
from reflections.domain.media import PROCESSING, READY, original_key
from reflections.service_layer.media import ReflectionMedia
from reflections.service_layer.media_checks import record_recording_verdict
from reflections.service_layer.unit_of_work import UowFactory

log = logging.getLogger(__name__)
UPLOAD_NOT_COMPLETED = "upload not completed"


def sweep_recordings(uow_factory: UowFactory, media: ReflectionMedia, clock: Clock) -> tuple[int, int]:
    """One timer tick: (abandoned uploads rejected, earlier verdicts re-checked)."""
    return reject_abandoned_uploads(uow_factory, media, clock), recheck_unchecked(uow_factory, media, clock)


def reject_abandoned_uploads(uow_factory: UowFactory, media: ReflectionMedia, clock: Clock) -> int:
    """Revisions whose upload target expired before ``clock()`` without CompleteReflectionUpload: rejected
    ("upload not completed"); their multipart upload is aborted and whatever bytes arrived are deleted."""
    with uow_factory() as uow:
        found = uow.media.abandoned(clock())
    rejected = 0
    for reflection_id, number, upload_id in found:
        with uow_factory() as uow:
            revision = uow.media.revision(reflection_id, number, for_update=True)
            if revision is None or revision.media.uploaded or revision.media.status != PROCESSING:
                continue                                                  # completed meanwhile
            record_recording_verdict(uow, reflection_id, number, UploadVerdict(REJECTED, reason=UPLOAD_NOT_COMPLETED),
                                     clock())
            uow.commit()
        media.drop_upload(original_key(reflection_id, number), upload_id)
        rejected += 1
        log.info("upload of reflection %s revision %s: rejected (%s)", reflection_id, number, UPLOAD_NOT_COMPLETED)
    return rejected


def recheck_unchecked(uow_factory: UowFactory, media: ReflectionMedia, clock: Clock) -> int:
    """Revisions judged ready before checked copies existed: checked again (a copy, sniffed) and served from the
    copy, or rejected; the old object is deleted either way."""
    with uow_factory() as uow:
        found = [(r, n, uow.media.revision(r, n)) for r, n in uow.media.unchecked_ready()]
    for reflection_id, number, revision in found:
        key = original_key(reflection_id, number)
        verdict = judge_upload(media.store, key, revision.kind, limits=media.limits)
        with uow_factory() as uow:
            current = uow.media.revision(reflection_id, number, for_update=True)
            if current is None or current.media.status != READY or current.media.checked_key:
                continue
            if verdict.ready:                          # still ready: no news for anyone, only the copy to serve
                uow.media.record_verdict(reflection_id, number, READY, verdict.mime, verdict.size, "", clock(),
                                         verdict.key)
            else:
                record_recording_verdict(uow, reflection_id, number, verdict, clock())
            uow.commit()
        media.discard(key)
        if not verdict.ready:
            media.discard(checked_key(key))
        log.info("media of reflection %s revision %s re-checked: %s", reflection_id, number, verdict.status)
    return len(found)
