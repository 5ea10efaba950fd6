"""A transport that files emails straight into the local mail sink's Maildir (the demo seed runs before the sink
does; what it files is exactly what the sink would have stored)."""
from __future__ import annotations

import mailbox
from contextlib import contextmanager
from pathlib import Path


class MaildirTransport:
    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    @contextmanager
    def session(self):
        for sub in ("tmp", "new", "cur"):
            (self.directory / sub).mkdir(parents=True, exist_ok=True)
        box = mailbox.Maildir(self.directory, create=True)
        yield self
        box.close()

    def send(self, message) -> None:
        mailbox.Maildir(self.directory, create=True).add(message)
