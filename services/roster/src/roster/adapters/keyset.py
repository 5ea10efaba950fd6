"""Keyset pagination of a SQLAlchemy Core select: resume strictly after the last row's sort key, fetch one extra
row to learn whether another page follows."""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, tuple_
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from chassis.errors import FieldProblem, InvalidArgument
from chassis.paging import TOKEN_FIELD, PageRequest, encode_token


def _checked_key(key: tuple, columns: Sequence[ColumnElement]) -> tuple:
    expected = [column.type.python_type for column in columns]
    if len(key) != len(columns) or not all(isinstance(v, t) for v, t in zip(key, expected)):
        raise InvalidArgument("page_token does not fit this list", [FieldProblem(TOKEN_FIELD, "malformed")])
    return key


def fetch_page(session: Session, stmt: Select, order_by: Sequence[ColumnElement], page: PageRequest,
               fingerprint: str) -> tuple[list[Row], str]:
    """Rows of one page of ``stmt`` ordered by ``order_by`` (a unique key; the select must return those
    columns under the same names), and the token of the next page ("" on the last page)."""
    if page.after is not None:
        stmt = stmt.where(tuple_(*order_by) > tuple_(*_checked_key(page.after, order_by)))
    rows = session.execute(stmt.order_by(*order_by).limit(page.size + 1)).all()
    if len(rows) <= page.size:
        return rows, ""
    rows = rows[:page.size]
    last = rows[-1]._mapping
    return rows, encode_token(tuple(last[column.name] for column in order_by), fingerprint)
