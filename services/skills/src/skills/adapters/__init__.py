"""Adapters of the skills service: schema, repositories."""
