"""The record of disclosures (FERPA) one service serves from its own audit log: DisclosuresService over the
``audit_log`` rows about one student, newest first, by date range and keyset cursor. Who may read is the service's
table of roles (``READERS`` by default: the student, their guardian, a privacy officer); a read by anyone else than
the student is itself audited, in the reading transaction."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import grpc
from sqlalchemy import Table, and_, or_, select
from sqlalchemy.orm import Session, sessionmaker

from chassis.access import Role, Viewer, current_viewer, role_of
from chassis.audit import record_access
from chassis.errors import FieldProblem, InvalidArgument, PermissionDenied
from chassis.roster_replica.standing import Relation
from skillfolio.disclosures.v1 import disclosures_pb2 as pb
from skillfolio.disclosures.v1 import disclosures_pb2_grpc

SERVICE_FULL_NAME = pb.DESCRIPTOR.services_by_name["DisclosuresService"].full_name
READERS = frozenset({Role.STUDENT, Role.GUARDIAN, Role.PRIVACY_OFFICER})
DENIED = "not allowed to read this student's record of disclosures"
DEFAULT_LIMIT, MAX_LIMIT = 50, 200
RelationOf = Callable[[Session, Viewer, str], Relation]
NamesOf = Callable[[Session, list[str]], dict[str, str]]       # {person id: "Given Family"} this service knows


def names_from(table: Table, id_column: str = "person_id", given: str = "given_name",
               family: str = "family_name") -> NamesOf:
    """A NamesOf reading a people-like table of the service's own (its roster, or a replica of it)."""
    def names(session: Session, ids: list[str]) -> dict[str, str]:
        if not ids:
            return {}
        c = table.c
        rows = session.execute(select(c[id_column], c[given], c[family]).where(c[id_column].in_(ids)))
        return {r[0]: f"{r[1]} {r[2]}".strip() for r in rows if (r[1] or r[2])}
    return names


def _day(name: str, value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise InvalidArgument(f"{name}: {value!r} is not an ISO 8601 date",
                              [FieldProblem(name, "must be an ISO 8601 date (YYYY-MM-DD)")]) from None


def _cursor(value: str) -> tuple[dt.datetime, int] | None:
    if not value:
        return None
    try:
        at, row_id = value.rsplit("|", 1)
        return dt.datetime.fromisoformat(at), int(row_id)
    except ValueError:
        raise InvalidArgument("after: not a cursor this service gave", [FieldProblem("after", "is not a cursor")]) \
            from None


def read_rows(session: Session, audit: Table, student_id: str, from_date: str = "", to_date: str = "",
              after: str = "", limit: int = DEFAULT_LIMIT) -> tuple[list, bool]:
    """(rows about the student, newest first, at most ``limit``; whether older ones remain)."""
    start, end, cursor = _day("from_date", from_date), _day("to_date", to_date), _cursor(after)
    if not 0 <= limit <= MAX_LIMIT:
        raise InvalidArgument(f"limit: must be 0-{MAX_LIMIT}", [FieldProblem("limit", f"must be 0-{MAX_LIMIT}")])
    c = audit.c
    query = select(audit).where(or_(c.subject_id == student_id,
                                    and_(c.subject_id.is_(None), c.subject_ids.like(f'%"{student_id}"%'))))
    if start:
        query = query.where(c.occurred_at >= dt.datetime.combine(start, dt.time(), dt.UTC))
    if end:
        query = query.where(c.occurred_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), dt.UTC))
    if cursor:
        query = query.where(or_(c.occurred_at < cursor[0], and_(c.occurred_at == cursor[0], c.id < cursor[1])))
    rows = session.execute(query.order_by(c.occurred_at.desc(), c.id.desc()).limit((limit or DEFAULT_LIMIT) + 1)).all()
    return rows[:limit or DEFAULT_LIMIT], len(rows) > (limit or DEFAULT_LIMIT)


def message(service: str, row, names: dict[str, str] | None = None) -> pb.Disclosure:
    at = row.occurred_at if row.occurred_at.tzinfo else row.occurred_at.replace(tzinfo=dt.UTC)
    return pb.Disclosure(service=service, actor_name=(names or {}).get(row.actor, ""), occurred_at=at.astimezone(dt.UTC).isoformat(), actor_id=row.actor,
                         actor_roles=row.actor_roles, action=row.action, detail=row.detail,
                         cursor=f"{at.astimezone(dt.UTC).isoformat()}|{row.id}")


class DisclosuresServicer(disclosures_pb2_grpc.DisclosuresServiceServicer):
    """One service's rows; ``relation_of`` reads what its replica knows of the viewer and the student."""

    def __init__(self, service: str, session_factory: sessionmaker, audit: Table, relation_of: RelationOf,
                 readers: frozenset[Role] = READERS, names_of: NamesOf | None = None) -> None:
        self.service, self.session_factory, self.audit = service, session_factory, audit
        self.relation_of, self.readers, self.names_of = relation_of, readers, names_of

    def list(self, viewer: Viewer, request: pb.ListDisclosuresRequest) -> pb.ListDisclosuresResponse:
        with self.session_factory() as session, session.begin():
            student_id = request.student_id
            if not student_id or role_of(viewer, student_id, self.relation_of(session, viewer, student_id)) \
                    not in self.readers:
                raise PermissionDenied(DENIED)
            rows, more = read_rows(session, self.audit, student_id, request.from_date, request.to_date,
                                   request.after, request.limit)
            names = self.names_of(session, sorted({r.actor for r in rows})) if self.names_of else {}
            if viewer.subject != student_id:
                record_access(session, self.audit, actor=viewer.subject, actor_roles=viewer.roles,
                              action=f"{self.service}.ListDisclosures", subject_ids=[student_id],
                              detail={"from_date": request.from_date, "to_date": request.to_date,
                                      "after": request.after})
        return pb.ListDisclosuresResponse(disclosures=[message(self.service, r, names) for r in rows], more=more)

    def ListDisclosures(self, request, context):
        return self.list(current_viewer(Viewer), request)


def register(servicer: DisclosuresServicer) -> Callable[[grpc.Server], None]:
    return lambda server: disclosures_pb2_grpc.add_DisclosuresServiceServicer_to_server(servicer, server)
