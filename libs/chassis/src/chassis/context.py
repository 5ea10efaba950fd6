"""Request-scoped context: the correlation id, the authenticated principal and the idempotency key, carried in
contextvars."""
from __future__ import annotations

import contextvars
import uuid
from dataclasses import dataclass, field

correlation_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("correlation_id", default="")
IDEMPOTENCY_KEY_METADATA = "idempotency-key"
IDEMPOTENCY_HEADER = "Idempotency-Key"
MAX_IDEMPOTENCY_KEY_LENGTH = 255
# The key the request being served carries ('' for none): set by the gateway from the header, forwarded as gRPC
# metadata by chassis clients, and set again by the chassis server interceptor (chassis.idempotency keeps results).
idempotency_key_var: contextvars.ContextVar[str] = contextvars.ContextVar("idempotency_key", default="")


@dataclass(frozen=True)
class Principal:
    """Who is asking: a person (with roles) or a trusted service. Signed by the gateway, verified by services."""

    subject: str                       # person id, or "service:<name>"
    roles: tuple[str, ...] = ()        # student, teacher, guardian, school_admin, district_admin, service
    display_name: str = ""
    extra: dict = field(default_factory=dict, compare=False)
    authenticated_at: float = 0.0      # epoch seconds of the login behind it (0: unknown, e.g. a service)

    def has_role(self, role: str) -> bool:
        return role in self.roles

    @property
    def is_service(self) -> bool:
        return "service" in self.roles


principal_var: contextvars.ContextVar[Principal | None] = contextvars.ContextVar("principal", default=None)


def new_correlation_id() -> str:
    return uuid.uuid4().hex


def current_correlation_id() -> str:
    """The active correlation id, minting one if this is the start of a causal chain."""
    value = correlation_id_var.get()
    if not value:
        value = new_correlation_id()
        correlation_id_var.set(value)
    return value
