"""The district signing key (Ed25519): signs bytes and compact JWS (alg EdDSA), publishes its key as a JWK, a JWKS
and a ``did:web`` document. Badges, CLRs, status lists, transfer manifests and erasure certificates all use it.

The private key comes from ``SKILLFOLIO_DISTRICT_SIGNING_KEY`` (PEM text or the path of a PEM file; `skillfolio up`
generates one into var/secrets.env), the public one from ``SKILLFOLIO_DISTRICT_PUBLIC_KEY`` (or derived from the
private key). Nothing secret is in the repository.
"""
from __future__ import annotations

import base64
import hashlib
import json
import urllib.parse
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from chassis.config import PlatformSettings
from chassis.grpc.principal import KeyConfigurationError, load_private_key, load_public_key

SIGNING_KEY_SETTING = "SKILLFOLIO_DISTRICT_SIGNING_KEY"
PUBLIC_KEY_SETTING = "SKILLFOLIO_DISTRICT_PUBLIC_KEY"
KEY_FRAGMENT = "key-1"


class SignatureError(ValueError):
    """A JWS that is malformed, signed with another algorithm or key, or altered after signing."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def did_web(url: str) -> str:
    """The ``did:web`` identifier of a site URL: host (a port percent-encoded) then path segments joined by ':'."""
    parts = urllib.parse.urlsplit(url.rstrip("/"))
    host = parts.netloc.replace(":", "%3A")
    path = [urllib.parse.quote(segment, safe="") for segment in parts.path.split("/") if segment]
    return ":".join(["did:web", host, *path])


def did_web_url(did: str) -> str:
    """Where a ``did:web`` document lives (https, except plain http for a local address such as 127.0.0.1)."""
    host, *path = did.removeprefix("did:web:").split(":")
    host = urllib.parse.unquote(host)
    scheme = "http" if host.split(":")[0] in ("127.0.0.1", "localhost") else "https"
    tail = "/".join(urllib.parse.unquote(p) for p in path) + "/did.json" if path else ".well-known/did.json"
    return f"{scheme}://{host}/{tail}"


@dataclass(frozen=True)
class DistrictKey:
    """The district's key: ``public`` always, ``private`` only in a process that signs."""

    public: Ed25519PublicKey
    private: Ed25519PrivateKey | None = None
    controller: str = ""           # the issuer's DID; ``kid`` is "<controller>#key-1"

    @classmethod
    def from_settings(cls, settings: PlatformSettings | None = None, need_private: bool = True) -> DistrictKey:
        settings = settings or PlatformSettings()
        controller = did_web(settings.district_url)
        if settings.district_signing_key.strip():
            private = load_private_key(settings.district_signing_key, SIGNING_KEY_SETTING)
            return cls(private.public_key(), private, controller)
        if need_private:
            raise KeyConfigurationError(f"{SIGNING_KEY_SETTING} is not set: the district signs credentials with it "
                                        "(`skillfolio up` generates one)")
        return cls(load_public_key(settings.district_public_key, PUBLIC_KEY_SETTING), None, controller)

    @classmethod
    def generate(cls, controller: str = "did:web:127.0.0.1%3A8000") -> DistrictKey:
        private = Ed25519PrivateKey.generate()
        return cls(private.public_key(), private, controller)

    @property
    def kid(self) -> str:
        return f"{self.controller}#{KEY_FRAGMENT}"

    def raw_public(self) -> bytes:
        return self.public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    def thumbprint(self) -> str:
        """RFC 7638 JWK thumbprint (SHA-256) of the public key."""
        canonical = json.dumps({"crv": "Ed25519", "kty": "OKP", "x": b64url(self.raw_public())},
                               separators=(",", ":"), sort_keys=True)
        return b64url(hashlib.sha256(canonical.encode()).digest())

    def public_jwk(self) -> dict:
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url(self.raw_public()), "kid": self.kid, "alg": "EdDSA",
                "use": "sig"}

    def jwks(self) -> dict:
        return {"keys": [self.public_jwk()]}

    def did_document(self) -> dict:
        """The ``did:web`` document naming the key as the controller's assertion method (JsonWebKey form)."""
        jwk = {k: v for k, v in self.public_jwk().items() if k in ("kty", "crv", "x")}
        method = {"id": self.kid, "type": "JsonWebKey", "controller": self.controller, "publicKeyJwk": jwk}
        return {"@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"],
                "id": self.controller, "verificationMethod": [method], "assertionMethod": [self.kid],
                "authentication": [self.kid]}

    def sign_bytes(self, data: bytes) -> bytes:
        if self.private is None:
            raise KeyConfigurationError(f"{SIGNING_KEY_SETTING} is not set: this process cannot sign")
        return self.private.sign(data)

    def verify_bytes(self, signature: bytes, data: bytes) -> bool:
        try:
            self.public.verify(signature, data)
            return True
        except InvalidSignature:
            return False

    def sign_jws(self, payload: dict | bytes, typ: str = "JWT", **header) -> str:
        """A compact JWS (alg EdDSA, ``kid``) over ``payload`` (a dict is serialised as compact JSON)."""
        body = payload if isinstance(payload, bytes) else json.dumps(payload, separators=(",", ":")).encode()
        head = {"alg": "EdDSA", "typ": typ, "kid": self.kid, **header}
        signing_input = f"{b64url(json.dumps(head, separators=(',', ':')).encode())}.{b64url(body)}"
        return f"{signing_input}.{b64url(self.sign_bytes(signing_input.encode()))}"

    def verify_jws(self, token: str) -> tuple[dict, bytes]:
        """(header, payload bytes) of a compact JWS this key signed; SignatureError saying why otherwise."""
        return verify_jws(token, self.public)


def jws_parts(token: str) -> tuple[dict, bytes, bytes, str]:
    """(header, payload, signature, signing input) of a compact JWS, without checking the signature."""
    pieces = token.strip().split(".")
    if len(pieces) != 3:
        raise SignatureError("not a compact JWS (expected three base64url parts separated by dots)")
    try:
        header = json.loads(b64url_decode(pieces[0]))
        payload, signature = b64url_decode(pieces[1]), b64url_decode(pieces[2])
    except (ValueError, json.JSONDecodeError) as error:
        raise SignatureError(f"not a compact JWS: {error}") from None
    if not isinstance(header, dict):
        raise SignatureError("not a compact JWS: the header is not a JSON object")
    return header, payload, signature, f"{pieces[0]}.{pieces[1]}"


def verify_jws(token: str, public: Ed25519PublicKey) -> tuple[dict, bytes]:
    header, payload, signature, signing_input = jws_parts(token)
    if header.get("alg") != "EdDSA":
        raise SignatureError(f"unsupported algorithm {header.get('alg')!r} (expected EdDSA)")
    try:
        public.verify(signature, signing_input.encode())
    except InvalidSignature:
        raise SignatureError("the signature does not match: the credential was altered or signed by another "
                             "key") from None
    return header, payload


def public_key_from_jwk(jwk: dict) -> Ed25519PublicKey:
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519" or not jwk.get("x"):
        raise SignatureError("the issuer's key is not an Ed25519 JWK")
    return Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
