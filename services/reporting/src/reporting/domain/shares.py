"""How a share (numerator of denominator) is shown under small-cell rules: hidden when the group is small, a bound
("<5%", ">95%") when the exact figure would reveal a small group inside a large one."""
from __future__ import annotations

from dataclasses import dataclass

LOW, HIGH = 0.05, 0.95


@dataclass(frozen=True)
class ShareFigure:
    share: float | None          # the exact share, or None when withheld
    display: str
    reason: str = ""             # "" shown exactly, "small_cell" (denominator < N), "share_bound"


def share_figure(numerator: int, denominator: int, minimum: int) -> ShareFigure:
    """The figure for ``numerator / denominator`` given the minimum group size."""
    if denominator <= 0:
        return ShareFigure(None, "–", "")
    if denominator < minimum:
        return ShareFigure(None, "*", "small_cell")
    share = numerator / denominator
    small_part = 0 < numerator < minimum or 0 < denominator - numerator < minimum
    if not small_part:
        return ShareFigure(share, f"{round(share * 100)}%")
    if share < LOW:
        return ShareFigure(None, "<5%", "share_bound")
    if share > HIGH:
        return ShareFigure(None, ">95%", "share_bound")
    return ShareFigure(None, "*", "share_bound")
