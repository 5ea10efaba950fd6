"""The embedded default: the same import rules on a migrated SQLite file (new, unchanged and changed sets)."""
from __future__ import annotations

import pytest
from test_import_support import (
    CHANGED_EVENTS,
    CONFIRMED,
    DATA,
    VALID_COUNTS,
    VALID_EVENTS,
    counts,
    event_types,
    last_outbox_id,
)

from chassis.db import make_engine
from chassis.migrations import upgrade
from roster.importer import import_roster
from roster.migrations import MIGRATIONS_DIR

pytestmark = pytest.mark.integration


def test_sqlite_embedded_import_reimport_and_changes(tmp_path):
    url = f"sqlite:///{tmp_path / 'roster.db'}"
    upgrade(MIGRATIONS_DIR, url)
    engine = make_engine(url)
    assert import_roster(DATA / "valid", engine).status == "applied"
    assert counts(engine) == VALID_COUNTS and event_types(engine) == VALID_EVENTS
    last_event = last_outbox_id(engine)
    assert import_roster(DATA / "quirks", engine).status == "applied"     # only the multi-line class title differs
    assert event_types(engine, last_event) == {"section_updated": 1}
    assert import_roster(DATA / "valid", engine).status == "applied"
    last_event = last_outbox_id(engine)
    assert import_roster(DATA / "valid", engine).status == "unchanged"
    assert last_outbox_id(engine) == last_event
    report = import_roster(DATA / "changed", engine, guard=CONFIRMED)
    assert report.transfers == 1 and event_types(engine, last_event) == CHANGED_EVENTS
    engine.dispose()
