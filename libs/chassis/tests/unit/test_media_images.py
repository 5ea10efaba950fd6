"""Photo hygiene: EXIF/GPS/XMP removed with the photo kept upright, thumbnails, decompression bombs refused."""
import io
import resource
import struct
import zlib

import pytest
from PIL import ExifTags, Image

from chassis.media import images
from chassis.media.processing import MediaRejected, strip_metadata, thumbnail

ORIENTATION = 0x0112
GPS_IFD = ExifTags.IFD.GPSInfo


def phone_photo(width=60, height=40, orientation=6) -> bytes:
    """A JPEG as a phone writes it: sideways pixels + Orientation tag, GPS position, camera make, XMP, comment."""
    image = Image.new("RGB", (width, height), "red")
    image.paste((0, 0, 255), (width // 2, 0, width, height))  # left half red, right half blue
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (38.0, 15.0, 7.5), 3: "W", 4: (85.0, 45.0, 30.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=95, comment=b"home of J. Doe",
               xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>38,15.1N</exif:GPSLatitude></x:xmpmeta>')
    return out.getvalue()


def test_the_test_photo_really_carries_gps_orientation_and_xmp():
    photo = phone_photo()
    with Image.open(io.BytesIO(photo)) as image:
        exif = image.getexif()
        assert exif[ORIENTATION] == 6
        assert exif.get_ifd(GPS_IFD)[1] == "N"
        assert b"xmpmeta" in photo and b"J. Doe" in photo


def test_strip_metadata_removes_exif_gps_xmp_and_comments_and_keeps_the_photo_upright():
    cleaned = strip_metadata(phone_photo())
    assert b"Exif" not in cleaned and b"xmpmeta" not in cleaned and b"J. Doe" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.format == "JPEG"
        assert len(image.getexif()) == 0
        assert image.getexif().get_ifd(GPS_IFD) == {}
        assert "exif" not in image.info and "xmp" not in image.info and "comment" not in image.info
        # Orientation 6 = rotate 90 degrees clockwise: the 60x40 landscape becomes 40x60, red (left) on top.
        assert image.size == (40, 60)
        red, blue = image.convert("RGB").getpixel((20, 5)), image.convert("RGB").getpixel((20, 55))
        assert red[0] > 200 and red[2] < 60, red
        assert blue[2] > 200 and blue[0] < 60, blue


def test_strip_metadata_keeps_png_transparency_and_animation_frames():
    frames = [Image.new("RGB", (10, 10), color) for color in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=50, loop=0, comment=b"secret")
    cleaned = strip_metadata(out.getvalue())
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.format == "GIF" and image.n_frames == 3
        assert b"secret" not in cleaned
    rgba = io.BytesIO()
    Image.new("RGBA", (10, 10), (0, 255, 0, 0)).save(rgba, "PNG")
    with Image.open(io.BytesIO(strip_metadata(rgba.getvalue()))) as image:
        assert image.mode == "RGBA" and image.getpixel((0, 0))[3] == 0


def test_thumbnail_is_small_upright_webp_without_metadata():
    preview = thumbnail(phone_photo(600, 400))
    with Image.open(io.BytesIO(preview)) as image:
        assert image.format == "WEBP"
        assert image.size == (267, 400)   # upright portrait, longest side 400
        assert len(image.getexif()) == 0
    with Image.open(io.BytesIO(thumbnail(phone_photo(1600, 1200, orientation=1), 200, "JPEG"))) as image:
        assert image.format == "JPEG" and image.size == (200, 150)


def test_small_images_are_not_enlarged():
    with Image.open(io.BytesIO(thumbnail(phone_photo(60, 40, orientation=1)))) as image:
        assert image.size == (60, 40)


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that declares huge dimensions (a decompression bomb's header)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")


@pytest.mark.parametrize("width,height", [(100_000, 100_000), (8_000, 8_000)])  # error and warning ranges
def test_decompression_bombs_are_rejected_without_allocating_them(width, height):
    assert Image.MAX_IMAGE_PIXELS == images.MAX_IMAGE_PIXELS
    bomb = png_header_only(width, height)
    assert len(bomb) < 100
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for operation in (strip_metadata, thumbnail):
        with pytest.raises(MediaRejected) as raised:
            operation(bomb)
        assert "too large to process" in raised.value.reason
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before
    assert grown_kib < 50 * 1024, f"peak memory grew by {grown_kib} KiB"


def test_damaged_and_non_image_files_are_rejected_with_a_reason():
    with pytest.raises(MediaRejected, match="not an image in a supported format"):
        strip_metadata(b"%PDF-1.7 not a picture")
    with pytest.raises(MediaRejected, match="could not be read"):
        strip_metadata(phone_photo(600, 400)[:400])


def test_damaged_photos_only_ever_give_a_rejection_or_clean_bytes():
    """Seeded byte mutations of photos carrying EXIF; seed 1 includes damaged EXIF on which Pillow 13's own
    ``ImageOps.exif_transpose`` raises TypeError while re-serialising."""
    import random
    import warnings
    sources = [phone_photo()]
    for image_format in ("PNG", "WEBP"):
        out = io.BytesIO()
        exif = Image.Exif()
        exif[ORIENTATION], exif[GPS_IFD] = 6, {1: "N", 2: (1.0, 2.0, 3.0)}
        Image.new("RGB", (64, 48), "red").save(out, image_format, exif=exif.tobytes())
        sources.append(out.getvalue())
    rng, outcomes = random.Random(1), {"cleaned": 0, "rejected": 0}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # Pillow warns about the corrupt EXIF it skips
        for _ in range(600):
            damaged = bytearray(rng.choice(sources))
            for _ in range(rng.randint(1, 6)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            for operation in (strip_metadata, thumbnail):
                try:
                    result = operation(bytes(damaged))
                except MediaRejected:
                    outcomes["rejected"] += 1
                else:
                    assert b"Exif" not in result
                    outcomes["cleaned"] += 1
    assert outcomes["cleaned"] > 0 and outcomes["rejected"] > 0


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_png_and_webp_lose_exif_gps_xmp_and_text_chunks_too(image_format):
    from PIL import PngImagePlugin
    exif = Image.Exif()
    exif[ORIENTATION], exif[GPS_IFD] = 6, {1: "N", 2: (38.0, 15.0, 7.5)}
    options = {"exif": exif.tobytes(), "xmp": b'<x:xmpmeta xmlns:x="adobe:ns:meta/">GPS-38N</x:xmpmeta>'}
    if image_format == "PNG":
        options["pnginfo"] = PngImagePlugin.PngInfo()
        options["pnginfo"].add_text("Author", "J. Doe")
    source = io.BytesIO()
    Image.new("RGB", (60, 40), "red").save(source, image_format, **options)
    with Image.open(io.BytesIO(source.getvalue())) as original:
        assert original.getexif().get_ifd(GPS_IFD)  # the input really carries GPS
    cleaned = strip_metadata(source.getvalue())
    assert b"GPS-38N" not in cleaned and b"J. Doe" not in cleaned and b"Exif" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.format == image_format and len(image.getexif()) == 0 and image.size == (40, 60)
