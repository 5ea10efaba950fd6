"""The REST API's showcase shapes: the request body (validated, unknown fields refused) and the Showcase, Showcases
and link responses, built from the artifacts service's protobuf messages (skillfolio.artifacts.v1.showcases)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from gateway.schemas.artifacts import Body
from gateway.schemas.common import Id, text

Audience = Literal["family", "panel", "application"]


class ShowcaseItem(BaseModel):
    artifact_id: str
    title: str
    description: str
    kind: str
    status: str
    link_url: str
    content_type: str
    thumbnail_url: str = Field(description="A short-lived signed URL (empty until the media is ready).")
    media_url: str = Field(description="A short-lived signed URL (empty until the media is ready).")


class ShowcaseLink(BaseModel):
    id: str
    created_at: str
    expires_at: str
    revoked_at: str = Field(description="Empty while not revoked.")
    live: bool = Field(description="Neither revoked nor expired.")


class ShowcaseViewerCan(BaseModel):
    curate: bool = Field(description="May edit, reorder and delete the showcase.")
    share: bool = Field(description="May change its sharing and make or revoke external links.")


class Showcase(BaseModel):
    id: str
    student_id: str
    title: str
    introduction: str
    audience: Audience
    milestone_id: str = Field(description="The milestone whose panel it is shared with (empty: none).")
    share_with_guardians: bool
    items: list[ShowcaseItem] = Field(description="The student's live artifacts in the showcase's order; a deleted "
                                                  "artifact drops out.")
    links: list[ShowcaseLink] = Field(description="External links, newest first (only for those who may share).")
    created_by: str
    created_at: str
    updated_at: str
    viewer_can: ShowcaseViewerCan


class Showcases(BaseModel):
    items: list[Showcase] = Field(description="The showcases the caller may see, most recently changed first.")
    can_curate: bool = Field(description="The caller may create showcases for this student.")


class ShowcaseBody(Body):
    """Every field of a showcase (an update replaces them all)."""

    title: str = text(200)
    introduction: str = Field("", max_length=5000, description="A few words introducing the work.")
    audience: Audience = "family"
    milestone_id: str = Field("", max_length=64, description="Share with this milestone's panel (empty: none).")
    share_with_guardians: bool = False
    artifact_ids: list[Id] = Field([], max_length=40, description="The student's own artifacts, in showcase order.")


class NewLink(Body):
    valid_days: int = Field(14, ge=1, le=90, description="How long the link works.")


class CreatedLink(BaseModel):
    link: ShowcaseLink
    url: str = Field(description="The external link (shown once: only a hash of its token is kept).")
