"""Test kit: pytest fixtures for real PostgreSQL, RabbitMQ and S3 (local services here, containers where Docker runs),
and :func:`wait_for`, the one way a test waits for something to happen."""
from chassis.testing.waiting import wait_for

__all__ = ["wait_for"]
