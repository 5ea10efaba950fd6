"""Entrypoints of the skills service: gRPC API, nameko worker, CLI."""
