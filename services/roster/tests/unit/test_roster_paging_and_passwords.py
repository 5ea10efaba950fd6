"""Page tokens, page sizes, the password policy and the section's reference date: pure domain rules."""
from __future__ import annotations

import datetime as dt

import pytest

from chassis.errors import InvalidArgument
from chassis.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageRequest, decode_token, encode_token, query_fingerprint
from roster.domain.model import Section
from roster.domain.password_policy import MIN_LENGTH, check_password, password_problems


def test_token_round_trip_and_opacity():
    fp = query_fingerprint("people", "school-1", "student", "")
    token = encode_token(("Zoë", "Ann", "id-9"), fp)
    assert decode_token(token, fp) == ("Zoë", "Ann", "id-9")
    assert "Zo" not in token and "=" not in token
    assert decode_token(encode_token((2027, "y"), fp), fp) == (2027, "y")


def test_fingerprint_depends_on_kind_and_filters():
    assert query_fingerprint("people", "a") != query_fingerprint("people", "b")
    assert query_fingerprint("people", "a") != query_fingerprint("sections", "a")
    assert query_fingerprint("people", "a", "") == query_fingerprint("people", "a", "")


@pytest.mark.parametrize("token", ["garbage!", "e30", encode_token(("x",), "other")[:-2], "eyJxIjoxfQ",
                                   "eyJxIjoiYSIsImsiOlt7fV19"])  # {} ; {"q":1} ; {"q":"a","k":[{}]}
def test_bad_tokens_are_invalid_argument(token):
    with pytest.raises(InvalidArgument) as caught:
        decode_token(token, "a")
    assert caught.value.problems[0].field == "page.page_token"


def test_token_of_another_query_is_refused():
    with pytest.raises(InvalidArgument, match="different query"):
        decode_token(encode_token(("x",), query_fingerprint("people")), query_fingerprint("sections"))


def test_page_sizes():
    assert PageRequest.parse(0, "", "fp").size == DEFAULT_PAGE_SIZE
    assert PageRequest.parse(5, "", "fp") == PageRequest(5, None)
    assert PageRequest.parse(MAX_PAGE_SIZE * 10, "", "fp").size == MAX_PAGE_SIZE
    with pytest.raises(InvalidArgument) as caught:
        PageRequest.parse(-3, "", "fp")
    assert caught.value.problems[0].field == "page.page_size"


@pytest.mark.parametrize("password,username,reasons", [
    ("correct horse battery", "alice", []),
    ("short", "", [f"at least {MIN_LENGTH}"]),
    ("a" * 20, "", ["one character repeated"]),
    (" padded password ", "", ["whitespace"]),
    ("alice-is-great-2026", "Alice", ["username"]),
    ("x" * 2000 + "y", "", ["at most"]),
])
def test_password_policy(password, username, reasons):
    problems = password_problems(password, username)
    assert len(problems) == len(reasons)
    for problem, reason in zip(problems, reasons):
        assert problem.field == "password" and reason in problem.reason


def test_check_password_names_every_problem():
    with pytest.raises(InvalidArgument) as caught:
        check_password("bob", "bob")
    assert len(caught.value.problems) == 2 and "too weak" in caught.value.message


def test_section_reference_date_is_today_clamped_into_its_span():
    section = Section("s", "s", "Math", "school", start_date=dt.date(2026, 8, 1), end_date=dt.date(2027, 6, 30))
    assert section.reference_date(dt.date(2026, 10, 15)) == dt.date(2026, 10, 15)
    assert section.reference_date(dt.date(2027, 9, 1)) == dt.date(2027, 6, 30)
    assert section.reference_date(dt.date(2026, 1, 1)) == dt.date(2026, 8, 1)
    assert Section("s", "s", "Open", "school").reference_date(dt.date(2030, 1, 1)) == dt.date(2030, 1, 1)
