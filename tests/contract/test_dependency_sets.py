"""Each process installs what it uses: the gateway's image (the gateway and the CLI's core, as deploy/Dockerfile
installs them) resolves, in uv.lock, to no nameko, eventlet, Pillow, minio or database driver, and no module the
gateway or the CLI's core imports needs one of the chassis extras (db, messaging, media)."""
from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib

from deploy_layout import ROOT

# Distributions only a chassis extra brings (db, messaging, media), and the modules they install.
NOT_IN_THE_GATEWAY = {"nameko": "nameko", "eventlet": "eventlet", "pillow": "PIL", "minio": "minio",
                      "sqlalchemy": "sqlalchemy", "alembic": "alembic", "psycopg2-binary": "psycopg2",
                      "kombu": "kombu", "amqp": "amqp", "filetype": "filetype"}


def _lock() -> dict[str, dict]:
    return {package["name"]: package for package in tomllib.loads((ROOT / "uv.lock").read_text())["package"]}


def resolved(roots: list[tuple[str, tuple[str, ...]]]) -> set[str]:
    """Every distribution uv.lock installs for ``roots`` ((name, extras) pairs), markers taken as true (so the set
    is never smaller than any platform's)."""
    lock, seen, todo = _lock(), set(), list(roots)
    while todo:
        name, extras = todo.pop()
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        package = lock[name]
        wanted = [*package.get("dependencies", []),
                  *(d for extra in extras for d in package.get("optional-dependencies", {}).get(extra, []))]
        todo += [(dep["name"], tuple(dep.get("extra", ()))) for dep in wanted]
    return {name for name, _ in seen}


def test_the_gateway_image_resolves_to_no_worker_media_or_database_dependency():
    gateway_image = resolved([("skillfolio-gateway", ()), ("skillfolio-cli", ())])
    assert "fastapi" in gateway_image and "grpcio" in gateway_image and "skillfolio-chassis" in gateway_image
    assert not gateway_image & set(NOT_IN_THE_GATEWAY), sorted(gateway_image & set(NOT_IN_THE_GATEWAY))
    assert not {"skillfolio-roster", "skillfolio-skills", "skillfolio-artifacts", "skillfolio-reflections",
                "skillfolio-reporting"} & \
        gateway_image


def test_each_service_image_has_the_extras_its_roles_use():
    artifacts = resolved([("skillfolio-artifacts", ()), ("skillfolio-cli", ())])
    assert {"nameko", "eventlet", "sqlalchemy", "grpcio-health-checking", "pillow", "minio"} <= artifacts
    roster = resolved([("skillfolio-roster", ()), ("skillfolio-cli", ())])
    assert {"nameko", "sqlalchemy", "grpcio-health-checking"} <= roster and not {"pillow", "minio"} & roster


def test_no_module_of_the_gateway_or_the_cli_core_imports_an_extra():
    """Every gateway module, and the CLI as the gateway's image has it (only the gateway's entry point installed:
    its commands mounted, `run gateway`'s settings checked), import with the extras' modules and the services'
    packages made unimportable (a fresh interpreter, so nothing is already loaded)."""
    import gateway
    modules = sorted(info.name for info in pkgutil.walk_packages(gateway.__path__, "gateway."))
    blocked = sorted({*NOT_IN_THE_GATEWAY.values(), "roster", "skills", "artifacts", "reflections",
                      "reporting"})
    script = f"""
import importlib, importlib.abc, importlib.metadata as metadata, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {blocked!r}:
            raise ImportError(f"{{name}} is not installed in the gateway's image")
sys.meta_path.insert(0, Block())
installed = metadata.entry_points
metadata.entry_points = lambda **select: [entry for entry in installed(**select) if entry.name == "gateway"]
for module in {[*modules, "skillfolio_cli.main"]!r}:
    importlib.import_module(module)
from skillfolio_cli import platform, services
assert services.SERVICES == [] and [spec.name for spec in platform.PROCESSES] == ["gateway"], platform.PROCESSES
services.role_problems("gateway", "api")
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
