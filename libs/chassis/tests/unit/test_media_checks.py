"""Sniffing and kind/size checks: the bytes decide what a file is, never its name or declared type."""
import io
import zipfile

import pytest
from PIL import Image

from chassis.errors import InvalidArgument
from chassis.media.kinds import MB, MediaLimits, MediaRejected
from chassis.media.processing import check, check_stream, sniff


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "PNG")
    return out.getvalue()


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


SAMPLES = {
    "application/pdf": b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": docx_bytes(),
    "image/png": png_bytes(),
    "audio/mpeg": b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\x00" * 64,
    "audio/x-wav": b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 64,
    "video/mp4": b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64,
    "video/webm": bytes.fromhex("1a45dfa3") + b"\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 64,
    "text/plain": "Reflection: I learned to cite sources – ½ done.\n".encode(),
}


@pytest.mark.parametrize("mime", sorted(SAMPLES))
def test_sniff_recognises_each_supported_type_from_its_bytes(mime):
    assert sniff(SAMPLES[mime]) == mime


def test_sniff_calls_binary_garbage_unknown_not_text():
    assert sniff(b"\x00\x01\x02\x03binary\xff\xfe") == "application/octet-stream"
    assert sniff(b"") == "application/octet-stream"


def test_png_renamed_pdf_is_rejected_as_a_document():
    # The client says "report.pdf", application/pdf, kind document: the bytes say PNG.
    verdict = check("document", len(SAMPLES["image/png"]), sniff(SAMPLES["image/png"]))
    assert not verdict.ok
    assert verdict.kind == "image" and verdict.mime == "image/png"
    assert verdict.reason == "the file is a PNG image, not a document"
    with pytest.raises(MediaRejected) as raised:
        verdict.raise_if_rejected()
    assert raised.value.problems[0].field == "file"
    assert isinstance(raised.value, InvalidArgument)


def test_matching_kinds_are_accepted():
    for kind, mime in [("document", "application/pdf"), ("image", "image/png"), ("audio", "audio/mpeg"),
                       ("video", "video/webm"), ("document", "text/plain")]:
        verdict = check(kind, 1000, sniff(SAMPLES[mime]))
        assert verdict.ok, (kind, mime, verdict.reason)
        assert verdict.kind == kind


def test_browser_recorded_audio_in_webm_counts_as_audio_but_audio_is_not_a_video():
    assert check("audio", 1000, "video/webm").ok
    assert check("video", 1000, "audio/mpeg").reason == "the file is an MP3 recording, not a video"


def test_oversize_files_are_rejected_with_the_limit_named():
    verdict = check("document", 25 * MB + 1, "application/pdf")
    assert not verdict.ok
    assert verdict.reason == "the file is 25.0 MB; documents may be at most 25 MB"
    assert check("document", 25 * MB, "application/pdf").ok
    assert check("video", 500 * MB, "video/mp4").ok and not check("video", 500 * MB + 1, "video/mp4").ok
    assert not check("audio", 100 * MB + 1, "audio/mpeg").ok


def test_limits_are_configurable_per_kind():
    small = MediaLimits(image=1000)
    assert check("image", 1000, "image/png", small).ok
    assert check("image", 1001, "image/png", small).reason == "the file is 1001 bytes; images may be at most 1000 bytes"
    assert check("image", 3 * 1024 + 512, "image/png", MediaLimits(image=2048)).reason == \
        "the file is 3.5 KB; images may be at most 2 KB"


def test_unaccepted_types_and_empty_files_get_readable_reasons():
    assert check("document", 10, "application/zip").reason == (
        "the file is a ZIP archive, which is not accepted; a document must be PDF, Word, Excel, PowerPoint, "
        "OpenDocument or plain text")
    assert "HEIC" in check("image", 10, "image/heic").reason
    assert check("image", 0, "image/png").reason == "the file is empty"
    with pytest.raises(InvalidArgument):
        check("spreadsheet", 10, "application/pdf")


def test_check_stream_sniffs_the_head_of_a_stored_object():
    payload = SAMPLES["image/png"]
    assert check_stream("document", io.BytesIO(payload), len(payload)).reason == \
        "the file is a PNG image, not a document"
    assert check_stream("image", io.BytesIO(payload), len(payload)).ok


@pytest.mark.parametrize("mime,kind", [("application/epub+zip", "other"), ("audio/midi", "other"),
                                       ("image/png", "image"), ("application/pdf", "document"),
                                       ("text/plain", "document")])
def test_other_files_take_any_harmless_type_and_images_stay_images_to_be_cleaned(mime, kind):
    verdict = check("other", 1000, mime)
    assert verdict.ok and verdict.kind == kind


@pytest.mark.parametrize("mime,label", [("application/x-msdownload", "a Windows program"),
                                        ("application/x-executable", "a program"), ("application/zip", "a ZIP archive"),
                                        ("application/x-7z-compressed", "a program or archive"),
                                        ("application/gzip", "a program or archive"),
                                        ("application/octet-stream", "of an unrecognised type"),
                                        ("image/heic", "a HEIC photo")])
def test_other_files_refuse_programs_archives_and_unknown_bytes(mime, label):
    verdict = check("other", 1000, mime)
    assert not verdict.ok and verdict.reason.startswith(f"the file is {label}")


def test_other_files_have_their_own_limit():
    assert check("other", 25 * MB, "application/epub+zip").ok
    assert check("other", 25 * MB + 1, "application/epub+zip").reason == (
        "the file is 25.0 MB; other files may be at most 25 MB")
    assert not check("other", 2000, "application/epub+zip", MediaLimits(other=1000)).ok
