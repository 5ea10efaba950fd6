"""The chassis server interceptor: correlation id, principal check (signature, then the service's admission check:
an inactive account is refused), Idempotency-Key, metrics and error mapping in one wrapper.

Each method's handler is wrapped once and cached, so a call costs one dict lookup in the interceptor plus the
wrapper's own work (metadata scan, cached token check, two metric updates).
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterable
from typing import NoReturn

import grpc

from chassis import metrics
from chassis.context import IDEMPOTENCY_HEADER as HEADER
from chassis.context import IDEMPOTENCY_KEY_METADATA as IDEMPOTENCY_KEY
from chassis.context import MAX_IDEMPOTENCY_KEY_LENGTH as MAX_KEY_LENGTH
from chassis.context import correlation_id_var, idempotency_key_var, new_correlation_id, principal_var
from chassis.errors import DomainError, FieldProblem, InvalidArgument, Unauthenticated
from chassis.grpc.admission import Admission
from chassis.grpc.errors import domain_error_status
from chassis.grpc.principal import METADATA_KEY as PRINCIPAL_KEY
from chassis.grpc.principal import PrincipalVerifier, principal_token_var

log = logging.getLogger("chassis.grpc")

CORRELATION_KEY = "x-correlation-id"
# What a correlation id from outside may look like (anything else is replaced, so logs cannot be forged).
valid_correlation_id = re.compile(r"[A-Za-z0-9._:-]{1,128}").fullmatch
_VALID_CORRELATION_ID = valid_correlation_id   # older name, still imported by the gateway
# Infrastructure services that answer without a principal: load balancers and grpcurl use them.
OPEN_SERVICES = ("/grpc.health.v1.Health/", "/grpc.reflection.v1alpha.ServerReflection/",
                 "/grpc.reflection.v1.ServerReflection/")


def _read_metadata(context: grpc.ServicerContext) -> tuple[str, str, str]:
    correlation_id = token = idempotency_key = ""
    for key, value in context.invocation_metadata():
        if key == CORRELATION_KEY:
            correlation_id = value
        elif key == PRINCIPAL_KEY:
            token = value
        elif key == IDEMPOTENCY_KEY:
            idempotency_key = value
    return correlation_id, token, idempotency_key


class _MethodGuard:
    """Everything the chassis does around one method's behaviour; one instance per method, built once."""

    def __init__(self, service: str, method: str, verifier: PrincipalVerifier | None, public: bool,
                 admit: Admission | None = None) -> None:
        self.label = method.rsplit(".", 1)[-1]        # e.g. "RosterService/GetPerson"
        self.verifier = None if public else verifier
        self.admit = admit
        self.require_principal = not public
        self.latency = metrics.RPC_LATENCY.labels(service, self.label)
        self._service = service
        self._counters: dict[str, object] = {}

    def count(self, code: str, started: float) -> None:
        counter = self._counters.get(code)
        if counter is None:
            counter = self._counters[code] = metrics.RPC_REQUESTS.labels(self._service, self.label, code)
        counter.inc()
        self.latency.observe(time.perf_counter() - started)

    def enter(self, context: grpc.ServicerContext) -> None:
        """Set the correlation id and principal contextvars (each RPC runs in a fresh contextvars.Context)."""
        correlation_id, token, idempotency_key = _read_metadata(context)
        correlation_id_var.set(correlation_id if correlation_id and valid_correlation_id(correlation_id)
                               else new_correlation_id())
        if len(idempotency_key) > MAX_KEY_LENGTH:
            raise InvalidArgument(f"{IDEMPOTENCY_KEY} is longer than {MAX_KEY_LENGTH} characters",
                                  [FieldProblem(HEADER, f"at most {MAX_KEY_LENGTH} characters")])
        idempotency_key_var.set(idempotency_key)
        if self.require_principal:
            if self.verifier is None:
                raise Unauthenticated("this service has no principal public key configured")
            principal = self.verifier.verify(token)
            if self.admit is not None:
                self.admit(principal)
            principal_var.set(principal)
            principal_token_var.set(token)

    def fail(self, exc: Exception, context: grpc.ServicerContext) -> NoReturn:
        """Turn an exception into the RPC's status; always raises (context.abort raises)."""
        if isinstance(exc, DomainError):
            if exc.code == "INTERNAL":
                log.error("domain error %s: %s", type(exc).__name__, exc.message, exc_info=exc)
            context.abort_with_status(domain_error_status(exc))
        if context.code() not in (None, grpc.StatusCode.OK):   # the handler called context.abort itself
            raise exc
        log.error("unexpected error in %s", self.label, exc_info=exc)
        context.abort(grpc.StatusCode.INTERNAL, f"internal error (correlation id {correlation_id_var.get()})")

    @staticmethod
    def code_of(context: grpc.ServicerContext, default: str) -> str:
        code = context.code()
        return code.name if isinstance(code, grpc.StatusCode) else default

    def unary(self, behavior: Callable) -> Callable:
        def guarded(request, context):
            started = time.perf_counter()
            code = "OK"
            try:
                self.enter(context)
                response = behavior(request, context)
                code = self.code_of(context, "OK")
                return response
            except Exception as exc:  # noqa: BLE001 - every failure becomes a status
                try:
                    self.fail(exc, context)
                finally:
                    code = self.code_of(context, "INTERNAL")
            finally:
                self.count(code, started)
        return guarded

    def streaming(self, behavior: Callable) -> Callable:
        def guarded(request, context):
            started = time.perf_counter()
            code = "OK"
            try:
                self.enter(context)
                yield from behavior(request, context)
                code = self.code_of(context, "OK")
            except GeneratorExit:
                code = "CANCELLED"
                raise
            except Exception as exc:  # noqa: BLE001
                try:
                    self.fail(exc, context)
                finally:
                    code = self.code_of(context, "INTERNAL")
            finally:
                self.count(code, started)
        return guarded


