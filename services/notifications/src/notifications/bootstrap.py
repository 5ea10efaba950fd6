"""Composition root: builds the notifications service's engine, session factory, unit of work, use cases and
(for the sender role) the SMTP transport and sender."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

from chassis.config import ConfigurationError, ServiceSettings
from chassis.db import make_engine, make_session_factory
from notifications.config import NotificationsOptions
from notifications.mail import RetryPolicy, SmtpSettings, SmtpTransport, UnsubscribeTokens
from notifications.service_layer.administration import AdministrationUseCases
from notifications.service_layer.feed import PersonalUseCases
from notifications.service_layer.intake import IntakePolicy
from notifications.service_layer.sending import Sender, SenderPolicy
from notifications.service_layer.unit_of_work import NotificationsUnitOfWork

UNSUBSCRIBE_SECRET = "NOTIFICATIONS_UNSUBSCRIBE_SECRET"


def tokens(options: NotificationsOptions) -> UnsubscribeTokens | None:
    """The one-click unsubscribe signer, or None when no secret is configured (then nothing is sent and the
    Unsubscribe RPC refuses: a guessable default secret would let anyone mute anyone)."""
    secret = options.unsubscribe_secret.get_secret_value()
    if not secret:
        return None
    if len(secret) < 16:
        raise ConfigurationError(f"{UNSUBSCRIBE_SECRET}: must be at least 16 characters")
    return UnsubscribeTokens(secret)


def sender_tokens(options: NotificationsOptions) -> UnsubscribeTokens:
    signer = tokens(options)
    if signer is None:
        raise ConfigurationError(f"{UNSUBSCRIBE_SECRET} is required to send email (it signs the one-click "
                                 "unsubscribe links; `skillfolio up` generates one)")
    return signer


def intake_policy(options: NotificationsOptions) -> IntakePolicy:
    return IntakePolicy(options.time_zone, dt.timedelta(seconds=options.instant_delay_seconds))


def sender_policy(options: NotificationsOptions) -> SenderPolicy:
    return SenderPolicy(options.from_address, options.base_url, options.time_zone, options.sender_batch_size,
                        dt.timedelta(seconds=options.sender_lease_seconds),
                        RetryPolicy(options.retry_max_attempts, options.retry_base_seconds,
                                    max(options.retry_cap_seconds, options.retry_base_seconds)),
                        options.bounce_threshold)


def smtp_settings(options: NotificationsOptions) -> SmtpSettings:
    password = options.smtp_password.get_secret_value()
    return SmtpSettings(options.smtp_host, options.smtp_port, options.smtp_starttls, options.smtp_username or None,
                        password or None, options.smtp_timeout_seconds)


@dataclass
class NotificationsApp:
    """Everything a notifications process needs; ``unit_of_work()`` opens a fresh unit for one use case."""

    settings: ServiceSettings
    options: NotificationsOptions
    engine: Engine
    session_factory: sessionmaker
    personal: PersonalUseCases = field(init=False)
    administration: AdministrationUseCases = field(init=False)

    def __post_init__(self) -> None:
        self.personal = PersonalUseCases(self.unit_of_work, tokens(self.options), self.options.time_zone)
        self.administration = AdministrationUseCases(self.unit_of_work, intake_policy(self.options))

    def unit_of_work(self) -> NotificationsUnitOfWork:
        return NotificationsUnitOfWork(self.session_factory)

    def sender(self, transport=None) -> Sender:
        return Sender(self.unit_of_work, transport or SmtpTransport(smtp_settings(self.options)),
                      sender_tokens(self.options), sender_policy(self.options))

    def close(self) -> None:
        self.engine.dispose()


def build(settings: ServiceSettings, options: NotificationsOptions | None = None) -> NotificationsApp:
    engine = make_engine(settings.database_url, pool_size=settings.db_pool_size)
    return NotificationsApp(settings=settings, options=options or NotificationsOptions(), engine=engine,
                            session_factory=make_session_factory(engine))
