"""The district key (JWS EdDSA, JWK/JWKS, did:web), the Bitstring Status List codec and the vendored Open Badges 3.0
and CLR 2.0 schemas: what the specifications require (contexts, types, issuer, validFrom, achievement criteria,
ClrSubject's credentials) is refused when missing, by name."""
from __future__ import annotations

import copy
import json

import pytest

from chassis.config import PlatformSettings
from chassis.grpc.principal import KeyConfigurationError, generate_keypair
from chassis.signing import DistrictKey, SignatureError, b64url, did_web, did_web_url, public_key_from_jwk, verify_jws
from chassis.vc import schema, status

VC2, OB3 = "https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CLR2 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
BADGE = {
    "@context": [VC2, OB3], "id": "urn:uuid:c-1", "type": ["VerifiableCredential", "OpenBadgeCredential"],
    "name": "Communicator", "issuer": {"id": "did:web:example.org", "type": ["Profile"], "name": "District"},
    "validFrom": "2026-12-01T12:00:00Z",
    "credentialSubject": {"id": "urn:uuid:stu-1", "type": ["AchievementSubject"], "achievement": {
        "id": "urn:uuid:b-1", "type": ["Achievement"], "name": "Communicator", "description": "d",
        "criteria": {"narrative": "c"},
        "alignment": [{"type": ["Alignment"], "targetName": "Comm", "targetUrl": "https://example.org/skills/1"}]}},
    "credentialStatus": status.entry("https://example.org/credentials/status/1", 7),
    "evidence": [{"id": "https://example.org/artifacts/a-1", "type": ["Evidence"]}],
}


def without(doc: dict, *path: str) -> dict:
    doc = copy.deepcopy(doc)
    *parents, last = path
    target = doc
    for part in parents:
        target = target[part]
    del target[last]
    return doc


def test_a_jws_verifies_with_the_published_jwk_and_not_once_altered():
    key = DistrictKey.generate("did:web:example.org")
    token = key.sign_jws({"hello": "world"})
    header, payload = verify_jws(token, public_key_from_jwk(key.jwks()["keys"][0]))
    assert header == {"alg": "EdDSA", "typ": "JWT", "kid": "did:web:example.org#key-1"}
    assert json.loads(payload) == {"hello": "world"}
    head, _, signature = token.split(".")
    with pytest.raises(SignatureError, match="does not match"):
        key.verify_jws(f"{head}.{b64url(json.dumps({'hello': 'there'}).encode())}.{signature}")
    with pytest.raises(SignatureError, match="not a compact JWS"):
        key.verify_jws("abc")
    with pytest.raises(SignatureError, match="does not match"):
        DistrictKey.generate().verify_jws(token)
    assert key.did_document()["verificationMethod"][0]["publicKeyJwk"]["x"] == key.public_jwk()["x"]
    assert key.verify_bytes(key.sign_bytes(b"manifest"), b"manifest") and not key.verify_bytes(b"x" * 64, b"m")


def test_did_web_names_and_locations():
    assert did_web("http://127.0.0.1:8000") == "did:web:127.0.0.1%3A8000"
    assert did_web("https://skillfolio.jcps.example/district/") == "did:web:skillfolio.jcps.example:district"
    assert did_web_url("did:web:127.0.0.1%3A8000") == "http://127.0.0.1:8000/.well-known/did.json"
    assert did_web_url("did:web:jcps.example:district") == "https://jcps.example/district/did.json"


def test_the_key_comes_from_settings_and_the_public_half_is_enough_to_publish():
    private_pem, public_pem = generate_keypair()
    signer = DistrictKey.from_settings(PlatformSettings(district_signing_key=private_pem))
    publisher = DistrictKey.from_settings(PlatformSettings(district_public_key=public_pem), need_private=False)
    assert signer.public_jwk() == publisher.public_jwk() and publisher.private is None
    with pytest.raises(KeyConfigurationError, match="SKILLFOLIO_DISTRICT_SIGNING_KEY is not set"):
        DistrictKey.from_settings(PlatformSettings())
    with pytest.raises(KeyConfigurationError, match="cannot sign"):
        publisher.sign_jws({})


def test_the_status_list_sets_exactly_the_revoked_bits():
    encoded = status.encode({0, 9, status.LIST_SIZE - 1})
    assert encoded.startswith("u")
    assert [status.is_set(encoded, i) for i in (0, 1, 8, 9, status.LIST_SIZE - 1)] == [True, False, False, True, True]
    with pytest.raises(ValueError, match="outside the list"):
        status.encode({status.LIST_SIZE})
    with pytest.raises(ValueError, match="multibase"):
        status.is_set("zabc", 0)


def test_a_conforming_badge_has_no_schema_problem():
    assert schema.problems(BADGE) == []


@pytest.mark.parametrize(("path", "named"), [
    (("issuer",), "'issuer' is a required property"),
    (("validFrom",), "'validFrom' is a required property"),
    (("name",), "'name' is a required property"),
    (("credentialSubject", "achievement"), "'achievement' is a required property"),
    (("credentialSubject", "achievement", "criteria"), "'criteria' is a required property"),
    (("credentialSubject", "achievement", "description"), "'description' is a required property"),
])
def test_each_required_property_is_named_when_missing(path, named):
    assert any(named in problem for problem in schema.problems(without(BADGE, *path)))


def test_contexts_types_and_shapes_are_checked():
    wrong_context = {**BADGE, "@context": [OB3, VC2]}
    assert schema.problems(wrong_context)
    no_ob_context = {**BADGE, "@context": [VC2]}
    assert any("@context" in p for p in schema.problems(no_ob_context))
    not_a_badge = {**BADGE, "type": ["VerifiableCredential", "OpenBadgeCredential", "Other"]}
    assert schema.problems(not_a_badge) == []
    assert schema.problems({**BADGE, "type": ["VerifiableCredential"]})[0].startswith("type:")
    bad_alignment = copy.deepcopy(BADGE)
    del bad_alignment["credentialSubject"]["achievement"]["alignment"][0]["targetUrl"]
    assert any("targetUrl" in p for p in schema.problems(bad_alignment))
    bad_status = copy.deepcopy(BADGE)
    bad_status["credentialStatus"]["statusListIndex"] = 7
    assert any("statusListIndex" in p for p in schema.problems(bad_status))
    assert any("validFrom" in p for p in schema.problems({**BADGE, "validFrom": "yesterday"}))


def test_a_clr_bundles_conforming_badges():
    clr = {"@context": [VC2, CLR2, OB3], "id": "urn:uuid:clr-1", "type": ["VerifiableCredential", "ClrCredential"],
           "name": "CLR", "issuer": BADGE["issuer"], "validFrom": "2026-12-01T12:00:00Z",
           "credentialSubject": {"id": "urn:uuid:stu-1", "type": ["ClrSubject"], "verifiableCredential": [BADGE]}}
    assert schema.problems(clr) == []
    empty = copy.deepcopy(clr)
    empty["credentialSubject"]["verifiableCredential"] = []
    assert any("verifiableCredential" in p for p in schema.problems(empty))
    broken = copy.deepcopy(clr)
    broken["credentialSubject"]["verifiableCredential"] = [without(BADGE, "issuer")]
    assert schema.problems(broken)
    assert any("@context" in p for p in schema.problems({**clr, "@context": [VC2, OB3]}))
