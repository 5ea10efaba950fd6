"""Use cases of the skills service."""
