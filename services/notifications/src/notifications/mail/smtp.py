"""Send rendered emails over real SMTP (stdlib ``smtplib``: cooperative under eventlet), one connection reused
across a batch, each failure classified: retry later (``TransientSendError``; ``ServerUnavailableError`` when the
server itself cannot be used, so the rest of a batch would fail the same way) or not (``PermanentSendError``)."""
from __future__ import annotations

import copy
import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import getaddresses

from notifications.mail.message import to_bytes
from notifications.mail.model import require


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to hand mail over: the embedded sink, or any relay (STARTTLS and credentials)."""
    host: str = "127.0.0.1"
    port: int = 25
    starttls: bool = False
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0
    ca_file: str | None = None           # trust this CA bundle for STARTTLS (a private relay); None: the system's
    envelope_from: str | None = None     # the bounce address (MAIL FROM); None: the message's From
    local_hostname: str | None = None    # the EHLO name; None: this host's FQDN

    def __post_init__(self) -> None:
        require(bool(self.host), "host", "must name the SMTP server")
        require(isinstance(self.port, int) and 0 < self.port < 65536, "port", "must be 1-65535")
        require(self.timeout > 0, "timeout", "must be > 0 seconds")
        require(self.password is None or bool(self.username), "username", "is required when a password is set")


class SendError(Exception):
    """An email was not accepted; ``code`` is the SMTP reply code when the server gave one."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


class TransientSendError(SendError):
    """Try again later: the server answered 4xx for this message, or could not be used at all (the subclass
    :class:`ServerUnavailableError`)."""


class ServerUnavailableError(TransientSendError):
    """Not about this message: the server cannot be reached or used now (refused, reset or timed out connection,
    ``421`` service not available, or the greeting, STARTTLS or login failed). Every other email would fail alike,
    so a sender stops its batch and backs off rather than trying the rest."""


class PermanentSendError(SendError):
    """A 5xx for this message. ``recipient`` is set when the refusal is about the recipient's address (RCPT or
    DATA), so the caller counts it against that address; it is None when the server refused our sender."""

    def __init__(self, message: str, code: int | None = None, recipient: str | None = None) -> None:
        super().__init__(message, code)
        self.recipient = recipient


# 530 authentication (or STARTTLS) required, 534 mechanism too weak, 535 bad credentials, 538 encryption required:
# our settings are wrong, not the recipient's address.
_SETTINGS_CODES = frozenset({530, 534, 535, 538})
_UNAVAILABLE = 421                    # "service not available, closing transmission channel": the server, not us


def _reply(code: int, text: bytes | str) -> str:
    return f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"


def _classify(exc: Exception, recipient: str | None) -> SendError:
    """Map smtplib's and the socket's exceptions onto retry-or-not, and server-level failures onto
    :class:`ServerUnavailableError`."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        address, (code, text) = next(iter(exc.recipients.items()))
        if code == _UNAVAILABLE:
            return ServerUnavailableError(f"server not available: {_reply(code, text)}", code)
        kind = PermanentSendError if code >= 500 else TransientSendError
        error = kind(f"recipient {address} refused: {_reply(code, text)}", code)
        if isinstance(error, PermanentSendError):
            error.recipient = address
        return error
    if isinstance(exc, smtplib.SMTPAuthenticationError) or getattr(exc, "smtp_code", None) in _SETTINGS_CODES:
        return ServerUnavailableError("SMTP server refused our login or TLS (check the SMTP username, password and "
                                      f"STARTTLS settings): {_reply(exc.smtp_code, exc.smtp_error)}", exc.smtp_code)
    if isinstance(exc, smtplib.SMTPConnectError):
        return ServerUnavailableError(f"server refused the connection: {_reply(exc.smtp_code, exc.smtp_error)}",
                                      exc.smtp_code)
    if isinstance(exc, smtplib.SMTPResponseException):
        if exc.smtp_code == _UNAVAILABLE:
            return ServerUnavailableError(f"server not available: {_reply(exc.smtp_code, exc.smtp_error)}",
                                          exc.smtp_code)
        if exc.smtp_code >= 500:
            about = None if isinstance(exc, smtplib.SMTPSenderRefused) else recipient
            stage = "sender refused" if about is None else "message refused"
            return PermanentSendError(f"{stage}: {_reply(exc.smtp_code, exc.smtp_error)}", exc.smtp_code, about)
        return TransientSendError(f"server deferred: {_reply(exc.smtp_code, exc.smtp_error)}", exc.smtp_code)
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return PermanentSendError(f"the server cannot carry this message: {exc}", None, recipient)
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return ServerUnavailableError(f"STARTTLS failed (check the SMTP TLS settings): {exc}")
    if isinstance(exc, smtplib.SMTPException | OSError):      # disconnected, refused, reset, timed out, DNS
        return ServerUnavailableError(f"{type(exc).__name__}: {exc or 'no reply'}")
    raise exc


def envelope(msg: EmailMessage) -> tuple[str, list[str], bytes]:
    """MAIL FROM, RCPT TO (From, To, Cc; never Bcc, which is not sent) and the bytes to send, read from the headers
    as stored (no header objects built: this is on the path of every email)."""
    fields: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        fields.setdefault(name.lower(), []).append(str(value))
    senders = getaddresses(fields.get("sender") or fields.get("from", []))
    recipients = [address for _, address in getaddresses(fields.get("to", []) + fields.get("cc", [])
                                                         + fields.get("bcc", [])) if address]
    require(bool(senders) and bool(senders[0][1]), "msg", "has no From address")
    require(bool(recipients), "msg", "has no To address")
    if "bcc" in fields:
        msg = copy.copy(msg)
        del msg["Bcc"]
    return senders[0][1], recipients, to_bytes(msg)


class SmtpSession:
    """One SMTP connection, opened on the first send and reopened after it breaks."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        smtp = smtplib.SMTP(s.host, s.port, local_hostname=s.local_hostname, timeout=s.timeout)
        try:
            if s.starttls:
                smtp.starttls(context=ssl.create_default_context(cafile=s.ca_file))
            if s.username:
                smtp.login(s.username, s.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp

    def send(self, msg: EmailMessage) -> None:
        """Hand ``msg`` to the server; raises :class:`TransientSendError` (:class:`ServerUnavailableError` when the
        server cannot be used at all) or :class:`PermanentSendError`."""
        sender, recipients, data = envelope(msg)
        sender = self.settings.envelope_from or sender
        if self._smtp is None:
            try:
                self._smtp = self._connect()
            except Exception as exc:          # unreachable, greeting, TLS or login: never the recipient's fault
                error = _classify(exc, None)
                raise ServerUnavailableError(str(error), error.code) from exc
        try:
            refused = self._smtp.sendmail(sender, recipients, data)
        except Exception as exc:
            error = _classify(exc, recipients[0])
            answered = isinstance(exc, smtplib.SMTPResponseException | smtplib.SMTPRecipientsRefused)
            if not answered or self._smtp.sock is None:
                self.close()                  # a broken connection: the next send opens another
            raise error from exc
        if refused:
            raise _classify(smtplib.SMTPRecipientsRefused(refused), recipients[0])

    def close(self) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()


class SmtpTransport:
    """``send(msg)`` on a connection of its own, or ``with transport.session() as s: s.send(msg)`` for a batch."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings

    @contextmanager
    def session(self) -> Iterator[SmtpSession]:
        session = SmtpSession(self.settings)
        try:
            yield session
        finally:
            session.close()

    def send(self, msg: EmailMessage) -> None:
        with self.session() as session:
            session.send(msg)
