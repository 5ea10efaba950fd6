"""Wire snapshot of every nameko worker: its queues with their bindings, retry queues and DLQ, the inbox consumer
name each handler records, the metric names and labels, and its timers (subscription_names.json).

A running deployment upgrades in place only if a new build declares exactly these: the snapshot was taken from the
hand-written workers and must hold for whatever builds them. Regenerate deliberately with
``python tests/contract/test_subscription_names.py`` (and say why: a change here is a migration).
"""
from __future__ import annotations

import importlib
import json
import pathlib
import warnings

import pytest
from sqlalchemy import Engine, event

from chassis import metrics
from chassis.events import Envelope
from chassis.messaging.worker import EVENTLET_WARNING, find_service_class

DATA = pathlib.Path(__file__).with_name("subscription_names.json")
WORKERS = {   # nameko module -> the service whose database it writes
    "roster.entrypoints.worker": "roster", "skills.entrypoints.worker": "skills",
    "artifacts.entrypoints.worker": "artifacts", "artifacts.entrypoints.media_worker": "artifacts",
    "reflections.entrypoints.worker": "reflections", "notifications.entrypoints.worker": "notifications",
    "notifications.entrypoints.sender": "notifications",
    "reporting.entrypoints.worker": "reporting"}
# Enough for any handler to reach its inbox claim; handlers may fail after it (the row is rolled back, not the fact).
DATA_FIELDS = {"artifact_id": "a1", "version": 1, "reflection_id": "r1", "revision": 1}


def _service_class(module_name: str):
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=EVENTLET_WARNING, category=Warning)
        module = importlib.import_module(module_name)
    return getattr(module, find_service_class(module_name).split(":")[1])


def _queue(queue) -> dict:
    return {"name": queue.name, "exchange": queue.exchange.name if queue.exchange else "",
            "exchange_type": queue.exchange.type if queue.exchange and queue.exchange.name else "",
            "routing_key": queue.routing_key or "", "durable": queue.durable,
            "arguments": dict(sorted((queue.queue_arguments or {}).items()))}


def _entrypoints(service_class, monkeypatch) -> tuple[dict, list]:
    """What each entrypoint declares at setup (the broker calls recorded, not made), keyed by method name."""
    from nameko.containers import ServiceContainer
    from nameko.timer import Timer

    from chassis.messaging.queue_consumer import RawQueueConsumer
    from chassis.messaging.redelivery import Redelivery
    declared: list = []
    monkeypatch.setattr(Redelivery, "declare", lambda self, queues: declared.extend(queues))
    monkeypatch.setattr(RawQueueConsumer, "register_provider", lambda self, provider: None)
    container = ServiceContainer(service_class, {"AMQP_URI": "memory://", "SKILLFOLIO_QUEUE_TYPE": "quorum"})
    handlers, timers = {}, []
    for entrypoint in sorted(container.entrypoints, key=lambda e: e.method_name):
        if isinstance(entrypoint, Timer):
            timers.append(entrypoint.method_name)
            continue
        declared.clear()
        entrypoint.setup()
        handlers[entrypoint.method_name] = {
            "source": entrypoint.source_service, "event_type": entrypoint.event_type,
            "metric_handler_label": entrypoint.handler_name, "queues": [_queue(q) for q in declared]}
    return handlers, timers


def _inbox_consumers(service_class, handlers: dict) -> dict[str, list[str]]:
    """Deliver one event to each handler method and record the inbox consumer names its transaction writes."""
    written: list[str] = []

    def spy(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("INSERT INTO INBOX"):
            written.append(str(parameters[0] if isinstance(parameters, (list, tuple)) else parameters["consumer"]))

    event.listen(Engine, "before_cursor_execute", spy)
    try:
        consumers = {}
        for method, handler in handlers.items():
            written.clear()
            envelope = Envelope(type=handler["event_type"], producer=handler["source"], data=dict(DATA_FIELDS))
            try:
                getattr(service_class(), method)(envelope)
            except Exception:  # noqa: BLE001 - the made-up payload may fail the effect, after the claim
                pass
            consumers[method] = sorted(set(written))
        return consumers
    finally:
        event.remove(Engine, "before_cursor_execute", spy)


def _metrics() -> dict:
    return {m._name: list(m._labelnames) for m in (metrics.EVENTS_CONSUMED, metrics.EVENTS_FAILED,
                                                    metrics.EVENTS_PUBLISHED, metrics.OUTBOX_LAG,
                                                    metrics.OUTBOX_PENDING, metrics.RELAY_LAST_CYCLE)}


def snapshot(tmp_path: pathlib.Path, monkeypatch) -> dict:
    from chassis.db import make_engine
    for name, value in {"SKILLFOLIO_VAR_DIR": str(tmp_path), "SKILLFOLIO_MEDIA_STORE": "filesystem",
                        "SKILLFOLIO_MEDIA_URL_SECRET": "snapshot", "SKILLFOLIO_EVENT_MAX_ATTEMPTS": "5",
                        "SKILLFOLIO_EVENT_RETRY_DELAYS_MS": "1000,5000,30000"}.items():
        monkeypatch.setenv(name, value)
    for service in set(WORKERS.values()):
        url = f"sqlite:///{tmp_path / f'{service}.db'}"
        monkeypatch.setenv(f"{service.upper()}_DATABASE_URL", url)
        importlib.import_module(f"{service}.adapters.orm").metadata.create_all(make_engine(url))
    workers = {}
    for module_name in WORKERS:
        service_class = _service_class(module_name)
        handlers, timers = _entrypoints(service_class, monkeypatch)
        for method, consumers in _inbox_consumers(service_class, handlers).items():
            handlers[method]["inbox_consumers"] = consumers
        workers[module_name] = {"service_name": service_class.name, "handlers": handlers, "timers": timers}
    return {"workers": workers, "metrics": _metrics()}


def test_workers_declare_the_recorded_queues_consumers_and_metrics(tmp_path, monkeypatch):
    recorded = json.loads(DATA.read_text())
    current = snapshot(tmp_path, monkeypatch)
    assert current["metrics"] == recorded["metrics"]
    assert sorted(current["workers"]) == sorted(recorded["workers"])
    for module_name, worker in recorded["workers"].items():
        assert current["workers"][module_name] == worker, module_name


def test_every_handler_claims_exactly_one_inbox_consumer_of_its_own():
    recorded = json.loads(DATA.read_text())
    seen: dict[str, str] = {}
    for module_name, worker in recorded["workers"].items():
        for method, handler in worker["handlers"].items():
            assert len(handler["inbox_consumers"]) == 1, (module_name, method)
            (consumer,) = handler["inbox_consumers"]
            assert consumer not in seen, f"{consumer}: {seen.get(consumer)} and {module_name}.{method}"
            seen[consumer] = f"{module_name}.{method}"


if __name__ == "__main__":
    import tempfile
    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as patch:
        DATA.write_text(json.dumps(snapshot(pathlib.Path(tmp), patch), indent=1, sort_keys=True) + "\n")
