"""Rendering pages: autoescaped Jinja2 templates in the request's language, with the principal, CSRF token and strict
security headers."""
from __future__ import annotations

import datetime as dt
import functools
import pathlib
import secrets
from http import HTTPStatus

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from chassis.config import PlatformSettings
from gateway import i18n
from gateway.sessions.csrf import csrf_token

HERE = pathlib.Path(__file__).parent
STATIC_DIR = HERE / "static"
templates = Jinja2Templates(directory=HERE / "templates")   # autoescape is on for .html templates

# Pages carry student data: never cached, never framed, no third-party anything.
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


def media_origin(platform: PlatformSettings) -> str:
    """The origin browsers fetch and upload media from when it is S3/MinIO ("" for the gateway's own /media)."""
    endpoint = platform.s3_public_endpoint or platform.s3_endpoint
    if not endpoint:
        return ""
    return endpoint if "://" in endpoint else f"{'https' if platform.s3_secure else 'http'}://{endpoint}"


@functools.cache
def _process_media_origin() -> str:
    return media_origin(PlatformSettings())


def content_security_policy(style_nonce: str, media: str = "") -> str:
    """Only this site's scripts; inline styles only in the nonce'd <style> (skill colours); media from the store."""
    media = f" {media}" if media else ""
    return (f"default-src 'self'; img-src 'self' data:{media}; media-src 'self'{media}; "
            f"connect-src 'self'{media}; style-src 'self' 'nonce-{style_nonce}'; object-src 'none'; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def nice_time(value: str) -> str:
    """An RFC 3339 timestamp as "5 Dec 2026, 23:14 UTC" ("" when empty or unreadable)."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return ""
    moment = moment.astimezone(dt.UTC) if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
    return moment.strftime("%-d %b %Y, %H:%M UTC")


def file_size(size: int) -> str:
    """"1.5 MB" as the page's language writes numbers ("1,5 MB" in Spanish)."""
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{i18n.local_number(size)} {i18n.gettext(unit)}" if unit == "bytes" else \
                f"{i18n.local_number(size, 1)} {unit}"
        size /= 1024
    return ""


UNITS = (i18n.N_("bytes"),)   # KB and MB read the same in every language the catalogues have
# The HTTP reason phrases an error page may be titled with (HTTPStatus' English), marked for the catalogues.
PHRASES = (i18n.N_("Bad Request"), i18n.N_("Not Found"), i18n.N_("Gone"), i18n.N_("Conflict"),
           i18n.N_("Unprocessable Entity"), i18n.N_("Too Many Requests"), i18n.N_("Bad Gateway"),
           i18n.N_("Service Unavailable"), i18n.N_("Gateway Timeout"), i18n.N_("Error"))


i18n.install(templates.env)   # gettext, the language picker and nice_date in the page's language
templates.env.filters["file_size"] = file_size
templates.env.filters["nice_time"] = nice_time


def render(request: Request, template: str, status: int = 200, **context) -> Response:
    context.setdefault("principal", getattr(request.state, "principal", None))
    context["csrf_token"] = csrf_token(request)
    context["style_nonce"] = nonce = secrets.token_urlsafe(16)
    headers = {**PAGE_HEADERS, "Content-Security-Policy": content_security_policy(nonce, _process_media_origin()),
               "Content-Language": (language := i18n.request_language(request))}
    context["language"] = language
    token = i18n.use_language(language)
    try:   # the template is rendered here, in the page's language
        return templates.TemplateResponse(request, template, context, status_code=status, headers=headers)
    finally:
        i18n.reset_language(token)


def render_error(request: Request, status: int, message: str, title: str = "") -> Response:
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    return render(request, "error.html", status=status, title=title or phrase, message=message)
