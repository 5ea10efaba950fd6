"""Skills read use cases: any authenticated principal may read frameworks, skills, scales and rubrics."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from chassis.errors import FieldProblem, InvalidArgument, NotFound
from chassis.paging import PageRequest, encode_token, query_fingerprint
from skills.domain.access import Viewer
from skills.domain.model import Framework, Rubric, Scale, Skill
from skills.service_layer.authorization import authenticated
from skills.service_layer.unit_of_work import UowFactory

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_page_token: str = ""


def _found(value: T | None, what: str) -> T:
    if value is None:
        raise NotFound(f"no {what}")
    return value


def _district(district_id: str) -> None:
    if not district_id:
        raise InvalidArgument("district_id is required", [FieldProblem("district_id", "is required")])


class SkillQueries:
    def __init__(self, uow: UowFactory) -> None:
        self._uow = uow

    def framework(self, viewer: Viewer | None, district_id: str, school_id: str = "") -> Framework:
        authenticated(viewer)
        with self._uow() as uow:
            return _found(uow.skills.framework(district_id, school_id), "such framework")

    def skill(self, viewer: Viewer | None, skill_id: str) -> Skill:
        authenticated(viewer)
        with self._uow() as uow:
            return _found(uow.skills.skill(skill_id), f"skill {skill_id!r}")

    def list_skills(self, viewer: Viewer | None, district_id: str, framework_id: str = "", school_id: str = "",
                    include_retired: bool = False, page_size: int = 0, page_token: str = "") -> Page[Skill]:
        authenticated(viewer)
        _district(district_id)
        fingerprint = query_fingerprint("skills", district_id, framework_id, school_id, include_retired)
        page = PageRequest.parse(page_size, page_token, fingerprint)
        with self._uow() as uow:
            rows = uow.skills.list_skills(district_id, framework_id=framework_id, school_id=school_id or None,
                                          include_retired=include_retired, after=page.after, limit=page.size + 1)
        more = len(rows) > page.size
        items = rows[:page.size]
        token = encode_token((items[-1].school_id, items[-1].code), fingerprint) if more else ""
        return Page(items, token)

    def effective_skills(self, viewer: Viewer | None, district_id: str, school_id: str,
                         include_retired: bool = False) -> list[Skill]:
        """The district's skills plus this school's additions."""
        authenticated(viewer)
        _district(district_id)
        with self._uow() as uow:
            return uow.skills.effective_skills(district_id, school_id, include_retired)

    def scale(self, viewer: Viewer | None, scale_id: str) -> Scale:
        authenticated(viewer)
        with self._uow() as uow:
            return _found(uow.skills.scale(scale_id), f"scale {scale_id!r}")

    def list_scales(self, viewer: Viewer | None, district_id: str, page_size: int = 0,
                    page_token: str = "") -> Page[Scale]:
        authenticated(viewer)
        _district(district_id)
        fingerprint = query_fingerprint("scales", district_id)
        page = PageRequest.parse(page_size, page_token, fingerprint)
        with self._uow() as uow:
            rows = uow.skills.list_scales(district_id, after=page.after, limit=page.size + 1)
        more = len(rows) > page.size
        items = rows[:page.size]
        return Page(items, encode_token((items[-1].code,), fingerprint) if more else "")

    def rubric(self, viewer: Viewer | None, rubric_id: str) -> Rubric:
        authenticated(viewer)
        with self._uow() as uow:
            return _found(uow.skills.rubric(rubric_id), f"rubric {rubric_id!r}")
