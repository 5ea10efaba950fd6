"""Photo hygiene with Pillow: re-encode without EXIF/GPS/XMP (upright first), thumbnails, decompression-bomb guard."""
from __future__ import annotations

import io
import pathlib
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

from PIL import Image, ImageSequence, UnidentifiedImageError

from chassis.media.kinds import MediaRejected

MAX_IMAGE_PIXELS = 60_000_000        # 48 MP phone photos pass; declared dimensions above this are refused
MAX_ANIMATION_PIXELS = 200_000_000   # all frames of an animated GIF/WebP together
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS  # set explicitly: Pillow's own check runs inside Image.open
SUPPORTED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
THUMBNAIL_MAX_SIDE = 400
_DAMAGED = (OSError, ValueError, SyntaxError, EOFError)  # what Pillow raises for broken files

ImageSource = bytes | pathlib.Path | str | BinaryIO


@contextmanager
def open_image(source: ImageSource) -> Iterator[Image.Image]:
    """Open an upload for processing, turning bombs, damage and unsupported formats into :class:`MediaRejected`.

    Only the header is parsed here: dimensions are checked before any pixel buffer is allocated.
    """
    if isinstance(source, bytes):
        source = io.BytesIO(source)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(source, formats=list(SUPPORTED_FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise MediaRejected(f"the image is too large to process (more than {MAX_IMAGE_PIXELS:,} pixels)") from None
    except UnidentifiedImageError:
        raise MediaRejected("the file is not an image in a supported format (JPEG, PNG, GIF or WebP)") from None
    except _DAMAGED as error:
        raise MediaRejected(f"the image could not be read: {error}") from None
    with image:
        frames = getattr(image, "n_frames", 1)
        if image.width * image.height > MAX_IMAGE_PIXELS:  # also when a caller changed Image.MAX_IMAGE_PIXELS
            raise MediaRejected(f"the image is too large to process (more than {MAX_IMAGE_PIXELS:,} pixels)")
        if frames * image.width * image.height > MAX_ANIMATION_PIXELS:
            raise MediaRejected("the animation is too large to process (too many or too large frames)")
        yield image


def strip_metadata(source: ImageSource) -> bytes:
    """The image re-encoded in its own format with no EXIF, GPS, XMP or comments, rotated upright first.

    The ICC colour profile is kept (it describes colours, not the photographer).
    """
    with open_image(source) as image:
        image_format = image.format
        try:
            if getattr(image, "is_animated", False):
                return _reencode_animation(image)
            upright = _upright(image)
            return _encode(_without_metadata(upright, image.info.get("icc_profile")), image_format)
        except _DAMAGED as error:
            raise MediaRejected(f"the image could not be read: {error}") from None


def thumbnail(source: ImageSource, max_side: int = THUMBNAIL_MAX_SIDE, image_format: str = "WEBP") -> bytes:
    """A small upright preview (longest side ``max_side``) as WebP (default) or JPEG, without metadata."""
    with open_image(source) as image:
        try:
            image.draft("RGB", (max_side * 2, max_side * 2))  # JPEG: decode at reduced scale, saves memory
            upright = _upright(image)
            has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
            preview = upright.convert("RGBA" if has_alpha and image_format == "WEBP" else "RGB")
            preview.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
            return _encode(_without_metadata(preview, None), image_format, quality=80)
        except _DAMAGED as error:
            raise MediaRejected(f"the image could not be read: {error}") from None


def thumbnail_mime(image_format: str = "WEBP") -> str:
    return SUPPORTED_FORMATS[image_format.upper()]


_TRANSPOSE_FOR_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _upright(image: Image.Image) -> Image.Image:
    """A copy with the EXIF orientation applied. Unlike ``ImageOps.exif_transpose`` this never re-serialises
    the EXIF block, which Pillow 13 fails to do for some damaged EXIF (TypeError in TiffImagePlugin)."""
    try:
        orientation = image.getexif().get(0x0112)
    except Exception:  # a damaged EXIF block only loses its orientation hint; the pixels are checked on load
        orientation = None
    method = _TRANSPOSE_FOR_ORIENTATION.get(orientation) if isinstance(orientation, int) else None
    return image.transpose(method) if method else image.copy()


def _without_metadata(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    clean = image.copy()
    clean.info = {"icc_profile": icc_profile} if icc_profile else {}
    if "transparency" in image.info and image.mode in ("P", "L", "RGB"):
        clean.info["transparency"] = image.info["transparency"]
    clean.getexif().clear()
    return clean


def _encode(image: Image.Image, image_format: str, quality: int = 90) -> bytes:
    out = io.BytesIO()
    options: dict = {"exif": b""}
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        options.update(quality=quality, optimize=True)
    elif image_format == "WEBP":
        options.update(quality=quality)
    elif image_format == "PNG":
        options.update(optimize=True)
    if "transparency" in image.info:
        options["transparency"] = image.info["transparency"]
    image.save(out, format=image_format, **options)
    return out.getvalue()


def _reencode_animation(image: Image.Image) -> bytes:
    """Animated GIF/WebP: every frame copied without metadata, timing and looping kept."""
    frames = [_without_metadata(frame.convert("RGBA"), None) for frame in ImageSequence.Iterator(image)]
    durations = [frame.info.get("duration", 100) for frame in ImageSequence.Iterator(image)]
    out = io.BytesIO()
    frames[0].save(out, format=image.format, save_all=True, append_images=frames[1:], duration=durations,
                   loop=image.info.get("loop", 0), disposal=2)
    return out.getvalue()
