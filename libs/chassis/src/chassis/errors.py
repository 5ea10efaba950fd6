"""Domain error types shared by every service; entrypoints map them to gRPC and HTTP status codes.

Pure Python: domain modules may raise these.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    """One thing wrong with the input: where (field, or file/line/column) and why."""

    field: str
    reason: str


class DomainError(Exception):
    """Base class; ``code`` names the gRPC status the entrypoints use."""

    code = "INTERNAL"

    def __init__(self, message: str, problems: list[FieldProblem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.problems = problems or []


class InvalidArgument(DomainError):
    code = "INVALID_ARGUMENT"


class NotFound(DomainError):
    code = "NOT_FOUND"


class AlreadyExists(DomainError):
    code = "ALREADY_EXISTS"


class Conflict(DomainError):
    code = "FAILED_PRECONDITION"


class PermissionDenied(DomainError):
    code = "PERMISSION_DENIED"


class Unauthenticated(DomainError):
    code = "UNAUTHENTICATED"


class NotYetReplicated(DomainError):
    """A fact this service's replica has not received yet (an object created moments ago elsewhere): retry after
    ``retry_after`` seconds. Never a refusal: the answer may be yes once the event arrives."""

    code = "UNAVAILABLE"
    reason = "NOT_YET_REPLICATED"

    def __init__(self, message: str, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = max(1, int(retry_after))
