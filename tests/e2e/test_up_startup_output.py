"""`skillfolio up` ends its start-up output with the URL and every demo login, where a person sees them: routine
work after it (the replicas catching up with the seeded district) logs at DEBUG, so the banner is not pushed off
the screen. The README names every login the banner prints."""
from __future__ import annotations

import pathlib
import re

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
README = (pathlib.Path(__file__).resolve().parents[2] / "README.md").read_text()
ROLES = {"teacher", "former teacher", "student", "guardian", "school admin", "district admin"}
SCREEN = 40           # lines a terminal shows: the banner must still be on it once start-up work is done
BANNER_LINE = re.compile(r"^\S+ up\s+\| ")


def test_start_up_ends_with_the_url_and_every_demo_login(platform):
    # The fixture has waited until the seeded district's events were all consumed: the routine work after the
    # banner is done, and what it logged is below.
    lines = platform.log().splitlines()
    first = next(i for i, line in enumerate(lines) if "Skillfolio is ready: " in line)
    last = next(i for i, line in enumerate(lines) if i > first and "Press Ctrl-C to stop." in line)
    banner = lines[first:last + 1]
    assert all(BANNER_LINE.match(line) for line in banner), banner     # one block, nothing interleaved
    assert platform.url in banner[0]
    printed = {m.group(1) for m in (re.search(r"\|\s+(former teacher|teacher|student|guardian|school admin|"
                                              r"district admin)\s", line) for line in banner) if m}
    assert printed == ROLES
    after = [line for line in lines[last + 1:] if "uvicorn.access" not in line]   # not the tests' own requests
    assert len(after) < SCREEN, f"{len(after)} lines after the banner, e.g. {after[:5]}"
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert all(f"| `{role}` |" in quick_start for role in ROLES)
