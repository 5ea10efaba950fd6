"""One ASGI middleware giving every gateway response the same security headers (pages, JSON, errors, /docs, media);
a response that sets one of them itself (a page's nonce'd CSP, media's private cache) keeps its own value."""
from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Responses carry student data unless they are the public, versioned assets below: never cached, sniffed or framed.
BASELINE = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    # JSON and files are not documents: a response opened directly runs nothing and loads nothing.
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
}
HSTS = "max-age=63072000; includeSubDomains"
PUBLIC_ASSET_PREFIXES = ("/static/", "/docs/assets/")   # the same bytes for everyone: cacheable


class SecurityHeadersMiddleware:
    """Adds :data:`BASELINE` (and HSTS when served over HTTPS) to each response that has not set the header."""

    def __init__(self, app: ASGIApp, public_url: str = "") -> None:
        self.app = app
        self.always_https = public_url.lower().startswith("https://")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        public_asset = scope["path"].startswith(PUBLIC_ASSET_PREFIXES)
        https = self.always_https or scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in BASELINE.items():
                    if name == "Cache-Control" and public_asset:
                        value = "public, max-age=3600"
                    headers.setdefault(name, value)
                if https:
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, send_with_headers)
