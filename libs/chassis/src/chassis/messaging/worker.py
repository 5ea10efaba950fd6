"""Start a service's ``events`` role: ``nameko run`` of its worker module, configured from the environment.

``exec_nameko_worker`` replaces the CLI process with ``python -m chassis.messaging.worker SERVICE MODULE``, which
filters eventlet's deprecation warning, monkey-patches, sets up JSON logs and /metrics, then runs nameko's ``run``.
"""
from __future__ import annotations

import importlib
import os
import sys
import warnings

# Only this one warning is filtered: eventlet's import-time notice (category EventletDeprecationWarning, a plain
# Warning subclass, whose message starts with a newline, so a DeprecationWarning / ".*" filter never matches it).
EVENTLET_WARNING = r"\s*Eventlet is deprecated"


def nameko_config(service: str) -> dict:
    """nameko config derived from the environment (SKILLFOLIO_*, <SERVICE>_*)."""
    from chassis.config import PlatformSettings, service_settings
    platform = PlatformSettings()
    return {
        "AMQP_URI": platform.amqp_url,
        "serializer": "json",
        "max_workers": service_settings(service).events_max_workers,
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


def exec_nameko_worker(service: str, module: str) -> None:
    """Replace this process with the nameko worker of ``service`` (a fresh interpreter, patched before imports)."""
    os.execv(sys.executable, [sys.executable, "-m", "chassis.messaging.worker", service, module])


def main(service: str, module: str) -> None:
    warnings.filterwarnings("ignore", message=EVENTLET_WARNING, category=Warning)
    import eventlet
    eventlet.monkey_patch()
    from nameko.cli.run import import_service, run

    from chassis.config import PlatformSettings, service_settings
    from chassis.logs import configure_logging
    from chassis.metrics import serve_metrics

    platform = PlatformSettings()
    configure_logging(f"{service}-events", platform.log_level, platform.log_format)
    serve_metrics(service_settings(service).events_metrics_port)
    run(import_service(find_service_class(module)), nameko_config(service))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m chassis.messaging.worker SERVICE MODULE")
    main(sys.argv[1], sys.argv[2])
