"""The embedded default's mail sink: what SmtpTransport sends is stored in a Maildir, and Mailbox lists (newest
first, paged) and reads it back with its text and HTML; ``python -m notifications.mail.sink`` runs it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from notifications.mail import Mailbox, MailSink, SmtpSettings, SmtpTransport, render_digest, render_instant

from chassis.testing import wait_for
from chassis.testing.infra import free_port

pytestmark = pytest.mark.integration
UNSUBSCRIBE = "https://skillfolio.jcps.example.org/notifications/unsubscribe/tok"


def test_what_is_sent_can_be_listed_and_read(tmp_path: Path, view, recipient, sender):
    port = free_port()
    (tmp_path / "mail").mkdir()                              # an existing, empty folder becomes a Maildir
    with MailSink(tmp_path / "mail", port=port) as sink:
        with SmtpTransport(SmtpSettings(port=sink.port, timeout=10)).session() as session:
            session.send(render_instant(view(user_text="<b>Bravo</b>"), recipient("en"), sender, UNSUBSCRIBE))
            for n in range(3):
                session.send(render_digest("daily", f"d-{n}", recipient("es", email=f"g{n}@example.org"),
                                           [("Ana", [view()]), ("Luis", [view(child_first_name="Luis")])],
                                           sender, UNSUBSCRIBE))
    box = Mailbox(tmp_path / "mail")
    assert box.count() == 4
    newest = box.list(limit=10)
    assert [m.to for m in newest] == ["g2@example.org", "g1@example.org", "g0@example.org",
                                      "maria.lopez@example.org"]
    assert [m.language for m in newest] == ["es", "es", "es", "en"]
    assert newest[0].subject == "Su resumen diario: Ana y Luis"
    assert newest[-1].subject == "New work in Ana's portfolio"
    assert newest[-1].message_id == "<notification-n-0001@jcps.example.org>"
    assert "JCPS Escuelas Públicas" in newest[-1].from_
    assert newest[0].received_at >= newest[-1].received_at
    assert [m.id for m in box.list(limit=2, offset=1)] == [m.id for m in newest[1:3]]
    assert box.list(limit=5, offset=10) == []
    first = box.read(newest[-1].id)
    assert "<b>Bravo</b>" in first.text and "&lt;b&gt;Bravo&lt;/b&gt;" in first.html
    assert first.subject == "New work in Ana's portfolio"
    spanish = box.read(newest[0].id)
    assert "== Luis ==" in spanish.text and "Esto es lo que pasó hoy." in spanish.text


def test_reading_a_message_that_is_not_there(tmp_path: Path):
    box = Mailbox(tmp_path / "mail")
    assert box.list() == [] and box.count() == 0
    for missing in ("1733412345.M1P2Q3.host", "../../etc/passwd", ""):
        with pytest.raises(KeyError):
            box.read(missing)


def test_the_sink_runs_as_a_process(tmp_path: Path, view, recipient, sender):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "notifications.mail.sink", "--directory",
                                str(tmp_path / "var" / "mail"), "--port", str(port)],
                               stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert "mail sink listening on 127.0.0.1:" in process.stdout.readline()
        SmtpTransport(SmtpSettings(port=port)).send(render_instant(view(), recipient(), sender, UNSUBSCRIBE))
        box = Mailbox(tmp_path / "var" / "mail")
        assert wait_for(lambda: box.list(), what="the message in the sink's Maildir")[0].subject == \
            "New work in Ana's portfolio"
    finally:
        process.terminate()
        assert process.wait(timeout=30) == 0
