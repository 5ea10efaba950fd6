"""`skillfolio seed` against production stores (PostgreSQL, S3) with every key from the environment writes nothing
under the var directory nor the working directory: the environment gives the secrets, the stores hold the data and
the demo logins are printed only (so a read-only root works)."""
from __future__ import annotations

import os
import re
import subprocess
import uuid

import pytest
from e2e_platform import SEED_TIMEOUT, SKILLFOLIO, time_for

from chassis.grpc.principal import generate_keypair
from chassis.testing import infra
from skillfolio_cli.services import SERVICES

pytestmark = [pytest.mark.e2e, pytest.mark.integration, time_for()]   # a seed is most of a start
ROLES = {"teacher", "former teacher", "student", "guardian", "school admin", "district admin"}
LINE = re.compile(r"^\s+(former teacher|teacher|student|guardian|school admin|district admin)\s+(\S+)\s+(\S+)")
OURS = ("SKILLFOLIO_", "GATEWAY_", *(f"{service.upper()}_" for service in SERVICES))


@pytest.fixture
def databases(pg_admin_url):
    urls = {service: infra.create_database(pg_admin_url) for service in SERVICES}
    yield urls
    for url in urls.values():
        infra.drop_database(url, pg_admin_url)


def test_seed_with_production_stores_writes_nothing_locally(tmp_path, databases, s3_endpoint):
    root = tmp_path / "root"
    root.mkdir()
    private_pem, public_pem = generate_keypair()
    env = {name: value for name, value in os.environ.items() if not name.startswith(OURS)}
    env.update({f"{service.upper()}_DATABASE_URL": url for service, url in databases.items()})
    env.update(SKILLFOLIO_VAR_DIR=str(root / "var"), SKILLFOLIO_S3_ENDPOINT=s3_endpoint.endpoint,
               SKILLFOLIO_S3_ACCESS_KEY=s3_endpoint.access_key, SKILLFOLIO_S3_SECRET_KEY=s3_endpoint.secret_key,
               SKILLFOLIO_S3_SECURE=str(s3_endpoint.secure).lower(),
               SKILLFOLIO_S3_BUCKET=f"media-{uuid.uuid4().hex[:12]}", SKILLFOLIO_PRINCIPAL_PRIVATE_KEY=private_pem,
               SKILLFOLIO_PRINCIPAL_PUBLIC_KEY=public_pem, GATEWAY_SESSION_SECRET=uuid.uuid4().hex * 2)
    done = subprocess.run([str(SKILLFOLIO), "seed"], env=env, cwd=root, capture_output=True, text=True,
                          timeout=SEED_TIMEOUT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert {m.group(1) for m in map(LINE.match, done.stdout.splitlines()) if m} == ROLES
    assert "seeded the demo student's portfolio: 8 artifacts" in done.stdout
    assert list(root.iterdir()) == []           # no var/, no secrets.env, no demo-logins.txt
