"""Serve a service's gRPC API on an ephemeral port for a test, and sign the principals tests call it as."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import grpc

from chassis.config import PlatformSettings
from chassis.context import Principal
from chassis.grpc.principal import METADATA_KEY, sign_principal


@contextmanager
def serving(start: Callable, settings, app, public_key: str, stub_type: type) -> Iterator:
    """``start(settings, app, platform=..., metrics=False)`` (each service's grpc_api.start); yields a stub."""
    handle = start(settings, app, platform=PlatformSettings(principal_public_key=public_key), metrics=False)
    channel = grpc.insecure_channel(f"127.0.0.1:{handle.port}")
    try:
        yield stub_type(channel)
    finally:
        channel.close()
        handle.stop(grace=1)


def signed_as(private_key: str, subject: str, *roles: str, correlation_id: str = "") -> list[tuple[str, str]]:
    """gRPC metadata carrying a principal the gateway would sign (and optionally a correlation id)."""
    metadata = [(METADATA_KEY, sign_principal(Principal(subject=subject, roles=roles), private_key))]
    return metadata + ([("x-correlation-id", correlation_id)] if correlation_id else [])
