"""The SMTP transport against a real aiosmtpd server: delivery, one connection per batch, 4xx/5xx/unreachable
classified (a server that cannot be used at all apart from a refused or deferred message), credentials and STARTTLS
settings."""
from __future__ import annotations

import email
import email.policy
import socket
import threading

import pytest
from notifications.mail import (
    PermanentSendError,
    ServerUnavailableError,
    SmtpSettings,
    SmtpTransport,
    TransientSendError,
    render_digest,
    render_instant,
)

from chassis.testing.infra import free_port

pytestmark = pytest.mark.integration
UNSUBSCRIBE = "https://skillfolio.jcps.example.org/notifications/unsubscribe/tok"


@pytest.fixture
def instant(view, recipient, sender):
    def make(n: int = 1, email_address: str = "maria.lopez@example.org", language: str = "en"):
        return render_instant(view(notification_id=f"n-{n}"), recipient(language, email=email_address), sender,
                              UNSUBSCRIBE)
    return make


def test_a_message_arrives_as_rendered(smtp_server, instant, view, recipient, sender):
    server = smtp_server()
    SmtpTransport(server.settings()).send(instant(1, language="es"))
    digest = render_digest("daily", "d-1", recipient("es"), [("Ana", [view()])], sender, UNSUBSCRIBE)
    SmtpTransport(server.settings(envelope_from="bounces@jcps.example.org")).send(digest)
    first, second = server.handler.received
    assert first.mail_from == "noreply@jcps.example.org" and first.rcpt_tos == ["maria.lopez@example.org"]
    assert second.mail_from == "bounces@jcps.example.org"
    got = email.message_from_bytes(first.content, policy=email.policy.default)
    assert got["Message-ID"] == "<notification-n-1@jcps.example.org>"
    assert got["Subject"] == "Trabajo nuevo en el portafolio de Ana"
    assert "Mr. Okafor agregó un trabajo nuevo" in got.get_body(("plain",)).get_content()
    assert email.message_from_bytes(second.content, policy=email.policy.default)["Message-ID"] == \
        "<digest-d-1@jcps.example.org>"


def test_a_session_sends_a_batch_over_one_connection(smtp_server, instant):
    server = smtp_server()
    with SmtpTransport(server.settings()).session() as session:
        for n in range(20):
            session.send(instant(n))
    assert len(server.handler.received) == 20
    assert len({r.peer for r in server.handler.received}) == 1


def test_a_deferral_is_transient_and_a_refusal_permanent(smtp_server, instant):
    server = smtp_server()
    server.handler.rcpt_replies = {"gone@example.org": "550 5.1.1 No such user",
                                   "busy@example.org": "451 4.3.0 Mailbox busy, try later"}
    with SmtpTransport(server.settings()).session() as session:
        with pytest.raises(PermanentSendError) as refused:
            session.send(instant(1, "gone@example.org"))
        assert refused.value.code == 550 and refused.value.recipient == "gone@example.org"
        assert "No such user" in str(refused.value)
        with pytest.raises(TransientSendError) as deferred:
            session.send(instant(2, "busy@example.org"))
        assert deferred.value.code == 451
        session.send(instant(3))                        # the connection goes on after both
    assert [r.rcpt_tos for r in server.handler.received] == [["maria.lopez@example.org"]]
    assert len({r.peer for r in server.handler.received}) == 1


@pytest.mark.parametrize(("stage", "reply", "error", "about_recipient"), [
    ("data_reply", "451 4.7.1 Greylisted, try again", TransientSendError, None),
    ("data_reply", "554 5.7.1 Message rejected as spam", PermanentSendError, "maria.lopez@example.org"),
    ("mail_reply", "421 4.3.2 Shutting down", TransientSendError, None),
    ("mail_reply", "553 5.7.1 Sender not allowed", PermanentSendError, None),
    ("mail_reply", "530 5.7.0 Authentication required", TransientSendError, None),
])
def test_replies_at_each_stage_are_classified(stage, reply, error, about_recipient, smtp_server, instant):
    server = smtp_server()
    setattr(server.handler, stage, reply)
    with pytest.raises(error) as raised:
        SmtpTransport(server.settings()).send(instant())
    assert raised.value.code == int(reply[:3])
    if error is PermanentSendError:
        assert raised.value.recipient == about_recipient


