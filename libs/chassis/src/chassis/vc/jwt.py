"""VC-JWT as Open Badges 3.0 defines it (section 8.2): a compact JWS (alg EdDSA, ``kid`` the issuer's key) whose
payload holds the credential in ``vc`` beside ``iss``, ``jti``, ``sub``, ``nbf`` and ``iat`` (and ``exp``)."""
from __future__ import annotations

import datetime as dt
import json

from chassis.signing import DistrictKey, SignatureError, jws_parts

MEDIA_TYPE = "application/vc+jwt"


def _epoch(text: str) -> int:
    return int(dt.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def sign_credential(key: DistrictKey, credential: dict) -> str:
    """The credential as a VC-JWT signed with the district key."""
    subject = credential.get("credentialSubject") or {}
    issuer = credential["issuer"]
    claims = {"iss": issuer["id"] if isinstance(issuer, dict) else issuer, "jti": credential["id"],
              "nbf": _epoch(credential["validFrom"]), "iat": _epoch(credential["validFrom"]), "vc": credential}
    if isinstance(subject, dict) and subject.get("id"):
        claims["sub"] = subject["id"]
    if credential.get("validUntil"):
        claims["exp"] = _epoch(credential["validUntil"])
    return key.sign_jws(claims, typ="JWT")


def unverified_claims(token: str) -> tuple[dict, dict]:
    """(JOSE header, claims) of a VC-JWT, signature unchecked; SignatureError if it is not one."""
    header, payload, _, _ = jws_parts(token)
    try:
        claims = json.loads(payload)
    except json.JSONDecodeError:
        raise SignatureError("the JWT payload is not JSON") from None
    if not isinstance(claims, dict) or not isinstance(claims.get("vc"), dict):
        raise SignatureError("not a VC-JWT: the payload has no 'vc' credential")
    return header, claims


def issuer_id(credential: dict) -> str:
    issuer = credential.get("issuer")
    return issuer.get("id", "") if isinstance(issuer, dict) else str(issuer or "")
