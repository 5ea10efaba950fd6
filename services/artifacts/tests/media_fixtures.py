"""Media test data: real files (a GPS-tagged JPEG, PNGs); an MP4 head and the client's side of an upload (``send``)
come from the chassis test kit (chassis.testing.media)."""
from __future__ import annotations

import io
import os

from PIL import ExifTags, Image

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


