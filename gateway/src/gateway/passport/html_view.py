"""The passport's offline HTML view (``index.html``): one self-contained page (inline styles, relative links to the
archive's own media, no script, nothing fetched), autoescaped, in the language of the request that exported it (the
gateway's catalogues); growth charts drawn here as inline SVG."""
from __future__ import annotations

import pathlib
import re
from collections import defaultdict

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from gateway import i18n
from gateway.passport.document import safe_name
from gateway.web.render import file_size
from gateway.web.views import KIND_LABELS

_ENV = Environment(loader=FileSystemLoader(pathlib.Path(__file__).with_name("templates")),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
i18n.install(_ENV)
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_ENV.filters["colour"] = lambda value: value if _COLOUR.match(value or "") else "#dddddd"
_ENV.filters["file_size"] = file_size
ROLE_LABELS = {"student": i18n.N_("Student"), "teacher": i18n.N_("Teacher")}   # who added an artifact
W, H, PAD = 240, 90, 8
UNKNOWN_SKILL = {"name": "(skill)", "colour": "#dddddd", "text_colour": "#000000"}


def growth_charts(document: dict) -> list[dict]:
    """Per skill, the teachers' assessed levels over time as a line (a text summary beside it)."""
    points: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for artifact in document["artifacts"]:
        for x in artifact["assessments"]:
            if not x["self_assessment"] and x["assessed_at"]:
                points[x["skill_id"]].append((x["assessed_at"], x["level_rank"]))
    skills = {s["id"]: s for s in document["skills"]}
    charts = []
    for skill_id, found in sorted(points.items()):
        found.sort()
        top = max(rank for _, rank in found) or 1
        step = (W - 2 * PAD) / max(len(found) - 1, 1)
        xy = " ".join(f"{PAD + i * step:.1f},{H - PAD - (rank / top) * (H - 2 * PAD):.1f}"
                      for i, (_, rank) in enumerate(found))
        skill = skills.get(skill_id, UNKNOWN_SKILL)
        colour = skill["colour"] if _COLOUR.match(skill["colour"] or "") else "#555555"
        svg = Markup(f'<svg width="{W}" height="{H}" viewBox="0 0 {W} {H}" role="img" aria-label="{escape(skill["name"])}">'
                     f'<rect width="{W}" height="{H}" fill="#fafafa" stroke="#ccc"/>'
                     f'<polyline fill="none" stroke="{colour}" stroke-width="3" points="{xy}"/></svg>')
        charts.append({"name": skill["name"], "svg": svg, "count": len(found),
                       "levels": " → ".join(str(rank) for _, rank in found[-6:])})
    return charts


def render(document: dict, language: str = i18n.SOURCE_LANGUAGE) -> bytes:
    """The page, its words in ``language`` (one of the gateway's catalogues; the student's own words as written)."""
    token = i18n.use_language(language)
    try:
        return _render(document, i18n.current_language())
    finally:
        i18n.reset_language(token)


def _render(document: dict, language: str) -> bytes:
    skills = {s["id"]: s for s in document["skills"]}
    titles = {y["id"]: y["title"] for y in document["school_years"]}
    by_year: dict[str, list[dict]] = defaultdict(list)
    for artifact in document["artifacts"]:
        by_year[artifact["school_year_id"]].append(artifact)
    years = [{"title": titles.get(year_id, ""), "artifacts": found}
             for year_id, found in sorted(by_year.items(), key=lambda item: titles.get(item[0], ""), reverse=True)]
    credentials = [{**c, "file": f"{safe_name(c['id'])}.jwt"} for c in document["credentials"]]
    page = _ENV.get_template("passport.html").render(
        **{**document, "credentials": credentials}, years=years, charts=growth_charts(document), language=language,
        kind_labels=KIND_LABELS, role_labels=ROLE_LABELS, skill_of=lambda skill_id: skills.get(skill_id, UNKNOWN_SKILL))
    return page.encode()
