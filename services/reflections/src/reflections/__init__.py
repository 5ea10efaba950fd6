"""Reflections service: what students, teachers and guardians say about artifacts."""
