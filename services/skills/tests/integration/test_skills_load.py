"""Loading a district's skills file on PostgreSQL: all or nothing, every problem by path, idempotent by code."""
from __future__ import annotations

import pathlib

import pytest
import yaml
from skills_fixtures import TEACHER
from typer.testing import CliRunner

from chassis.errors import InvalidArgument
from skillfolio_cli.main import app as cli
from skills.demo import DEMO_FILE
from skills.entrypoints.cli import OPERATOR
from skills.service_layer.loader import load_document, load_file

pytestmark = pytest.mark.integration
DEMO = yaml.safe_load(DEMO_FILE.read_text())


def test_demo_file_loads_and_reloads_without_changes(app, tables):
    report = load_file(app.unit_of_work, OPERATOR, DEMO_FILE)
    assert (report.skills, report.scales, report.rubrics, report.events) == (5, 1, 1, 8)
    assert tables.event_types() == ["framework_defined", "scale_defined", *["skill_added"] * 5, "rubric_defined"]
    skills = app.queries.effective_skills(TEACHER, "demo", "any-school")
    assert sorted(s.fields.name for s in skills) == ["Collaborative Team Member", "Critical Thinker",
                                                      "Effective Communicator", "Emerging Innovator",
                                                      "Self-Aware Learner"]
    assert len({s.fields.colour for s in skills}) == 5
    assert all(set(s.fields.descriptors) == {"K-2", "3-5", "6-8", "9-12"} for s in skills)
    scale = app.queries.list_scales(TEACHER, "demo").items[0]
    assert [l.name for l in scale.levels] == ["Beginning", "Developing", "Ready", "Excelling"]
    rows = len(tables.audit())
    again = load_file(app.unit_of_work, OPERATOR, DEMO_FILE)
    assert again.events == 0 and len(tables.envelopes()) == 8 and len(tables.audit()) == rows
    changed = {**DEMO, "skills": [{**DEMO["skills"][0], "name": "Communicator"}, *DEMO["skills"][1:]]}
    assert load_document(app.unit_of_work, OPERATOR, changed, "skills.yaml").events == 1
    assert tables.event_types()[-1] == "skill_updated"


def test_a_bad_file_reports_every_problem_and_writes_nothing(app, tables):
    bad = {**DEMO}
    bad["framework"] = {**DEMO["framework"], "grade_bands": [*DEMO["framework"]["grade_bands"],
                                                             {"code": "8-9", "low_grade": "08", "high_grade": "13"}]}
    bad["skills"] = [dict(s) for s in DEMO["skills"]]
    bad["skills"][2]["colour"] = "#FFF"
    bad["skills"][3]["code"] = bad["skills"][0]["code"]
    bad["skills"][4]["descriptors"] = {**DEMO["skills"][4]["descriptors"], "13-14": "x"}
    bad["schools"] = [{"school_id": "s1", "name": "S1", "skills": [{**DEMO["skills"][1], "name": "Mine"}]}]
    bad["rubrics"] = [{**DEMO["rubrics"][0], "criteria": [{"code": "c", "name": "C", "cells": {"Ready": "r"}}]}]
    with pytest.raises(InvalidArgument) as caught:
        load_document(app.unit_of_work, OPERATOR, bad, "skills.yaml")
    lines = [f"{p.field}: {p.reason}" for p in caught.value.problems]
    assert "skills.yaml: skills[2].colour: '#FFF' is not #RRGGBB" in lines
    assert "skills.yaml: framework.grade_bands[4].high_grade: '13' is not a OneRoster grade code (KG, 01 .. 12)" \
        in lines
    assert "skills.yaml: skills[3].code: 'communicator' is already used by skills[0]" in lines
    assert any(line.startswith("skills.yaml: skills[4].descriptors.13-14: '13-14' is not one of") for line in lines)
    assert any(line.startswith("skills.yaml: schools[0].skills[0].code: 'innovator' is a district skill")
               for line in lines)
    assert tables.envelopes() == [] and tables.audit() == []


def test_problems_found_only_while_applying_still_roll_everything_back(app, tables):
    bad = {**DEMO, "rubrics": [{**DEMO["rubrics"][0],
                                "criteria": [{"code": "c", "name": "C", "cells": {"Ready": "r", "Great": "g"}}]}]}
    with pytest.raises(InvalidArgument) as caught:
        load_document(app.unit_of_work, OPERATOR, bad, "skills.yaml")
    fields = [p.field for p in caught.value.problems]
    assert "skills.yaml: rubrics[0].criteria[0].cells.Great" in fields
    assert "skills.yaml: rubrics[0].criteria[0].cells.Beginning" in fields
    assert tables.envelopes() == [] and app.queries.list_skills(TEACHER, "demo").items == []


@pytest.mark.own_database    # the CLI opens its own engine from SKILLS_DATABASE_URL and commits
def test_cli_load_and_seed_demo(skills_db, tables, tmp_path: pathlib.Path, monkeypatch):
    monkeypatch.setenv("SKILLS_DATABASE_URL", skills_db)
    runner = CliRunner()
    broken = tmp_path / "skills.yaml"
    broken.write_text("district: d\nframework:\n  name: [unclosed\n")
    result = runner.invoke(cli, ["skills", "load", str(broken)])
    assert result.exit_code == 1 and "skills.yaml:4:1: expected ',' or ']'" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text('{"district": "d", "framework": {"name": "F", "grade_bands": []}}')
    result = runner.invoke(cli, ["skills", "load", str(bad)])
    assert result.exit_code == 1
    assert "bad.json: framework.grade_bands: the district framework needs at least one grade band" in result.output
    result = runner.invoke(cli, ["skills", "seed-demo"])
    assert result.exit_code == 0, result.output
    assert "5 skills, 1 scales, 1 rubrics; 8 change(s)" in result.output
    assert runner.invoke(cli, ["skills", "seed-demo"]).output.strip().endswith("0 change(s)")
    assert len(tables.envelopes()) == 8
