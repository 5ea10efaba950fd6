"""The growth page through the gateway against real servers: an assessed artifact appears as a drawn SVG chart
(a bar for the school year, a dot at the assessed level linking to the artifact, the scale's level names on the
axis) for the student, their teacher and guardian; anyone else gets the friendly 403 page."""
from __future__ import annotations

import re

import pytest
from gateway_testkit import web_login
from progress_fixtures import panel_rubric, people, roster_engine, sync  # noqa: F401  (fixtures)

from chassis.access import Viewer
from reflections.domain.assessment import CriterionLevel

pytestmark = pytest.mark.integration


def test_growth_is_a_chart_whose_points_lead_to_the_evidence(make_client, people, district, skill_ids,
                                                             reflections_app, sync):
    amy_id, communicator = district.ids["amy"], skill_ids["communicator"]
    work = people("tlee").add_link(amy_id, communicator, year_id=district.ids["year"], title="Class talk")
    sync()
    teacher = Viewer.of(district.ids["teacher"], ["teacher"])
    instrument = reflections_app.assessments.instrument(teacher, work, communicator)   # whatever scale it has now
    levels = instrument.scale.levels
    level = levels[min(2, len(levels) - 1)]
    criteria = instrument.rubric.criteria if instrument.rubric else []
    reflections_app.assessments.assess(teacher, work, communicator, level.rank, "Clear and well paced",
                                       [CriterionLevel(c.code, level.rank) for c in criteria])
    for username in ("aadams", "tlee", "gadams"):
        client = make_client()
        web_login(client, *district.login(username))
        page = client.get(f"/students/{amy_id}/growth")
        assert page.status_code == 200, (username, page.text[:300])
        section = page.text.split("Effective Communicator</span></h2>", 1)[1].split("</section>", 1)[0]
        assert "<svg" in section and "<title" in section and "<desc" in section
        assert f'<a href="/artifacts/{work}" class="point"' in section
        assert re.search(rf'aria-label="{level.name} \(teacher assessment\), [^"]+: open the artifact"', section)
        assert f">{levels[0].name}</text>" in section and f">{levels[-1].name}</text>" in section
        assert f'href="/students/{amy_id}?skill={communicator}&amp;year={district.ids["year"]}"' in section
    portfolio = client.get(f"/students/{amy_id}")
    assert f'href="/students/{amy_id}/growth"' in portfolio.text


def test_outsiders_get_the_friendly_refusal(make_client, district, sync):
    for username in ("tkim", "ddunn", "bbrown"):
        client = make_client()
        web_login(client, *district.login(username))
        page = client.get(f"/students/{district.ids['amy']}/growth")
        assert page.status_code == 403 and "You can&#39;t open this page" in page.text, username
