"""Grade bands: spans of OneRoster grade codes (KG, 01 .. 12) that a district configures, without overlaps."""
from __future__ import annotations

from dataclasses import dataclass

from chassis.errors import FieldProblem

GRADES = ("KG", *(f"{n:02d}" for n in range(1, 13)))
_ORDER = {grade: index for index, grade in enumerate(GRADES)}


@dataclass(frozen=True)
class GradeBand:
    code: str           # e.g. "K-2"
    low_grade: str      # e.g. "KG"
    high_grade: str     # e.g. "02"

    def grades(self) -> range:
        return range(_ORDER[self.low_grade], _ORDER[self.high_grade] + 1)


def band_problems(bands: list[GradeBand], where: str = "grade_bands") -> list[FieldProblem]:
    """Every reason ``bands`` is not a valid band set: unknown grades, low > high, duplicate codes, overlaps."""
    problems: list[FieldProblem] = []
    seen_codes: set[str] = set()
    owner: dict[int, str] = {}
    for i, band in enumerate(bands):
        at = f"{where}[{i}]"
        if not band.code.strip():
            problems.append(FieldProblem(f"{at}.code", "is required"))
        elif band.code in seen_codes:
            problems.append(FieldProblem(f"{at}.code", f"{band.code!r} is used by another band"))
        seen_codes.add(band.code)
        bad = False
        for name in ("low_grade", "high_grade"):
            if getattr(band, name) not in _ORDER:
                problems.append(FieldProblem(f"{at}.{name}", f"{getattr(band, name)!r} is not a OneRoster grade "
                                                             f"code (KG, 01 .. 12)"))
                bad = True
        if bad:
            continue
        if _ORDER[band.low_grade] > _ORDER[band.high_grade]:
            problems.append(FieldProblem(at, f"low_grade {band.low_grade} is above high_grade {band.high_grade}"))
            continue
        clashes = sorted({owner[g] for g in band.grades() if g in owner})
        if clashes:
            problems.append(FieldProblem(at, f"{band.code!r} overlaps {', '.join(map(repr, clashes))}"))
        for grade in band.grades():
            owner.setdefault(grade, band.code)
    return problems


def band_of(bands: list[GradeBand], grade: str) -> GradeBand | None:
    """The band holding ``grade`` (None if no band does)."""
    if grade not in _ORDER:
        return None
    return next((b for b in bands if _ORDER[grade] in b.grades()), None)
