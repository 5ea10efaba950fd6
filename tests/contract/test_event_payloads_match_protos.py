"""Every domain event's wire payload (roster, skills, artifacts, reflections, notifications, and the
erasure saga's two in chassis.erasure) parses into its protobuf message in
skillfolio.events.v1, and back.

Event class -> message by name: ``StudentTransferred`` -> ``StudentTransferred``; ``PersonAdded`` /
``PersonUpdated`` / ``PersonRemoved`` -> ``PersonChanged``; ``SkillRetired`` -> ``SkillChanged``;
``ArtifactAdded`` -> ``ArtifactChanged``; ``ReflectionEdited`` -> ``ReflectionChanged``; ``CommentHidden`` ->
``CommentChanged``. A new event without a message, a message no event uses, or a field on one side only fails
here, so events and protos cannot drift.
"""
from __future__ import annotations

import dataclasses
import inspect
import json
import re
import typing

import pytest
from google.protobuf import json_format
from notifications.domain import events as notifications_events

from artifacts.domain import events as artifacts_events
from chassis import erasure as erasure_events
from chassis.events import DomainEvent, Envelope
from reflections.domain import amendment_events, credential_events, goal_events, milestone_events
from reflections.domain import events as reflections_events
from roster.domain import events as roster_events
from skillfolio.events.v1 import (
    amendments_pb2,
    artifacts_pb2,
    credentials_pb2,
    erasure_pb2,
    goals_pb2,
    milestones_pb2,
    notifications_pb2,
    reflections_pb2,
    roster_pb2,
    skills_pb2,
)
from skills.domain import events as skills_events

# producer (or producer/area, for a producer whose events span several modules) -> (its domain events module,
# its generated payload module)
PRODUCERS = {"roster": (roster_events, roster_pb2), "skills": (skills_events, skills_pb2),
             "artifacts": (artifacts_events, artifacts_pb2), "reflections": (reflections_events, reflections_pb2),
             "reflections/goals": (goal_events, goals_pb2), "reflections/milestones": (milestone_events, milestones_pb2),
             "reflections/credentials": (credential_events, credentials_pb2),
             "reflections/amendments": (amendment_events, amendments_pb2),
             "notifications": (notifications_events, notifications_pb2),
             "roster/erasure": (erasure_events, erasure_pb2)}      # erasure_confirmed: every service publishes it
MIN_EVENTS = {"roster": 10, "skills": 7, "artifacts": 5, "reflections": 6, "reflections/goals": 3,
              "reflections/milestones": 6, "reflections/credentials": 3, "reflections/amendments": 3,
              "notifications": 2, "roster/erasure": 2}
_VERB = re.compile(r"(Added|Updated|Removed|Deleted|Retired|Edited|Hidden)$")


def _event_classes(producer: str) -> list[type[DomainEvent]]:
    module = PRODUCERS[producer][0]
    return [cls for name, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, DomainEvent) and cls.__module__ == module.__name__ and not name.startswith("_")]


def _all_event_classes() -> list[tuple[str, type[DomainEvent]]]:
    return [(producer, cls) for producer in PRODUCERS for cls in _event_classes(producer)]


def _message_names(producer: str) -> set[str]:
    return set(PRODUCERS[producer][1].DESCRIPTOR.message_types_by_name)


def message_for(cls: type[DomainEvent], producer: str = "roster") -> str | None:
    """The protobuf message name for an event class, or None when there is none."""
    names = _message_names(producer)
    if cls.__name__ in names:
        return cls.__name__
    changed = _VERB.sub("Changed", cls.__name__)
    return changed if changed != cls.__name__ and changed in names else None


def _sample(name: str, annotation, variant: int):
    """A distinctive value of the field's type; variant 1 flips booleans and empties collections."""
    origin = typing.get_origin(annotation) or annotation
    if annotation is str:
        return f"{name}-{variant}"
    if annotation is bool:
        return variant == 0
    if annotation is int:
        return 2026 + variant
    if origin is list and typing.get_args(annotation) == (str,):
        return [f"{name}-a", f"{name}-b"] if variant == 0 else []
    if origin is list and typing.get_args(annotation) == (int,):
        return [1, 2026] if variant == 0 else []
    if origin is dict and typing.get_args(annotation) == (str, int):
        return {f"{name}-a": 3, "media_objects": 2026} if variant == 0 else {}
    raise AssertionError(f"no sample value for field {name!r} of type {annotation!r}: teach this test the type "
                         "and check its protobuf mapping")


def _instance(cls: type[DomainEvent], variant: int) -> DomainEvent:
    hints = typing.get_type_hints(cls)
    return cls(**{f.name: _sample(f.name, hints[f.name], variant) for f in dataclasses.fields(cls)})


@pytest.mark.parametrize("producer", PRODUCERS)
def test_events_module_defines_events(producer):
    assert len(_event_classes(producer)) >= MIN_EVENTS[producer], [c.__name__ for c in _event_classes(producer)]


@pytest.mark.parametrize("producer", PRODUCERS)
def test_every_event_class_has_a_message(producer):
    unmapped = [cls.__name__ for cls in _event_classes(producer) if message_for(cls, producer) is None]
    assert not unmapped, f"{producer} events without a message in protos/skillfolio/events/v1/: {unmapped}"


@pytest.mark.parametrize("producer", PRODUCERS)
def test_every_message_is_used_by_an_event(producer):
    used = {message_for(cls, producer) for cls in _event_classes(producer)}
    unused = sorted(_message_names(producer) - used)
    assert not unused, f"messages no {producer} event publishes: {unused}"


@pytest.mark.parametrize("producer, cls", _all_event_classes(), ids=lambda v: v if isinstance(v, str) else v.__name__)
@pytest.mark.parametrize("variant", [0, 1])
def test_wire_payload_parses_into_its_message_and_back(producer, cls, variant):
    event = _instance(cls, variant)
    wire = json.loads(Envelope.from_event(event, producer=producer.split("/")[0]).to_json())
    assert wire["type"] == cls.type_name()
    message = getattr(PRODUCERS[producer][1], message_for(cls, producer))()

    json_format.ParseDict(wire["data"], message, ignore_unknown_fields=False)

    back = json_format.MessageToDict(message, preserving_proto_field_name=True,
                                     always_print_fields_with_no_presence=True)
    assert back == wire["data"], f"{cls.__name__} and {message.DESCRIPTOR.name} disagree on fields or types"
