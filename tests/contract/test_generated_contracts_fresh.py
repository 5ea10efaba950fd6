"""Fails when the committed code in libs/contracts/src differs from a fresh `scripts/protogen.py` run (CI drift check)."""
from __future__ import annotations

import importlib.util
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "libs" / "contracts" / "src"
GENERATED_SUFFIXES = ("_pb2.py", "_pb2.pyi", "_pb2_grpc.py")


def _protogen():
    spec = importlib.util.spec_from_file_location("protogen", ROOT / "scripts" / "protogen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _python_files(tree: pathlib.Path) -> set[pathlib.Path]:
    return {p.relative_to(tree) for p in tree.rglob("*") if p.suffix in (".py", ".pyi") and "__pycache__" not in p.parts}


def test_committed_contracts_equal_a_fresh_generation(tmp_path):
    _protogen().generate(tmp_path)
    fresh = _python_files(tmp_path)
    committed = _python_files(COMMITTED)
    assert any(str(p).endswith("_pb2.py") for p in fresh), "protogen generated no modules"

    missing = sorted(str(p) for p in fresh - committed)
    differing = sorted(str(p) for p in fresh & committed
                       if p.name != "__init__.py" and (tmp_path / p).read_bytes() != (COMMITTED / p).read_bytes())
    stale = sorted(str(p) for p in committed - fresh if p.name.endswith(GENERATED_SUFFIXES))
    assert not (missing or differing or stale), (
        "libs/contracts/src is out of date with protos/ - run `make protos` and commit the result.\n"
        f"missing: {missing}\ndiffering: {differing}\nstale (no .proto any more): {stale}")
