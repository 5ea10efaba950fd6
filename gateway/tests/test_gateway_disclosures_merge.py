"""The record of disclosures' merge in the gateway (usecases.disclosures) over stand-in services: rows of several
services interleaved newest first, every row exactly once across pages of any size, a token bound to its filters, a
refusal by every service a refusal, by some only a retry (their replica is catching up)."""
from __future__ import annotations

import asyncio
import datetime as dt
from types import SimpleNamespace

import pytest

from chassis.errors import InvalidArgument, NotYetReplicated, PermissionDenied
from gateway.usecases import disclosures
from skillfolio.disclosures.v1 import disclosures_pb2 as dpb

START = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


class StandIn:
    """One service's DisclosuresService: its rows newest first, the cursor and limit honoured as the chassis does."""

    def __init__(self, name: str, minutes: list[int], refuse: bool = False) -> None:
        self.refuse, self.calls = refuse, 0
        self.rows = sorted((dpb.Disclosure(service=name, occurred_at=(START + dt.timedelta(minutes=m)).isoformat(),
                                           action=f"{name}.Read{m}", cursor=f"{name}:{m}") for m in minutes),
                           key=lambda d: d.occurred_at, reverse=True)

    async def list_disclosures(self, principal, request: dpb.ListDisclosuresRequest) -> dpb.ListDisclosuresResponse:
        self.calls += 1
        if self.refuse:
            raise PermissionDenied("no")
        rows = self.rows
        if request.after:
            rows = rows[[r.cursor for r in rows].index(request.after) + 1:]
        return dpb.ListDisclosuresResponse(disclosures=rows[:request.limit], more=len(rows) > request.limit)


def backends(**services: StandIn) -> SimpleNamespace:
    return SimpleNamespace(disclosures=services)


def read_all(found: SimpleNamespace, size: int, **filters) -> list[str]:
    actions, token = [], ""
    while True:
        page = asyncio.run(disclosures.student_disclosures(found, None, "stu-1", page_token=token, page_size=size,
                                                           **filters))
        assert len(page.items) <= size
        actions += [d.action for d in page.items]
        token = page.next_page_token
        if not token:
            return actions


@pytest.mark.parametrize("size", [1, 2, 3, 7, 50])
def test_pages_of_any_size_give_every_row_once_newest_first(size):
    found = backends(roster=StandIn("roster", [1, 5, 9]), artifacts=StandIn("artifacts", [2, 3, 10, 11]),
                     reflections=StandIn("reflections", [4, 6, 7, 8]), notifications=StandIn("notifications", []))
    expected = [f"{n}.Read{m}" for m, n in sorted(
        [(m, "roster") for m in (1, 5, 9)] + [(m, "artifacts") for m in (2, 3, 10, 11)]
        + [(m, "reflections") for m in (4, 6, 7, 8)], reverse=True)]
    assert read_all(found, size) == expected


def test_one_service_only_and_a_token_bound_to_its_filters():
    found = backends(roster=StandIn("roster", [1, 2]), artifacts=StandIn("artifacts", [3, 4, 5]))
    assert read_all(found, 2, services=["artifacts"]) == ["artifacts.Read5", "artifacts.Read4", "artifacts.Read3"]
    assert found.disclosures["roster"].calls == 0
    first = asyncio.run(disclosures.student_disclosures(found, None, "stu-1", services=["artifacts"], page_size=1))
    with pytest.raises(InvalidArgument, match="page_token"):
        asyncio.run(disclosures.student_disclosures(found, None, "stu-1", services=["roster"], page_size=1,
                                                    page_token=first.next_page_token))
    with pytest.raises(InvalidArgument, match="page_token"):
        asyncio.run(disclosures.student_disclosures(found, None, "stu-1", page_token="garbage!"))


def test_a_refusal_by_every_service_is_a_refusal_by_some_a_retry():
    refused = backends(**{name: StandIn(name, [1], refuse=True) for name in disclosures.SERVICES})
    with pytest.raises(PermissionDenied):
        asyncio.run(disclosures.student_disclosures(refused, None, "stu-1"))
    lagging = backends(**{name: StandIn(name, [1], refuse=name == "artifacts") for name in disclosures.SERVICES})
    with pytest.raises(NotYetReplicated):
        asyncio.run(disclosures.student_disclosures(lagging, None, "stu-1"))
