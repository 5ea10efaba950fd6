"""RabbitMQ topology of a reliable consumer: its queue, per-delay retry queues that dead-letter back, and its DLQ.

``<queue>`` is bound to ``<source>.events`` by event type. A failed delivery is republished (default exchange) to
``<queue>.retry.<delay_ms>`` whose ``x-message-ttl`` expires it back into ``<queue>``; after the last attempt it is
parked in ``<queue>.dlq``. Queues are durable; ``queue_type`` is ``quorum`` (default) or ``classic``.
Each ``<service>.events`` exchange has an alternate exchange (set by a policy) whose queue keeps what no queue takes.
"""
from __future__ import annotations

from dataclasses import dataclass

from kombu import Exchange, Queue

ATTEMPT_HEADER = "x-skillfolio-attempt"          # deliveries already failed before this one
ERROR_HEADER = "x-skillfolio-last-error"
ORIGIN_HEADER = "x-skillfolio-queue"             # the consumer queue a parked message belongs to
CRASH_REDELIVERY_LIMIT = 10                      # quorum only: deliveries lost to crashed workers before parking


def events_exchange(service: str) -> Exchange:
    return Exchange(f"{service}.events", type="topic", durable=True, auto_delete=False)


def unroutable_name(service: str) -> str:
    """The alternate exchange of ``<service>.events`` and its queue: every message no binding routes lands there."""
    return f"{service}.events.unroutable"


def alternate_exchange_policy(service: str) -> dict:
    """The RabbitMQ policy giving ``<service>.events`` its alternate exchange (management API / definitions.json).

    A policy, not an ``alternate-exchange`` argument: RabbitMQ compares that argument on every redeclaration, so
    adding it to a live exchange (or a publisher declaring without it) fails with PRECONDITION_FAILED.
    """
    return {"name": f"skillfolio-{service}-events-unroutable", "pattern": f"^{service}\\.events$",
            "apply-to": "exchanges", "priority": 10, "definition": {"alternate-exchange": unroutable_name(service)}}


def handler_queue_name(source_service: str, event_type: str, service: str, method: str) -> str:
    """nameko's own SERVICE_POOL naming, so a queue's purpose is obvious in the management UI."""
    return f"evt-{source_service}-{event_type}--{service}.{method}"


def consumer_name(service: str, method: str) -> str:
    """A handler's name in its inbox rows and metrics: ``<service>.<method>`` (the nameko service and method)."""
    return f"{service}.{method}"


def retry_queue_name(queue: str, delay_ms: int) -> str:
    return f"{queue}.retry.{delay_ms}"


def dlq_name(queue: str) -> str:
    return f"{queue}.dlq"


def retry_delay_ms(delays_ms: list[int], failed_attempts: int) -> int:
    """Backoff before the next attempt, after ``failed_attempts`` (>= 1) failures; the last delay repeats."""
    return delays_ms[min(failed_attempts, len(delays_ms)) - 1]


@dataclass(frozen=True)
class EventsTopology:
    """What a publishing service's exchange needs: the topic exchange, and its alternate exchange and queue."""
    service: str
    queue_type: str = "quorum"

    def exchange(self) -> Exchange:
        return events_exchange(self.service)

    def unroutable_queue(self) -> Queue:
        alternate = Exchange(unroutable_name(self.service), type="fanout", durable=True, auto_delete=False)
        arguments = {"x-queue-type": self.queue_type} if self.queue_type == "quorum" else {}
        return Queue(unroutable_name(self.service), exchange=alternate, routing_key="", durable=True,
                     auto_delete=False, queue_arguments=arguments)

    def policy(self) -> dict:
        return alternate_exchange_policy(self.service)


@dataclass(frozen=True)
class ConsumerTopology:
    queue: str
    exchange: Exchange
    routing_key: str
    retry_delays_ms: tuple[int, ...]
    queue_type: str = "quorum"

    def _type_args(self) -> dict:
        return {"x-queue-type": self.queue_type} if self.queue_type == "quorum" else {}

    def main_queue(self) -> Queue:
        arguments = self._type_args()
        if self.queue_type == "quorum":
            # A message whose handler keeps killing the worker (never acked) is parked, not redelivered forever.
            arguments.update({"x-delivery-limit": CRASH_REDELIVERY_LIMIT, "x-dead-letter-exchange": "",
                              "x-dead-letter-routing-key": dlq_name(self.queue)})
        return Queue(self.queue, exchange=self.exchange, routing_key=self.routing_key, durable=True,
                     auto_delete=False, queue_arguments=arguments)

    def retry_queues(self) -> list[Queue]:
        return [Queue(retry_queue_name(self.queue, delay), durable=True, auto_delete=False,
                      queue_arguments={**self._type_args(), "x-message-ttl": delay, "x-dead-letter-exchange": "",
                                       "x-dead-letter-routing-key": self.queue})
                for delay in sorted(set(self.retry_delays_ms))]

    def dead_letter_queue(self) -> Queue:
        return Queue(dlq_name(self.queue), durable=True, auto_delete=False, queue_arguments=self._type_args())

    def all_queues(self) -> list[Queue]:
        return [self.main_queue(), *self.retry_queues(), self.dead_letter_queue()]
