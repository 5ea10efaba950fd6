"""Media test data: real files (a GPS-tagged JPEG, PNGs); an MP4 head and the client's side of an upload (``send``)
come from the chassis test kit (chassis.testing.media); an upload through the service layer and the worker's check."""
from __future__ import annotations

import io
import os

from artifacts_fixtures import STUDENT
from PIL import ExifTags, Image

from artifacts.adapters.orm import outbox
from artifacts.service_layer.media_results import check_uploaded_media
from chassis.events import Envelope
from chassis.messaging.subscriptions import ConsumerUnits
from chassis.testing.media import mp4, post_form, s3_platform, send  # noqa: F401 (re-exported to the tests)

GPS_LATITUDE = (38.0, 15.0, 7.5)


def jpeg_with_gps(size: tuple[int, int] = (900, 600)) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    exif[ExifTags.IFD.GPSInfo] = {ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: GPS_LATITUDE}
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def has_gps(jpeg: bytes) -> bool:
    with Image.open(io.BytesIO(jpeg)) as image:
        return bool(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))


def png(size: tuple[int, int] = (16, 16), noise: bool = False) -> bytes:
    out = io.BytesIO()
    image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)) if noise else Image.new("RGB", size)
    image.save(out, "PNG")
    return out.getvalue()


def upload(app, new, body: bytes, viewer=STUDENT):
    """Create, send the bytes, complete: the ``artifact_media_uploaded`` envelope the worker will get."""
    submitted = app.commands.create(viewer, new)
    etags = send(app.media.store, submitted.upload, body)
    app.commands.complete_upload(viewer, submitted.artifact.id, 1, etags)
    return submitted.artifact, uploaded_event(app, submitted.artifact.id)


def uploaded_event(app, artifact_id: str, version: int = 1):
    with app.unit_of_work() as uow:
        rows = uow.session.execute(outbox.select().where(outbox.c.type == "artifact_media_uploaded")).all()
    found = [Envelope.from_json(r.body) for r in rows]
    return [e for e in found if e.data["artifact_id"] == artifact_id and e.data["version"] == version][-1]


def check(app, envelope, consumer: str = "test.media") -> str:
    return check_uploaded_media(ConsumerUnits(app.unit_of_work, consumer), envelope, app.media, app.calendar.clock)


def read(store, key: str) -> bytes:
    with store.open(key) as stream:
        return stream.read()
