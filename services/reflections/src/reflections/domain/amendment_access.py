"""Who may request, decide, follow up and read amendments of a student's records, as one table of standings per
action (``ALLOWED``), decided from the role the viewer acts in (``chassis.access.role_of``) and their part in the
record and the request.

Rules (tested as a table in tests/unit/test_amendment_access.py):
- the student and their current guardian request an amendment of a record on the student's artifacts that they did
  not write themselves;
- the teacher who wrote the record decides (amends or refuses), a district privacy officer decides any;
- the requester, and only after a refusal, attaches a statement of disagreement;
- the student, their guardians, their current teachers, the author and a privacy officer read the requests;
- an admin role is refused everything (``role_of`` gives admins no standing); nobody else may do anything.
"""
from __future__ import annotations

from enum import StrEnum

from chassis.access import Role, Viewer, role_of
from chassis.errors import PermissionDenied
from chassis.roster_replica.standing import Relation
from reflections.domain.amendments import AmendmentRequest, Record

DENIED = "not allowed to act on amendments of this student's records"   # one message, found or not


class AmendAction(StrEnum):
    REQUEST = "request"
    DECIDE = "decide"
    DISAGREE = "disagree"
    READ = "read"


class Standing(StrEnum):
    """The viewer's part: their role towards the student, and what they are to the record and the request."""

    STUDENT = Role.STUDENT.value
    GUARDIAN = Role.GUARDIAN.value
    TEACHER = Role.TEACHER.value
    AUTHOR = "author"                   # the teacher who wrote the record
    REQUESTER = "requester"             # who asked for the amendment
    PRIVACY_OFFICER = "privacy_officer"  # the district's records officer (chassis Role.PRIVACY_OFFICER)


ALLOWED: dict[AmendAction, frozenset[Standing]] = {
    AmendAction.REQUEST: frozenset({Standing.STUDENT, Standing.GUARDIAN}),
    AmendAction.DECIDE: frozenset({Standing.AUTHOR, Standing.PRIVACY_OFFICER}),
    AmendAction.DISAGREE: frozenset({Standing.REQUESTER}),
    AmendAction.READ: frozenset({Standing.STUDENT, Standing.GUARDIAN, Standing.TEACHER, Standing.AUTHOR,
                                 Standing.PRIVACY_OFFICER}),
}


# the roles (chassis.access.role_of) that hold the REQUEST standing: what a discussion tells a page it may offer
AMENDMENT_REQUESTERS = frozenset({Role(s.value) for s in ALLOWED[AmendAction.REQUEST]})


def is_privacy_officer(viewer: Viewer) -> bool:
    """Holds the district's privacy officer role (an admin role still has no standing towards a record)."""
    return Role.PRIVACY_OFFICER in viewer.roles and not viewer.is_admin


def standings(viewer: Viewer, student_id: str, relation: Relation, record: Record | None = None,
              request: AmendmentRequest | None = None) -> frozenset[Standing]:
    """Every standing ``viewer`` has towards the student's record and the request."""
    found: set[Standing] = set()
    role = role_of(viewer, student_id, relation)
    if role in (Role.STUDENT, Role.GUARDIAN, Role.TEACHER):
        found.add(Standing(role.value))
    if is_privacy_officer(viewer):
        found.add(Standing.PRIVACY_OFFICER)
    if (record is not None and not viewer.is_admin and Role.TEACHER in viewer.roles
            and record.author_role == Role.TEACHER and record.author_id == viewer.subject):
        found.add(Standing.AUTHOR)
    if request is not None and request.requester_id == viewer.subject and found & {Standing.STUDENT,
                                                                                   Standing.GUARDIAN}:
        found.add(Standing.REQUESTER)          # still the student, or still their guardian
    return frozenset(found)


def allowed(held: frozenset[Standing], action: AmendAction) -> bool:
    return bool(held & ALLOWED[action])


def check(held: frozenset[Standing], action: AmendAction) -> Standing:
    """The standing the viewer acts in (the table's first match, in Standing's order); PermissionDenied else."""
    for standing in Standing:
        if standing in held and standing in ALLOWED[action]:
            return standing
    raise PermissionDenied(DENIED)


def actions_of(held: frozenset[Standing]) -> frozenset[AmendAction]:
    return frozenset(action for action in AmendAction if allowed(held, action))


def offered(held: frozenset[Standing], request: AmendmentRequest) -> frozenset[AmendAction]:
    """What a page may offer on one request: a decision while pending, a statement after a refusal without one."""
    can = set(actions_of(held)) - {AmendAction.REQUEST}
    if request.status != "pending":
        can.discard(AmendAction.DECIDE)
    if request.status != "refused" or request.disagreement:
        can.discard(AmendAction.DISAGREE)
    return frozenset(can)
