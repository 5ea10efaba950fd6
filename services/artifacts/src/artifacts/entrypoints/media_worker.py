"""The artifacts ``media`` role: a nameko service that checks uploaded media (`skillfolio run artifacts media`).

Consumes ``artifact_media_uploaded`` (raised by CompleteUpload, relayed by the ``events`` role), runs the chassis
media pipeline on the stored bytes (sniff vs the declared kind, size limit, EXIF/GPS strip, WebP thumbnail) and
records ready/rejected through the service layer. Scaled on its own: media work never delays roster events.
A timer rejects uploads never completed once their upload URL expired (media_sweep.py).
"""
from __future__ import annotations

import functools

from nameko.timer import timer

from artifacts.bootstrap import media_of
from artifacts.config import ArtifactsOptions, media_sweep_seconds
from artifacts.service_layer.media import Media
from artifacts.service_layer.media_sweep import sweep_media
from artifacts.service_layer.subscriptions import MEDIA_SUBSCRIPTIONS
from artifacts.service_layer.unit_of_work import ArtifactsUnitOfWork
from chassis.calendar import utc_now
from chassis.config import PlatformSettings
from chassis.messaging.subscribed_service import subscribes
from chassis.uow import lazy_unit_of_work

_uow = lazy_unit_of_work("artifacts", ArtifactsUnitOfWork)


@functools.cache
def _media() -> Media:
    return media_of(PlatformSettings(), ArtifactsOptions())


@subscribes(MEDIA_SUBSCRIPTIONS, _uow, media=_media, clock=lambda: utc_now)
class ArtifactsMedia:
    """`skillfolio run artifacts media`."""

    name = "artifacts_media"

    @timer(interval=media_sweep_seconds())
    def sweep_uploads(self):
        sweep_media(_uow, _media(), utc_now)
