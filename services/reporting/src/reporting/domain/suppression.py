"""Small-cell suppression of a table of counts and its totals (issue 12), applied by the service, never the page.

Primary: a count of 1..N-1 (N = the minimum group size) is hidden, totals included. Complementary: the cells and
totals of a table form lines (each row's cells sum to the row total, each column's to the column total); a hidden
cell can be derived from the shown figures exactly when it is a *bridge* of the graph whose vertices are those
lines and whose edges are the hidden cells (a line with no shown total constrains nothing and joins one free
vertex). Every hidden value is positive, so a hidden cell on a cycle can move by +-1 around it without changing a
shown figure. So for each bridge the cheapest path of shown positive cells that closes a cycle through it is hidden too,
until no bridge is left.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass

PRIMARY, COMPLEMENTARY = "small_cell", "complementary"
FREE = ("free", -1)


@dataclass(frozen=True)
class Grid:
    """``values[i][j]`` counts with ``row_totals`` (a last column) and ``col_totals`` (a last row) appended, the
    grand total where both are shown. ``augmented[i][j]`` is the whole grid including the totals."""

    augmented: tuple[tuple[int, ...], ...]
    row_totals: bool
    col_totals: bool

    @classmethod
    def of(cls, values: list[list[int]], row_totals: bool, col_totals: bool = True) -> Grid:
        rows = [list(r) + ([sum(r)] if row_totals else []) for r in values]
        width = len(rows[0]) if rows else (1 if row_totals else 0)
        if col_totals:
            rows.append([sum(r[j] for r in rows) for j in range(width)])
        return cls(tuple(tuple(r) for r in rows), row_totals, col_totals)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.augmented), (len(self.augmented[0]) if self.augmented else 0)

    def vertices(self, i: int, j: int) -> tuple[tuple, tuple]:
        """The two lines (constraints) cell (i, j) belongs to, FREE where that line has no shown total."""
        n_rows, n_cols = self.shape
        total_row = self.col_totals and i == n_rows - 1
        total_col = self.row_totals and j == n_cols - 1
        grand = self.row_totals and self.col_totals
        row_constrained = grand if total_row else self.row_totals
        col_constrained = grand if total_col else self.col_totals
        return (("row", i) if row_constrained else FREE), (("col", j) if col_constrained else FREE)

    def line(self, vertex: tuple) -> list[tuple[int, int]]:
        n_rows, n_cols = self.shape
        kind, index = vertex
        if kind == "row":
            return [(index, j) for j in range(n_cols)]
        if kind == "col":
            return [(i, index) for i in range(n_rows)]
        return []


def bridges(grid: Grid, hidden: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Hidden cells that the shown figures determine exactly (bridges of the line graph, Tarjan's low-link)."""
    adjacency: dict[tuple, list[tuple[tuple, tuple[int, int]]]] = defaultdict(list)
    for cell in sorted(hidden):
        a, b = grid.vertices(*cell)
        adjacency[a].append((b, cell))
        if a != b:
            adjacency[b].append((a, cell))
    order: dict[tuple, int] = {}
    low: dict[tuple, int] = {}
    found: list[tuple[int, int]] = []

    def visit(vertex: tuple, via: tuple[int, int] | None) -> None:
        order[vertex] = low[vertex] = len(order)
        for other, cell in adjacency[vertex]:
            if cell == via:
                continue
            if other not in order:
                visit(other, cell)
                low[vertex] = min(low[vertex], low[other])
                if low[other] > order[vertex]:
                    found.append(cell)
            else:
                low[vertex] = min(low[vertex], order[other])

    for vertex in list(adjacency):
        if vertex not in order:
            visit(vertex, None)
    return sorted(found)


def suppress(grid: Grid, minimum: int) -> dict[tuple[int, int], str]:
    """Which cells of the augmented grid to hide, each with its reason (PRIMARY or COMPLEMENTARY)."""
    n_rows, n_cols = grid.shape
    reasons = {(i, j): PRIMARY for i in range(n_rows) for j in range(n_cols) if 0 < grid.augmented[i][j] < minimum}
    while (exposed := bridges(grid, set(reasons))):
        path = _cheapest_cycle(grid, reasons, exposed[0])
        if not path:                       # no positive figure left to close a cycle with: hide the rest
            path = [(i, j) for i in range(n_rows) for j in range(n_cols)
                    if (i, j) not in reasons and grid.augmented[i][j] > 0]
            if not path:
                break
        for cell in path:
            reasons.setdefault(cell, COMPLEMENTARY)
    return reasons


def _cheapest_cycle(grid: Grid, hidden: dict, bridge: tuple[int, int]) -> list[tuple[int, int]]:
    """The shown positive cells to hide so that ``bridge`` lies on a cycle: the cheapest path (by value; hidden cells
    cost nothing) between its two lines that avoids the bridge itself (Dijkstra)."""
    n_rows, n_cols = grid.shape
    adjacency: dict[tuple, list[tuple[tuple, tuple[int, int], int]]] = defaultdict(list)
    for i in range(n_rows):
        for j in range(n_cols):
            value = grid.augmented[i][j]
            if (i, j) == bridge or (value <= 0 and (i, j) not in hidden):
                continue
            cost = 0 if (i, j) in hidden else value
            a, b = grid.vertices(i, j)
            adjacency[a].append((b, (i, j), cost))
            adjacency[b].append((a, (i, j), cost))
    source, target = grid.vertices(*bridge)
    best: dict[tuple, int] = {source: 0}
    came: dict[tuple, tuple[tuple, tuple[int, int]]] = {}
    queue = [(0, source)]
    while queue:
        cost, vertex = heapq.heappop(queue)
        if vertex == target:
            break
        if cost > best.get(vertex, cost):
            continue
        for other, cell, step in adjacency[vertex]:
            if cost + step < best.get(other, cost + step + 1):
                best[other] = cost + step
                came[other] = (vertex, cell)
                heapq.heappush(queue, (cost + step, other))
    if target not in came:
        return []
    path, vertex = [], target
    while vertex != source:
        vertex, cell = came[vertex]
        path.append(cell)
    return [cell for cell in path if cell not in hidden]
