# Skillfolio developer and operator entry points. `make up` and `make test` install what they need.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := python3.11
VENV := .venv
PY := $(VENV)/bin/python
PROTO_FILES := $(shell find protos -name '*.proto')

.PHONY: install up test protos bench clean
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

bench: install
	@test -n "$(NAME)" || { echo "usage: make bench NAME=<grpc_hop|outbox_relay|roster_import|portfolio_list|upload_cpu|growth_view|reflection_add>"; exit 2; }
	$(PY) bench/$(NAME).py

clean:
	rm -rf var/ $(VENV)
