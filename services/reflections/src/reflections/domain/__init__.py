"""Reflections domain layer."""
