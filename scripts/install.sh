#!/usr/bin/env bash
# Creates .venv from uv.lock (reproducible), bootstrapping uv from PyPI if this machine lacks it.
set -euo pipefail
cd "$(dirname "$0")/.."
export UV_PYTHON_DOWNLOADS=never UV_PYTHON="${UV_PYTHON:-python3.11}"
UV_VERSION=0.13.9
if ! python3 -m uv --version 2>/dev/null | grep -q "$UV_VERSION"; then
  python3 -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi
python3 -m uv sync --frozen --quiet
