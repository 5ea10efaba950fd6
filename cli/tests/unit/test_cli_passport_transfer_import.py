"""`skillfolio passport check-transfer FILE` on the receiving district: a package sealed by a trusted district
verifies and shows its plan; a tampered one and one from an untrusted district are refused with the reason (exit 1);
a transfer is sealed only from a privacy officer's export; skills map by CASE identifier or code, the rest are kept
as "from <district>" labels."""
from __future__ import annotations

import json
import zipfile

import pytest
import typer
from cryptography.hazmat.primitives import serialization
from typer.testing import CliRunner

from chassis.config import PlatformSettings
from chassis.signing import DistrictKey
from chassis.transfer import seal_file
from chassis.transfer_plan import LocalSkill, plan
from skillfolio_cli.main import app
from skillfolio_cli.passport_transfer import sealed_transfer

SENDER = DistrictKey.generate("did:web:sender.example")
PASSPORT = {"exported_as": "privacy_officer", "student": {"id": "st-1", "sourced_id": "S-42"},
            "skills": [{"id": "case-guid-1", "code": "COMM", "name": "Communicator"},
                       {"id": "s-2", "code": "innov", "name": "Innovator"},
                       {"id": "s-3", "code": "LOCAL", "name": "Gardening"}],
            "school_years": [{"id": "y-24", "title": "2024-2025", "start_date": "2024-08-19",
                              "end_date": "2025-06-06"}],
            "artifacts": [{"id": "a1", "title": "Essay", "kind": "document", "created_at": "2025-01-01",
                           "school_year_id": "y-24", "skill_ids": ["case-guid-1", "s-2", "s-3"],
                           "versions": [{"number": 1, "file": "media/a1/v1-essay.pdf", "file_name": "essay.pdf"}],
                           "assessments": [{"skill_id": "s-3", "level_name": "Ready"}], "reflections": []}]}


def export(tmp_path, **changes) -> str:
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("passport.json", json.dumps({**PASSPORT, **changes}))
        archive.writestr("media/a1/v1-essay.pdf", b"%PDF-1.7 essay")
    return path


def package(tmp_path) -> str:
    out = tmp_path / "package.zip"
    seal_file(export(tmp_path), out, key=SENDER, district_name="Sender County")
    return out


def trusted(tmp_path) -> str:
    (tmp_path / "sender-jwks.json").write_text(json.dumps(SENDER.jwks()))
    return str(tmp_path / "sender-jwks.json")


def run(*args: str):
    return CliRunner().invoke(app, ["passport", "check-transfer", *args])


def test_a_trusted_package_verifies_and_shows_what_it_brings(tmp_path):
    result = run(str(package(tmp_path)), "--student", "LOCAL-7", "--trusted", trusted(tmp_path))
    assert result.exit_code == 0, result.output
    assert "verified: 2 files from Sender County (did:web:sender.example), student S-42, 1 artifacts" in result.output
    assert "the plan is for LOCAL-7" in result.output


def test_a_tampered_package_is_refused_with_the_reason(tmp_path):
    good = package(tmp_path)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, data.replace(b"essay", b"ESSAY") if info.filename.startswith("media")
                            else data)
    result = run(str(bad), "--student", "S-42", "--trusted", trusted(tmp_path))
    assert result.exit_code == 1
    assert "refused: media/a1/v1-essay.pdf does not match its digest" in result.output


def test_a_package_from_an_untrusted_district_is_refused(tmp_path):
    other = tmp_path / "other.json"
    other.write_text(json.dumps(DistrictKey.generate("did:web:other.example").jwks()))
    result = run(str(package(tmp_path)), "--student", "S-42", "--trusted", str(other))
    assert result.exit_code == 1 and "not a trusted district's key" in result.output


def test_a_transfer_is_sealed_only_from_a_privacy_officers_export(tmp_path):
    settings = PlatformSettings(district_url="https://sender.example", district_name="Sender County")
    key_pem = tmp_path / "key.pem"
    key_pem.write_bytes(SENDER.private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                     serialization.NoEncryption()))
    settings = settings.model_copy(update={"district_signing_key": str(key_pem)})
    manifest = sealed_transfer(export(tmp_path), tmp_path / "out.zip", settings)
    assert manifest["district"]["id"] == "did:web:sender.example" and manifest["student"]["sourced_id"] == "S-42"
    with pytest.raises(typer.BadParameter, match="made by a privacy officer"):
        sealed_transfer(export(tmp_path, exported_as="guardian"), tmp_path / "out2.zip", settings)


def test_skills_map_by_case_identifier_or_code_and_the_rest_keep_their_origin():
    manifest = {"district": {"id": "did:web:sender.example", "name": "Sender County"},
                "student": {"sourced_id": "S-42"}}
    local = [LocalSkill("case-guid-1", "EC"), LocalSkill("local-9", "INNOV")]
    found = plan(manifest, PASSPORT, local)
    assert found.skills.mapped == {"case-guid-1": "case-guid-1", "s-2": "local-9"}
    (artifact,) = found.artifacts
    assert artifact.skill_ids == ["case-guid-1", "local-9"]
    assert artifact.skill_labels == ["Gardening (from Sender County)"]
    assert artifact.files[0]["file"] == "media/a1/v1-essay.pdf" and found.origin_label == "from Sender County"
    assert (artifact.school_year, artifact.school_year_start) == ("2024-2025", "2024-08-19")   # the growth view's
    unyeared = plan(manifest, {**PASSPORT, "school_years": []}, local).artifacts[0]
    assert (unyeared.school_year, unyeared.school_year_start) == ("", "")
