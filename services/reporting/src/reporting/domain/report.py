"""The one table shape every report has (mirrors reporting.proto's Table) and the builder that applies the
suppression rules to it: count columns are suppressed together with their totals, share columns one by one."""
from __future__ import annotations

from dataclasses import dataclass, field

from reporting.domain.shares import share_figure
from reporting.domain.suppression import Grid, suppress


@dataclass(frozen=True)
class Rule:
    minimum: int
    complementary: bool = True
    share_bounds: bool = True

    @property
    def description(self) -> str:
        return (f"Groups smaller than {self.minimum} are shown as *; further cells are hidden (complementary "
                "suppression) so no hidden figure can be worked out from the totals; shares that would reveal a "
                "small group are shown as <5% or >95%.")


@dataclass(frozen=True)
class Cell:
    count: int | None = None
    share: float | None = None
    display: str = ""
    suppressed: bool = False
    reason: str = ""


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: str = "count"           # label | count | share


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cells: tuple[Cell, ...]
    colour: str = ""
    drill: dict | None = None


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    totals: Row | None
    rule: Rule
    as_of: str = ""
    text_alternative: str = ""


@dataclass
class RowSpec:
    """One row before suppression: its counts (one per count column) and shares ((numerator, denominator) each)."""

    key: str
    label: str
    counts: list[int] = field(default_factory=list)
    shares: list[tuple[int, int]] = field(default_factory=list)
    colour: str = ""
    drill: dict | None = None


def build_table(name: str, title: str, label: str, count_columns: list[Column], share_columns: list[Column],
                specs: list[RowSpec], rule: Rule, as_of: str = "", row_total: Column | None = None) -> Table:
    """Suppress and format ``specs`` into a Table; ``row_total`` adds a total column over the count columns."""
    with_totals = row_total is not None and len(count_columns) > 1
    grid = Grid.of([s.counts for s in specs], row_totals=with_totals) if count_columns else None
    hidden = suppress(grid, rule.minimum) if grid else {}
    total_shares = [(sum(s.shares[k][0] for s in specs), sum(s.shares[k][1] for s in specs))
                    for k in range(len(share_columns))]

    def row(i: int, spec: RowSpec, shares: list[tuple[int, int]]) -> tuple[Cell, ...]:
        counts = [_count_cell(grid.augmented[i][j], hidden.get((i, j))) for j in range(grid.shape[1])] if grid else []
        return tuple(counts + [_share_cell(n, d, rule.minimum) for n, d in shares])

    rows = tuple(Row(s.key, s.label, row(i, s, s.shares), s.colour, s.drill) for i, s in enumerate(specs))
    totals = Row("total", "Total", row(len(specs), RowSpec("total", "Total"), total_shares))
    columns = (Column("label", label, "label"), *count_columns, *((row_total,) if with_totals else ()),
               *share_columns)
    table = Table(name, title, columns, rows, totals, rule, as_of)
    return Table(name, title, columns, rows, totals, rule, as_of, text_alternative(table))


def _count_cell(value: int, reason: str | None) -> Cell:
    if reason:
        return Cell(display="*", suppressed=True, reason=reason)
    return Cell(count=value, display=str(value))


def _share_cell(numerator: int, denominator: int, minimum: int) -> Cell:
    figure = share_figure(numerator, denominator, minimum)
    return Cell(share=figure.share, display=figure.display, suppressed=bool(figure.reason), reason=figure.reason)


def text_alternative(table: Table) -> str:
    """A plain-language summary for screen readers: what is counted, the largest shown rows, what was hidden."""
    value_columns = table.columns[1:]
    if not table.rows:
        return f"{table.title}: no data for this selection."
    first = value_columns[0] if value_columns else None
    parts = [f"{table.title}: {len(table.rows)} rows."]
    if first is not None:
        shown = [(r.cells[0].count if r.cells[0].count is not None else r.cells[0].share, r.label)
                 for r in table.rows if not r.cells[0].suppressed and r.cells[0].display not in ("", "–")]
        shown.sort(key=lambda pair: -(pair[0] or 0))
        if shown:
            top = "; ".join(f"{label} {value if isinstance(value, int) else f'{round(value * 100)}%'}"
                            for value, label in shown[:3])
            parts.append(f"Highest {first.label.lower()}: {top}.")
    hidden = sum(c.suppressed for r in table.rows for c in r.cells)
    if hidden:
        parts.append(f"{hidden} figures are hidden to protect small groups.")
    return " ".join(parts)
