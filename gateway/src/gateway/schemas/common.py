"""The REST API's response shapes (they document /docs) and their conversion from roster protobuf messages."""
from __future__ import annotations

from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, Field

from gateway.auth import role_names
from skillfolio.roster.v1 import roster_pb2

T = TypeVar("T")
MAX_INT = 2**53 - 1   # the largest integer every JSON client reads exactly (and it fits the services' int64)
Count = Annotated[int, Field(ge=0, le=MAX_INT)]   # every integer the API answers with: sizes, numbers, ranks
NOT_BLANK = r"[^\s\x1c-\x1f]"   # at least one character the services do not strip away as white space
Id = Annotated[str, Field(min_length=1, max_length=64, pattern=NOT_BLANK)]   # a record's id in a request body


def text(max_length: int, default: Any = ..., **kwargs: Any) -> Any:
    """A required text field of a request body: not empty, not only white space (the services refuse both)."""
    return Field(default, min_length=1, max_length=max_length, pattern=NOT_BLANK, **kwargs)


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_page_token: str = Field("", description="Pass as page_token for the next page; empty on the last page.")


class FromProto(BaseModel):
    """A response model whose fields carry the same names as the protobuf message it is built from."""

    @classmethod
    def of(cls, msg, **overrides):
        values = {}
        for name in cls.model_fields.keys() - overrides.keys():
            value = getattr(msg, name)
            values[name] = value if isinstance(value, (str, int, bool)) else list(value)   # repeated -> list
        return cls(**values, **overrides)


class School(FromProto):
    id: str
    sourced_id: str
    name: str
    identifier: str
    district_id: str
    active: bool = Field(True, description="False: deactivated by a roster import (kept for history).")


class SchoolYear(FromProto):
    id: str
    sourced_id: str
    title: str
    start_date: str
    end_date: str
    year: Count
    active: bool = Field(True, description="False: deactivated by a roster import (kept for history).")


class Person(FromProto):
    id: str
    sourced_id: str
    given_name: str
    family_name: str
    email: str
    username: str
    roles: list[str] = Field(description="student, teacher, guardian, school_admin, district_admin")
    grade_level: str = Field(description="Students only: OneRoster grade code (KG, 01 .. 12).")
    primary_school_id: str
    active: bool

    @classmethod
    def of(cls, msg: roster_pb2.Person) -> Person:
        return super().of(msg, roles=role_names(msg.roles))


class Section(FromProto):
    id: str
    sourced_id: str
    title: str
    class_code: str
    school_id: str
    course_title: str
    school_year_id: str
    term_ids: list[str]


class SectionStudents(BaseModel):
    section: Section
    students: list[Person]


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: Count = Field(description="Seconds until the token expires.")


class Problem(BaseModel):
    field: str = Field(description="The parameter or body field (dotted), or \"body\".")
    reason: str


class ErrorDetail(BaseModel):
    code: str = Field(description="INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED, ...")
    message: str
    problems: list[Problem]


class ErrorEnvelope(BaseModel):
    """Every error answer of /api (4xx and 5xx)."""

    error: ErrorDetail
    correlation_id: str = Field(description="Also in the X-Correlation-Id header: quote it when reporting.")
