"""Structured JSON logging for every process; each record carries the active correlation id."""
from __future__ import annotations

import logging
import sys

from pythonjsonlogger.json import JsonFormatter

from chassis.context import correlation_id_var


class _CorrelationFilter(logging.Filter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def filter(self, record: logging.LogRecord) -> bool:
        record.correlation_id = correlation_id_var.get()
        record.service = self.service
        return True


def configure_logging(service: str, level: str = "INFO", fmt: str = "json") -> None:
    """Route all logging to stderr as one JSON object per line (or plain text when fmt='console')."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_CorrelationFilter(service))
    if fmt == "console":
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(service)s %(name)s "
                                               "[%(correlation_id)s] %(message)s"))
    else:
        handler.setFormatter(JsonFormatter(
            "%(asctime)s %(levelname)s %(name)s %(message)s %(service)s %(correlation_id)s",
            rename_fields={"asctime": "ts", "levelname": "level", "name": "logger"},
        ))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
