"""The panellist rule of artifacts access as a table: a live panel seat for this artifact lets a panel guest or an
invited educator VIEW it, and nothing more; admins stay refused; without the seat a guest has no standing."""
from __future__ import annotations

import pytest

from artifacts.domain.access import Action, Relation, Viewer, guest_invitation_id, is_allowed, role_of

SEAT, NONE = Relation(panel_reader=True), Relation()
GUEST = Viewer.of("guest:inv-1", ["panel_guest"])
EDUCATOR = Viewer.of("tch-ives", ["teacher"])
ADMIN_EDUCATOR = Viewer.of("tch-kit", ["teacher", "school_admin"])
GUARDIAN = Viewer.of("grd-gus", ["guardian"])

CASES = [
    # viewer, relation, view, add, change
    (GUEST, SEAT, True, False, False),
    (GUEST, NONE, False, False, False),
    (EDUCATOR, SEAT, True, False, False),
    (EDUCATOR, NONE, False, False, False),
    (ADMIN_EDUCATOR, SEAT, False, False, False),
    (GUARDIAN, SEAT, False, False, False),         # the seat is for panel principals only
]


@pytest.mark.parametrize("viewer, relation, view, add, change", CASES)
def test_panel_rule(viewer, relation, view, add, change):
    assert [is_allowed(viewer, a, "stu-ana", relation, added_by=viewer.subject)
            for a in (Action.VIEW, Action.ADD, Action.CHANGE)] == [view, add, change]


def test_guest_principals():
    assert guest_invitation_id(GUEST) == "inv-1"
    assert guest_invitation_id(Viewer.of("guest:inv-1", ["teacher"])) is None
    assert role_of(GUEST, "stu-ana", SEAT) == "panellist"
