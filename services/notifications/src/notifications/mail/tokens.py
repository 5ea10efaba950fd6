"""One-click unsubscribe tokens: (person, category) signed with the service's secret (itsdangerous HMAC), so the
link in an email mutes that one category without a login and cannot be altered to mute someone else's."""
from __future__ import annotations

from itsdangerous import BadData, URLSafeSerializer

from notifications.mail.model import CATEGORIES, MUTABLE_CATEGORIES, require


class BadUnsubscribeToken(ValueError):
    """The token was not made with this secret, was altered, or does not name a person and a category."""


class UnsubscribeTokens:
    """``make(person_id, category) -> token`` and ``read(token) -> (person_id, category)``; no expiry (a link in an
    old email must still work), no state (nothing to store or revoke: muting twice is muting)."""

    SALT = "skillfolio.notifications.unsubscribe"

    def __init__(self, secret: bytes) -> None:
        require(isinstance(secret, bytes | str) and len(secret) >= 16, "secret", "must be at least 16 bytes")
        self._serializer = URLSafeSerializer(secret, salt=self.SALT)

    def make(self, person_id: str, category: str) -> str:
        require(isinstance(person_id, str) and bool(person_id), "person_id", "must be a non-empty string")
        require(category in MUTABLE_CATEGORIES, "category",
                f"must be one of {', '.join(MUTABLE_CATEGORIES)} (critical notices cannot be muted)")
        return self._serializer.dumps([person_id, category])

    def read(self, token: str) -> tuple[str, str]:
        try:
            payload = self._serializer.loads(token)
        except (BadData, UnicodeError, TypeError) as exc:
            raise BadUnsubscribeToken(f"token: not a valid unsubscribe token ({type(exc).__name__})") from None
        if (not isinstance(payload, list) or len(payload) != 2 or not all(isinstance(p, str) for p in payload)
                or payload[1] not in CATEGORIES):
            raise BadUnsubscribeToken("token: signed, but does not name a person and a category")
        return payload[0], payload[1]
