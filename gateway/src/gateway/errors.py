"""One mapping from failures (domain errors, gRPC statuses, bad requests) to HTTP: JSON for /api, pages for the web."""
from __future__ import annotations

import logging
from urllib.parse import quote

import grpc
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chassis.context import current_correlation_id
from chassis.errors import DomainError, FieldProblem, NotYetReplicated, PermissionDenied
from chassis.grpc.errors import rpc_error_to_domain
from gateway.i18n import N_
from gateway.web.render import render_error

log = logging.getLogger(__name__)

HTTP_STATUS = {
    "INVALID_ARGUMENT": 422, "OUT_OF_RANGE": 422, "NOT_FOUND": 404, "PERMISSION_DENIED": 403,
    "UNAUTHENTICATED": 401, "ALREADY_EXISTS": 409, "FAILED_PRECONDITION": 409, "ABORTED": 409,
    "RESOURCE_EXHAUSTED": 429, "UNIMPLEMENTED": 501, "UNAVAILABLE": 503, "DEADLINE_EXCEEDED": 504,
    "CANCELLED": 503,
}
# Upstream failures whose message may carry internals: replaced by a plain sentence.
_HIDDEN = {"INTERNAL", "UNKNOWN", "DATA_LOSS"}


def http_status(code: str) -> int:
    return HTTP_STATUS.get(code, 502)


def public_message(error: DomainError) -> str:
    if isinstance(error, NotYetReplicated):      # retryable: the service's sentence says what is catching up
        return error.message
    if error.code in _HIDDEN:
        return N_("a service behind the gateway failed; try again, and quote the correlation id if it persists")
    if error.code == "UNAVAILABLE":
        return N_("a service behind the gateway is unavailable; try again shortly")
    if error.code == "DEADLINE_EXCEEDED":
        return N_("a service behind the gateway took too long to answer")
    return error.message


def when_refused(request: Request, message: str) -> None:
    """If a service refuses this page's request (PermissionDenied), the "not allowed" page says ``message``."""
    request.state.refusal = message


def refused_page(request: Request, error: PermissionDenied) -> Response:
    """The web's "not allowed" page: for a service's refusal, the sentence the page declared (:func:`when_refused`);
    for the gateway's own (a panel guest off their milestone), its message."""
    declared = getattr(request.state, "refusal", "") if isinstance(error.__cause__, grpc.RpcError) else ""
    message = declared or error.message
    return render_error(request, 403, message, title=N_("You can't open this page"))


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_body(code: str, message: str, problems: list[FieldProblem] = ()) -> dict:
    return {"error": {"code": code, "message": message,
                      "problems": [{"field": p.field, "reason": p.reason} for p in problems]},
            "correlation_id": current_correlation_id()}


def api_error(status: int, code: str, message: str, problems: list[FieldProblem] = (),
              headers: dict | None = None) -> JSONResponse:
    if status == 401:
        headers = {"WWW-Authenticate": "Bearer", **(headers or {})}
    return JSONResponse(error_body(code, message, problems), status_code=status, headers=headers)


async def _domain_error(request: Request, error: DomainError) -> Response:
    status = http_status(error.code)
    if status >= 500:
        log.warning("upstream failure %s: %s", error.code, error.message)
    message = public_message(error)
    retry_after = getattr(error, "retry_after", None)
    headers = {"Retry-After": str(retry_after)} if retry_after else None
    if is_api(request):
        return api_error(status, getattr(error, "reason", error.code), message, error.problems, headers)
    if status == 401:
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    if isinstance(error, PermissionDenied):
        return refused_page(request, error)
    if isinstance(error, NotYetReplicated):
        page = render_error(request, status, N_("Something that changed moments ago (a new record, or a class or "
                                                "family link) is still reaching every part of Skillfolio. Nothing "
                                                "was saved yet: please try again in a moment."),
                            title=N_("Still syncing"))
        page.headers.update(headers or {})
        return page
    return render_error(request, status, message)


async def _rpc_error(request: Request, error: grpc.RpcError) -> Response:
    return await _domain_error(request, rpc_error_to_domain(error))


async def _validation_error(request: Request, error: RequestValidationError) -> Response:
    problems = [FieldProblem("body", "not valid JSON") if e["type"] == "json_invalid" else
                FieldProblem(".".join(str(part) for part in e["loc"] if part != "body") or "body", e["msg"])
                for e in error.errors()]
    if is_api(request):
        return api_error(422, "INVALID_ARGUMENT", "the request is not valid", problems)
    return render_error(request, 422, "; ".join(f"{p.field}: {p.reason}" for p in problems))


def allowed_methods(request: Request) -> str:
    """Every method some route answers at this path (routes are per method, so one route's list is not enough)."""
    methods = set()
    scope = {**request.scope, "root_path": request.scope.get("app_root_path", request.scope.get("root_path", ""))}
    for route in request.app.router.routes:   # matched from the app's root, also when a mount raised the 405
        if route.matches(scope)[0] != Match.NONE:
            methods |= getattr(route, "methods", None) or {"GET"}   # a mount serves static files
    methods |= {"HEAD"} if "GET" in methods else set()
    return ", ".join(sorted(methods | {"OPTIONS"}))


async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
    status, message, headers = error.status_code, str(error.detail), getattr(error, "headers", None)
    if status == 405:
        headers = {**(headers or {}), "Allow": allowed_methods(request)}
        if request.method == "OPTIONS":   # the path exists: say what it answers
            return Response(status_code=204, headers=headers)
    if status == 400 and is_api(request):   # the framework could not read the body (not UTF-8, not a form)
        return api_error(422, "INVALID_ARGUMENT", "the request body could not be read",
                         [FieldProblem("body", "not valid UTF-8 JSON or form data")])
    if is_api(request) or request.url.path.startswith(("/static/", "/docs/")):
        code = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED"}.get(status, "HTTP_ERROR")
        return api_error(status, code, message, headers=headers)
    page = render_error(request, status, message)
    page.headers.update(headers or {})
    return page


class UnexpectedErrorMiddleware:
    """A bug's exception becomes the JSON envelope (or the error page) with the correlation id, never plain text;
    it runs inside the correlation id and header middleware, so the answer is traceable and carries them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception:
            log.exception("unexpected failure answering %s %s", scope["method"], scope["path"])
            if started:
                raise
            request = Request(scope)
            message = "the gateway failed; try again, and quote the correlation id if it persists"
            try:
                response = api_error(500, "INTERNAL", message) if is_api(request) else render_error(
                    request, 500, message)
            except Exception:   # the error page itself failed (no session yet): the envelope still answers
                response = api_error(500, "INTERNAL", message)
            await response(scope, receive, send)


def install(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(grpc.RpcError, _rpc_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
