"""`skillfolio run gateway`: serve the app with uvicorn, and /metrics on its own port; SIGTERM finishes in-flight
requests, then exits."""
from __future__ import annotations

import ctypes
import ctypes.util
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
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3     # glibc's <malloc.h>


def keep_large_buffers() -> None:
    """Media pass through the gateway in chunks of a few MB (a passport export, an import). By default glibc's malloc
    maps each such chunk afresh and unmaps it when freed, so every chunk page-faults new memory; on a VM whose host
    reclaims freed memory that nearly doubled an export's CPU (2.1 s against 1.3 s per GB here). Chunks under 32 MB
    are served from the heap instead, and up to 64 MB of freed heap is kept for the next ones. Not glibc: no-op."""
    found = ctypes.util.find_library("c")
    mallopt = getattr(ctypes.CDLL(found), "mallopt", None) if found else None
    if mallopt is not None:
        mallopt(M_MMAP_THRESHOLD, 32 << 20)
        mallopt(M_TRIM_THRESHOLD, 64 << 20)


def start_metrics(settings: GatewaySettings) -> MetricsServer | None:
    """Prometheus /metrics on GATEWAY_METRICS_PORT (same bind address), never on the public port."""
    return serve_metrics(settings.metrics_port, settings.host)


def serve() -> None:
    keep_large_buffers()
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
