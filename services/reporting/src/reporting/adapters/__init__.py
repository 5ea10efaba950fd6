"""Adapters of the reporting service: its tables, the fact store the projections write, the report queries."""
