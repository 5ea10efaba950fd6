"""manifest.csv: which OneRoster files this set carries (bulk), leaves out (absent) or sends as changes (delta)."""
from __future__ import annotations

from roster.importer.problems import ProblemLog, SourceError
from roster.importer.schema import FILES
from roster.importer.source import RosterSource

MANIFEST = "manifest.csv"


def read_manifest(source: RosterSource, problems: ProblemLog) -> dict[str, str]:
    """``{kind: "bulk" | "absent"}`` for the files this importer handles; problems for bad or missing entries."""
    if not source.exists(MANIFEST):
        raise SourceError(f"{source.path}: no {MANIFEST}; a OneRoster 1.2 CSV set starts with one")
    properties: dict[str, tuple[str, int]] = {}
    csv_file = source.open(MANIFEST)
    try:
        if csv_file.header[:2] != ["propertyName", "value"]:
            problems.add(MANIFEST, 1, "", "header must be propertyName,value")
            return {}
        for record in csv_file.records():
            name = record.values[0].strip()
            value = record.values[1].strip() if len(record.values) > 1 else ""
            properties[name] = (value, record.line)
    finally:
        csv_file.close()
    version, line = properties.get("oneroster.version", ("", 1))
    if version not in ("1.2", "1.2.0"):
        problems.add(MANIFEST, line, "value", f"oneroster.version is {version!r}; this importer reads 1.2")
    modes: dict[str, str] = {}
    for spec in FILES:
        mode, line = properties.get(f"file.{spec.kind}", ("absent", 1))
        if mode == "delta":
            raise SourceError(f"{MANIFEST}:{line}: file.{spec.kind} is delta; only bulk imports are supported "
                              "(send the full set with every file.* as bulk or absent)")
        if mode not in ("bulk", "absent"):
            problems.add(MANIFEST, line, "value", f"file.{spec.kind} is {mode!r}; expected bulk, delta or absent")
            continue
        if mode == "bulk" and not source.exists(spec.name):
            problems.add(MANIFEST, line, "value", f"file.{spec.kind} is bulk but {spec.name} is missing")
            continue
        modes[spec.kind] = mode
    if modes.get("demographics") == "bulk" and modes.get("users") != "bulk":
        line = properties.get("file.demographics", ("", 1))[1]
        problems.add(MANIFEST, line, "value", "file.demographics is bulk but file.users is not: birth dates are "
                                              "imported with the users they belong to")
    return modes
