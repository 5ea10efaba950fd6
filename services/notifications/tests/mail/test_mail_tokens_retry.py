"""One-click unsubscribe tokens (round trip, tampering refused) and the retry schedule (backoff, jitter, parking)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from itsdangerous import URLSafeSerializer
from notifications.mail import MUTABLE_CATEGORIES, BadUnsubscribeToken, RetryPolicy, UnsubscribeTokens

SECRET = b"test-secret-for-unsubscribe-0123456789"
NOW = dt.datetime(2026, 12, 5, 18, 0, tzinfo=dt.UTC)


@given(person_id=st.text(min_size=1, max_size=80), category=st.sampled_from(MUTABLE_CATEGORIES))
def test_a_token_reads_back_as_the_person_and_category_it_was_made_for(person_id, category):
    tokens = UnsubscribeTokens(SECRET)
    token = tokens.make(person_id, category)
    assert tokens.read(token) == (person_id, category)
    assert token.isascii() and "/" not in token and " " not in token        # safe in a URL path


def test_a_tampered_token_is_refused():
    tokens = UnsubscribeTokens(SECRET)
    token = tokens.make("g-1", "comments")
    forged = URLSafeSerializer(b"someone-elses-secret-0123456789", salt=UnsubscribeTokens.SALT).dumps(
        ["g-2", "comments"])
    payload, signature = token.rsplit(".", 1)
    other_person = tokens.make("g-2", "comments").rsplit(".", 1)[0] + "." + signature
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (flipped, other_person, forged, "", "not-a-token", token + "x", "é" * 10):
        with pytest.raises(BadUnsubscribeToken, match="^token: "):
            tokens.read(bad)
    with pytest.raises(BadUnsubscribeToken):
        UnsubscribeTokens(b"another-secret-0123456789abcdef").read(token)


def test_a_signed_token_of_another_shape_is_refused():
    serializer = URLSafeSerializer(SECRET, salt=UnsubscribeTokens.SALT)
    for payload in ({"person": "g-1"}, ["g-1"], ["g-1", "gossip"], ["g-1", 3], "g-1"):
        with pytest.raises(BadUnsubscribeToken, match="does not name a person and a category"):
            UnsubscribeTokens(SECRET).read(serializer.dumps(payload))


def test_a_token_cannot_mute_critical_notices_or_an_unknown_category():
    tokens = UnsubscribeTokens(SECRET)
    with pytest.raises(ValueError, match="^category: .*critical notices cannot be muted"):
        tokens.make("g-1", "critical")
    with pytest.raises(ValueError, match="^category: "):
        tokens.make("g-1", "gossip")
    with pytest.raises(ValueError, match="^person_id: "):
        tokens.make("", "comments")
    with pytest.raises(ValueError, match="^secret: "):
        UnsubscribeTokens(b"short")


def test_the_default_schedule_backs_off_exponentially_with_jitter_then_parks():
    policy = RetryPolicy()
    for attempt in range(1, 8):
        floor = min(30 * 2 ** (attempt - 1), 3600)
        waits = [(policy.next_attempt_at(attempt, NOW) - NOW).total_seconds() for _ in range(40)]
        assert all(floor <= w <= min(floor + 30, 3600) for w in waits), (attempt, waits)
        if floor + 30 <= 3600:
            assert len(set(waits)) > 1, "no jitter"
    assert policy.next_attempt_at(8, NOW) is None            # the 8th failure parks
    assert policy.next_attempt_at(9, NOW) is None


def test_the_wait_is_capped():
    policy = RetryPolicy(max_attempts=20, base_seconds=30, cap_seconds=600)
    assert all(policy.delay_seconds(n) <= 600 for n in range(1, 20))
    assert policy.delay_seconds(19) == 600


def test_a_policy_of_one_attempt_parks_at_once():
    assert RetryPolicy(max_attempts=1).next_attempt_at(1, NOW) is None


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"max_attempts": 0}, "max_attempts"), ({"base_seconds": 0}, "base_seconds"),
    ({"base_seconds": 60, "cap_seconds": 30}, "cap_seconds"),
])
def test_a_bad_policy_is_refused_naming_the_field(kwargs, field):
    with pytest.raises(ValueError, match=f"^{field}: "):
        RetryPolicy(**kwargs)
    with pytest.raises(ValueError, match="^attempt: "):
        RetryPolicy().next_attempt_at(0, NOW)
