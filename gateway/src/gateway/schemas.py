"""The REST API's response shapes (they document /docs) and their conversion from roster protobuf messages."""
from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from skillfolio.roster.v1 import roster_pb2

from gateway.auth import ROLE_NAMES

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_page_token: str = Field("", description="Pass as page_token for the next page; empty on the last page.")


class School(BaseModel):
    id: str
    sourced_id: str
    name: str
    identifier: str
    district_id: str

    @classmethod
    def of(cls, msg: roster_pb2.School) -> "School":
        return cls(id=msg.id, sourced_id=msg.sourced_id, name=msg.name, identifier=msg.identifier,
                   district_id=msg.district_id)


class SchoolYear(BaseModel):
    id: str
    sourced_id: str
    title: str
    start_date: str
    end_date: str
    year: int

    @classmethod
    def of(cls, msg: roster_pb2.SchoolYear) -> "SchoolYear":
        return cls(id=msg.id, sourced_id=msg.sourced_id, title=msg.title, start_date=msg.start_date,
                   end_date=msg.end_date, year=msg.year)


class Person(BaseModel):
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
    def of(cls, msg: roster_pb2.Person) -> "Person":
        return cls(id=msg.id, sourced_id=msg.sourced_id, given_name=msg.given_name, family_name=msg.family_name,
                   email=msg.email, username=msg.username, roles=[ROLE_NAMES[r] for r in msg.roles if r in ROLE_NAMES],
                   grade_level=msg.grade_level, primary_school_id=msg.primary_school_id, active=msg.active)

    @property
    def display_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class Section(BaseModel):
    id: str
    sourced_id: str
    title: str
    class_code: str
    school_id: str
    course_title: str
    school_year_id: str
    term_ids: list[str]

    @classmethod
    def of(cls, msg: roster_pb2.Section) -> "Section":
        return cls(id=msg.id, sourced_id=msg.sourced_id, title=msg.title, class_code=msg.class_code,
                   school_id=msg.school_id, course_title=msg.course_title, school_year_id=msg.school_year_id,
                   term_ids=list(msg.term_ids))


class SectionStudents(BaseModel):
    section: Section
    students: list[Person]


class SchoolCount(BaseModel):
    school: School
    students: int
    teachers: int


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="Seconds until the token expires.")
