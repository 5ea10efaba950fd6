"""Every table that names a student is in its service's erasure plan, and every table that names an artifact is in
the plan of one artifact's erasure (issue 13 §5): a table added later without its erasure rows fails here, not in a
district's records request. The exceptions say why they hold nothing of the erased person."""
from __future__ import annotations

import importlib

import pytest

SERVICES = ("artifacts", "reflections", "notifications", "reporting", "skills")
NAMES_A_PERSON = ("student_id", "person_id", "recipient_id", "principal")
NOT_THE_STUDENTS = {
    ("skills", "school_admins"): "the replica of school admins' roles: never a student",
}


def _plan(service: str):
    return importlib.import_module(f"{service}.service_layer.erasure").PLAN


def _tables(plan) -> set[str]:
    return {step.table.name for step in plan.rows}


def _metadata(plan):
    return plan.rows[0].table.metadata


@pytest.mark.parametrize("service", SERVICES)
def test_every_table_naming_a_person_is_erased_with_the_student(service):
    plan = _plan(service)
    missing = {t.name for t in _metadata(plan).sorted_tables if any(c in t.c for c in NAMES_A_PERSON)} \
        - _tables(plan) - {table for (owner, table) in NOT_THE_STUDENTS if owner == service}
    assert missing == set(), f"{service}: add these tables to its erasure plan, or say why they stay"


@pytest.mark.parametrize("service", SERVICES)
def test_every_table_naming_an_artifact_is_erased_with_the_artifact(service):
    plan = _plan(service)
    assert plan.artifact is not None, f"{service} holds artifact rows but has no plan for one artifact"
    naming = {t.name for t in _metadata(plan).sorted_tables if "artifact_id" in t.c}
    if service == "artifacts":
        naming |= {"artifacts"}                          # keyed by its own id
    assert naming - _tables(plan.artifact) == set()
    assert plan.artifact.audit_table is plan.audit_table and plan.artifact.outbox is plan.outbox
