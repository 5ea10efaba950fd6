"""Thin entry points of the reporting service: gRPC API, events worker, operator commands."""
