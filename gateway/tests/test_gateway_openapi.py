"""The OpenAPI document says what the gateway does: bounded integers, no empty required text, how to authenticate,
and the JSON error envelope for every documented failure (schemathesis checks the answers in tests/e2e)."""
from __future__ import annotations

import secrets

import pytest

from chassis.config import PlatformSettings
from gateway.app import SESSION_COOKIE, create_app
from gateway.settings import GatewaySettings


@pytest.fixture(scope="module")
def document() -> dict:
    platform = PlatformSettings(media_url_secret=secrets.token_urlsafe(40), s3_endpoint="")
    return create_app(GatewaySettings(session_secret=secrets.token_urlsafe(40)), platform).openapi()


def _walk(node, where: str):
    """(where, schema, required) for every schema object below ``node``."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            if key == "properties":
                for name, sub in value.items():
                    yield from _walk(sub, f"{where}.{name}")
            else:
                yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{where}[{i}]")


def _request_schemas(document: dict):
    """Each parameter's schema and each request body model's schema (by name, with the models they use)."""
    schemas, names = document["components"]["schemas"], set()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                yield f"{method} {path} {parameter['name']}", parameter["schema"], parameter.get("required", False)
            for content in operation.get("requestBody", {}).get("content", {}).values():
                if "$ref" in content["schema"]:     # not a binary body (a transfer package)
                    names.add(content["schema"]["$ref"].rsplit("/", 1)[1])
    pending = list(names)
    while pending:
        name = pending.pop()
        schema = schemas[name]
        for ref in {s["$ref"].rsplit("/", 1)[1] for _, s in _walk(schema, name) if "$ref" in s} - names:
            names.add(ref)
            pending.append(ref)
        for field, sub in schema.get("properties", {}).items():
            yield f"{name}.{field}", sub, field in schema.get("required", [])


def test_every_integer_is_bounded(document):
    unbounded = [where for where, schema in _walk(document, "")
                 if schema.get("type") == "integer" and not {"minimum", "maximum"} <= schema.keys()]
    assert unbounded == []


def test_required_text_cannot_be_empty_in_the_document(document):
    def open_text(schema) -> bool:
        return (schema.get("type") == "string" and "minLength" not in schema
                and not {"enum", "const", "format", "pattern"} & schema.keys())
    empty_allowed = [where for where, schema, required in _request_schemas(document) if required and open_text(schema)]
    assert empty_allowed == []


# What a district publishes for anyone checking its credentials (routes/well_known.py, the verify endpoint).
PUBLISHED = ("/.well-known/jwks.json", "/.well-known/did.json", "/credentials/status/1", "/api/v1/credentials/verify")


def test_authentication_is_declared_and_applied(document):
    schemes = document["components"]["securitySchemes"]
    assert schemes["bearerToken"] == {**schemes["bearerToken"], "type": "http", "scheme": "bearer"}
    assert schemes["sessionCookie"] == {**schemes["sessionCookie"], "type": "apiKey", "in": "cookie",
                                        "name": SESSION_COOKIE}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            public = path in ("/healthz", "/readyz", "/api/v1/auth/token", *PUBLISHED)
            assert ("security" not in operation) == public, f"{method} {path}"
            if not public:
                assert operation["security"] == [{"bearerToken": []}, {"sessionCookie": []}]


def test_errors_are_documented_as_the_envelope(document):
    schemas = document["components"]["schemas"]
    assert "HTTPValidationError" not in schemas
    assert set(schemas["ErrorEnvelope"]["properties"]) == {"error", "correlation_id"}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if operation.get("parameters") or operation.get("requestBody"):
                assert "422" in operation["responses"], f"{method} {path}"
            for status, response in operation["responses"].items():
                if status[0] in "45":
                    assert response["content"]["application/json"]["schema"] == {
                        "$ref": "#/components/schemas/ErrorEnvelope"}, f"{method} {path} {status}"
