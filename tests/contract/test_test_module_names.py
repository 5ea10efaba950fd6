"""Every test module's file name is unique in the tree: pytest's default import mode imports each test file as a
top-level module by its base name, so two `test_x.py` in different folders stop the whole collection."""

from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TREES = ("libs", "services", "gateway", "cli", "tests")


def test_no_two_test_modules_share_a_base_name():
    seen: dict[str, list[str]] = defaultdict(list)
    for tree in TREES:
        for path in (ROOT / tree).rglob("test_*.py"):
            if ".venv" not in path.parts:
                seen[path.name].append(str(path.relative_to(ROOT)))
    clashes = {name: paths for name, paths in seen.items() if len(paths) > 1}
    assert not clashes, f"rename one of each: {clashes}"
