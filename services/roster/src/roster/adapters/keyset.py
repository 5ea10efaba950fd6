"""Keyset pagination of a SQLAlchemy Core select: resume strictly after the last row's sort key, fetch one extra
row to learn whether another page follows. A hot list prepares its two statements once (``paged``: the first page
and the pages after a key, all values bound), so a request only binds values and SQLAlchemy's compiled cache finds
them without walking a fresh statement."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Integer, Select, bindparam, tuple_
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
    return _page_of(session.execute(stmt.order_by(*order_by).limit(page.size + 1)).all(), order_by, page,
                    fingerprint)


@dataclass(frozen=True)
class PagedQuery:
    """A select's first page and its pages after a key (bound as ``after_0`` ...), ordered by ``order_by`` and
    limited by the bound ``page_limit``: statements built once, reused by every request."""

    first: Select
    after: Select
    order_by: tuple


def paged(stmt: Select, order_by: Sequence[ColumnElement]) -> PagedQuery:
    keys = [bindparam(f"after_{i}", type_=column.type) for i, column in enumerate(order_by)]
    limit = bindparam("page_limit", type_=Integer)
    return PagedQuery(stmt.order_by(*order_by).limit(limit),
                      stmt.where(tuple_(*order_by) > tuple_(*keys)).order_by(*order_by).limit(limit),
                      tuple(order_by))


def fetch_prepared(session: Session, query: PagedQuery, params: dict, page: PageRequest,
                   fingerprint: str) -> tuple[list[Row], str]:
    """As :func:`fetch_page`, for a prepared query and the values of its own parameters."""
    stmt, params = query.first, {**params, "page_limit": page.size + 1}
    if page.after is not None:
        stmt = query.after
        params.update({f"after_{i}": v for i, v in enumerate(_checked_key(page.after, query.order_by))})
    return _page_of(session.execute(stmt, params).all(), query.order_by, page, fingerprint)


def _page_of(rows: list[Row], order_by: Sequence[ColumnElement], page: PageRequest,
             fingerprint: str) -> tuple[list[Row], str]:
    if len(rows) <= page.size:
        return rows, ""
    rows = rows[:page.size]
    last = rows[-1]._mapping
    return rows, encode_token(tuple(last[column.name] for column in order_by), fingerprint)
