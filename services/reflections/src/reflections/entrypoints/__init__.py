"""Reflections entrypoints layer."""