@pytest.mark.parametrize(("where", "reply", "unusable"), [
    ("rcpt", "421 4.3.2 Service not available", True),
    ("mail_reply", "421 4.3.2 Shutting down", True),
    ("data_reply", "421 4.4.2 Connection timed out", True),
    ("rcpt", "451 4.3.0 Mailbox busy, try later", False),
    ("data_reply", "451 4.7.1 Greylisted, try again", False),
])
def test_a_421_is_the_server_unusable_and_another_4xx_only_this_message(where, reply, unusable, smtp_server, instant):
    server = smtp_server()
    if where == "rcpt":
        server.handler.rcpt_replies = {"maria.lopez@example.org": reply}
    else:
        setattr(server.handler, where, reply)
    with pytest.raises(TransientSendError) as raised:
        SmtpTransport(server.settings()).send(instant())
    assert isinstance(raised.value, ServerUnavailableError) is unusable and raised.value.code == int(reply[:3])


def test_a_stopped_server_is_transient_and_the_session_recovers_when_it_returns(smtp_server, instant):
    server = smtp_server()
    with SmtpTransport(server.settings()).session() as session:
        session.send(instant(1))
        server.stop()
        for n in (2, 3):                                  # the old connection is gone, then nobody listens
            with pytest.raises(ServerUnavailableError):
                session.send(instant(n))
        server.restart()
        session.send(instant(4))
    assert [email.message_from_bytes(r.content)["Message-ID"] for r in server.handler.received] == [
        "<notification-n-1@jcps.example.org>", "<notification-n-4@jcps.example.org>"]


def test_nobody_listening_is_transient(instant):
    with pytest.raises(ServerUnavailableError, match="ConnectionRefusedError"):
        SmtpTransport(SmtpSettings(port=free_port(), timeout=5)).send(instant())


def test_a_server_that_never_answers_times_out_as_transient(instant):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    accepted = []
    thread = threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True)
    thread.start()
    try:
        with pytest.raises(ServerUnavailableError):
            SmtpTransport(SmtpSettings(port=listener.getsockname()[1], timeout=0.5)).send(instant())
    finally:
        listener.close()
        for connection, _ in accepted:
            connection.close()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")   # the plain-text case on purpose
def test_credentials_are_used_and_wrong_ones_are_transient(smtp_server, password_checker, instant):
    server = smtp_server(authenticator=password_checker("skillfolio", "s3cret"), auth_required=True,
                         auth_require_tls=False)
    SmtpTransport(server.settings(username="skillfolio", password="s3cret")).send(instant(1))
    with pytest.raises(TransientSendError, match="check the SMTP username") as wrong:
        SmtpTransport(server.settings(username="skillfolio", password="nope")).send(instant(2))
    assert wrong.value.code == 535
    with pytest.raises(TransientSendError) as none:
        SmtpTransport(server.settings()).send(instant(3))
    assert none.value.code == 530
    assert len(server.handler.received) == 1


def test_starttls_with_credentials(smtp_server, password_checker, self_signed, instant):
    server_context, ca_file = self_signed
    server = smtp_server(tls_context=server_context, require_starttls=True, auth_required=True,
                         authenticator=password_checker("skillfolio", "s3cret"))      # AUTH only once under TLS
    secure = server.settings(starttls=True, ca_file=ca_file, username="skillfolio", password="s3cret")
    with SmtpTransport(secure).session() as session:
        session.send(instant(1))
        session.send(instant(2))
    assert len(server.handler.received) == 2
    with pytest.raises(TransientSendError):            # no STARTTLS: the server wants it before anything
        SmtpTransport(server.settings(username="skillfolio", password="s3cret")).send(instant(3))
    with pytest.raises(TransientSendError, match="TLS"):  # a certificate we were not told to trust
        SmtpTransport(server.settings(starttls=True, username="skillfolio", password="s3cret")).send(instant(4))
    assert len(server.handler.received) == 2


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"host": ""}, "host"), ({"port": 0}, "port"), ({"timeout": 0}, "timeout"), ({"password": "x"}, "username"),
])
def test_bad_settings_are_refused_naming_the_field(kwargs, field):
    with pytest.raises(ValueError, match=f"^{field}: "):
        SmtpSettings(**kwargs)


def test_the_password_is_not_in_the_settings_repr():
    assert "s3cret" not in repr(SmtpSettings(username="u", password="s3cret"))
