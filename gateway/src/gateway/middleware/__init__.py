"""ASGI middleware of every answer: the correlation id, request metrics and the security headers."""
