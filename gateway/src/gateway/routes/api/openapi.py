"""The OpenAPI document says what the gateway does: how callers authenticate (bearer token or the web session
cookie) on each operation that needs it, and the JSON error envelope of every 4xx/5xx answer (422 included)."""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from gateway import auth
from gateway.schemas.common import ErrorEnvelope

AUTHENTICATED = (auth.api_principal, auth.panel_api_principal)
SECURITY = [{"bearerToken": []}, {"sessionCookie": []}]
ERROR_CONTENT = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}}


def security_schemes(session_cookie: str) -> dict:
    return {
        "bearerToken": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                        "description": "The access_token of POST /api/v1/auth/token."},
        "sessionCookie": {"type": "apiKey", "in": "cookie", "name": session_cookie,
                          "description": "The web session of Skillfolio's own pages; writes also send "
                                         "X-CSRF-Token (the page's <meta name=\"csrf-token\">)."},
    }


def needs_login(dependant) -> bool:
    return any(d.call in AUTHENTICATED or needs_login(d) for d in dependant.dependencies)


def _document_errors(operation: dict) -> None:
    responses = operation["responses"]
    if operation.get("parameters") or operation.get("requestBody"):
        responses.setdefault("422", {"description": "Invalid parameter or body (see problems)"})
    for status, response in responses.items():
        if status[0] in "45":
            response["content"] = ERROR_CONTENT


def build(app: FastAPI, session_cookie: str) -> dict:
    doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    envelope = ErrorEnvelope.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(envelope.pop("$defs", {}))
    schemas["ErrorEnvelope"] = envelope
    for unused in ("HTTPValidationError", "ValidationError"):   # FastAPI's default 422 shape is not ours
        schemas.pop(unused, None)
    components["securitySchemes"] = security_schemes(session_cookie)
    for route in app.routes:
        if isinstance(route, APIRoute) and route.include_in_schema:
            for method in route.methods:
                operation = doc["paths"][route.path_format][method.lower()]
                _document_errors(operation)
                if needs_login(route.dependant):
                    operation["security"] = SECURITY
    return doc


def install(app: FastAPI, session_cookie: str) -> None:
    def openapi() -> dict:
        if app.openapi_schema is None:
            app.openapi_schema = build(app, session_cookie)
        return app.openapi_schema

    app.openapi = openapi
