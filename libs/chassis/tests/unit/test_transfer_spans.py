"""In-district transfers bound a student's enrollments (chassis.roster_replica.standing): the sending school's
sections stop counting on the transfer date (though its records keep them open), until a later transfer brings
the student back; the receiving school's count as dated, and other schools' are untouched."""
from __future__ import annotations

import datetime as dt

import pytest

from chassis.roster_replica.standing import (
    Move,
    Span,
    attending_spans,
    away_from,
    in_span,
    left_periods,
    teaches_now,
)
from chassis.testing.fake_roster import FakeRosterReplica

MOVE = Move("2027-01-15", "north", "south")
YEAR = Span("s", "2026-08-01", "2027-06-01")


def test_the_sending_school_ends_the_day_before_and_the_receiving_school_is_as_dated():
    assert left_periods([MOVE]) == {"north": [("2027-01-15", "")]}
    spans = attending_spans([(YEAR, "north", "y1"), (YEAR, "south", "y1"), (YEAR, "magnet", "y1")], [MOVE])
    assert spans == [(Span("s", "2026-08-01", "2027-01-14"), "y1"), (YEAR, "y1"), (YEAR, "y1")]


def test_a_student_who_comes_back_attends_the_first_school_again_from_the_second_move():
    moves = [Move("2027-03-01", "south", "north"), MOVE]            # any order
    assert left_periods(moves) == {"north": [("2027-01-15", "2027-02-28")], "south": [("2027-03-01", "")]}
    spans = [s for s, _ in attending_spans([(YEAR, "north", "")], moves)]
    assert spans == [Span("s", "2026-08-01", "2027-01-14"), Span("s", "2027-03-01", "2027-06-01")]


def test_an_enrollment_wholly_after_the_student_left_counts_never_and_last_years_stay():
    assert attending_spans([(Span("s", "2027-02-01", "2027-06-01"), "north", "")], [MOVE]) == []
    last_year = Span("old", "2025-08-01", "2026-06-01")
    assert attending_spans([(last_year, "north", ""), (last_year, "south", "")], [MOVE]) == [(last_year, ""),
                                                                                             (last_year, "")]


@pytest.mark.parametrize("day", [dt.date(2026, 8, 1) + dt.timedelta(days=n) for n in range(0, 320, 7)]
                         + [dt.date(2027, 1, 14), dt.date(2027, 1, 15), dt.date(2027, 2, 28), dt.date(2027, 3, 1)])
def test_the_bounded_spans_agree_with_where_the_student_is_that_day(day):
    moves = [MOVE, Move("2027-03-01", "south", "north")]
    for school in ("north", "south", "magnet"):
        counted = any(in_span(s, day) for s, _ in attending_spans([(YEAR, school, "")], moves))
        assert counted == (in_span(YEAR, day) and not away_from(moves, school, day))


def test_the_fake_replica_moves_a_teachers_standing_with_the_transfer():
    replica = FakeRosterReplica()
    for section, school in (("sn", "north"), ("ss", "south")):
        replica.upsert("sections", {"section_id": section}, {"school_id": school, "school_year_id": "y",
                                                             "start_date": "2026-08-01", "end_date": "2027-06-01"})
    # the sending school never ended k's enrollment; the receiving school dates its own from the transfer
    for eid, section, person, role, begin in (("1", "sn", "tn", "teacher", ""), ("2", "ss", "ts", "teacher", ""),
                                              ("3", "sn", "k", "student", ""),
                                              ("4", "ss", "k", "student", MOVE.effective)):
        replica.upsert("enrollments", {"enrollment_id": eid}, {"section_id": section, "person_id": person,
                                                               "role": role, "begin_date": begin, "end_date": "",
                                                               "active": True})
    replica.upsert("transfers", {"student_id": "k", "effective_date": MOVE.effective},
                   {"from_school_id": "north", "to_school_id": "south"})
    before, after = dt.date(2027, 1, 14), dt.date(2027, 1, 15)
    assert replica.relation("tn", "k", before, ["teacher"]).teaches_now
    assert not replica.relation("ts", "k", before, ["teacher"]).teaches_now
    assert not replica.relation("tn", "k", after, ["teacher"]).teaches_now
    assert replica.relation("ts", "k", after, ["teacher"]).teaches_now
    assert teaches_now([Span("ss", "", "")], [s for s, _ in replica.spans("k", "student")], after)
