"""Pages that need no login: one-click unsubscribe from an email (GET /unsubscribe/{token} asks to confirm; POST, as
RFC 8058 ``List-Unsubscribe=One-Click`` mail clients send it, mutes that category's email for that person) and, only
when GATEWAY_DEMO_MAILDIR is set (the embedded default), the demo's sent emails read from the local sink's Maildir."""
from __future__ import annotations

import email
import email.policy
import mailbox
import re
from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from chassis.errors import NotFound
from gateway.clients.backends import BackendsDep
from gateway.web import notification_view as view
from gateway.web.render import render

router = APIRouter(include_in_schema=False)
MAX_TOKEN = 1024
KEY = re.compile(r"[A-Za-z0-9._,:=-]{1,255}")


@router.get("/unsubscribe/{token}")
@router.get("/notifications/unsubscribe")     # the form the notifications sender writes: ...?token=<token>
async def confirm_unsubscribe(request: Request, token: str = ""):
    """Asks first: a mail scanner that follows links must not mute anything."""
    action = request.url.path if "token" in request.path_params else \
        f"{request.url.path}?{urlencode({'token': token[:MAX_TOKEN]})}"
    return render(request, "unsubscribe.html", action=action, done=None)


@router.post("/unsubscribe/{token}")
@router.post("/notifications/unsubscribe")
async def unsubscribe(request: Request, backends: BackendsDep, token: str = ""):
    """Mutes the category's email; the token in the link is the authority (no session, no CSRF token: RFC 8058)."""
    reply = await backends.notifications.unsubscribe(token[:MAX_TOKEN])
    form = await request.form()
    if form.get("List-Unsubscribe") == "One-Click":      # a mail client's one-click POST wants no page
        return JSONResponse({"category": reply.category, "unsubscribed": True})
    label = "" if reply.category == "digest" else view.category_label(reply.category)
    return render(request, "unsubscribe.html", action="", done=label or "digest")


def _maildir(request: Request) -> mailbox.Maildir:
    """The sink's Maildir (created empty if the sink has not started yet); 404 when no demo mailbox is set."""
    directory = request.app.state.settings.demo_maildir
    if not directory:
        raise NotFound("there is no demo mailbox here")
    return mailbox.Maildir(Path(directory), factory=None, create=True)


def _delivery_order(key: str) -> tuple[int, int, str]:
    """Maildir names start ``<seconds>.M<microseconds>``: their delivery order, without opening them."""
    seconds, _, rest = key.partition(".")
    micro = re.match(r"M(\d+)", rest)
    return (int(seconds) if seconds.isdigit() else 0, int(micro.group(1)) if micro else 0, key)


def _read(box: mailbox.Maildir, key: str) -> email.message.EmailMessage:
    with box.get_file(key) as raw:
        return email.message_from_binary_file(raw, _class=email.message.EmailMessage, policy=email.policy.default)


@router.get("/demo/mail")
async def demo_mail(request: Request):
    box = _maildir(request)
    keys = sorted(box.keys(), key=_delivery_order, reverse=True)[:200]
    messages = [(key, _read(box, key)) for key in keys]
    return render(request, "demo_mail.html", messages=messages)


@router.get("/demo/mail/{key}")
async def demo_message(request: Request, key: str):
    box = _maildir(request)
    try:
        if not KEY.fullmatch(key):
            raise KeyError(key)
        message = _read(box, key)
    except KeyError:
        raise NotFound("there is no such email in the demo mailbox") from None
    text = message.get_body(("plain",))   # the HTML part is not shown: no email markup runs in this site's pages
    return render(request, "demo_message.html", message=message, text=text.get_content() if text else "")
