"""Reflections service_layer layer."""
