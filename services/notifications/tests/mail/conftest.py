"""Fixtures of the notifications.mail tests: notification views, recipients and a sender to render; a real aiosmtpd
server whose replies a test chooses (accept, defer 451, refuse 550, require credentials or STARTTLS)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import ipaddress
import ssl
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from notifications.mail import NotificationView, Recipient, SenderIdentity, SmtpSettings

from chassis.testing.infra import free_port

OCCURRED = dt.datetime(2026, 12, 5, 17, 0, tzinfo=dt.UTC)       # 12:00 in Louisville


@pytest.fixture
def sender() -> SenderIdentity:
    return SenderIdentity(from_name="JCPS Escuelas Públicas", from_address="noreply@jcps.example.org",
                          base_url="https://skillfolio.jcps.example.org",
                          list_unsubscribe_mailto="unsubscribe@jcps.example.org")


@pytest.fixture
def recipient() -> Callable[..., Recipient]:
    def make(language: str = "en", **changes) -> Recipient:
        return dataclasses.replace(Recipient(person_id="g-1", email="maria.lopez@example.org",
                                             display_name="María López", language=language,
                                             time_zone="America/Kentucky/Louisville"), **changes)
    return make


@pytest.fixture
def view() -> Callable[..., NotificationView]:
    def make(kind: str = "artifact_added", **changes) -> NotificationView:
        values = dict(notification_id="n-0001", category="new_work", kind=kind, child_first_name="Ana",
                      actor_name="Mr. Okafor", count=1, title=None, user_text=None, outcome=None,
                      occurred_at=OCCURRED, link="https://skillfolio.jcps.example.org/artifacts/a-17")
        values.update(changes)
        return NotificationView(**values)
    return make


@dataclasses.dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    peer: tuple


class ScriptedHandler:
    """Accepts everything unless told otherwise: ``mail_reply``, ``rcpt_replies[address]``, ``data_reply``."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.mail_reply: str | None = None
        self.rcpt_replies: dict[str, str] = {}
        self.data_reply: str | None = None

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.mail_reply:
            return self.mail_reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.rcpt_replies:
            return self.rcpt_replies[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.data_reply:
            return self.data_reply
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content,
                                      session.peer))
        return "250 OK"


@dataclasses.dataclass
class SmtpServer:
    handler: ScriptedHandler
    port: int
    controller: Controller
    server_kwargs: dict

    def settings(self, **changes) -> SmtpSettings:
        return SmtpSettings(host="127.0.0.1", port=self.port, timeout=10, **changes)

    def stop(self) -> None:
        self.controller.stop()

    def restart(self) -> None:
        """Listen again on the same port (after ``stop``)."""
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **self.server_kwargs)
        self.controller.start()


@pytest.fixture
def smtp_server() -> Iterator[Callable[..., SmtpServer]]:
    """Start a real aiosmtpd server (extra keywords go to aiosmtpd's SMTP: authenticator, tls_context, ...)."""
    started: list[SmtpServer] = []

    def start(**server_kwargs) -> SmtpServer:
        handler, port = ScriptedHandler(), free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port, **server_kwargs)
        controller.start()
        server = SmtpServer(handler, port, controller, server_kwargs)
        started.append(server)
        return server

    yield start
    for server in started:
        try:
            server.controller.stop()
        except (AssertionError, RuntimeError):
            pass                                    # already stopped by the test


@pytest.fixture
def password_checker() -> Callable[[str, str], Callable]:
    """Makes an aiosmtpd authenticator accepting one login."""
    def make(login: str, password: str):
        def authenticate(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
                login.encode(), password.encode())
            return AuthResult(success=ok, handled=False)
        return authenticate
    return make


@pytest.fixture
def self_signed(tmp_path: Path) -> tuple[ssl.SSLContext, str]:
    """A server TLS context with a certificate for 127.0.0.1 made here, and the path of that certificate (the CA
    a client must trust)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                                                        x509.DNSName("localhost")]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "smtp-cert.pem", tmp_path / "smtp-key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    return context, str(cert_path)
