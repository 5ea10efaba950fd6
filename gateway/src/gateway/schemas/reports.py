"""The REST API's report shapes (they document /docs), which the dashboard page and the CSV download render too:
a report is one generic Table of cells the reporting service has already suppressed (the gateway shows each cell's
``display`` string and never a suppressed cell's value)."""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

ReportName = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_]*$")]


class ReportFilter(BaseModel):
    """What a report covers; an empty field means "all" (the service narrows a school admin to their school)."""

    school_year_id: str = Field("", description="School year id (roster); empty: the district's current year.")
    school_id: str = Field("", description="School id (roster); empty: every school the caller may see.")
    grade: str = Field("", description="Grade level as the roster names it (e.g. KG, 05); empty: every grade.")
    skill_id: str = Field("", description="Skill id (skills service); empty: every skill.")

    def query(self, **changes: str) -> dict[str, str]:
        """The non-empty fields (with ``changes``) as URL query parameters."""
        values = {**self.model_dump(), **changes}
        return {key: value for key, value in values.items() if value}


class Cell(BaseModel):
    """One figure. A suppressed cell has no value: only its display string (e.g. "*" or "<5%") and the reason."""

    value: float | None = Field(description="The exact figure (a count, or a share from 0 to 1); null when "
                                            "suppressed or shown only as a bound.")
    display: str = Field(description='What to show, as the service formatted it: "12", "40%", "*", "<5%", ">95%".')
    suppressed: bool = Field(description="True when the exact figure is withheld to protect a small group.")
    reason: str = Field("", description='Why it is withheld: "small_cell" (under the minimum group size), '
                                        '"complementary" (would reveal a small cell by subtraction), "share_bound" '
                                        '(a share of a small group); empty when shown.')


class Column(BaseModel):
    key: str
    label: str
    kind: Literal["count", "share"] = Field(description="count: students or artifacts; share: a fraction 0..1.")


class Row(BaseModel):
    key: str
    label: str
    colour: str = Field("", description="#RRGGBB of the skill when the row is a skill, else empty.")
    drill: ReportFilter | None = Field(None, description="The filter that opens this row's own report (district "
                                                         "-> school -> grade), or null.")
    cells: list[Cell] = Field(description="One per column, in the columns' order.")


class Rule(BaseModel):
    """The small-cell suppression the service applied."""

    minimum_group_size: int = Field(ge=0, le=1000, description="Groups smaller than this are never shown.")
    complementary: bool = Field(description="Further cells were withheld so no hidden one can be derived.")
    share_bounds: bool = Field(description='Shares of small groups are shown as "<5%" or ">95%".')
    description: str = Field(description="The rule as a sentence for people.")


class Table(BaseModel):
    name: str = Field(description="The report's name in /api/v1/reports/{name}.")
    title: str
    row_header: str = Field("", description="What the rows are (e.g. School, Grade, Skill).")
    columns: list[Column]
    rows: list[Row]
    totals: Row | None = Field(None, description="The totals row, suppressed as the other rows are.")
    rule: Rule
    as_of: str = Field(description="RFC 3339 time of the newest event the figures include (empty: none yet).")
    text_alternative: str = Field("", description="A sentence summing the table up, for people who cannot see "
                                                  "the chart.")


class Headline(BaseModel):
    key: str
    label: str
    cell: Cell


class Dashboard(BaseModel):
    filter: ReportFilter = Field(description="The filter applied (the current school year filled in).")
    headlines: list[Headline] = Field(description="Totals for the filter: artifacts, students, ...")
    tables: list[Table]
    rule: Rule
    as_of: str


class Option(BaseModel):
    id: str
    label: str
    colour: str = Field("", description="#RRGGBB for a skill, else empty.")


class FilterOptions(BaseModel):
    """What the caller may filter by: the district's school years, the schools they may see, grades, skills."""

    school_years: list[Option]
    current_school_year_id: str = Field("", description="Id of the current school year (the default).")
    schools: list[Option]
    grades: list[Option]
    skills: list[Option]
    fixed_school_id: str = Field("", description="A school admin's school (the only one they may see); empty for "
                                                 "a district admin.")
