"""The roster's wire enum of person roles (``skillfolio.roster.v1.Role``) mapped once to ``chassis.access.Role``:
``ROLE_<NAME>`` on the wire is the role ``<name>``."""
from __future__ import annotations

from collections.abc import Iterable

from chassis.access import PERSON_ROLES
from skillfolio.roster.v1 import roster_pb2 as pb

TO_PROTO: dict[str, int] = {role.value: pb.Role.Value(f"ROLE_{role.name}") for role in PERSON_ROLES}
FROM_PROTO: dict[int, str] = {number: name for name, number in TO_PROTO.items()}


def role_names(numbers: Iterable[int]) -> list[str]:
    """Wire roles as role names; ROLE_UNSPECIFIED and numbers this build does not know are left out."""
    return [FROM_PROTO[number] for number in numbers if number in FROM_PROTO]
