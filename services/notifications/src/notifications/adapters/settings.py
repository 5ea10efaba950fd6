"""Preferences per person and the district's settings over one session (JSON where a shape is a small map)."""
from __future__ import annotations

import json
from dataclasses import asdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from chassis.db import among
from chassis.messaging.replica import upsert_statement
from notifications.adapters.orm import district_settings, preferences
from notifications.domain.preferences import DistrictSettings, Preferences

DISTRICT = "district"


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def preferences(self, person_id: str) -> Preferences:
        return self.preferences_of([person_id]).get(person_id, Preferences())

    def preferences_of(self, person_ids) -> dict[str, Preferences]:
        """The preferences of those of ``person_ids`` who chose any (one query)."""
        rows = self.session.execute(select(preferences).where(
            among(self.session, preferences.c.person_id, sorted(set(person_ids)))))
        return {row.person_id: Preferences(categories=json.loads(row.categories or "{}"), email=row.email,
                                           language=row.language, time_zone=row.time_zone,
                                           quiet_hours_start=row.quiet_hours_start,
                                           quiet_hours_end=row.quiet_hours_end) for row in rows}

    def save_preferences(self, person_id: str, p: Preferences) -> None:
        values = {**asdict(p), "categories": json.dumps(p.categories, sort_keys=True)}
        self.session.execute(upsert_statement(self.session, preferences).values(person_id=person_id, **values)
                             .on_conflict_do_update(index_elements=["person_id"], set_=values))

    def district(self) -> DistrictSettings:
        body = self.session.execute(select(district_settings.c.body).where(district_settings.c.key == DISTRICT)
                                    ).scalar()
        return DistrictSettings(**json.loads(body)) if body else DistrictSettings()

    def save_district(self, d: DistrictSettings) -> None:
        values = {"body": json.dumps(asdict(d), sort_keys=True)}
        self.session.execute(upsert_statement(self.session, district_settings).values(key=DISTRICT, **values)
                             .on_conflict_do_update(index_elements=["key"], set_=values))
