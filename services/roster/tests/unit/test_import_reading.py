"""Reading and encoding details of the importer: record start lines, fast ids and envelopes, the generator."""
from __future__ import annotations

import hashlib
import json
import pathlib

from chassis.events import Envelope
from roster.domain.events import EnrollmentAdded, PersonAdded
from roster.domain.identity import entity_id
from roster.importer.catalog import cached_id
from roster.importer.outbox import envelope_json
from roster.importer.source import RosterSource
from roster.importer.synthetic import DistrictSpec, generate_district


def test_records_report_the_line_they_start_on(tmp_path):
    (tmp_path / "users.csv").write_bytes(
        b'\xef\xbb\xbfsourcedId,givenName\r\na,"multi\r\nline, with comma"\r\n\r\nb,Bo\r\nc,"x\ny\nz"\nd,D\n')
    with RosterSource(tmp_path) as source:
        csv_file = source.open("users.csv")
        assert csv_file.header == ["sourcedId", "givenName"]
        records = [(r.line, r.values) for r in csv_file.records()]
        csv_file.close()
    assert records == [(2, ["a", "multi\r\nline, with comma"]), (5, ["b", "Bo"]), (6, ["c", "x\ny\nz"]),
                       (9, ["d", "D"])]


def test_fast_ids_match_the_domain_identity():
    for kind, sourced_id in [("user", "stu-000001"), ("org", "Ñandú, \"x\""), ("class", ""), ("session", "t1")]:
        assert cached_id(kind, sourced_id) == entity_id(kind, sourced_id)


def test_fast_envelope_json_is_the_chassis_envelope_json():
    for event in (PersonAdded(person_id="p", sourced_id="s", roles=["guardian", "student"], given_name="Zoë \"Z\""),
                  EnrollmentAdded(enrollment_id="e", section_id="c", person_id="p", role="student", school_id="o")):
        envelope = Envelope.from_event(event, "roster", "corr")
        assert envelope_json(envelope) == envelope.to_json()
        assert json.loads(envelope_json(envelope))["data"] == event.payload()


def _digest(folder: pathlib.Path) -> str:
    return hashlib.sha256(b"".join(p.name.encode() + p.read_bytes() for p in sorted(folder.iterdir()))).hexdigest()


def test_the_generator_is_deterministic_for_a_seed(tmp_path):
    spec = DistrictSpec(students=300, schools=3, seed=11)
    counts = generate_district(tmp_path / "a", spec)
    generate_district(tmp_path / "b", spec)
    generate_district(tmp_path / "c", DistrictSpec(students=300, schools=3, seed=12))
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b") != _digest(tmp_path / "c")
    assert counts["orgs.csv"] == 4 and counts["users.csv"] > 300 + 300 * 1.3
    assert (tmp_path / "a" / "users.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_zip_member_that_expands_past_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    import zipfile

    import pytest

    from roster.importer import source
    from roster.importer.problems import SourceError
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.csv", "propertyName,value\n")
        archive.writestr("users.csv", "0" * 50_000)   # compresses ~1000:1
    monkeypatch.setattr(source, "MAX_ZIP_MEMBER_BYTES", 10_000)
    with pytest.raises(SourceError, match=r"users\.csv expands to 50,000 bytes; the limit is 10,000"):
        RosterSource(bomb)
    monkeypatch.setattr(source, "MAX_ZIP_MEMBER_BYTES", 100_000)
    with RosterSource(bomb) as accepted:
        assert accepted.exists("users.csv")
