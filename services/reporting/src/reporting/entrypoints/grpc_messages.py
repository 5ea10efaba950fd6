"""Domain tables and dashboards <-> reporting.proto messages."""
from __future__ import annotations

from reporting.adapters.reads import Scope
from reporting.domain.report import Cell, Row, Rule, Table
from skillfolio.reporting.v1 import reporting_pb2 as pb


def scope(value: Scope) -> pb.Filter:
    return pb.Filter(school_year_id=value.school_year_id, school_id=value.school_id, grade=value.grade,
                     skill_id=value.skill_id)


def cell(value: Cell) -> pb.Cell:
    out = pb.Cell(display=value.display, suppressed=value.suppressed, reason=value.reason)
    if value.count is not None:
        out.count = value.count
    elif value.share is not None:
        out.share = value.share
    return out


def row(value: Row) -> pb.Row:
    out = pb.Row(key=value.key, label=value.label, colour=value.colour, cells=[cell(c) for c in value.cells])
    if value.drill:
        out.drill.CopyFrom(pb.Filter(**value.drill))
    return out


def rule(value: Rule) -> pb.SuppressionRule:
    return pb.SuppressionRule(minimum_group_size=value.minimum, complementary=value.complementary,
                              share_bounds=value.share_bounds, description=value.description)


def table(value: Table) -> pb.Table:
    out = pb.Table(name=value.name, title=value.title, rule=rule(value.rule), as_of=value.as_of,
                   text_alternative=value.text_alternative, rows=[row(r) for r in value.rows],
                   columns=[pb.Column(key=c.key, label=c.label, kind=c.kind) for c in value.columns])
    if value.totals is not None:
        out.totals.CopyFrom(row(value.totals))
    return out
