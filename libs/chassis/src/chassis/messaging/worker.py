"""Start a nameko worker role of a service (``events``, or another such as ``media``): ``nameko run`` of its module.

``exec_nameko_worker`` replaces the CLI process with ``python -m chassis.messaging.worker SERVICE MODULE [ROLE
METRICS_PORT MAX_WORKERS]``, which filters eventlet's deprecation warning, monkey-patches, sets up JSON logs and
/metrics, then runs the service (``serve``). Without the optional arguments it is the ``events`` role, with the port
and concurrency of ``<SERVICE>_EVENTS_METRICS_PORT`` / ``<SERVICE>_EVENTS_MAX_WORKERS``.
"""
from __future__ import annotations

import errno
import importlib
import os
import signal
import sys
import warnings

# Only this one warning is filtered: eventlet's import-time notice (category EventletDeprecationWarning, a plain
# Warning subclass, whose message starts with a newline, so a DeprecationWarning / ".*" filter never matches it).
EVENTLET_WARNING = r"\s*Eventlet is deprecated"


def nameko_config(service: str, max_workers: int | None = None) -> dict:
    """nameko config derived from the environment (SKILLFOLIO_*, <SERVICE>_*); ``max_workers`` overrides
    ``<SERVICE>_EVENTS_MAX_WORKERS`` for roles other than ``events``."""
    from chassis.config import PlatformSettings, service_settings
    platform = PlatformSettings()
    return {
        "AMQP_URI": platform.amqp_url,
        "serializer": "json",
        "max_workers": max_workers or service_settings(service).events_max_workers,
        "SKILLFOLIO_QUEUE_TYPE": platform.queue_type,
        "SKILLFOLIO_OUTBOX_RETENTION_HOURS": platform.outbox_retention_hours,
    }


def find_service_class(module_name: str) -> str:
    """``module:Class`` of the one nameko service class the module defines (it may have no entrypoints)."""
    from nameko.extensions import Extension
    module = importlib.import_module(module_name)
    found = [name for name, obj in vars(module).items()
             if isinstance(obj, type) and obj.__module__ == module_name and isinstance(getattr(obj, "name", None), str)
             and any(isinstance(value, Extension) or hasattr(value, "nameko_entrypoints")
                     for value in vars(obj).values())]
    if len(found) != 1:
        raise SystemExit(f"{module_name} must define exactly one nameko service class, found {found or 'none'}")
    return f"{module_name}:{found[0]}"


def exec_nameko_worker(service: str, module: str, role: str = "events", metrics_port: int | None = None,
                       max_workers: int | None = None) -> None:
    """Replace this process with a nameko worker of ``service`` (a fresh interpreter, patched before imports).

    The ``events`` role takes its port and concurrency from ``<SERVICE>_EVENTS_*``; another role passes its own.
    """
    extra = [] if role == "events" else [role, str(metrics_port or 0), str(max_workers or 0)]
    os.execv(sys.executable, [sys.executable, "-m", "chassis.messaging.worker", service, module, *extra])


def serve(service_class: type, config: dict, grace: float) -> None:
    """nameko's ``run``, with SIGTERM's wait bounded by ``grace`` seconds (``<SERVICE>_SHUTDOWN_GRACE_SECONDS``).

    SIGTERM stops the service gracefully: no new deliveries, the handlers and batches in hand finish. nameko waits for
    them without end, until the service manager's SIGKILL (Kubernetes' terminationGracePeriodSeconds, `up`'s 5 s).
    Here, after ``grace`` seconds, what is still running is killed instead and the process exits 0: its deliveries
    were never acked, so the broker gives them to another worker, its transactions roll back, and the consumers are
    idempotent. A relay batch in hand is the same: its rows stay unpublished and the next relay publishes them.
    """
    import eventlet
    from nameko.runners import ServiceRunner

    runner = ServiceRunner(config)
    runner.add_service(service_class)

    def stop_within_grace() -> None:
        deadline = eventlet.spawn_after(grace, runner.kill)
        runner.stop()
        deadline.cancel()

    # A signal handler runs in the main loop and cannot use eventlet's primitives: stopping runs in a green thread.
    signal.signal(signal.SIGTERM, lambda _signum, _frame: eventlet.spawn_n(stop_within_grace))
    runner.start()
    waiting = eventlet.spawn(runner.wait)   # its own green thread: a signal interrupts this one's wait (EINTR)
    while True:
        try:
            waiting.wait()
            return
        except OSError as error:
            if error.errno != errno.EINTR:
                raise


def main(service: str, module: str, role: str = "events", metrics_port: int | None = None,
         max_workers: int | None = None) -> None:
    warnings.filterwarnings("ignore", message=EVENTLET_WARNING, category=Warning)
    import eventlet
    eventlet.monkey_patch()
    from nameko.cli.run import import_service

    from chassis.config import PlatformSettings, service_settings
    from chassis.logs import configure_logging
    from chassis.metrics import serve_metrics

    platform, settings = PlatformSettings(), service_settings(service)
    configure_logging(f"{service}-{role}", platform.log_level, platform.log_format)
    serve_metrics(settings.events_metrics_port if role == "events" else metrics_port or 0)
    [service_class] = import_service(find_service_class(module))
    serve(service_class, nameko_config(service, max_workers), settings.shutdown_grace_seconds)


if __name__ == "__main__":
    if len(sys.argv) == 3:
        main(sys.argv[1], sys.argv[2])
    elif len(sys.argv) == 6:
        main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        raise SystemExit("usage: python -m chassis.messaging.worker SERVICE MODULE [ROLE METRICS_PORT MAX_WORKERS]")
