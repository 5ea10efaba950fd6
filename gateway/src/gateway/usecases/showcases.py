"""Showcase use cases the showcase pages and the REST API share: one ShowcasesService call each, made as the caller's
principal (the artifacts service decides who may curate, share or view a showcase); the external link's URL."""
from __future__ import annotations

from collections.abc import Iterable

from fastapi import Request

from chassis.context import Principal
from gateway.clients.backends import Backends
from gateway.i18n import N_
from skillfolio.artifacts.v1 import showcases_pb2 as spb

AUDIENCES = {"family": N_("Family"), "panel": N_("A milestone panel"), "application": N_("An application")}
LINK_PATH = "/showcase-links/"


def fields(*, title: str, introduction: str = "", audience: str = "family", milestone_id: str = "",
           share_with_guardians: bool = False, artifact_ids: Iterable[str] = ()) -> spb.ShowcaseFields:
    return spb.ShowcaseFields(title=title, introduction=introduction, audience=audience, milestone_id=milestone_id,
                              share_with_guardians=share_with_guardians, artifact_ids=list(artifact_ids))


def link_url(request: Request, token: str) -> str:
    """The external link: GATEWAY_PUBLIC_URL (else this request's origin) + /showcase-links/<token>."""
    base = request.app.state.settings.public_url.rstrip("/") or str(request.base_url).rstrip("/")
    return f"{base}{LINK_PATH}{token}"


async def student_showcases(backends: Backends, principal: Principal, student_id: str) -> spb.ListShowcasesResponse:
    return await backends.showcases.list_showcases(principal, spb.ListShowcasesRequest(student_id=student_id))


async def get_showcase(backends: Backends, principal: Principal, showcase_id: str) -> spb.Showcase:
    return (await backends.showcases.get_showcase(principal, spb.GetShowcaseRequest(showcase_id=showcase_id))).showcase


async def create_showcase(backends: Backends, principal: Principal, student_id: str,
                          values: spb.ShowcaseFields) -> spb.Showcase:
    return (await backends.showcases.create_showcase(principal, spb.CreateShowcaseRequest(
        student_id=student_id, fields=values))).showcase


async def update_showcase(backends: Backends, principal: Principal, showcase_id: str,
                          values: spb.ShowcaseFields) -> spb.Showcase:
    return (await backends.showcases.update_showcase(principal, spb.UpdateShowcaseRequest(
        showcase_id=showcase_id, fields=values))).showcase


async def delete_showcase(backends: Backends, principal: Principal, showcase_id: str) -> None:
    await backends.showcases.delete_showcase(principal, spb.DeleteShowcaseRequest(showcase_id=showcase_id))


async def create_link(backends: Backends, principal: Principal, showcase_id: str,
                      valid_days: int = 0) -> spb.CreateShowcaseLinkResponse:
    return await backends.showcases.create_link(principal, spb.CreateShowcaseLinkRequest(
        showcase_id=showcase_id, valid_days=valid_days))


async def revoke_link(backends: Backends, principal: Principal, showcase_id: str, link_id: str) -> spb.ShowcaseLink:
    return (await backends.showcases.revoke_link(principal, spb.RevokeShowcaseLinkRequest(
        showcase_id=showcase_id, link_id=link_id))).link


async def open_link(backends: Backends, token: str) -> spb.OpenShowcaseLinkResponse:
    return await backends.showcases.open_link(spb.OpenShowcaseLinkRequest(token=token))
