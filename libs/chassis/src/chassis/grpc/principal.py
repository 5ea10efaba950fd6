"""Signed principal tokens: the gateway signs (Ed25519 private key), every service verifies (public key only).

A token is a compact JWT (alg EdDSA) with claims ``sub``, ``roles``, ``name``, ``aud``, ``iat``, ``exp`` and,
when present, ``ext`` (Principal.extra) and ``auth_time`` (Principal.authenticated_at: when the person logged
in). Key settings (``SKILLFOLIO_PRINCIPAL_PRIVATE_KEY`` / ``SKILLFOLIO_PRINCIPAL_PUBLIC_KEY``) hold either the
PEM text itself (it starts with ``-----BEGIN``) or the path of a PEM file.
"""
from __future__ import annotations

import contextvars
import functools
import pathlib
import threading
import time

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from chassis.context import Principal
from chassis.errors import Unauthenticated

AUDIENCE = "skillfolio-services"
ALGORITHM = "EdDSA"
METADATA_KEY = "x-skillfolio-principal"
CLOCK_SKEW_SECONDS = 5

# The raw token of the request being served, so calls this request makes to other services forward it.
principal_token_var: contextvars.ContextVar[str] = contextvars.ContextVar("principal_token", default="")


class KeyConfigurationError(RuntimeError):
    """A principal key setting is missing or does not hold a usable Ed25519 PEM key."""


def generate_keypair() -> tuple[str, str]:
    """A fresh Ed25519 key pair as (private PEM, public PEM) text; for tests, dev setup and key rotation."""
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
    public_pem = private.public_key().public_bytes(serialization.Encoding.PEM,
                                                   serialization.PublicFormat.SubjectPublicKeyInfo)
    return private_pem.decode(), public_pem.decode()


def _pem_bytes(value: str, setting: str) -> bytes:
    value = (value or "").strip()
    if not value:
        raise KeyConfigurationError(f"{setting} is not set: give the PEM text or the path of a PEM file")
    if value.startswith("-----BEGIN"):
        return value.encode()
    path = pathlib.Path(value).expanduser()
    try:
        return path.read_bytes()
    except OSError as exc:
        raise KeyConfigurationError(f"{setting}: cannot read PEM file {str(path)!r}: {exc.strerror}") from exc


def load_private_key(value: str, setting: str = "SKILLFOLIO_PRINCIPAL_PRIVATE_KEY") -> Ed25519PrivateKey:
    """The Ed25519 signing key from PEM text or a PEM file path."""
    try:
        key = serialization.load_pem_private_key(_pem_bytes(value, setting), password=None)
    except ValueError as exc:
        raise KeyConfigurationError(f"{setting}: not a readable unencrypted PEM private key ({exc})") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyConfigurationError(f"{setting}: expected an Ed25519 key, got {type(key).__name__}")
    return key


def load_public_key(value: str, setting: str = "SKILLFOLIO_PRINCIPAL_PUBLIC_KEY") -> Ed25519PublicKey:
    """The Ed25519 verification key from PEM text or a PEM file path."""
    try:
        key = serialization.load_pem_public_key(_pem_bytes(value, setting))
    except ValueError as exc:
        raise KeyConfigurationError(f"{setting}: not a readable PEM public key ({exc})") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise KeyConfigurationError(f"{setting}: expected an Ed25519 key, got {type(key).__name__}")
    return key


def service_principal(name: str) -> Principal:
    """The principal a trusted process (holding the private key: gateway, CLI tools) uses for its own calls."""
    return Principal(subject=f"service:{name}", roles=("service",), display_name=name)


