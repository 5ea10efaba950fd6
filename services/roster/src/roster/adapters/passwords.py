"""Password hashing with argon2id (argon2-cffi): hash, verify, notice outdated parameters, and a dummy verify
that makes unknown usernames cost the same time as known ones."""
from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError


class Argon2Passwords:
    def __init__(self, time_cost: int = 3, memory_cost_kib: int = 65536, parallelism: int = 4) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost_kib, parallelism=parallelism)
        self._dummy_hash = self._hasher.hash(secrets.token_urlsafe(24))

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, password_hash: str) -> bool:
        """True when the stored hash was made with other parameters than the current ones."""
        return self._hasher.check_needs_rehash(password_hash)

    def dummy_verify(self, password: str) -> None:
        """Spend one verification's time on nothing (used when the username is unknown)."""
        self.verify(self._dummy_hash, password)
