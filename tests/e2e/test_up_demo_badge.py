"""`skillfolio seed` (what `skillfolio up` runs first) gives the demo student an Open Badges 3.0 credential for her
completed Defense of Learning: signed with the district key `up` generated into var/secrets.env, naming the
gateway's URL as its did:web issuer, conforming to the OB 3.0 schema, readable by her guardian and not by the
former teacher, and bundled in her CLR. Runs the CLI as a subprocess in a private var/; starts no process."""
from __future__ import annotations

import os
import subprocess

import pytest
from dotenv import dotenv_values
from e2e_platform import SEED_TIMEOUT, SKILLFOLIO, time_for

from chassis.access import Viewer
from chassis.config import PlatformSettings, service_settings
from chassis.errors import PermissionDenied
from chassis.grpc.principal import load_public_key
from chassis.signing import verify_jws
from chassis.vc import schema
from reflections.bootstrap import build as build_reflections
from roster.bootstrap import build as build_roster
from roster.service_layer import seed as roster_seed

pytestmark = [pytest.mark.e2e, time_for()]   # its fixture seeds


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    var = tmp_path_factory.mktemp("badge") / "var"
    env = {name: value for name, value in os.environ.items()
           if not name.endswith("_DATABASE_URL") and not name.startswith(("SKILLFOLIO_S3_", "GATEWAY_",
                                                                          "SKILLFOLIO_DISTRICT_"))
           and name not in ("SKILLFOLIO_MEDIA_URL_SECRET", "SKILLFOLIO_PRINCIPAL_PRIVATE_KEY",
                            "SKILLFOLIO_PRINCIPAL_PUBLIC_KEY")}
    done = subprocess.run([str(SKILLFOLIO), "seed"], env={**env, "SKILLFOLIO_VAR_DIR": str(var),
                                                          "GATEWAY_PORT": "8123"},
                          capture_output=True, text=True, timeout=SEED_TIMEOUT)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    secrets = dotenv_values(var / "secrets.env")
    platform = PlatformSettings(var_dir=var, s3_endpoint="", media_url_secret=secrets["SKILLFOLIO_MEDIA_URL_SECRET"],
                                district_signing_key=secrets["SKILLFOLIO_DISTRICT_SIGNING_KEY"],
                                district_url="http://127.0.0.1:8123")
    roster = build_roster(service_settings("roster", database_url=f"sqlite:///{var / 'roster.db'}"))
    reflections = build_reflections(service_settings("reflections",
                                                     database_url=f"sqlite:///{var / 'reflections.db'}"),
                                    platform=platform)
    cast, people = roster_seed.pick_demo_people(roster)
    yield secrets, cast, dict(people), reflections
    reflections.close()
    roster.close()


def test_the_demo_student_holds_a_signed_badge_for_her_defense_of_learning(seeded):
    secrets, cast, people, reflections = seeded
    [badge] = reflections.credentials.student_credentials(Viewer.of(cast.student_id, ["student"]), cast.student_id)
    doc = badge.document
    assert doc["name"] == "Defense of Learning" and badge.milestone_id and badge.revoked_at is None
    assert schema.problems(doc) == []
    assert doc["issuer"]["id"] == "did:web:127.0.0.1%3A8123"           # the gateway `up` starts
    assert doc["credentialSubject"]["result"] == [{"type": ["Result"], "value": "READY"}]
    assert len(doc["evidence"]) == 3
    verify_jws(badge.jwt, load_public_key(secrets["SKILLFOLIO_DISTRICT_PUBLIC_KEY"]))
    guardian = Viewer.of(people["guardian"].id, ["guardian"])
    assert reflections.credentials.clr(guardian, cast.student_id)[0]["credentialSubject"]["verifiableCredential"]
    with pytest.raises(PermissionDenied):
        reflections.credentials.student_credentials(Viewer.of(cast.former_teacher_id, ["teacher"]), cast.student_id)
