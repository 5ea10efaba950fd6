"""Roster domain: pure Python model, identity rules and events."""
