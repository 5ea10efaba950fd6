"""Roster service layer: use cases over a unit of work."""
