#!/usr/bin/env bash
# The README's test command (`make test`): the whole suite against this machine's real PostgreSQL, RabbitMQ and S3.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/pytest "$@"
