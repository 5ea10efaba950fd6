"""`skillfolio seed` (what `skillfolio up` runs) seeds a consented exemplar: the demo teacher's nomination of the
student's persuasive letter, the guardian's consent recorded, and any teacher sees it de-identified beside the
communicator rubric. Runs the CLI as a subprocess in a private var/ (SQLite files); starts no long-running process."""
from __future__ import annotations

import pytest
from test_up_seed import _seed

from chassis.access import Viewer
from chassis.config import service_settings
from reflections.adapters.calibration_repository import CalibrationRepository
from reflections.bootstrap import build as build_reflections
from reflections.demo.exemplar import CAPTION

pytestmark = pytest.mark.e2e


def test_the_seed_leaves_one_consented_exemplar(tmp_path):
    var = tmp_path / "var"
    out = _seed(var)
    assert "seeded a consented exemplar" in out
    app = build_reflections(service_settings("reflections", database_url=f"sqlite:///{var / 'reflections.db'}"))
    try:
        with app.unit_of_work() as uow:
            [exemplar] = CalibrationRepository(uow.session).active_exemplars()
        assert (exemplar.caption, exemplar.level_rank, exemplar.consent_role) == (CAPTION, 3, "guardian")
        shown = app.exemplars.for_skill(Viewer.of(exemplar.nominated_by, ["teacher"]), exemplar.skill_id)
        assert [e.id for e in shown] == [exemplar.id]
    finally:
        app.close()
    assert "seeded a consented exemplar" not in _seed(var)          # seeding again changes nothing
