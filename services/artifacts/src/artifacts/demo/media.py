"""Small, real files for the demo portfolio, made at seed time (nothing binary is committed): posters and photos
drawn with Pillow, and a one-page text PDF written by hand.

The photos carry camera EXIF with a GPS position, as a phone's would, so the media worker's metadata stripping has
something to remove.
"""
from __future__ import annotations

import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 960, 720
GPS_IFD, GPS_LATITUDE_REF, GPS_LATITUDE, GPS_LONGITUDE_REF, GPS_LONGITUDE = 0x8825, 1, 2, 3, 4
EXIF_MAKE, EXIF_MODEL = 0x010F, 0x0110


def _font(size: int) -> ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def _canvas(background: str, title: str, caption: str) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 110), fill="#FFFFFF")
    draw.text((40, 30), title, fill="#1A1A1A", font=_font(48))
    draw.text((40, HEIGHT - 70), caption, fill="#FFFFFF", font=_font(30))
    return image, draw


def poster_png(title: str, caption: str, background: str, colours: list[str]) -> bytes:
    """A poster: a row of labelled circles joined by arrows (a cycle, steps, a plan), as a PNG."""
    image, draw = _canvas(background, title, caption)
    step = (WIDTH - 80) // len(colours)
    for index, colour in enumerate(colours):
        x = 40 + index * step + step // 2
        draw.ellipse((x - 80, 260, x + 80, 420), fill=colour, outline="#FFFFFF", width=6)
        draw.text((x - 12, 315), str(index + 1), fill="#FFFFFF", font=_font(44))
        if index < len(colours) - 1:
            draw.line((x + 90, 340, x + step - 90, 340), fill="#FFFFFF", width=8)
            draw.polygon([(x + step - 90, 325), (x + step - 70, 340), (x + step - 90, 355)], fill="#FFFFFF")
    return _encode(image, "PNG")


def comic_png(title: str, panels: list[str], background: str) -> bytes:
    """A comic strip: framed panels with a caption each, as a PNG."""
    image, draw = _canvas(background, title, "")
    width = (WIDTH - 40 * (len(panels) + 1)) // len(panels)
    for index, text in enumerate(panels):
        left = 40 + index * (width + 40)
        draw.rectangle((left, 150, left + width, 620), fill="#FFFFFF", outline="#1A1A1A", width=5)
        draw.pieslice((left + 40, 220, left + width - 40, 420), 0, 360 * (index + 1) // len(panels),
                      fill="#E8743B", outline="#1A1A1A", width=3)
        for line_no, line in enumerate(textwrap.wrap(text, 16)):
            draw.text((left + 20, 460 + line_no * 34), line, fill="#1A1A1A", font=_font(28))
    return _encode(image, "PNG")


def photo_jpeg(title: str, caption: str, sky: str, ground: str, blocks: list[str]) -> bytes:
    """A "photo" of a project on a table: a two-tone scene with stacked blocks, as a JPEG with camera EXIF
    and a GPS position (which the media worker removes)."""
    image, draw = _canvas(sky, title, caption)
    draw.rectangle((0, 470, WIDTH, HEIGHT - 90), fill=ground)
    for index, colour in enumerate(blocks):
        left = 120 + index * 150
        top = 430 - (index % 3) * 90
        draw.rectangle((left, top, left + 130, 470), fill=colour, outline="#1A1A1A", width=4)
    draw.line((120, 250, 120 + 150 * len(blocks), 250), fill="#5A3E1B", width=14)
    exif = Image.Exif()
    exif[EXIF_MAKE], exif[EXIF_MODEL] = "Skillfolio Demo", "Classroom Camera"
    exif[GPS_IFD] = {GPS_LATITUDE_REF: "N", GPS_LATITUDE: (38.0, 15.0, 12.0),
                     GPS_LONGITUDE_REF: "W", GPS_LONGITUDE: (85.0, 45.0, 30.0)}
    return _encode(image, "JPEG", exif=exif, quality=85)


def _encode(image: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def _pdf_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pdf(title: str, paragraphs: list[str]) -> bytes:
    """A valid one-page PDF 1.4 (A4, Helvetica) with a title and wrapped paragraphs; ASCII text only."""
    lines = [("F2", 20, title), ("F1", 12, "")]
    for paragraph in paragraphs:
        lines += [("F1", 12, line) for line in textwrap.wrap(paragraph, 88)] + [("F1", 12, "")]
    stream = ["BT", "56 780 Td"]
    for font, size, line in lines:
        stream += [f"/{font} {size} Tf", f"({_pdf_text(line)}) Tj", f"0 -{size + 6} Td"]
    content = "\n".join(stream + ["ET"]).encode("ascii")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
