"""The import's mass-change guard as a rule: which tables are over the configured share, the refusal's counts, and
the operator's confirmation."""
from __future__ import annotations

import pytest

from roster.config import RosterOptions
from roster.domain.mass_change import Deactivation, MassDeactivationRefused, check, over_limit

DISTRICT_WIPED = [Deactivation("people", 1606, 1606), Deactivation("sections", 198, 198),
                  Deactivation("enrollments", 3258, 3258)]


def test_an_import_deactivating_a_whole_district_is_refused_with_the_counts():
    with pytest.raises(MassDeactivationRefused) as refused:
        check(DISTRICT_WIPED, 0.10, confirmed=False)
    message = refused.value.message
    assert "people: 1,606 of 1,606 active (100%)" in message and "sections: 198 of 198" in message
    assert "enrollments: 3,258 of 3,258" in message and "--allow-mass-deactivation" in message
    assert [p.field for p in refused.value.problems] == ["people", "sections", "enrollments"]
    assert refused.value.code == "FAILED_PRECONDITION"


def test_the_operator_confirmation_lets_it_through():
    check(DISTRICT_WIPED, 0.10, confirmed=True)


def test_only_tables_beyond_the_share_count_and_the_share_is_strictly_more_than_the_limit():
    counted = [Deactivation("people", 100, 10), Deactivation("sections", 10, 2), Deactivation("enrollments", 0, 0)]
    assert over_limit(counted, 0.10) == [Deactivation("sections", 10, 2)]
    assert over_limit(counted, 0.20) == []
    check(counted, 0.20, confirmed=False)
    assert over_limit([Deactivation("guardianships", 5, 5)], 0.10) == []   # only people, sections, enrollments


def test_nothing_active_yet_means_nothing_to_guard():
    assert Deactivation("people", 0, 0).share == 0.0
    check([Deactivation("people", 0, 0)], 0.0, confirmed=False)


def test_the_share_is_a_setting_defaulting_to_ten_percent(monkeypatch):
    assert RosterOptions().import_max_deactivate_share == 0.10
    monkeypatch.setenv("ROSTER_IMPORT_MAX_DEACTIVATE_SHARE", "0.25")
    assert RosterOptions().import_max_deactivate_share == 0.25
    monkeypatch.setenv("ROSTER_IMPORT_MAX_DEACTIVATE_SHARE", "1.5")
    with pytest.raises(ValueError, match="import_max_deactivate_share"):
        RosterOptions()
