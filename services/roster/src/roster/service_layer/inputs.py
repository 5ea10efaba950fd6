"""Checks of request fields shared by the use cases; each failure names the field."""
from __future__ import annotations

import datetime as dt

from chassis.errors import FieldProblem, InvalidArgument


def required(value: str, field: str) -> str:
    """``value`` stripped, or InvalidArgument naming the empty field."""
    value = (value or "").strip()
    if not value:
        raise InvalidArgument(f"{field} is required", [FieldProblem(field, "must not be empty")])
    return value


def optional_date(value: str, field: str) -> dt.date | None:
    """An ISO 8601 date (YYYY-MM-DD), None when empty, or InvalidArgument naming the field."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidArgument(f"{field} is not a date",
                              [FieldProblem(field, f"use YYYY-MM-DD, got {value!r}")]) from None
