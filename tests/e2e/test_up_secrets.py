"""The embedded default's var/secrets.env: generated once (0600), completed when an older var/ lacks a secret, and
exported to every child `skillfolio up` starts. Fast: calls the functions `up` calls, starts no process."""
from __future__ import annotations

import os
import stat

from dotenv import dotenv_values

from skillfolio_cli.embedded import (
    DISTRICT_KEY,
    DISTRICT_PUBLIC_KEY,
    MEDIA_URL_SECRET,
    PRIVATE_KEY,
    PUBLIC_KEY,
    SECRETS_FILE,
    SESSION_SECRET,
    UNSUBSCRIBE_SECRET,
    ensure_secrets,
    private_dir,
    process_environment,
)

EVERY_SECRET = {PRIVATE_KEY, PUBLIC_KEY, DISTRICT_KEY, DISTRICT_PUBLIC_KEY, SESSION_SECRET, MEDIA_URL_SECRET,
                UNSUBSCRIBE_SECRET}


def test_a_fresh_var_dir_gets_every_secret_in_a_private_file(tmp_path):
    var = private_dir(tmp_path / "var")
    values, created = ensure_secrets(var)
    assert created and set(values) == EVERY_SECRET
    assert len(values[MEDIA_URL_SECRET]) >= 32 and values[MEDIA_URL_SECRET] != values[SESSION_SECRET]
    assert stat.S_IMODE((var / SECRETS_FILE).stat().st_mode) == 0o600
    assert dotenv_values(var / SECRETS_FILE) == values          # what the next start reads back

    again, created_again = ensure_secrets(var)
    assert again == values and not created_again


def test_an_older_var_dir_gains_the_media_url_secret_and_keeps_the_rest(tmp_path):
    var = private_dir(tmp_path / "var")
    values, _ = ensure_secrets(var)
    older = {name: value for name, value in values.items() if name != MEDIA_URL_SECRET}
    (var / SECRETS_FILE).write_text("".join(f"{name}='{value}'\n" for name, value in older.items()))
    os.chmod(var / SECRETS_FILE, 0o644)

    completed, created = ensure_secrets(var)
    assert created and {name: completed[name] for name in older} == older
    assert completed[MEDIA_URL_SECRET]
    assert dotenv_values(var / SECRETS_FILE)[MEDIA_URL_SECRET] == completed[MEDIA_URL_SECRET]
    assert stat.S_IMODE((var / SECRETS_FILE).stat().st_mode) == 0o600


def test_children_get_one_shared_media_url_secret(tmp_path):
    var = private_dir(tmp_path / "var")
    values, _ = ensure_secrets(var)
    env = process_environment(var, values)
    # the artifacts processes and the gateway all start from this one environment
    assert env[MEDIA_URL_SECRET] == os.environ.get(MEDIA_URL_SECRET, values[MEDIA_URL_SECRET])
    assert env["SKILLFOLIO_VAR_DIR"] == str(var)


def test_secrets_the_environment_gives_are_used_and_never_written(tmp_path):
    var = tmp_path / "var"                       # not created: nothing needs writing
    given = {name: f"given-{name}" for name in EVERY_SECRET}
    values, created = ensure_secrets(var, environ=given)
    assert values == given and not created
    assert not var.exists()

    partly = {name: value for name, value in given.items() if name != MEDIA_URL_SECRET}
    values, created = ensure_secrets(var, environ=partly)
    assert created and {name: values[name] for name in partly} == partly
    assert set(dotenv_values(var / SECRETS_FILE)) == {MEDIA_URL_SECRET}   # only what the environment lacks


def test_the_district_signing_key_pair_is_generated_once_apart_from_the_principal_keys(tmp_path):
    from cryptography.hazmat.primitives import serialization

    from chassis.grpc.principal import load_private_key, load_public_key
    var = private_dir(tmp_path / "var")
    values, _ = ensure_secrets(var)
    private = load_private_key(values[DISTRICT_KEY], DISTRICT_KEY)
    raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
    assert private.public_key().public_bytes(*raw) == load_public_key(values[DISTRICT_PUBLIC_KEY]).public_bytes(*raw)
    assert values[DISTRICT_KEY] != values[PRIVATE_KEY]
    assert ensure_secrets(var)[0][DISTRICT_KEY] == values[DISTRICT_KEY]
