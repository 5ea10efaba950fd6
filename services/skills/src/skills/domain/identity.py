"""Stable identities: ids derive from the natural keys (district, school, code), so reloading a file is idempotent."""
from __future__ import annotations

import uuid

SKILLS_NAMESPACE = uuid.UUID("0b8f6a52-7d0e-5a4c-9a55-3f8e2c1d6b70")


def framework_id(district_id: str, school_id: str = "") -> str:
    return str(uuid.uuid5(SKILLS_NAMESPACE, f"framework:{district_id}:{school_id}"))


def skill_id(framework: str, code: str) -> str:
    return str(uuid.uuid5(SKILLS_NAMESPACE, f"skill:{framework}:{code}"))


def scale_id(district_id: str, code: str) -> str:
    return str(uuid.uuid5(SKILLS_NAMESPACE, f"scale:{district_id}:{code}"))


def rubric_id(district_id: str, code: str) -> str:
    return str(uuid.uuid5(SKILLS_NAMESPACE, f"rubric:{district_id}:{code}"))
