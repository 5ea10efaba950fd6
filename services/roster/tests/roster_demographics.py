"""A copy of the valid OneRoster set with a demographics.csv (birth dates) written beside it, for roster tests."""
from __future__ import annotations

import pathlib
import shutil

DATA = pathlib.Path(__file__).parent / "data" / "oneroster"
HEADER = "sourcedId,status,dateLastModified,birthDate,sex,americanIndianOrAlaskaNative\n"


def with_demographics(tmp_path: pathlib.Path, body: str, users: str = "bulk") -> pathlib.Path:
    """``valid`` with demographics.csv holding ``body`` (rows after the header), marked bulk in the manifest."""
    folder = tmp_path / "set"
    shutil.copytree(DATA / "valid", folder)
    (folder / "demographics.csv").write_text(HEADER + body, encoding="utf-8")
    manifest = (folder / "manifest.csv").read_text(encoding="utf-8")
    manifest = manifest.replace("file.demographics,absent", "file.demographics,bulk")
    (folder / "manifest.csv").write_text(manifest.replace("file.users,bulk", f"file.users,{users}"), encoding="utf-8")
    return folder
