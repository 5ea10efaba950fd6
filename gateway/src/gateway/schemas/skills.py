"""The REST API's skill shape (chips in the web app), built from the skills service's protobuf Skill."""
from __future__ import annotations

from pydantic import BaseModel, Field

from gateway.schemas.common import FromProto


class Skill(FromProto):
    id: str
    code: str
    name: str
    description: str
    colour: str = Field(description="The chip's background, #RRGGBB.")
    text_colour: str = Field(description="#FFFFFF or #000000, whichever is legible on colour (WCAG 4.5:1).")
    retired: bool = Field(description="Retired skills still label old artifacts but take no new tags.")


class Skills(BaseModel):
    items: list[Skill] = Field(description="District skills first, then the school's; each group by code.")
