"""Test kit: pytest fixtures for real PostgreSQL, RabbitMQ and S3 (local services here, containers where Docker runs)."""
