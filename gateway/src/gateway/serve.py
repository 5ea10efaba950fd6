"""`skillfolio run gateway`: serve the app with uvicorn, and /metrics on its own port; SIGTERM finishes in-flight
requests, then exits."""
from __future__ import annotations

import logging
import sys

import uvicorn

from chassis.config import PlatformSettings
from chassis.grpc.principal import KeyConfigurationError, load_private_key
from chassis.metrics import MetricsServer, serve_metrics
from gateway.app import create_app
from gateway.settings import GatewaySettings

log = logging.getLogger("gateway")
GRACEFUL_SHUTDOWN_SECONDS = 4   # under honcho's 5 s SIGKILL wait in `skillfolio up`


def start_metrics(settings: GatewaySettings) -> MetricsServer | None:
    """Prometheus /metrics on GATEWAY_METRICS_PORT (same bind address), never on the public port."""
    return serve_metrics(settings.metrics_port, settings.host)


def serve() -> None:
    settings, platform = GatewaySettings(), PlatformSettings()
    try:
        settings.check()
        load_private_key(platform.principal_private_key)
        app = create_app(settings, platform)   # also refuses filesystem media without SKILLFOLIO_MEDIA_URL_SECRET
    except (ValueError, KeyConfigurationError) as error:
        log.error("gateway cannot start: %s", error)
        sys.exit(2)
    log.info("gateway listening on http://%s:%s (roster at %s)", settings.host, settings.port, settings.roster_target)
    metrics = start_metrics(settings)
    try:
        uvicorn.Server(server_config(app, settings)).run()
    finally:
        if metrics is not None:
            metrics.stop()


def server_config(app, settings: GatewaySettings) -> uvicorn.Config:
    """uvicorn's configuration. X-Forwarded-For/-Proto are honoured only from the proxies listed in
    GATEWAY_FORWARDED_ALLOW_IPS (none by default): otherwise any client could pick its own address and escape
    the login throttle."""
    proxies = settings.forwarded_allow_ips.strip()
    return uvicorn.Config(app, host=settings.host, port=settings.port, log_config=None,
                          proxy_headers=bool(proxies), forwarded_allow_ips=proxies or None,
                          timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS, server_header=False)
