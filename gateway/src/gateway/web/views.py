"""What portfolio pages show, shaped for the templates: skill chips with safe colours, school year names, the
gallery's filters and the URLs that keep them (so a filtered view can be shared or bookmarked)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from gateway.i18n import N_, gettext

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
NEUTRAL = ("#E8ECF1", "#000000")
KIND_LABELS = {"image": N_("Image"), "document": N_("Document"), "audio": N_("Audio"), "video": N_("Video"),
               "link": N_("Link"), "other": N_("Other")}   # English; templates translate them with _()
UPLOAD_KINDS = ("image", "document", "audio", "video", "link")


@dataclass(frozen=True)
class SkillChip:
    id: str
    name: str
    code: str
    description: str
    css_class: str
    colour: str
    text_colour: str
    retired: bool


def palette(skills) -> dict[str, SkillChip]:
    """Skills by id, each with a CSS class for the page's nonce'd <style> (colours checked, never raw CSS)."""
    chips = {}
    for index, skill in enumerate(skills, start=1):
        ok = HEX_COLOUR.match(skill.colour) and HEX_COLOUR.match(skill.text_colour)
        colour, text = (skill.colour, skill.text_colour) if ok else NEUTRAL
        chips[skill.id] = SkillChip(skill.id, skill.name, skill.code, skill.description, f"skill-{index}",
                                    colour, text, skill.retired)
    return chips


def chips_of(skill_ids, chips: dict[str, SkillChip]) -> list[SkillChip]:
    """The chips of an artifact's tags; an id the skills service no longer knows shows as a neutral chip."""
    return [chips.get(i) or SkillChip(i, gettext("Unknown skill"), "", "", "skill-unknown", *NEUTRAL, True)
            for i in skill_ids]


def year_names(years) -> dict[str, str]:
    return {year.id: year.title or str(year.year) for year in years}


@dataclass
class GalleryFilters:
    q: str = ""
    skills: list[str] = field(default_factory=list)
    year: str = ""

    @property
    def active(self) -> bool:
        return bool(self.q or self.skills or self.year)

    def query(self, **extra) -> str:
        """The query string of these filters (plus ``extra``), for links such as "More"."""
        pairs = [("q", self.q)] if self.q else []
        pairs += [("skill", s) for s in self.skills]
        pairs += [("year", self.year)] if self.year else []
        pairs += [(k, v) for k, v in extra.items() if v]
        return urlencode(pairs)


def safe_link(url: str) -> str:
    """An http(s) URL to put in href; anything else (javascript:, data:) is not linked."""
    return url if url.lower().startswith(("http://", "https://")) else ""
