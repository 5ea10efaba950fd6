"""The one event envelope and the base class of domain events (pure Python, no framework imports)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any, ClassVar

SCHEMA_VERSION = 1


def wire_type(class_name: str) -> str:
    """``ArtifactAdded`` -> ``artifact_added``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", class_name).lower()


@dataclass(frozen=True)
class DomainEvent:
    """Base of past-tense domain events; subclasses are dataclasses whose fields are the payload."""

    schema_version: ClassVar[int] = SCHEMA_VERSION

    @classmethod
    def type_name(cls) -> str:
        return wire_type(cls.__name__)

    def payload(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Envelope:
    """``{event_id, type, schema_version, occurred_at, producer, correlation_id, data}`` serialised as JSON."""

    type: str
    producer: str
    data: dict[str, Any]
    correlation_id: str = ""
    schema_version: int = SCHEMA_VERSION
    event_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    occurred_at: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat())

    @classmethod
    def from_event(cls, event: DomainEvent, producer: str, correlation_id: str = "") -> Envelope:
        return cls(type=event.type_name(), producer=producer, data=event.payload(),
                   correlation_id=correlation_id, schema_version=event.schema_version)

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), separators=(",", ":"), default=str)

    @classmethod
    def from_json(cls, raw: str | bytes) -> Envelope:
        body = json.loads(raw)
        missing = {"event_id", "type", "producer", "data"} - body.keys()
        if missing:
            raise ValueError(f"envelope lacks {sorted(missing)}")
        return cls(**{k: v for k, v in body.items() if k in _ENVELOPE_FIELDS})


_ENVELOPE_FIELDS = frozenset(f.name for f in dataclasses.fields(Envelope))
