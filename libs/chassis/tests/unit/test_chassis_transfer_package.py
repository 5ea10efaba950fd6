"""The transfer package: sealing a passport archive signs a manifest of every file, and verification refuses a
changed byte, a missing or extra file, a bad or untrusted signature and a truncated zip, each with its reason."""
from __future__ import annotations

import io
import json
import os
import zipfile

import pytest

from chassis.signing import DistrictKey
from chassis.transfer import MANIFEST_PATH, seal, sign_manifest
from chassis.transfer_verify import TransferRefused, TrustedDistricts, verify_package

SENDER = DistrictKey.generate("did:web:sender.example")
MEDIA = os.urandom(300_000)


def passport_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("passport.json", json.dumps({"student": {"id": "st-1", "sourced_id": "S-42"}}))
        archive.writestr("index.html", "<html></html>")
        archive.writestr(zipfile.ZipInfo("media/a1/v1-photo.jpg"), MEDIA, compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()


def sealed(key: DistrictKey = SENDER) -> bytes:
    out = io.BytesIO()
    seal(io.BytesIO(passport_zip()), out, key=key, district_name="Sender County")
    return out.getvalue()


def rebuild(package: bytes, change) -> bytes:
    """A copy of ``package`` with its entries passed through ``change(name, data)`` (None drops one)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = change(info.filename, source.read(info))
            if data is not None:
                target.writestr(info.filename, data)
    return out.getvalue()


TRUST = TrustedDistricts.from_jwks(SENDER.jwks())


def refused(package: bytes, trusted: TrustedDistricts = TRUST) -> str:
    with pytest.raises(TransferRefused) as error:
        verify_package(io.BytesIO(package), trusted)
    return str(error.value)


def test_a_sealed_package_verifies_and_names_district_student_and_every_file():
    manifest = verify_package(io.BytesIO(sealed()), TRUST)
    assert manifest["district"] == {"id": "did:web:sender.example", "name": "Sender County", "kid": SENDER.kid}
    assert manifest["student"] == {"sourced_id": "S-42", "id": "st-1"}
    assert manifest["format"] == "skillfolio-transfer" and manifest["created_at"]
    files = {f["path"]: f for f in manifest["files"]}
    assert set(files) == {"passport.json", "index.html", "media/a1/v1-photo.jpg"}
    assert files["media/a1/v1-photo.jpg"]["size"] == len(MEDIA)
    with zipfile.ZipFile(io.BytesIO(sealed())) as archive:       # entries are copied as they were
        assert archive.read("media/a1/v1-photo.jpg") == MEDIA
        assert archive.getinfo("media/a1/v1-photo.jpg").compress_type == zipfile.ZIP_STORED


def test_a_changed_byte_is_refused():
    def flip(name, data):
        return data[:10] + bytes([data[10] ^ 1]) + data[11:] if name.startswith("media/") else data
    assert "media/a1/v1-photo.jpg does not match its digest" in refused(rebuild(sealed(), flip))


def test_a_missing_file_is_refused():
    reason = refused(rebuild(sealed(), lambda name, data: None if name == "index.html" else data))
    assert "missing: index.html" in reason


def test_an_extra_file_is_refused():
    out = io.BytesIO(sealed())
    with zipfile.ZipFile(out, "a") as target:
        target.writestr("media/a1/evil.exe", b"MZ")
    assert "not in the manifest: media/a1/evil.exe" in refused(out.getvalue())


def test_a_bad_signature_is_refused():
    def forge(name, data):
        if name != MANIFEST_PATH:
            return data
        head, body, signature = data.decode().split(".")
        other = DistrictKey(SENDER.public, DistrictKey.generate().private, SENDER.controller)
        return f"{head}.{body}.{sign_manifest(other, {}).split('.')[2]}".encode()
    assert "signature is not valid" in refused(rebuild(sealed(), forge))


def test_a_package_from_an_untrusted_district_is_refused():
    stranger = DistrictKey.generate("did:web:stranger.example")
    assert "not a trusted district's key" in refused(sealed(stranger))
    assert "not a trusted district's key" in refused(sealed(), TrustedDistricts({}))


def test_a_manifest_naming_another_district_is_refused():
    liar = DistrictKey(SENDER.public, SENDER.private, "did:web:other.example")   # same key, another identity
    trusted = TrustedDistricts.from_jwks(liar.jwks(), SENDER.jwks())
    package = rebuild(sealed(), lambda name, data: sign_manifest(
        liar, json.loads(SENDER.verify_jws(data.decode())[1])).encode() if name == MANIFEST_PATH else data)
    assert "another district or key" in refused(package, trusted)


def test_a_truncated_package_is_refused():
    package = sealed()
    for cut in (len(package) - 10, len(package) // 2, 100):
        assert "not a complete zip archive" in refused(package[:cut])


def test_an_archive_without_a_manifest_is_refused():
    assert "no signed manifest" in refused(passport_zip())


def test_trusted_districts_load_from_jwks_files_and_folders(tmp_path):
    (tmp_path / "sender.json").write_text(json.dumps(SENDER.jwks()))
    assert SENDER.kid in TrustedDistricts.from_setting(str(tmp_path)).keys
    assert SENDER.kid in TrustedDistricts.from_setting(str(tmp_path / "sender.json")).keys
    (tmp_path / "broken.json").write_text("{")
    with pytest.raises(TransferRefused, match="trusted districts"):
        TrustedDistricts.from_setting(str(tmp_path))
