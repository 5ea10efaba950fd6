"""Reflections adapters layer."""
