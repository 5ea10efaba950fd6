"""Assemble a rendered email: multipart/alternative (text + HTML, quoted-printable), the district's sender name,
a deterministic Message-ID, RFC 8058 one-click List-Unsubscribe headers and Content-Language.

Headers are encoded here, once (RFC 2047 for non-ASCII text), and stored as they will be sent: the stdlib's header
objects cost ~1 ms per message to parse and fold, and its folder turns a long List-Unsubscribe URL into encoded
words that no mail client can follow. Reading a header (``msg["Subject"]``) still gives the decoded header object.
"""
from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import io
import re
import textwrap
import urllib.parse
from datetime import UTC, datetime
from email.generator import BytesGenerator
from email.message import EmailMessage, MIMEPart
from email.policy import EmailPolicy
from email.utils import format_datetime, formataddr

from notifications.mail.model import Recipient, SenderIdentity, require

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_PRINTABLE = re.compile(r"[\x21-\x7e]+\Z")
_FOLDED = re.compile(r"[\x20-\x7e]*(\r\n[ \t][\x20-\x7e]*)*\Z")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_BOUNDARY = re.compile(r'boundary="([^"]+)"')
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\Z")


class _MailPolicy(EmailPolicy):
    """``email.policy.SMTP`` that keeps headers exactly as set when they are already encoded and folded (printable
    ASCII, CRLF + blank folds); anything else goes through the stdlib's header objects as usual."""

    def header_max_count(self, name):
        return _max_count(name.lower())        # the stock lookup builds a header class on every call

    def header_fetch_parse(self, name, value):
        if type(value) is str:
            return _fetched(name, value)       # header objects are immutable: parse each distinct value once
        return super().header_fetch_parse(name, value)

    def header_store_parse(self, name, value):
        if isinstance(value, str) and _FOLDED.match(value):
            return name, value
        return super().header_store_parse(name, value)


POLICY = _MailPolicy(linesep="\r\n", refold_source="none")


@functools.cache
def _max_count(name: str) -> int | None:
    return POLICY.header_factory[name].max_count


@functools.lru_cache(maxsize=1024)
def _fetched(name: str, value: str):
    return EmailPolicy.header_fetch_parse(POLICY, name, value)


def one_line(text: str) -> str:
    """User-given text headed for a header or a one-line summary: control characters (CR, LF) become spaces."""
    return _CONTROL.sub(" ", text).strip()


def encode_header(text: str, name: str) -> str:
    """``text`` as a header value: folded at spaces if ASCII, else RFC 2047 base64 words of at most 75 characters
    (never splitting a character)."""
    text = one_line(text)
    if text.isascii():
        return "\r\n ".join(textwrap.wrap(text, 76 - len(name), break_long_words=False, break_on_hyphens=False))
    words, chunk = [], ""
    for char in text:
        if len((chunk + char).encode("utf-8")) > 45:
            words.append(chunk)
            chunk = ""
        chunk += char
    words.append(chunk)
    return "\r\n ".join(f"=?utf-8?b?{base64.b64encode(w.encode('utf-8')).decode('ascii')}?=" for w in words)


@functools.lru_cache(maxsize=4096)
def mailbox(display_name: str, address: str, field: str) -> str:
    """``Display Name <address>`` with the name encoded if need be; ASCII addresses only (no SMTPUTF8 here)."""
    address = address.strip()
    require(bool(_ADDRESS.match(address)), field, f"not a usable email address: {address!r}")
    name = one_line(display_name)
    if name.isascii():
        return formataddr((name, address))
    return f"{encode_header(name, 'From')} <{address}>"


def _text_part(body: str, subtype: str) -> MIMEPart:
    part = MIMEPart(policy=POLICY)
    part["Content-Type"] = f'text/{subtype}; charset="utf-8"'
    part["Content-Transfer-Encoding"] = "quoted-printable"
    part.set_payload(binascii.b2a_qp(body.encode("utf-8"), istext=True).decode("ascii"))
    return part


