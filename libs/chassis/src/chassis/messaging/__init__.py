"""Reliable messaging: transactional outbox, its relay, idempotent inbox, retry and dead-lettering."""
