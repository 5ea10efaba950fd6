"""Rendering pages: autoescaped Jinja2 templates with the principal, CSRF token and strict security headers."""
from __future__ import annotations

import pathlib
from http import HTTPStatus

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from gateway.csrf import csrf_token

HERE = pathlib.Path(__file__).parent
STATIC_DIR = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")   # autoescape is on for .html templates

# Pages carry student data: never cached, never framed, no third-party anything.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


def render(request: Request, template: str, status: int = 200, **context) -> Response:
    context.setdefault("principal", getattr(request.state, "principal", None))
    context["csrf_token"] = csrf_token(request)
    return templates.TemplateResponse(request, template, context, status_code=status, headers=PAGE_HEADERS)


def render_error(request: Request, status: int, message: str) -> Response:
    title = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    return render(request, "error.html", status=status, title=title, message=message)
