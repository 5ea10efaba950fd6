"""A real aiosmtpd SMTP server over a Maildir for the notifications fault tests: stopped and started at will, optionally
holding one reply (so a sender can die with its email accepted but unacknowledged), and read by Message-ID."""
from __future__ import annotations

import asyncio
import collections
import email
import email.parser
import email.policy
import mailbox
import pathlib
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox as MaildirHandler


class SinkLedger:
    """The Message-IDs a Maildir holds, each message's headers parsed once however often it is asked."""

    def __init__(self, directory: pathlib.Path) -> None:
        self.maildir = mailbox.Maildir(directory, factory=None, create=True)
        self._seen: dict[str, str] = {}
        self._parser = email.parser.BytesHeaderParser(policy=email.policy.default)

    def message_ids(self) -> collections.Counter:
        for key in set(self.maildir.keys()) - self._seen.keys():
            with self.maildir.get_file(key) as raw:
                self._seen[key] = str(self._parser.parse(raw)["Message-ID"])
        return collections.Counter(self._seen.values())

    def count(self) -> int:
        return len(self.maildir)


class HoldingHandler(MaildirHandler):
    """aiosmtpd's Maildir handler that, once armed, stores the next message and then holds its 250 reply until
    released: a sender killed meanwhile has had the email accepted without knowing it (the worst moment)."""

    def __init__(self, directory: pathlib.Path) -> None:
        super().__init__(directory)
        self.armed, self.holding, self.released = threading.Event(), threading.Event(), threading.Event()
        self.held_id = ""

    async def handle_DATA(self, server, session, envelope):
        reply = await super().handle_DATA(server, session, envelope)
        if self.armed.is_set() and not self.holding.is_set():
            self.held_id = str(email.message_from_bytes(envelope.original_content)["Message-ID"])
            self.holding.set()
            await asyncio.get_running_loop().run_in_executor(None, self.released.wait, 60)
        return reply


class Sink:
    """A real aiosmtpd server on a fixed port over one Maildir, stopped and started again at will."""

    def __init__(self, directory: pathlib.Path, port: int, handler: MaildirHandler | None = None) -> None:
        self.directory, self.port = directory, port
        self.handler = handler or MaildirHandler(directory)
        self.ledger = SinkLedger(directory)
        self._controller: Controller | None = None

    def start(self) -> Sink:
        self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        controller, self._controller = self._controller, None
        if controller is not None:
            controller.stop()
