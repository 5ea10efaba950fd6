"""Roster service: who is in the district, who teaches whom, who guards whom."""
