"""The portfolio listing's hand-built Artifact JSON equals what the documented response model produces."""
from __future__ import annotations

from gateway.schemas.artifacts import Artifact, artifact_json
from skillfolio.artifacts.v1 import artifacts_pb2 as pb


def test_artifact_json_is_the_response_model_dump_field_for_field():
    message = pb.Artifact(
        id="a1", student_id="s1", title="Bridge model", description="Balsa, 40 cm", kind="image",
        link_url="", skill_ids=["k2", "k1"], school_year_id="y1", school_id="sch1", status="ready",
        rejection_reason="", added_by="t1", added_by_role="teacher", created_at="2026-01-02T03:04:05+00:00",
        updated_at="2026-01-03T03:04:05+00:00", current_version=2, thumbnail_url="https://s3/thumb",
        media_url="https://s3/media",
        versions=[pb.Version(number=2, file_name="bridge.jpg", size_bytes=1234, content_type="image/jpeg",
                             created_by="t1", created_at="2026-01-03T03:04:05+00:00", download_url="https://s3/d"),
                  pb.Version(number=1, link_url="https://example.org", created_by="s1",
                             created_at="2026-01-02T03:04:05+00:00")])

    built = artifact_json(message)

    assert built == Artifact.of(message).model_dump()
    assert list(built) == list(Artifact.model_fields)
    assert artifact_json(pb.Artifact()) == Artifact.of(pb.Artifact()).model_dump()


def test_imported_history_carries_its_origin_in_both_forms():
    message = pb.Artifact(id="a2", title="Essay", added_by_role="imported", origin=pb.Origin(
        district_id="did:web:sender.example", district_name="Sender County", ref="a-1",
        skill_labels=["Gardening (from Sender County)"], school_year="2023-2024", school_year_start="2023-08-21"))
    built = artifact_json(message)
    assert built == Artifact.of(message).model_dump()
    assert built["origin"] == {"district_id": "did:web:sender.example", "district_name": "Sender County",
                               "ref": "a-1", "skill_labels": ["Gardening (from Sender County)"],
                               "school_year": "2023-2024", "school_year_start": "2023-08-21"}
    assert artifact_json(pb.Artifact(id="a3"))["origin"] is None
