"""The dashboard's chart geometry: a report Table as horizontal bars in SVG coordinates for reports.html (no drawing
library). A table of counts draws one bar per row of its last count (the row total when it has one), in the row's
skill colour; a table with shares (participation, outcomes, levels at or above proficient) draws each row's shares as
a group of bars on a 0-100% axis, one colour per share with a legend (a skill's own colour for a skill's share); a
distribution (students per assessed level, their total, the share proficient) draws each row's counts stacked.

A withheld cell (suppressed, or only a bound such as "<5%") draws no bar: its display string is written beside the
bar's place instead, so the chart never shows more than the table. Pure functions: tests check the geometry."""
from __future__ import annotations

from dataclasses import dataclass, field

from gateway.schemas.reports import Column, Table
from gateway.web.growth_chart import count_scale_top
from gateway.web.views import HEX_COLOUR

WIDTH, LABEL_W, RIGHT, TOP, BAR_H, GROUP_BAR_H, ROW_GAP, AXIS_H = 720, 220, 90, 10, 22, 14, 10, 26
PLOT_W = WIDTH - LABEL_W - RIGHT
DEFAULT_COLOUR = "#2F5D8A"
# Distinct on white (Okabe-Ito, safe for colour-blind readers); the legend, each bar's note and the table carry the
# meaning, never the colour alone.
SERIES = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str
    note: str           # the figure as text beside the bar ("12", "* (withheld)")
    note_x: float


@dataclass(frozen=True)
class BarRow:
    label: str
    y: float            # top of the row's band
    label_y: float
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass
class Chart:
    rows: list[BarRow] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)   # (colour, column label) of a grouped chart
    width: int = WIDTH
    height: int = 0
    left: int = LABEL_W
    top: int = TOP
    plot_w: int = PLOT_W
    axis_label: str = ""


def series(table: Table) -> list[int]:
    """Indexes of the columns the chart draws: every share column, else the last count column (a row total)."""
    shares = [i for i, column in enumerate(table.columns) if column.kind == "share"]
    counts = [i for i, column in enumerate(table.columns) if column.kind == "count"]
    return shares or counts[-1:]


def distribution(table: Table) -> list[int]:
    """The count columns of a distribution (students per level, then their row total, then shares), without the
    total: drawn stacked. Empty for any other table."""
    counts = [i for i, column in enumerate(table.columns) if column.kind == "count"]
    has_shares = any(column.kind == "share" for column in table.columns)
    return counts[:-1] if has_shares and len(counts) >= 3 else []


def _colour(value: str) -> str:
    return value if HEX_COLOUR.match(value or "") else DEFAULT_COLOUR


def _amount(value: float | None, column: Column) -> float:
    """A cell's length on the axis: a count as is, a share (0..1) in percent."""
    return (value or 0.0) * (100.0 if column.kind == "share" else 1.0)


def layout(table: Table, colours: dict[str, str] | None = None) -> Chart | None:
    """The chart of ``table``, or None when it has no rows or nothing to draw; ``colours`` maps a column key (a
    skill id) to its colour."""
    indexes = series(table)
    if not table.rows or not indexes:
        return None
    if distribution(table):
        return _stacked(table, distribution(table))
    columns = [table.columns[i] for i in indexes]
    share = columns[0].kind == "share"
    values = [_amount(r.cells[i].value, table.columns[i]) for r in table.rows for i in indexes]
    top = 100.0 if share else float(count_scale_top(int(max(values + [0.0]))))
    chart = Chart(axis_label="Share" if share else columns[0].label)
    chart.ticks = [Tick(round(LABEL_W + PLOT_W * i / 4, 1), f"{top * i / 4:g}{'%' if share else ''}")
                   for i in range(5)]
    grouped = len(indexes) > 1
    palette = [_colour((colours or {}).get(c.key) or SERIES[k % len(SERIES)]) for k, c in enumerate(columns)]
    if grouped:
        chart.legend = [(palette[k], c.label) for k, c in enumerate(columns)]
    bar_h = GROUP_BAR_H if grouped else BAR_H
    row_h = len(indexes) * bar_h + ROW_GAP
    for n, row in enumerate(table.rows):
        y0, bars = TOP + n * row_h, []
        for k, (i, column) in enumerate(zip(indexes, columns, strict=True)):
            cell = row.cells[i]
            shown = cell.value is not None and not cell.suppressed
            width = round(PLOT_W * _amount(cell.value, column) / top, 1) if shown else 0.0
            what = f"{row.label}, {column.label}" if grouped else row.label
            bars.append(Bar(LABEL_W, y0 + ROW_GAP / 2 + k * bar_h, max(width, 1.0) if shown else 0.0, bar_h - 2,
                            palette[k] if grouped else _colour(row.colour), f"{what}: {cell.display}",
                            cell.display + ("" if shown else " (withheld)"), round(LABEL_W + width + 6, 1)))
        chart.rows.append(BarRow(row.label, y0, round(y0 + row_h / 2 + 4, 1), tuple(bars)))
    chart.height = TOP + len(table.rows) * row_h + AXIS_H
    return chart


def _stacked(table: Table, indexes: list[int]) -> Chart:
    """One bar per row made of its counts side by side (students per level), a legend, the row total as its note;
    a withheld count leaves no segment, and the note says some were withheld."""
    total = [i for i, column in enumerate(table.columns) if column.kind == "count"][len(indexes)]
    sums = [sum(r.cells[i].value or 0 for i in indexes if not r.cells[i].suppressed) for r in table.rows]
    totals = [r.cells[total].value or 0 for r in table.rows if not r.cells[total].suppressed]
    top = float(count_scale_top(int(max(sums + totals + [0.0]))))
    chart = Chart(axis_label=table.columns[total].label,
                  legend=[(SERIES[k % len(SERIES)], table.columns[i].label) for k, i in enumerate(indexes)])
    chart.ticks = [Tick(round(LABEL_W + PLOT_W * i / 4, 1), f"{top * i / 4:g}") for i in range(5)]
    row_h = BAR_H + ROW_GAP
    for n, row in enumerate(table.rows):
        y, x, bars = TOP + n * row_h + ROW_GAP / 2, float(LABEL_W), []
        withheld = any(row.cells[i].suppressed or row.cells[i].value is None for i in indexes)
        for k, i in enumerate(indexes):
            cell = row.cells[i]
            if cell.suppressed or not cell.value:
                continue
            width = round(PLOT_W * cell.value / top, 1)
            bars.append(Bar(round(x, 1), y, width, BAR_H - 2, SERIES[k % len(SERIES)],
                            f"{row.label}, {table.columns[i].label}: {cell.display}", "", 0.0))
            x += width
        note = f"{row.cells[total].display}{' (some withheld)' if withheld else ''}"
        bars.append(Bar(round(x, 1), y, 0.0, BAR_H - 2, "", "", note, round(x + 6, 1)))
        chart.rows.append(BarRow(row.label, TOP + n * row_h, round(TOP + n * row_h + row_h / 2 + 4, 1), tuple(bars)))
    chart.height = TOP + len(table.rows) * row_h + AXIS_H
    return chart
