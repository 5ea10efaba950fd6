"""Mapping between chassis DomainErrors and gRPC statuses, both ways, with FieldProblems as google.rpc BadRequest and
NotYetReplicated as UNAVAILABLE with google.rpc ErrorInfo (reason NOT_YET_REPLICATED) and RetryInfo."""
from __future__ import annotations

import grpc
from google.protobuf import any_pb2, duration_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from chassis import errors

# Receivers refuse trailing metadata above 8 KiB (soft, probabilistic) / 16 KiB (hard) by default, and the caller
# then sees RESOURCE_EXHAUSTED instead of our status. So field violations stop at a byte budget and the message
# says how many were left out.
MAX_DETAILS_BYTES = 6000
MAX_TEXT = 300
_STATUS_DETAILS_KEY = "grpc-status-details-bin"
ERROR_DOMAIN = "skillfolio"

_ERROR_TYPES: dict[str, type[errors.DomainError]] = {
    cls.code: cls for cls in (errors.InvalidArgument, errors.NotFound, errors.AlreadyExists, errors.Conflict,
                              errors.PermissionDenied, errors.Unauthenticated)
}


class RemoteError(errors.DomainError):
    """A status from another service with no dedicated DomainError type (UNAVAILABLE, DEADLINE_EXCEEDED, ...)."""

    def __init__(self, code: str, message: str, problems: list[errors.FieldProblem] | None = None) -> None:
        super().__init__(message, problems)
        self.code = code


def status_code(name: str) -> grpc.StatusCode:
    """The grpc.StatusCode called ``name`` (INTERNAL if the name is unknown)."""
    return grpc.StatusCode.__members__.get(name, grpc.StatusCode.INTERNAL)


def _clip(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 3] + "..."


def _violations(problems: list[errors.FieldProblem]) -> list[error_details_pb2.BadRequest.FieldViolation]:
    kept, size = [], 0
    for problem in problems:
        violation = error_details_pb2.BadRequest.FieldViolation(field=_clip(problem.field),
                                                                description=_clip(problem.reason))
        size += violation.ByteSize() + 3
        if size > MAX_DETAILS_BYTES:
            break
        kept.append(violation)
    return kept


def domain_error_status(exc: errors.DomainError) -> grpc.Status:
    """The rich status for a DomainError: its code and message, problems as BadRequest field violations."""
    code = status_code(exc.code)
    violations = _violations(exc.problems)
    message = exc.message if len(exc.message) <= 2000 else exc.message[:1997] + "..."
    if len(violations) < len(exc.problems):
        message = f"{message} (first {len(violations)} of {len(exc.problems)} problems listed)"
    rich = status_pb2.Status(code=code.value[0], message=message)
    details = [error_details_pb2.BadRequest(field_violations=violations)] if violations else []
    if isinstance(exc, errors.NotYetReplicated):
        details += [error_details_pb2.ErrorInfo(reason=exc.reason, domain=ERROR_DOMAIN),
                    error_details_pb2.RetryInfo(retry_delay=duration_pb2.Duration(seconds=exc.retry_after))]
    for message in details:
        detail = any_pb2.Any()
        detail.Pack(message)
        rich.details.append(detail)
    return rpc_status.to_status(rich)


def _rich_status(error: grpc.RpcError) -> status_pb2.Status | None:
    trailing = error.trailing_metadata() if hasattr(error, "trailing_metadata") else None
    for key, value in trailing or ():
        if key == _STATUS_DETAILS_KEY:
            return status_pb2.Status.FromString(value)
    return None


def field_problems(error: grpc.RpcError) -> list[errors.FieldProblem]:
    """The BadRequest field violations a failed call carried, as FieldProblems (empty if none)."""
    rich = _rich_status(error)
    problems: list[errors.FieldProblem] = []
    for detail in rich.details if rich else ():
        if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad_request = error_details_pb2.BadRequest()
            detail.Unpack(bad_request)
            problems.extend(errors.FieldProblem(v.field, v.description) for v in bad_request.field_violations)
    return problems


def _not_yet_replicated(error: grpc.RpcError, message: str) -> errors.NotYetReplicated | None:
    """The NotYetReplicated a status stands for (ErrorInfo reason NOT_YET_REPLICATED), with its RetryInfo delay."""
    rich = _rich_status(error)
    details = list(rich.details) if rich else []
    info, retry = error_details_pb2.ErrorInfo(), error_details_pb2.RetryInfo()
    if not any(d.Is(info.DESCRIPTOR) and d.Unpack(info) and info.reason == errors.NotYetReplicated.reason
               for d in details):
        return None
    delay = next((retry.retry_delay.seconds for d in details if d.Is(retry.DESCRIPTOR) and d.Unpack(retry)), 1)
    return errors.NotYetReplicated(message, delay)


def rpc_error_to_domain(error: grpc.RpcError) -> errors.DomainError:
    """The DomainError a failed call stands for (sync or aio), keeping its message and field problems."""
    code = error.code() if hasattr(error, "code") else None
    name = code.name if isinstance(code, grpc.StatusCode) else code_pb2.Code.Name(code_pb2.UNKNOWN)
    message = (error.details() if hasattr(error, "details") else None) or name.lower().replace("_", " ")
    if name == "UNAVAILABLE" and (pending := _not_yet_replicated(error, message)) is not None:
        return pending
    problems = field_problems(error)
    error_type = _ERROR_TYPES.get(name)
    if error_type is not None:
        return error_type(message, problems)
    return RemoteError(name, message, problems)
