"""Conversions between artifacts protobuf messages and the domain / service-layer types."""
from __future__ import annotations

from artifacts.adapters.repository import PortfolioFilter
from artifacts.domain.model import Artifact, Origin, Version, VersionInput
from artifacts.service_layer.commands import NewArtifact
from skillfolio.artifacts.v1 import artifacts_pb2 as pb


def content(message: pb.VersionInput) -> VersionInput:
    return VersionInput(link_url=message.link_url, size_bytes=message.size_bytes,
                        content_type=message.content_type, file_name=message.file_name)


def new_artifact(r: pb.CreateArtifactRequest) -> NewArtifact:
    return NewArtifact(student_id=r.student_id, title=r.title, description=r.description, kind=r.kind,
                       skill_ids=list(r.skill_ids), content=content(r.content), school_year_id=r.school_year_id)


def update_fields(r: pb.UpdateArtifactRequest) -> dict:
    """The named fields with their new values; unknown names are kept so the service layer can report them."""
    values = {"title": r.title, "description": r.description, "skill_ids": list(r.skill_ids),
              "school_year_id": r.school_year_id}
    return {name: values.get(name) for name in dict.fromkeys(r.update_fields)}


def portfolio_filter(r: pb.ListPortfolioRequest) -> PortfolioFilter:
    return PortfolioFilter(student_id=r.student_id, title_query=r.title_query.strip(),
                           skill_ids=tuple(sorted(set(r.skill_ids))), school_year_id=r.school_year_id,
                           kind=r.kind, added_by=r.added_by)


def version(v: Version) -> pb.Version:
    return pb.Version(number=v.number, media_key=v.media_key, link_url=v.link_url, size_bytes=v.served_size,
                      content_type=v.served_type, created_by=v.created_by, created_at=v.created_at.isoformat(),
                      file_name=v.file_name, download_url=v.download_url)


def viewer_can(can) -> pb.ViewerCan | None:
    return pb.ViewerCan(add=can.add, change=can.change, export=can.export) if can is not None else None


def artifact(a: Artifact) -> pb.Artifact:
    return pb.Artifact(
        id=a.id, student_id=a.student_id, added_by=a.added_by, added_by_role=a.added_by_role, title=a.title,
        description=a.description, kind=a.kind.value, link_url=a.link_url, skill_ids=a.skill_ids,
        school_year_id=a.school_year_id, school_id=a.school_id, status=a.status.value,
        rejection_reason=a.rejection_reason, created_at=a.created_at.isoformat(),
        updated_at=a.updated_at.isoformat(), current_version=a.current_version,
        versions=[version(v) for v in a.versions], thumbnail_url=a.thumbnail_url, media_url=a.media_url,
        viewer_can=viewer_can(a.viewer_can), origin=origin(a.origin))


def origin(o: Origin | None) -> pb.Origin | None:
    return None if o is None else pb.Origin(district_id=o.district_id, district_name=o.district_name, ref=o.ref,
                                            skill_labels=list(o.skill_labels), school_year=o.school_year,
                                            school_year_start=o.school_year_start)
