"""Small-cell suppression, property-based: for random tables no hidden count can be recovered from the figures
shown (checked exactly, by linear algebra over the rationals, independently of the service's bridge rule), every
count under the minimum is hidden, and shares of small groups are shown only as bounds."""
from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from reporting.domain.report import Column, RowSpec, Rule, build_table
from reporting.domain.shares import share_figure
from reporting.domain.suppression import Grid, suppress


def determined(grid: Grid, hidden: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Hidden cells whose value the shown figures fix: e_c lies in the row space of the constraints (each shown
    line total: its cells sum to it) restricted to the hidden cells."""
    n_rows, n_cols = grid.shape
    cells = sorted(hidden)
    index = {c: k for k, c in enumerate(cells)}
    lines = []
    last_row, last_col = n_rows - 1, n_cols - 1
    if grid.row_totals:             # each row (the totals row too): its cells sum to its last cell
        lines += [[(i, j, -1 if j == last_col else 1) for j in range(n_cols)] for i in range(n_rows)]
    if grid.col_totals:             # each column (the row-totals column too): its cells sum to its last cell
        lines += [[(i, j, -1 if i == last_row else 1) for i in range(n_rows)] for j in range(n_cols)]
    matrix = []
    for line in lines:
        vector = [Fraction(0)] * len(cells)
        for i, j, sign in line:
            if (i, j) in index:
                vector[index[(i, j)]] += sign
        if any(vector):
            matrix.append(vector)
    basis = _row_echelon(matrix)
    out = set()
    for cell in cells:
        unit = [Fraction(int(k == index[cell])) for k in range(len(cells))]
        if _rank(basis + [unit]) == len(basis):
            out.add(cell)
    return out


def _row_echelon(matrix: list[list[Fraction]]) -> list[list[Fraction]]:
    rows = [list(r) for r in matrix]
    basis, col = [], 0
    width = len(rows[0]) if rows else 0
    while rows and col < width:
        pivot = next((r for r in rows if r[col] != 0), None)
        if pivot is None:
            col += 1
            continue
        rows.remove(pivot)
        rows = [[a - pivot[k] * (r[col] / pivot[col]) for k, a in enumerate(r)] if r[col] != 0 else r for r in rows]
        basis.append(pivot)
        col += 1
    return basis


def _rank(matrix: list[list[Fraction]]) -> int:
    return len(_row_echelon(matrix))


tables = st.integers(1, 5).flatmap(lambda width: st.lists(
    st.lists(st.one_of(st.integers(0, 12), st.integers(0, 60)), min_size=width, max_size=width),
    min_size=1, max_size=6))


@settings(max_examples=300, deadline=None)
@given(values=tables, minimum=st.integers(5, 12), row_totals=st.booleans())
def test_no_hidden_count_can_be_derived_from_the_shown_totals(values, minimum, row_totals):
    grid = Grid.of(values, row_totals=row_totals and len(values[0]) > 1)
    hidden = suppress(grid, minimum)
    assert not determined(grid, set(hidden)), "a hidden cell is fixed by the shown totals"
    for (i, j), reason in hidden.items():
        assert grid.augmented[i][j] > 0                       # zeros are never hidden: +-1 along a cycle stays >= 0
        assert reason in ("small_cell", "complementary")
    n_rows, n_cols = grid.shape
    for i in range(n_rows):
        for j in range(n_cols):
            if 0 < grid.augmented[i][j] < minimum:
                assert (i, j) in hidden, "a small count is shown"


def test_a_lone_small_cell_in_a_row_hides_a_partner_and_keeps_the_rest():
    grid = Grid.of([[12, 3], [20, 30], [40, 50]], row_totals=True)
    hidden = suppress(grid, 10)
    assert hidden[(0, 1)] == "small_cell"
    assert {c for c, r in hidden.items() if r == "complementary"} == {(0, 0), (1, 0), (1, 1)}
    assert not determined(grid, set(hidden))


def test_the_derivation_check_catches_an_exposed_cell():
    grid = Grid.of([[12, 3], [20, 30]], row_totals=True)
    assert determined(grid, {(0, 1)}) == {(0, 1)}
    assert determined(grid, {(0, 1), (0, 0)}) == {(0, 1), (0, 0)}   # the column totals give both away


@given(numerator=st.integers(0, 200), extra=st.integers(0, 200), minimum=st.integers(5, 30))
def test_a_share_never_reveals_a_small_group(numerator, extra, minimum):
    denominator = numerator + extra
    figure = share_figure(numerator, denominator, minimum)
    small = 0 < numerator < minimum or 0 < extra < minimum or denominator < minimum
    if denominator and small:
        assert figure.share is None and figure.display in ("*", "<5%", ">95%")
    if figure.display == "<5%":
        assert numerator / denominator < 0.05
    if figure.display == ">95%":
        assert numerator / denominator > 0.95
    if figure.share is not None:
        assert figure.display == f"{round(figure.share * 100)}%"


def test_every_table_states_its_rule_and_a_text_alternative():
    table = build_table("artifacts_by_kind", "Artifacts by kind", "Kind", [Column("n", "Artifacts")], [],
                        [RowSpec("a", "Image", [12]), RowSpec("b", "Link", [3]), RowSpec("c", "Video", [40])],
                        Rule(10))
    assert table.rule.minimum == 10 and "10" in table.rule.description
    assert [c.display for r in table.rows for c in r.cells] == ["*", "*", "40"]
    assert table.totals.cells[0].display == "55"
    assert "Video 40" in table.text_alternative and "2 figures are hidden" in table.text_alternative
