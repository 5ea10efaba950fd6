"""Roster entrypoints: gRPC API, nameko worker, CLI."""
