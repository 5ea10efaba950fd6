"""Principal tokens: Ed25519 signing and verification, key settings (PEM text or file), cache and expiry."""
from __future__ import annotations

import time

import pytest

from chassis.context import Principal
from chassis.errors import Unauthenticated
from chassis.grpc.principal import (
    KeyConfigurationError,
    PrincipalSigner,
    PrincipalVerifier,
    generate_keypair,
    load_private_key,
    load_public_key,
    service_principal,
    sign_principal,
    verify_principal,
)

STUDENT = Principal("person-42", ("student",), "Ada L.", extra={"school_id": "s-1"})


@pytest.fixture(scope="module")
def keys():
    return generate_keypair()


def test_a_signed_principal_verifies_with_the_public_key_only(keys):
    private_pem, public_pem = keys
    principal = verify_principal(sign_principal(STUDENT, private_pem), public_pem)
    assert principal == STUDENT and principal.extra == {"school_id": "s-1"}


@pytest.mark.parametrize("tamper", ["other_key", "expired", "audience", "payload", "alg_none"])
def test_bad_tokens_are_refused(keys, tamper):
    import jwt
    private_pem, public_pem = keys
    token = {
        "other_key": lambda: sign_principal(STUDENT, generate_keypair()[0]),
        "expired": lambda: sign_principal(STUDENT, private_pem, ttl=-30),
        "audience": lambda: sign_principal(STUDENT, private_pem, audience="gateway"),
        "payload": lambda: _swap_payload(sign_principal(STUDENT, private_pem),
                                         sign_principal(service_principal("x"), generate_keypair()[0])),
        "alg_none": lambda: jwt.encode({"sub": "x", "aud": "skillfolio-services", "iat": int(time.time()),
                                        "exp": int(time.time()) + 60}, None, algorithm="none"),
    }[tamper]()
    with pytest.raises(Unauthenticated):
        verify_principal(token, public_pem)
    with pytest.raises(Unauthenticated):
        PrincipalVerifier(public_pem).verify(token)


def _swap_payload(token: str, other: str) -> str:
    header, _, signature = token.split(".")
    return ".".join([header, other.split(".")[1], signature])


def test_the_verifier_cache_still_refuses_a_token_once_it_expires(keys, monkeypatch):
    private_pem, public_pem = keys
    verifier = PrincipalVerifier(public_pem)
    token = sign_principal(STUDENT, private_pem, ttl=60)
    assert verifier.verify(token) == STUDENT
    later = time.time() + 120
    monkeypatch.setattr(time, "time", lambda: later)
    with pytest.raises(Unauthenticated, match="expired"):
        verifier.verify(token)


def test_keys_load_from_pem_text_or_a_file_path(keys, tmp_path):
    private_pem, public_pem = keys
    (tmp_path / "key.pem").write_text(private_pem)
    (tmp_path / "key.pub").write_text(public_pem)
    token = sign_principal(STUDENT, str(tmp_path / "key.pem"))
    assert verify_principal(token, str(tmp_path / "key.pub")).subject == "person-42"
    assert load_private_key(private_pem) and load_public_key(public_pem)


@pytest.mark.parametrize("value, message", [("", "is not set"), ("/nonexistent/key.pem", "cannot read PEM file"),
                                            ("-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----",
                                             "not a readable")])
def test_bad_key_settings_name_the_setting(value, message):
    with pytest.raises(KeyConfigurationError, match=f"SKILLFOLIO_PRINCIPAL_PUBLIC_KEY.*{message}"):
        load_public_key(value)


def test_an_rsa_key_is_refused():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    with pytest.raises(KeyConfigurationError, match="expected an Ed25519 key"):
        load_public_key(pem)


def test_the_signer_reuses_a_token_for_half_its_lifetime(keys):
    signer = PrincipalSigner(keys[0], ttl=60)
    teacher = Principal("t-1", ("teacher",))
    first = signer.token_for(teacher)
    assert signer.token_for(teacher) == first
    assert signer.token_for(service_principal("gateway")) != first
    assert verify_principal(first, keys[1]) == teacher
