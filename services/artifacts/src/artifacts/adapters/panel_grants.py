"""Replica of milestone panels (fed by the reflections service's panellist_invited, milestone_evidence_selected and
milestone_completed, protos/skillfolio/events/v1/milestones.proto): which artifacts a milestone's panellists may
read, and until when (their link expires, or the milestone completes).
Its tables are in orm.py; ``PanelGrants`` reads and writes them."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from artifacts.adapters.orm import milestone_panellists, milestone_selections
from chassis.messaging.replica import upsert_statement


class PanelGrants:
    def __init__(self, session: Session) -> None:
        self.session = session

    def put_panellist(self, invitation_id: str, milestone_id: str, student_id: str, person_id: str,
                      expires_at: dt.datetime) -> None:
        values = {"milestone_id": milestone_id, "student_id": student_id, "person_id": person_id,
                  "expires_at": expires_at}
        self.session.execute(upsert_statement(self.session, milestone_panellists)
                             .values(invitation_id=invitation_id, **values)
                             .on_conflict_do_update(index_elements=["invitation_id"], set_=values))

    def end(self, milestone_id: str, at: dt.datetime) -> None:
        """The milestone completed at ``at``: its panellists' links end then (an earlier expiry stays)."""
        self.session.execute(update(milestone_panellists).where(
            milestone_panellists.c.milestone_id == milestone_id, milestone_panellists.c.expires_at > at)
            .values(expires_at=at))

    def select(self, milestone_id: str, student_id: str, artifact_ids: list[str]) -> None:
        """Replace the milestone's selected evidence."""
        self.session.execute(delete(milestone_selections).where(milestone_selections.c.milestone_id == milestone_id))
        if artifact_ids:
            self.session.execute(insert(milestone_selections), [
                {"milestone_id": milestone_id, "artifact_id": a, "student_id": student_id} for a in artifact_ids])

    def grant(self, artifact_id: str, student_id: str, invitation_id: str = "", person_id: str = "",
              now: dt.datetime | None = None) -> str | None:
        """The invitation through which a panellist (a guest's invitation, or an educator account) may read this
        artifact of this student now: selected for their milestone and not expired. None when there is none."""
        seat = milestone_panellists.c.invitation_id == invitation_id if invitation_id else \
            milestone_panellists.c.person_id == person_id
        if not (invitation_id or person_id):
            return None
        return self.session.execute(
            select(milestone_panellists.c.invitation_id)
            .join(milestone_selections, milestone_selections.c.milestone_id == milestone_panellists.c.milestone_id)
            .where(seat, milestone_selections.c.artifact_id == artifact_id,
                   milestone_selections.c.student_id == student_id, milestone_panellists.c.student_id == student_id,
                   milestone_panellists.c.expires_at > now).limit(1)).scalar()
