"""schemathesis against the OpenAPI document of the platform `skillfolio up` started, logged in with the printed
demo logins as a student, a teacher and a guardian, every check on: no 5xx, and no answer the document does not
describe (status, content type, body, headers, Allow, auth). Bounded: few examples per operation, a fixed
derandomized generation, and a hard time limit per role. The student's run has every phase (the coverage phase's
boundary values are the same for every role); the teacher's and the guardian's fuzz and follow links as themselves.
Runs after the browser and other `test_up_*` modules that share the platform (file order), as it adds records."""
from __future__ import annotations

import pathlib
import re
import subprocess
import sys

import httpx
import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

ST = [sys.executable, str(pathlib.Path(__file__).with_name("st_serial_ast.py"))]   # the `st` CLI, see that module
CONFIG = pathlib.Path(__file__).with_name("schemathesis.toml")
PHASES = {"student": "examples,coverage,fuzzing,stateful", "teacher": "examples,fuzzing,stateful",
          "guardian": "examples,fuzzing,stateful"}
TIME_LIMIT = 240   # seconds per role, a hard bound: about 40-90 s each on two idle cores


def bearer_token(url: str, username: str, password: str) -> str:
    reply = httpx.post(f"{url}/api/v1/auth/token", data={"username": username, "password": password})
    assert reply.status_code == 200, reply.text
    return reply.json()["access_token"]


@pytest.mark.parametrize("role", list(PHASES))
def test_schemathesis_finds_no_server_error_and_no_answer_off_the_document(platform, role, tmp_path):
    token = bearer_token(platform.url, *platform.login(role))
    command = [*ST, "--config-file", str(CONFIG), "--no-color", "run", f"{platform.url}/openapi.json",
               "--header", f"Authorization: Bearer {token}", "--checks", "all", "--phases", PHASES[role],
               "--max-examples", "3", "--generation-deterministic",   # derandomized; implies no example database
               "--workers", "2", "--request-timeout", "20", "--report", "junit", "--report-dir", str(tmp_path)]
    try:
        # In a temp dir: its caches (.hypothesis, .schemathesis) stay out of the clone and out of the next run.
        run = subprocess.run(command, capture_output=True, text=True, timeout=TIME_LIMIT, cwd=tmp_path)
    except subprocess.TimeoutExpired as timeout:
        output = timeout.stdout.decode() if isinstance(timeout.stdout, bytes) else timeout.stdout or ""
        pytest.fail(f"schemathesis as the {role} took more than {TIME_LIMIT}s:\n{output[-3000:]}")
    report = run.stdout + run.stderr
    assert run.returncode == 0, f"schemathesis as the {role} found failures:\n{report[-20000:]}"
    generated = re.search(r"(\d+) generated", report)
    assert generated and int(generated.group(1)) > 0, report[-3000:]