def sign_principal(principal: Principal, private_key: str | Ed25519PrivateKey, ttl: float = 60,
                   audience: str = AUDIENCE) -> str:
    """A token asserting ``principal`` for ``ttl`` seconds; ``private_key`` is a key, PEM text or PEM path."""
    key = private_key if isinstance(private_key, Ed25519PrivateKey) else load_private_key(private_key)
    now = int(time.time())
    claims = {"sub": principal.subject, "roles": list(principal.roles), "name": principal.display_name,
              "aud": audience, "iat": now, "exp": now + int(ttl)}
    if principal.extra:
        claims["ext"] = principal.extra
    if principal.authenticated_at:
        claims["auth_time"] = float(principal.authenticated_at)
    return jwt.encode(claims, key, algorithm=ALGORITHM)


def _decode(token: str, key: Ed25519PublicKey, audience: str) -> tuple[Principal, int]:
    try:
        claims = jwt.decode(token, key, algorithms=[ALGORITHM], audience=audience, leeway=CLOCK_SKEW_SECONDS,
                            options={"require": ["sub", "aud", "iat", "exp"]})
    except jwt.ExpiredSignatureError as exc:
        raise Unauthenticated("principal token expired") from exc
    except jwt.InvalidAudienceError as exc:
        raise Unauthenticated("principal token has the wrong audience") from exc
    except jwt.PyJWTError as exc:
        raise Unauthenticated(f"invalid principal token: {exc}") from exc
    roles = claims.get("roles") or []
    if not isinstance(roles, list) or not all(isinstance(role, str) for role in roles):
        raise Unauthenticated("invalid principal token: roles must be a list of strings")
    try:
        authenticated_at = float(claims.get("auth_time") or 0.0)
    except (TypeError, ValueError) as exc:
        raise Unauthenticated("invalid principal token: auth_time must be a number") from exc
    principal = Principal(subject=str(claims["sub"]), roles=tuple(roles), display_name=str(claims.get("name", "")),
                          extra=dict(claims.get("ext") or {}), authenticated_at=authenticated_at)
    return principal, int(claims["exp"])


def verify_principal(token: str, public_key: str | Ed25519PublicKey, audience: str = AUDIENCE) -> Principal:
    """The principal a token asserts; raises chassis.errors.Unauthenticated when it is invalid or expired."""
    key = public_key if isinstance(public_key, Ed25519PublicKey) else load_public_key(public_key)
    return _decode(token, key, audience)[0]


class PrincipalVerifier:
    """Verifies tokens with a bounded LRU cache keyed by token; a cached token is still refused once expired."""

    def __init__(self, public_key: str | Ed25519PublicKey, audience: str = AUDIENCE, cache_size: int = 8192):
        self._key = public_key if isinstance(public_key, Ed25519PublicKey) else load_public_key(public_key)
        self._audience = audience
        self._cached = functools.lru_cache(maxsize=cache_size)(self._verify_uncached)

    def _verify_uncached(self, token: str) -> tuple[Principal, int]:
        return _decode(token, self._key, self._audience)

    def verify(self, token: str) -> Principal:
        if not token:
            raise Unauthenticated(f"missing principal token (metadata {METADATA_KEY!r})")
        principal, expires = self._cached(token)
        if expires + CLOCK_SKEW_SECONDS <= time.time():
            raise Unauthenticated("principal token expired")
        return principal


class PrincipalSigner:
    """Signs principals for outgoing calls, reusing a token until half its lifetime is gone."""

    def __init__(self, private_key: str | Ed25519PrivateKey, ttl: float = 60, audience: str = AUDIENCE):
        self._key = private_key if isinstance(private_key, Ed25519PrivateKey) else load_private_key(private_key)
        self._ttl, self._audience = ttl, audience
        self._tokens: dict[Principal, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def token_for(self, principal: Principal) -> str:
        now = time.time()
        cached = self._tokens.get(principal)
        if cached and cached[1] > now and not principal.extra:
            return cached[0]
        token = sign_principal(principal, self._key, self._ttl, self._audience)
        with self._lock:
            if len(self._tokens) > 4096:
                self._tokens.clear()
            self._tokens[principal] = (token, now + self._ttl / 2)
        return token
