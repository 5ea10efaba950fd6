"""The embedded default's local SMTP sink: an aiosmtpd server that keeps every message it receives in a Maildir,
and ``Mailbox``, which lists and reads them for the web app's "sent emails" page (``python -m`` runs the sink)."""
from __future__ import annotations

import argparse
import email
import email.policy
import mailbox
import re
import signal
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage, Message
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox as MaildirHandler

RECEIVED_AT = "X-Sink-Received-At"
_KEY = re.compile(r"[A-Za-z0-9._-]{1,200}\Z")


class _Handler(MaildirHandler):
    """aiosmtpd's Maildir handler (it adds X-Peer, X-MailFrom, X-RcptTo), plus the time of receipt."""

    def handle_message(self, message: Message) -> None:
        message[RECEIVED_AT] = datetime.now(UTC).isoformat(timespec="microseconds")
        self.mailbox.add(message)


class MailSink:
    """``MailSink(directory, host, port).start()`` ... ``.stop()``: accepts any mail for anyone, stores it."""

    def __init__(self, directory: str | Path, host: str = "127.0.0.1", port: int = 2525, **server_kwargs) -> None:
        self.directory = Path(directory)
        for sub in ("tmp", "new", "cur"):                 # a Maildir, even in a folder that already exists
            (self.directory / sub).mkdir(parents=True, exist_ok=True)
        self.host, self.port = host, port
        self._controller = Controller(_Handler(self.directory), hostname=host, port=port, **server_kwargs)

    def start(self) -> MailSink:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def __enter__(self) -> MailSink:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


@dataclass(frozen=True)
class SinkMessage:
    id: str
    received_at: datetime
    to: str
    subject: str
    language: str | None
    from_: str = ""
    message_id: str | None = None
    text: str | None = None
    html: str | None = None


def _order(key: str) -> tuple[int, int, str]:
    """Maildir names start ``<seconds>.M<microseconds>``: their delivery order, without opening them."""
    seconds, _, rest = key.partition(".")
    micro = re.match(r"M(\d+)", rest)
    return (int(seconds) if seconds.isdigit() else 0, int(micro.group(1)) if micro else 0, key)


class Mailbox:
    """Read side of the sink's Maildir: newest first."""

    def __init__(self, directory: str | Path) -> None:
        self._maildir = mailbox.Maildir(Path(directory), factory=None, create=True)

    def _parse(self, key: str, headers_only: bool) -> EmailMessage:
        with self._maildir.get_file(key) as raw:
            return email.message_from_binary_file(raw, _class=EmailMessage, policy=email.policy.default) \
                if not headers_only else email.parser.BytesHeaderParser(
                    _class=EmailMessage, policy=email.policy.default).parse(raw)

    def _summary(self, key: str, msg: EmailMessage) -> SinkMessage:
        received = msg.get(RECEIVED_AT)
        return SinkMessage(
            id=key, received_at=datetime.fromisoformat(received) if received else datetime.fromtimestamp(0, UTC),
            to=str(msg.get("X-RcptTo") or msg.get("To") or ""), subject=str(msg.get("Subject") or ""),
            language=str(msg["Content-Language"]) if msg["Content-Language"] else None,
            from_=str(msg.get("From") or ""), message_id=str(msg["Message-ID"]) if msg["Message-ID"] else None)

    def count(self) -> int:
        return len(self._maildir)

    def list(self, limit: int = 50, offset: int = 0) -> list[SinkMessage]:
        keys = sorted(self._maildir.keys(), key=_order, reverse=True)[max(offset, 0):max(offset, 0) + max(limit, 0)]
        return [self._summary(key, self._parse(key, headers_only=True)) for key in keys]

    def read(self, message_id: str) -> SinkMessage:
        """One message with its text and HTML parts; ``KeyError`` when there is no such message."""
        if not _KEY.match(message_id or ""):
            raise KeyError(message_id)
        msg = self._parse(message_id, headers_only=False)
        text, html = msg.get_body(("plain",)), msg.get_body(("html",))
        summary = self._summary(message_id, msg)
        return SinkMessage(**{**summary.__dict__, "text": text.get_content() if text else None,
                              "html": html.get_content() if html else None})


def main(argv: list[str] | None = None) -> None:
    """``python -m notifications.mail.sink --directory var/mail --port 2525``: run the sink until signalled."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--directory", default="var/mail")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2525)
    args = parser.parse_args(argv)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with MailSink(args.directory, args.host, args.port):
        print(f"mail sink listening on {args.host}:{args.port}, storing in {args.directory}", flush=True)
        stop.wait()


if __name__ == "__main__":
    main()