def list_unsubscribe(unsubscribe_url: str, mailto: str | None) -> str:
    """``<https URL>, <mailto:...>``: the mailto carries the same URL in its body, so a mailbox can act on it."""
    require(unsubscribe_url.startswith(("https://", "http://")) and bool(_PRINTABLE.match(unsubscribe_url))
            and ">" not in unsubscribe_url, "unsubscribe_url", "must be an absolute http(s) URL in ASCII")
    value = f"<{unsubscribe_url}>"
    if mailto:
        query = urllib.parse.urlencode({"subject": "unsubscribe", "body": unsubscribe_url},
                                       quote_via=urllib.parse.quote)
        value += f",\r\n <mailto:{urllib.parse.quote(mailto.strip(), safe='@')}?{query}>"
    return value


def build_message(*, subject: str, sender: SenderIdentity, recipient: Recipient, message_id: str, language: str,
                  text: str, html: str, unsubscribe_url: str | None, now: datetime | None = None) -> EmailMessage:
    """The email, ready for :class:`~notifications.mail.smtp.SmtpTransport`; only ``Date`` depends on the clock."""
    msg = EmailMessage(policy=POLICY)
    msg["Subject"] = encode_header(subject, "Subject")
    msg["From"] = mailbox(sender.from_name, sender.from_address, "sender.from_address")
    msg["To"] = mailbox(recipient.display_name, recipient.email, "recipient.email")
    msg["Date"] = format_datetime(now or datetime.now(UTC))
    msg["Message-ID"] = message_id
    msg["Content-Language"] = language
    msg["Auto-Submitted"] = "auto-generated"
    if unsubscribe_url:
        msg["List-Unsubscribe"] = list_unsubscribe(unsubscribe_url, sender.list_unsubscribe_mailto)
        msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg["MIME-Version"] = "1.0"
    # A boundary that quoted-printable text can never contain ("=" is always escaped there), from the Message-ID.
    boundary = "=_sf_" + hashlib.sha256(message_id.encode("ascii")).hexdigest()[:32]
    msg["Content-Type"] = f'multipart/alternative;\r\n boundary="{boundary}"'
    msg.attach(_text_part(text, "plain"))
    msg.attach(_text_part(html, "html"))
    return msg


def _raw_headers(part: MIMEPart) -> str | None:
    lines = []
    for name, value in part.raw_items():
        if type(value) is not str or not _FOLDED.match(value):     # a header object: the stdlib folds it
            return None
        lines.append(f"{name}: {value}\r\n")
    return "".join(lines)


def _direct(msg: EmailMessage) -> bytes | None:
    """The wire form of a message as :func:`build_message` makes it (stored headers, pre-encoded ASCII parts), by
    joining; None for any other shape."""
    if msg.policy is not POLICY or msg.preamble is not None or msg.epilogue is not None or not msg.is_multipart():
        return None
    head = _raw_headers(msg)
    found = _BOUNDARY.search(dict(msg.raw_items()).get("Content-Type") or "")
    if head is None or found is None:
        return None
    chunks = [head, "\r\n"]
    for part in msg.get_payload():
        part_head, payload = _raw_headers(part), part.get_payload()
        if part_head is None or part.is_multipart() or not isinstance(payload, str) or not payload.isascii():
            return None
        lines = _NEWLINE.split(payload)
        chunks += [f"--{found.group(1)}\r\n", part_head, "\r\n", "\r\n".join(lines), "\r\n"]
    chunks.append(f"--{found.group(1)}--\r\n")
    return "".join(chunks).encode("ascii")


def to_bytes(msg: EmailMessage) -> bytes:
    """What goes on the wire (CRLF line ends): directly for messages built here, else through the stdlib's
    generator (the same bytes, at several times the cost)."""
    direct = _direct(msg)
    if direct is not None:
        return direct
    out = io.BytesIO()
    BytesGenerator(out, policy=msg.policy.clone(linesep="\r\n")).flatten(msg)
    return out.getvalue()
