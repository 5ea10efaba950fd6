"""The district's privacy officers (table ``privacy_officers``): grant, revoke, and who holds the role."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from roster.adapters.orm import privacy_officers


class PrivacyOfficersRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def holds(self, person_id: str) -> bool:
        return self.session.execute(select(privacy_officers.c.person_id).where(
            privacy_officers.c.person_id == person_id)).first() is not None

    def grant(self, person_id: str, by: str, reason: str, at: dt.datetime) -> None:
        self.session.execute(insert(privacy_officers).values(person_id=person_id, granted_at=at, granted_by=by,
                                                             reason=reason))

    def revoke(self, person_id: str) -> None:
        self.session.execute(delete(privacy_officers).where(privacy_officers.c.person_id == person_id))
