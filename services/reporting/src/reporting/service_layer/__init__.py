"""Reporting use cases: the projections that keep the read models, the reports, and the rebuild."""
