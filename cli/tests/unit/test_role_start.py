"""`skillfolio run` (and `up`, for every role before anything starts) refuses a role whose settings lack what it
needs: it exits 2 at once, naming each variable, instead of reporting healthy and failing on first use."""
from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

SKILLFOLIO = pathlib.Path(sys.executable).parent / "skillfolio"
OURS = ("SKILLFOLIO_", "GATEWAY_", "ROSTER_", "SKILLS_", "ARTIFACTS_", "REFLECTIONS_")


def _start(tmp_path, *args: str, **settings: str) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if not name.startswith(OURS)}
    env.update(SKILLFOLIO_VAR_DIR=str(tmp_path / "var"), SKILLFOLIO_AMQP_URL="amqp://guest:guest@127.0.0.1:1/",
               **settings)
    return subprocess.run([str(SKILLFOLIO), *args], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)


@pytest.mark.parametrize("service, role", [("artifacts", "media"), ("artifacts", "events"), ("reflections", "api")])
def test_a_media_role_on_s3_without_its_keys_refuses_to_start(tmp_path, service, role):
    done = _start(tmp_path, "run", service, role, SKILLFOLIO_S3_ENDPOINT="127.0.0.1:9",
                  SKILLFOLIO_PRINCIPAL_PUBLIC_KEY="pem")
    assert done.returncode == 2, done.stderr[-2000:]
    assert f"{service}-{role} cannot start" in done.stderr
    assert "SKILLFOLIO_S3_ACCESS_KEY is not set" in done.stderr and "SKILLFOLIO_S3_SECRET_KEY" in done.stderr


def test_a_grpc_api_without_the_principal_public_key_refuses_to_start(tmp_path):
    done = _start(tmp_path, "run", "roster", "api")
    assert done.returncode == 2, done.stderr[-2000:]
    assert "roster-api cannot start: SKILLFOLIO_PRINCIPAL_PUBLIC_KEY is not set" in done.stderr


def test_a_malformed_service_setting_is_named(tmp_path):
    done = _start(tmp_path, "run", "artifacts", "media", ARTIFACTS_MEDIA_MAX_WORKERS="0",
                  SKILLFOLIO_MEDIA_URL_SECRET="x" * 48)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "ARTIFACTS_MEDIA_MAX_WORKERS: Input should be greater than or equal to 1" in done.stderr


def test_the_gateway_names_every_missing_secret(tmp_path):
    done = _start(tmp_path, "run", "gateway")
    assert done.returncode == 2, done.stderr[-2000:]
    for name in ("SKILLFOLIO_PRINCIPAL_PRIVATE_KEY", "SKILLFOLIO_MEDIA_URL_SECRET", "GATEWAY_SESSION_SECRET"):
        assert name in done.stderr


def test_up_refuses_a_misconfigured_role_before_migrating_anything(tmp_path):
    done = _start(tmp_path, "up", SKILLFOLIO_S3_ENDPOINT="127.0.0.1:9")
    assert done.returncode == 2, done.stdout[-2000:] + done.stderr[-2000:]
    assert "artifacts-media cannot start: SKILLFOLIO_S3_ACCESS_KEY is not set" in done.stderr
    assert "migrated" not in done.stdout
