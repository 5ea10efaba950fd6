"""Verifying a VC-JWT credential (a badge, a CLR): its signature against the issuer's published key, its claims,
its schema, its validity window and its revocation status (each badge inside a CLR too), saying why one fails.

The caller supplies how to find a key (``keys(kid) -> Ed25519PublicKey``) and a status list (``status_lists(url)
-> VC-JWT text``): the gateway answers both from its own district, the CLI over HTTP."""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from chassis.signing import SignatureError, verify_jws
from chassis.vc import status
from chassis.vc.jwt import issuer_id, unverified_claims

KeyResolver = Callable[[str], Ed25519PublicKey]
StatusFetcher = Callable[[str], str]


@dataclass
class Check:
    name: str           # signature | claims | schema | validity | status
    ok: bool
    message: str


@dataclass
class Verdict:
    checks: list[Check] = field(default_factory=list)
    credential: dict = field(default_factory=dict)
    revoked: bool = False

    @property
    def verified(self) -> bool:
        return bool(self.checks) and all(check.ok for check in self.checks)

    @property
    def reasons(self) -> list[str]:
        return [f"{check.name}: {check.message}" for check in self.checks if not check.ok]

    def add(self, name: str, ok: bool, message: str) -> bool:
        self.checks.append(Check(name, ok, message))
        return ok


def read_token(text: str) -> str:
    """The VC-JWT in a file's text: the token itself, or a JSON object carrying it under ``jwt``."""
    text = text.strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise SignatureError(f"not JSON: {error}") from None
        if isinstance(data, dict) and isinstance(data.get("jwt"), str):
            return data["jwt"].strip()
        if isinstance(data, dict) and "proof" in data:
            raise SignatureError("this credential carries an embedded proof; only VC-JWT (EdDSA) is verified here")
        raise SignatureError("an unsigned JSON credential: give its VC-JWT form (the 'jwt' of the API's answer)")
    return text


def _status(verdict: Verdict, credential: dict, keys: KeyResolver, lists: StatusFetcher, label: str = "") -> None:
    entry = credential.get("credentialStatus")
    if not entry:
        verdict.add("status", True, f"{label}no status entry (cannot be revoked)")
        return
    try:
        token = lists(entry["statusListCredential"])
        header, _ = unverified_claims(token)
        _, payload = verify_jws(token, keys(header.get("kid", "")))
        subject = json.loads(payload)["vc"]["credentialSubject"]
        revoked = status.is_set(subject["encodedList"], int(entry["statusListIndex"]))
    except (SignatureError, LookupError, ValueError, TypeError, OSError) as error:
        verdict.add("status", False, f"{label}the status list could not be checked: {error}")
        return
    if revoked:
        verdict.revoked = True
        verdict.add("status", False, f"{label}revoked by its issuer")
    else:
        verdict.add("status", True, f"{label}not revoked")


def verify(token: str, keys: KeyResolver, lists: StatusFetcher, now: dt.datetime | None = None) -> Verdict:
    """Every check of one VC-JWT; ``Verdict.verified`` only if all pass."""
    verdict, now = Verdict(), now or dt.datetime.now(dt.UTC)
    try:
        header, claims = unverified_claims(token)
    except SignatureError as error:
        verdict.add("signature", False, str(error))
        return verdict
    credential = verdict.credential = claims["vc"]
    try:
        verify_jws(token, keys(str(header.get("kid", ""))))
        verdict.add("signature", True, f"EdDSA signature by {header.get('kid')}")
    except (SignatureError, LookupError, ValueError, OSError) as error:
        verdict.add("signature", False, str(error) or type(error).__name__)
    kid_did = str(header.get("kid", "")).split("#")[0]
    mismatch = [name for name, ok in (("iss", claims.get("iss") == issuer_id(credential)),
                                      ("jti", claims.get("jti") == credential.get("id")),
                                      ("kid", kid_did == issuer_id(credential))) if not ok]
    verdict.add("claims", not mismatch, "the JWT claims match the credential" if not mismatch else
                f"{', '.join(mismatch)} do not match the credential's issuer and id")
    from chassis.vc.schema import problems  # the schema check needs the vc extra (jsonschema)
    found = problems(credential)
    verdict.add("schema", not found, "conforms to its JSON Schema" if not found else "; ".join(found[:5]))
    _validity(verdict, credential, now)
    _status(verdict, credential, keys, lists)
    subject = credential.get("credentialSubject") or {}
    for inner in subject.get("verifiableCredential") or [] if isinstance(subject, dict) else []:
        if isinstance(inner, dict):
            _status(verdict, inner, keys, lists, f"{inner.get('name') or inner.get('id')}: ")
    return verdict


def _validity(verdict: Verdict, credential: dict, now: dt.datetime) -> None:
    try:
        start = dt.datetime.fromisoformat(str(credential.get("validFrom", "")).replace("Z", "+00:00"))
        end = credential.get("validUntil")
        end = dt.datetime.fromisoformat(end.replace("Z", "+00:00")) if end else None
    except ValueError as error:
        verdict.add("validity", False, f"unreadable validity dates: {error}")
        return
    if start > now + dt.timedelta(minutes=5):
        verdict.add("validity", False, f"not valid before {start.isoformat()}")
    elif end is not None and end <= now:
        verdict.add("validity", False, f"expired on {end.isoformat()}")
    else:
        verdict.add("validity", True, "within its validity period")
