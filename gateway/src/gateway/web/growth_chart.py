"""The growth view's chart geometry: one skill over school years, bars for artifacts tagged per year and a line of
assessed levels over time, laid out in SVG coordinates for the growth.html template (no drawing library needed).

Pure functions over plain dataclasses (only the axis labels follow the page's language): the page fills them from
GetGrowth and the school years, and the template draws exactly what :func:`layout` returns (so tests can check the
geometry without a browser).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gateway.i18n import gettext, local_number

WIDTH, HEIGHT = 720, 280
LEFT, RIGHT, TOP, BOTTOM = 52, 112, 18, 46       # room for the count axis, level names and year labels
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Point:
    """One assessment of the skill: its level, when, by whom (teacher or student) and the artifact it judged."""

    assessed_at: str
    level_rank: int
    level_name: str
    max_rank: int
    artifact_id: str
    assessor_role: str


@dataclass(frozen=True)
class Year:
    """A school year of the chart (oldest first), how many artifacts were tagged with the skill, its points."""

    id: str
    title: str
    artifacts_tagged: int
    points: tuple[Point, ...] = ()
    start_date: str = ""
    end_date: str = ""


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    count: int
    year: Year
    label_x: float


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    point: Point
    self_assessed: bool
    year_title: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass
class Chart:
    """Everything growth.html draws for one skill."""

    bars: list[Bar] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    line: str = ""                                 # SVG points of the teachers' assessments, in time order
    count_ticks: list[Tick] = field(default_factory=list)
    level_ticks: list[Tick] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    top: int = TOP
    plot_w: int = PLOT_W
    plot_h: int = PLOT_H


def count_scale_top(largest: int) -> int:
    """The count axis' top: four equal steps of 1, 2 or 5 x 10^k covering ``largest`` (so ticks are round)."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if 4 * step >= largest:
                return 4 * step
        magnitude *= 10


def _day(value: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date() if "T" in value else \
            dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _fraction(point: Point, index: int, count: int, year: Year) -> float:
    """Where in its year's band a point sits (0..1): by date within the year when known, else evenly by order."""
    start, end, day = _day(year.start_date), _day(year.end_date), _day(point.assessed_at)
    if start and end and day and end > start:
        return min(0.92, max(0.08, (day - start).days / (end - start).days))
    return (index + 1) / (count + 1)


def layout(years: list[Year], levels: list[tuple[int, str]]) -> Chart:
    """The chart of ``years`` (oldest first) with ``levels`` [(rank, name)] on the right-hand axis."""
    chart = Chart()
    if not years:
        return chart
    max_rank = max([rank for rank, _ in levels] + [p.max_rank for y in years for p in y.points] + [1])
    names = dict(levels)
    top_count = count_scale_top(max((y.artifacts_tagged for y in years), default=0))
    band = PLOT_W / len(years)
    bottom = TOP + PLOT_H

    def level_y(rank: int) -> float:
        return round(bottom - PLOT_H * rank / max_rank, 1)

    chart.count_ticks = [Tick(round(bottom - PLOT_H * i / 4, 1), local_number(top_count * i // 4)) for i in range(5)]
    chart.level_ticks = [Tick(level_y(rank), names.get(rank) or gettext("Level %(rank)s") % {"rank": rank})
                         for rank in range(1, max_rank + 1)]
    teacher_line = []
    for index, year in enumerate(years):
        x0 = LEFT + band * index
        height = round(PLOT_H * year.artifacts_tagged / top_count, 1)
        bar_w = round(min(band * 0.45, 90), 1)
        chart.bars.append(Bar(round(x0 + (band - bar_w) / 2, 1), round(bottom - height, 1), bar_w, height,
                              year.artifacts_tagged, year, round(x0 + band / 2, 1)))
        ordered = sorted(year.points, key=lambda p: p.assessed_at)
        for order, point in enumerate(ordered):
            x = round(x0 + band * _fraction(point, order, len(ordered), year), 1)
            dot = Dot(x, level_y(point.level_rank), point, point.assessor_role == "student", year.title)
            chart.dots.append(dot)
            if not dot.self_assessed:
                teacher_line.append(f"{dot.x},{dot.y}")
    chart.line = " ".join(teacher_line)
    return chart
