"""The growth chart's geometry and its SVG: bars scale with the artifacts tagged per school year, dots sit at their
level (named on the axis) and inside their year by date, the line joins teachers' assessments only, and every bar
and dot is a link to its evidence with an accessible name (escaped)."""
from __future__ import annotations

import re
from types import SimpleNamespace

from gateway.usecases.growth import SkillGrowth
from gateway.web import growth_chart as gc
from gateway.web import views
from gateway.web.render import templates

LEVELS = [(1, "Beginning"), (2, "Developing"), (3, "Ready"), (4, "Excelling")]
LAST_YEAR = gc.Year("y1", "2024-2025", 2, (
    gc.Point("2024-10-01T10:00:00+00:00", 2, "Developing", 4, "art-1", "teacher"),
    gc.Point("2025-03-01T10:00:00+00:00", 1, "Beginning", 4, "art-1", "student")), "2024-08-01", "2025-06-30")
THIS_YEAR = gc.Year("y2", "2025-2026", 6, (
    gc.Point("2026-02-01T10:00:00+00:00", 3, "Ready", 4, "art-2", "teacher"),), "2025-08-01", "2026-06-30")


def test_count_axis_tops_are_round_and_cover_the_largest_count():
    assert [gc.count_scale_top(n) for n in (0, 4, 5, 9, 21, 40, 41, 520)] == [4, 4, 8, 20, 40, 40, 80, 800]


def test_bars_scale_with_counts_and_dots_sit_at_their_level_and_date():
    chart = gc.layout([LAST_YEAR, THIS_YEAR], LEVELS)
    bottom = gc.TOP + gc.PLOT_H
    assert [b.count for b in chart.bars] == [2, 6]
    assert chart.bars[1].height == 3 * chart.bars[0].height == round(gc.PLOT_H * 6 / 8, 1)
    assert all(b.y + b.height == bottom for b in chart.bars)
    assert chart.bars[0].x + chart.bars[0].width < chart.bars[1].x          # oldest year on the left
    assert [t.label for t in chart.level_ticks] == ["Beginning", "Developing", "Ready", "Excelling"]
    assert [t.label for t in chart.count_ticks] == ["0", "2", "4", "6", "8"]
    developing, beginning, ready = chart.dots
    assert (developing.y, beginning.y, ready.y) == (bottom - gc.PLOT_H / 2, bottom - gc.PLOT_H / 4,
                                                    bottom - gc.PLOT_H * 3 / 4)
    band = gc.PLOT_W / 2
    assert gc.LEFT < developing.x < beginning.x < gc.LEFT + band < ready.x < gc.LEFT + 2 * band
    assert beginning.self_assessed and not developing.self_assessed
    assert chart.line == f"{developing.x},{developing.y} {ready.x},{ready.y}"   # teachers' assessments only


def test_without_dates_points_spread_evenly_and_an_empty_growth_draws_nothing():
    undated = gc.Year("y", "Y", 1, (gc.Point("", 1, "B", 4, "a", "teacher"), gc.Point("", 2, "D", 4, "b", "teacher")))
    chart = gc.layout([undated], [])
    assert [d.x for d in chart.dots] == [round(gc.LEFT + gc.PLOT_W / 3, 1), round(gc.LEFT + gc.PLOT_W * 2 / 3, 1)]
    assert [t.label for t in chart.level_ticks] == ["Level 1", "Level 2", "Level 3", "Level 4"]
    assert gc.layout([], LEVELS).bars == []


def render_growth(name: str = "Effective <Communicator>") -> str:
    chips = views.palette([SimpleNamespace(id="sk-1", name=name, code="c", description="", colour="#1F5FAD",
                                           text_colour="#FFFFFF", retired=False)])
    years = [LAST_YEAR, THIS_YEAR]
    charts = [SkillGrowth(chips["sk-1"], years, LEVELS, gc.layout(years, LEVELS))]
    student = SimpleNamespace(id="stu-1", given_name="Ana", family_name="Ruiz")
    return templates.get_template("growth.html").render(
        principal=None, csrf_token="t", style_nonce="n", student=student, is_self=False, charts=charts, chips=chips)


def test_the_chart_is_drawn_in_svg_with_a_title_description_and_linked_points():
    html = render_growth()
    assert html.count("<svg") == 1 and "<figure" in html and "<figcaption>" in html
    assert re.search(r'<title id="skill-growth-1-svg-title">Effective &lt;Communicator&gt; over school years', html)
    assert "2024-2025: 2 artifacts tagged, assessed Developing, Beginning." in html
    assert html.count('<a href="/artifacts/art-1"') == 2 and html.count('<a href="/artifacts/art-2"') == 1
    assert 'href="/students/stu-1?skill=sk-1&amp;year=y2"' in html
    assert 'aria-label="Ready (teacher assessment), 1 Feb 2026, 2025-2026: open the artifact"' in html
    assert 'fill="#1F5FAD"' in html and ">Excelling</text>" in html and "<polyline" in html
    assert '<div class="visually-hidden"><table>' in html and "<Communicator>" not in html


def test_a_student_without_growth_gets_a_sentence_not_an_empty_chart():
    student = SimpleNamespace(id="stu-1", given_name="Ana", family_name="Ruiz")
    html = templates.get_template("growth.html").render(principal=None, csrf_token="t", style_nonce="n",
                                                        student=student, is_self=True, charts=[], chips={})
    assert "No growth to show yet" in html and "<svg" not in html and "<h1>My growth</h1>" in html
