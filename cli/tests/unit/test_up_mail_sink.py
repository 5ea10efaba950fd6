"""`skillfolio up` runs the local mail sink beside the roles and points the notifications sender at it, unless the
environment names an SMTP relay."""
from __future__ import annotations

import pathlib

from skillfolio_cli.platform import PROCESSES, mail_sink


def test_up_adds_the_mail_sink_and_points_the_sender_at_it(tmp_path: pathlib.Path):
    environ: dict[str, str] = {}
    [sink] = mail_sink(tmp_path, environ)
    assert sink.name == "mailsink" and "-m notifications.mail.sink" in sink.command()
    assert str(tmp_path / "mail") in sink.command() and "--port 2525" in sink.command()
    assert environ == {"NOTIFICATIONS_SMTP_HOST": "127.0.0.1", "NOTIFICATIONS_SMTP_PORT": "2525",
                       "NOTIFICATIONS_MAIL_DIR": str(tmp_path / "mail"),
                       "GATEWAY_DEMO_MAILDIR": str(tmp_path / "mail")}      # the web app's demo mailbox page
    assert "mailsink" not in {spec.name for spec in PROCESSES}     # a helper of `up`, no service role


def test_a_configured_relay_means_no_sink(tmp_path: pathlib.Path):
    environ = {"NOTIFICATIONS_SMTP_HOST": "smtp.district.example"}
    assert mail_sink(tmp_path, environ) == []
    assert environ == {"NOTIFICATIONS_SMTP_HOST": "smtp.district.example"}
