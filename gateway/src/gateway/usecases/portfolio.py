"""Portfolio use cases the web pages and the REST API share: each is one gRPC call (or a few) to the artifacts,
skills and roster services, made as the caller's principal. The services decide who may do what; nothing here
re-checks access, it only shapes requests and collects the lookups (skills, school years) a portfolio shows."""
from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass

from chassis.context import Principal
from gateway.clients.backends import Backends
from gateway.usecases import roster as queries
from skillfolio.artifacts.v1 import artifacts_pb2 as apb
from skillfolio.roster.v1 import roster_pb2 as rpb
from skillfolio.skills.v1 import skills_pb2 as spb

UPDATABLE = ("title", "description", "skill_ids", "school_year_id")


@dataclass(frozen=True)
class FileToUpload:
    """What the client says about the file it is about to send straight to the store."""

    name: str
    content_type: str
    size_bytes: int


def version_input(link_url: str = "", file: FileToUpload | None = None) -> apb.VersionInput:
    if file is None:
        return apb.VersionInput(link_url=link_url)
    return apb.VersionInput(file_name=file.name, content_type=file.content_type or "application/octet-stream",
                            size_bytes=file.size_bytes)


async def effective_skills(backends: Backends, principal: Principal, school_id: str,
                           include_retired: bool = True) -> list[spb.Skill]:
    """The district's skills plus the school's additions (retired ones too by default: old work keeps its tags)."""
    if not school_id:
        return []
    school = (await backends.roster.get_school(principal, rpb.GetSchoolRequest(school_id=school_id))).school
    reply = await backends.skills.get_effective_skills(principal, spb.GetEffectiveSkillsRequest(
        district_id=school.district_id, school_id=school_id, include_retired=include_retired))
    return list(reply.skills)


async def school_years(backends: Backends, principal: Principal) -> list[rpb.SchoolYear]:
    """Every school year of the roster (deactivated ones too: old work keeps its year's name), newest first."""
    years = await queries.collect(lambda p: backends.roster.list_school_years(
        principal, rpb.ListSchoolYearsRequest(page=p)), "school_years")
    return sorted(years, key=lambda y: y.start_date, reverse=True)


@dataclass(frozen=True)
class YearChoices:
    """What a page offers to pick (the viewer's district's active years, newest first), which one is current, and
    every year (to name work filed under a year that is no longer offered)."""

    years: list[rpb.SchoolYear]
    current_id: str
    every: list[rpb.SchoolYear]


async def year_choices(backends: Backends, principal: Principal, keep: str = "") -> YearChoices:
    """The school years a picker offers, as the roster's calendar says; ``keep``: an item's own year, kept as an
    option even if no longer offered, so saving the form never moves the item silently."""
    calendar, every = await asyncio.gather(queries.school_calendar(backends.roster, principal),
                                           school_years(backends, principal))
    years = list(calendar.school_years)
    if keep and keep not in {y.id for y in years}:
        years += [y for y in every if y.id == keep]
    return YearChoices(years, calendar.current_school_year.id, every)


async def list_portfolio(backends: Backends, principal: Principal, student_id: str, *, title_query: str = "",
                         skill_ids: Iterable[str] = (), school_year_id: str = "", kind: str = "",
                         added_by: str = "", page_size: int = 0, page_token: str = "") -> apb.ListPortfolioResponse:
    """One keyset page of a student's artifacts, newest first (skills match ANY of ``skill_ids``)."""
    return await backends.artifacts.list_portfolio(principal, apb.ListPortfolioRequest(
        student_id=student_id, title_query=title_query, skill_ids=list(skill_ids), school_year_id=school_year_id,
        kind=kind, added_by=added_by, page=apb.PageRequest(page_size=page_size, page_token=page_token)))


async def viewer_can(backends: Backends, principal: Principal, student_id: str) -> apb.ViewerCan:
    """What the artifacts service lets ``principal`` do with this student's portfolio (no artifact is read)."""
    reply = await backends.artifacts.list_portfolio(principal, apb.ListPortfolioRequest(
        student_id=student_id, viewer_can_only=True))
    return reply.viewer_can


async def get_artifact(backends: Backends, principal: Principal, artifact_id: str) -> apb.Artifact:
    reply = await backends.artifacts.get_artifact(principal, apb.GetArtifactRequest(artifact_id=artifact_id))
    return reply.artifact


async def create_artifact(backends: Backends, principal: Principal, student_id: str, *, title: str,
                          description: str, kind: str, skill_ids: Iterable[str], school_year_id: str = "",
                          link_url: str = "", file: FileToUpload | None = None) -> apb.CreateArtifactResponse:
    """The new artifact and, for a file, where to upload its bytes (then call :func:`complete_upload`)."""
    return await backends.artifacts.create_artifact(principal, apb.CreateArtifactRequest(
        student_id=student_id, title=title, description=description, kind=kind, skill_ids=list(skill_ids),
        school_year_id=school_year_id, content=version_input(link_url, file)))


async def update_artifact(backends: Backends, principal: Principal, artifact_id: str, changes: dict
                          ) -> apb.Artifact:
    """Change the named fields only (any of title, description, skill_ids, school_year_id)."""
    fields = [name for name in UPDATABLE if name in changes]
    values = {name: changes[name] for name in fields}
    if "skill_ids" in values:
        values["skill_ids"] = list(values["skill_ids"])
    reply = await backends.artifacts.update_artifact(principal, apb.UpdateArtifactRequest(
        artifact_id=artifact_id, update_fields=fields, **values))
    return reply.artifact


async def add_version(backends: Backends, principal: Principal, artifact_id: str, *, link_url: str = "",
                      file: FileToUpload | None = None) -> apb.AddVersionResponse:
    return await backends.artifacts.add_version(principal, apb.AddVersionRequest(
        artifact_id=artifact_id, content=version_input(link_url, file)))


async def complete_upload(backends: Backends, principal: Principal, artifact_id: str, version: int,
                          part_etags: Iterable[str] = ()) -> apb.Artifact:
    reply = await backends.artifacts.complete_upload(principal, apb.CompleteUploadRequest(
        artifact_id=artifact_id, version=version, part_etags=list(part_etags)))
    return reply.artifact


async def delete_artifact(backends: Backends, principal: Principal, artifact_id: str) -> None:
    await backends.artifacts.delete_artifact(principal, apb.DeleteArtifactRequest(artifact_id=artifact_id))
