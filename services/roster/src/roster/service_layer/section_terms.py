"""A section's terms (the OneRoster academic sessions it is taught in), for whoever may read the section."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select

from roster.adapters.orm import academic_sessions, section_terms
from roster.domain.access import Action, Target, TargetKind, Viewer
from roster.service_layer.authorization import authorize
from roster.service_layer.inputs import required
from roster.service_layer.unit_of_work import RosterUnitOfWork, UowFactory


@dataclass(frozen=True)
class Term:
    id: str
    title: str
    type: str
    start_date: str
    end_date: str


class SectionTermQueries:
    def __init__(self, unit_of_work: UowFactory) -> None:
        self.unit_of_work = unit_of_work

    def list_section_terms(self, viewer: Viewer | None, section_id: str) -> list[Term]:
        """The section's active terms, oldest first (GetSection's access rule)."""
        section_id = required(section_id, "section_id")
        with self.unit_of_work() as uow:
            authorize(uow, viewer, Action.READ_SECTION, Target(TargetKind.SECTION, section_id))
            return terms_of(uow, section_id)


_TERMS_OF = (select(academic_sessions.c.id, academic_sessions.c.title, academic_sessions.c.type,
                    academic_sessions.c.start_date, academic_sessions.c.end_date)
             .join(section_terms, section_terms.c.session_id == academic_sessions.c.id)
             .where(section_terms.c.section_id == bindparam("section_id"), academic_sessions.c.active.is_(True))
             .order_by(academic_sessions.c.start_date, academic_sessions.c.id))     # built once


def terms_of(uow: RosterUnitOfWork, section_id: str) -> list[Term]:
    """The section's active terms, oldest first (no access check: the caller's)."""
    rows = uow.session.execute(_TERMS_OF, {"section_id": section_id}).all()
    return [Term(r.id, r.title, r.type, r.start_date.isoformat(), r.end_date.isoformat()) for r in rows]
