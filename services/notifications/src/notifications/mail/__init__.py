"""Email and in-app text of notifications: rendering in every catalogue's language, the SMTP transport, the retry
schedule, one-click unsubscribe tokens and the local mail sink. Pure rendering and transport: no DB, no nameko."""
from notifications.mail.catalogues import SUPPORTED_LANGUAGES, Catalogues, catalogues, negotiate
from notifications.mail.model import CATEGORIES, KINDS, MUTABLE_CATEGORIES, NotificationView, Recipient, SenderIdentity
from notifications.mail.render import render_digest, render_in_app, render_instant
from notifications.mail.retry import RetryPolicy
from notifications.mail.sink import Mailbox, MailSink, SinkMessage
from notifications.mail.smtp import (
                                     PermanentSendError,
                                     SendError,
                                     ServerUnavailableError,
                                     SmtpSession,
                                     SmtpSettings,
                                     SmtpTransport,
                                     TransientSendError,
)
from notifications.mail.tokens import BadUnsubscribeToken, UnsubscribeTokens

__all__ = ["CATEGORIES", "KINDS", "MUTABLE_CATEGORIES", "SUPPORTED_LANGUAGES", "BadUnsubscribeToken", "Catalogues",
           "MailSink", "Mailbox", "NotificationView", "PermanentSendError", "Recipient", "RetryPolicy", "SendError",
           "SenderIdentity", "ServerUnavailableError", "SinkMessage", "SmtpSession", "SmtpSettings", "SmtpTransport",
           "TransientSendError", "UnsubscribeTokens", "catalogues", "negotiate", "render_digest", "render_in_app",
           "render_instant"]
