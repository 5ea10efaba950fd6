# Skillfolio developer and operator entry points. `make up` and `make test` install what they need.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := python3.11
VENV := .venv
PY := $(VENV)/bin/python
PROTO_FILES := $(shell find protos -name '*.proto')

.PHONY: install up test test-unit test-integration test-e2e lint protos bench clean
# The test tiers (ARCHITECTURE.md, Tests): unit needs no infrastructure (the tests/unit folders); e2e starts the
# platform the way the README does (browser and fault tests); integration is everything else, against real
# PostgreSQL, RabbitMQ and S3 (repositories, workers, gRPC interfaces, the gateway, the deploy contracts). Each test
# is in exactly one tier; `make test` runs all three.
UNIT_TESTS := $(wildcard libs/*/tests/unit services/*/tests/unit cli/tests/unit gateway/tests/unit)
E2E_TESTS := tests/e2e tests/fault
install: $(VENV)/.installed

# Every workspace member's pyproject too: a changed entry point (how the CLI finds services) needs a reinstall.
$(VENV)/.installed: uv.lock pyproject.toml scripts/install.sh $(wildcard */pyproject.toml libs/*/pyproject.toml services/*/pyproject.toml)
	bash scripts/install.sh
	touch $@

protos: install
	$(PY) scripts/protogen.py

up: install
	$(VENV)/bin/skillfolio up

test: install
	bash scripts/test.sh

test-unit: install
	bash scripts/test.sh $(UNIT_TESTS)

test-integration: install
	bash scripts/test.sh $(addprefix --ignore=,$(UNIT_TESTS) $(E2E_TESTS))

test-e2e: install
	bash scripts/test.sh $(E2E_TESTS)

lint: install
	$(VENV)/bin/ruff check .

bench: install
	@test -n "$(NAME)" || { echo "usage: make bench NAME=<grpc_hop|outbox_relay|roster_import|portfolio_list|upload_cpu|growth_view|reflection_add|digest_run|report_ingest|report_query|notify_fanout|gradebook|class_capture|passport_export|erasure>"; exit 2; }
	$(PY) bench/$(NAME).py

clean:
	rm -rf var/ $(VENV)
