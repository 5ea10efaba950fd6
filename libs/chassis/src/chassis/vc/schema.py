"""The vendored Open Badges 3.0 and CLR 2.0 JSON Schemas (chassis/vc/schemas) and checking a credential against
the one its ``type`` names; needs the ``vc`` extra (jsonschema)."""
from __future__ import annotations

import json
import pathlib
from functools import cache

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

SCHEMAS = pathlib.Path(__file__).with_name("schemas")
OB_SCHEMA = "ob_v3p0_achievementcredential.schema.json"
CLR_SCHEMA = "clr_v2p0_clrcredential.schema.json"


@cache
def _validators() -> dict[str, Draft202012Validator]:
    loaded = {name: json.loads((SCHEMAS / name).read_text()) for name in (OB_SCHEMA, CLR_SCHEMA)}
    registry = Registry().with_resources((doc["$id"], Resource.from_contents(doc)) for doc in loaded.values())
    return {name: Draft202012Validator(doc, registry=registry, format_checker=FormatChecker())
            for name, doc in loaded.items()}


def _types(credential: dict) -> set[str]:
    kinds = credential.get("type")
    return {kinds} if isinstance(kinds, str) else set(kinds or [])


def schema_for(credential: dict) -> str | None:
    kinds = _types(credential)
    if "ClrCredential" in kinds:
        return CLR_SCHEMA
    if kinds & {"OpenBadgeCredential", "AchievementCredential"}:
        return OB_SCHEMA
    return None


def problems(credential: dict, schema: str | None = None) -> list[str]:
    """Every way ``credential`` breaks its schema, as "<json path>: <message>" (empty when it conforms)."""
    name = schema or schema_for(credential)
    if name is None:
        return ["type: names neither OpenBadgeCredential/AchievementCredential nor ClrCredential"]
    errors = sorted(_validators()[name].iter_errors(credential), key=lambda e: list(e.absolute_path))
    return [f"{e.json_path.removeprefix('$.') or '(root)'}: {e.message}" for e in errors]