def _wrap(handler: grpc.RpcMethodHandler, guard: _MethodGuard) -> grpc.RpcMethodHandler:
    kinds = (("unary_unary", guard.unary, grpc.unary_unary_rpc_method_handler),
             ("unary_stream", guard.streaming, grpc.unary_stream_rpc_method_handler),
             ("stream_unary", guard.unary, grpc.stream_unary_rpc_method_handler),
             ("stream_stream", guard.streaming, grpc.stream_stream_rpc_method_handler))
    for kind, wrap, make in kinds:
        behavior = getattr(handler, kind)
        if behavior is not None:
            return make(wrap(behavior), handler.request_deserializer, handler.response_serializer)
    return handler


class ChassisServerInterceptor(grpc.ServerInterceptor):
    """Correlation id, signed principal, metrics and DomainError mapping for every method of a server; ``admit``
    (see :mod:`chassis.grpc.admission`) refuses a verified principal whose account is inactive."""

    def __init__(self, service: str, verifier: PrincipalVerifier | None, public_methods: Iterable[str] = (),
                 admit: Admission | None = None):
        self._service = service
        self._verifier = verifier
        self._admit = admit
        self._public = frozenset(m if m.startswith("/") else "/" + m for m in public_methods)
        self._wrapped: dict[str, tuple[grpc.RpcMethodHandler, grpc.RpcMethodHandler]] = {}

    def is_public(self, method: str) -> bool:
        return method in self._public or method.startswith(OPEN_SERVICES)

    def intercept_service(self, continuation, handler_call_details):
        handler = continuation(handler_call_details)
        if handler is None:
            return None
        method = handler_call_details.method
        cached = self._wrapped.get(method)
        if cached is not None and cached[0] is handler:
            return cached[1]
        guard = _MethodGuard(self._service, method, self._verifier, self.is_public(method), self._admit)
        wrapped = _wrap(handler, guard)
        self._wrapped[method] = (handler, wrapped)
        return wrapped
