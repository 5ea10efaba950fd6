"""Local accounts on PostgreSQL: set-password (service and CLI), authenticate good/bad/unknown, argon2 rehash, and
the admission check that refuses a login from before a password change."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, select, update

from chassis.config import service_settings
from chassis.context import Principal
from chassis.errors import InvalidArgument, NotFound, Unauthenticated
from chassis.grpc.admission import PasswordChanged
from chassis.testing.rolled_back import TestDatabase
from roster.adapters import orm
from roster.adapters.admission import roster_admission
from roster.bootstrap import build
from roster.config import RosterOptions

pytestmark = pytest.mark.integration
PASSWORD = "violet kettle marathon"


def stored_hash(database: TestDatabase, person_id: str) -> str:
    with database.connect() as conn:
        return conn.scalar(select(orm.credentials.c.password_hash).where(orm.credentials.c.person_id == person_id))


def test_authenticate_good_bad_unknown(app, ids):
    app.accounts.set_password("ava", PASSWORD)
    assert app.accounts.authenticate("AVA ", PASSWORD).id == ids.person["ava"]
    messages = set()
    for username, password in [("ava", PASSWORD + "!"), ("nobody", PASSWORD), ("", PASSWORD), ("ava", "")]:
        with pytest.raises(Unauthenticated) as caught:
            app.accounts.authenticate(username, password)
        messages.add(caught.value.message)
    assert messages == {"invalid username or password"}


def test_inactive_person_cannot_log_in(app, ids, roster_database):
    app.accounts.set_password("eve", PASSWORD)
    with roster_database.connect() as conn:
        conn.execute(update(orm.people).where(orm.people.c.id == ids.person["eve"]).values(active=False))
    with pytest.raises(Unauthenticated):
        app.accounts.authenticate("eve", PASSWORD)


def test_weak_password_and_unknown_username_are_refused_clearly(app):
    with pytest.raises(InvalidArgument) as caught:
        app.accounts.set_password("ben", "short")
    assert caught.value.problems[0].field == "password" and "12" in caught.value.problems[0].reason
    with pytest.raises(NotFound):
        app.accounts.set_password("nobody", PASSWORD)


def test_password_is_rehashed_when_parameters_change(app, ids, roster_database):
    app.accounts.set_password("ben", PASSWORD)
    before = stored_hash(roster_database, ids.person["ben"])
    stronger = RosterOptions(argon2_time_cost=2, argon2_memory_kib=8192, argon2_parallelism=1)
    upgraded = roster_database.adopt(build(service_settings("roster", database_url=roster_database.url), stronger))
    try:
        upgraded.accounts.authenticate("ben", PASSWORD)
    finally:
        upgraded.close()
    after = stored_hash(roster_database, ids.person["ben"])
    assert "t=1" in before and "t=2" in after
    assert app.accounts.authenticate("ben", PASSWORD).id == ids.person["ben"]   # the new hash still verifies


def run_cli(url: str, username: str, stdin: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ROSTER_DATABASE_URL": url, "ROSTER_ARGON2_MEMORY_KIB": "8192",
           "ROSTER_ARGON2_TIME_COST": "1", "ROSTER_ARGON2_PARALLELISM": "1"}
    return subprocess.run([sys.executable, "-m", "skillfolio_cli.main", "roster", "set-password", username],
                          input=stdin, capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.own_database    # the CLI runs in another process, on its own connection
def test_set_password_cli_reads_stdin(app, district_db, ids):
    done = run_cli(district_db[0], "Cal", "lantern orchard 42\n")
    assert done.returncode == 0, done.stderr
    assert "password set for cal" in done.stdout
    assert app.accounts.authenticate("cal", "lantern orchard 42").id == ids.person["cal"]
    weak = run_cli(district_db[0], "cal", "tiny\n")
    assert weak.returncode == 2 and "at least 12 characters" in weak.stderr
    unknown = run_cli(district_db[0], "nobody", "lantern orchard 42\n")
    assert unknown.returncode == 1 and "no person in the roster has username 'nobody'" in unknown.stderr


def test_the_roster_refuses_logins_from_before_a_password_change_but_not_before_a_rehash(app, ids, roster_database):
    admit = roster_admission(app.session_factory)
    app.accounts.set_password("ben", PASSWORD)
    logged_in = Principal(ids.person["ben"], ("student",), authenticated_at=time.time())
    admit(logged_in)
    stronger = RosterOptions(argon2_time_cost=2, argon2_memory_kib=8192, argon2_parallelism=1)
    upgraded = roster_database.adopt(build(service_settings("roster", database_url=roster_database.url), stronger))
    try:
        upgraded.accounts.authenticate("ben", PASSWORD)     # rehashed: the same password, no change
    finally:
        upgraded.close()
    admit(logged_in)
    app.accounts.set_password("ben", PASSWORD + " again")
    with pytest.raises(PasswordChanged):
        admit(logged_in)
    admit(Principal(ids.person["ben"], ("student",), authenticated_at=time.time()))   # a login after it
    admit(Principal(ids.person["ben"], ("student",)))        # no login time (an older token): not judged
