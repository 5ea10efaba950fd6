"""The dashboard's chart geometry: a report Table as horizontal bars in SVG coordinates for reports.html (no drawing
library). One bar per row of the table's first figure, in the row's skill colour; a table whose figures are all
shares (a distribution over levels or outcomes) becomes one stacked 100% bar per row with a legend.

A withheld cell (suppressed, or only a bound such as "<5%") draws no bar: its display string is written beside the
row instead, so the chart never shows more than the table. Pure functions: tests check the geometry directly."""
from __future__ import annotations

from dataclasses import dataclass, field

from gateway.schemas.reports import Column, Table
from gateway.web.growth_chart import count_scale_top
from gateway.web.views import HEX_COLOUR

WIDTH, LABEL_W, RIGHT, TOP, ROW_H, BAR_H, AXIS_H = 720, 190, 80, 10, 30, 20, 26
PLOT_W = WIDTH - LABEL_W - RIGHT
DEFAULT_COLOUR = "#2F5D8A"
# Sequential and legible on white, ordered low -> high (a distribution reads left to right); the legend and the table
# carry the meaning, never the colour alone.
SERIES = ("#C6DBEF", "#6BAED6", "#2171B5", "#08306B", "#525252", "#969696")


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    colour: str
    title: str


@dataclass(frozen=True)
class BarRow:
    label: str
    y: float
    segments: tuple[Segment, ...]
    note: str           # the row's figure(s) as text beside the bar
    note_x: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass
class Chart:
    rows: list[BarRow] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)   # (colour, column label) of a stacked chart
    width: int = WIDTH
    height: int = 0
    left: int = LABEL_W
    top: int = TOP
    plot_w: int = PLOT_W
    axis_label: str = ""


def series(table: Table) -> list[int]:
    """Indexes of the columns the chart draws: every share column when all figures are shares (stacked), else the
    first figure column."""
    figures = [i for i, column in enumerate(table.columns) if column.kind in ("count", "share")]
    if len(figures) > 1 and all(table.columns[i].kind == "share" for i in figures):
        return figures
    return figures[:1]


def _colour(value: str) -> str:
    return value if HEX_COLOUR.match(value or "") else DEFAULT_COLOUR


def _amount(value: float | None, column: Column) -> float:
    """A cell's length on the axis: a count as is, a share (0..1) in percent."""
    return (value or 0.0) * (100.0 if column.kind == "share" else 1.0)


def _single(table: Table, index: int, column: Column, chart: Chart) -> None:
    values = [_amount(r.cells[index].value, column) for r in table.rows if not r.cells[index].suppressed]
    share = column.kind == "share"
    top = 100.0 if share else float(count_scale_top(int(max(values + [0.0]))))
    chart.ticks = [Tick(round(LABEL_W + PLOT_W * i / 4, 1), f"{top * i / 4:g}{'%' if share else ''}")
                   for i in range(5)]
    chart.axis_label = column.label
    for n, row in enumerate(table.rows):
        cell, y = row.cells[index], TOP + n * ROW_H
        shown = cell.value is not None and not cell.suppressed
        width = round(PLOT_W * _amount(cell.value, column) / top, 1) if shown else 0.0
        segments = (Segment(LABEL_W, max(width, 1.0), _colour(row.colour), f"{row.label}: {cell.display}"),) \
            if shown else ()
        chart.rows.append(BarRow(row.label, y, segments, cell.display + ("" if shown else " (withheld)"),
                                 round(LABEL_W + width + 6, 1)))


def _stacked(table: Table, indexes: list[int], chart: Chart) -> None:
    chart.legend = [(SERIES[k % len(SERIES)], table.columns[i].label) for k, i in enumerate(indexes)]
    chart.ticks = [Tick(round(LABEL_W + PLOT_W * i / 4, 1), f"{25 * i}%") for i in range(5)]
    chart.axis_label = "Share"
    for n, row in enumerate(table.rows):
        x, segments, notes = float(LABEL_W), [], []
        for k, i in enumerate(indexes):
            cell, label = row.cells[i], table.columns[i].label
            notes.append(f"{label} {cell.display}")
            if cell.suppressed or cell.value is None:
                continue
            width = round(PLOT_W * max(0.0, min(cell.value, 1.0)), 1)
            segments.append(Segment(round(x, 1), width, SERIES[k % len(SERIES)], f"{row.label}, {label}: "
                                                                                   f"{cell.display}"))
            x += width
        withheld = any(row.cells[i].suppressed or row.cells[i].value is None for i in indexes)
        chart.rows.append(BarRow(row.label, TOP + n * ROW_H, tuple(segments),
                                 "some figures withheld" if withheld else "", round(x + 6, 1)))


def layout(table: Table) -> Chart | None:
    """The chart of ``table``, or None when it has no rows or nothing to draw."""
    indexes = series(table)
    if not table.rows or not indexes:
        return None
    chart = Chart()
    if len(indexes) > 1:
        _stacked(table, indexes, chart)
    else:
        _single(table, indexes[0], table.columns[indexes[0]], chart)
    chart.height = TOP + len(table.rows) * ROW_H + AXIS_H
    return chart
