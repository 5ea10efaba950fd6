#!/usr/bin/env bash
# The README's test command (`make test`, and the tiers' `make test-unit|test-integration|test-e2e`): pytest over the
# given paths (default: the whole suite, pyproject's testpaths) against this machine's real PostgreSQL, RabbitMQ and
# S3, on TEST_WORKERS pytest-xdist workers (default 4: the suite waits on I/O more than on the CPU). Tests marked
# `exclusive` restart a service every other test uses (RabbitMQ), so they run afterwards, alone.
# pytest's exit code 5 ("no tests collected") fails the first run; the second may find none in the given paths.
set -uo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pytest -n "${TEST_WORKERS:-4}" --dist loadgroup -m "not exclusive" "$@"
parallel=$?
.venv/bin/pytest -m exclusive "$@"
alone=$?
[[ $alone -eq 5 ]] && alone=0
exit $(( parallel != 0 ? parallel : alone ))
