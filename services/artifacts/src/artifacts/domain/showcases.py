"""Showcases: a student's titled, ordered selection of their own live artifacts with an introduction, for an audience;
who may curate, share and view one (the table ``SHOWCASE_ALLOWED``), and the validation of what a caller sets.

Rules (tested as a table in tests/unit/test_artifacts_showcase_access.py):
- admins are refused everything (``role_of`` gives them no role);
- the student and a teacher who teaches them now curate (create, edit, reorder, delete) and share (guardians, a
  milestone's panel, external links) the student's showcases;
- a guardian views a showcase shared with the student's guardians; a panellist (a panel guest or an invited
  educator on a live panel) views a showcase shared with that panel's milestone; nothing else;
- an external link's holder views only that showcase, until the link expires or is revoked (the token is the
  credential; see service_layer/showcases_links.py).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from artifacts.domain.access import GUARDIAN, PANELLIST, SERVICE, STUDENT, TEACHER, Relation, Role, Viewer, role_of
from artifacts.domain.model import has_control
from chassis.errors import FieldProblem, InvalidArgument

TITLE_MAX, INTRODUCTION_MAX, ITEMS_MAX = 200, 5000, 40
LINK_DAYS_DEFAULT, LINK_DAYS_MAX = 14, 90
LINK_GUEST_PREFIX = "showcase-link:"     # the audit actor of an external link's view: showcase-link:<link_id>


class Audience(StrEnum):
    FAMILY = "family"
    PANEL = "panel"
    APPLICATION = "application"


class ShowcaseAction(StrEnum):
    VIEW = "view"
    CURATE = "curate"      # create, edit, reorder, delete
    SHARE = "share"        # guardians, a milestone's panel, external links


# The roles each action is open to; a guardian's and a panellist's view also need the showcase shared with them.
SHOWCASE_ALLOWED: dict[ShowcaseAction, frozenset[Role]] = {
    ShowcaseAction.VIEW: frozenset({STUDENT, TEACHER, SERVICE, GUARDIAN, PANELLIST}),
    ShowcaseAction.CURATE: frozenset({STUDENT, TEACHER}),
    ShowcaseAction.SHARE: frozenset({STUDENT, TEACHER}),
}


@dataclass(frozen=True)
class ShowcaseFields:
    title: str
    introduction: str = ""
    audience: str = Audience.FAMILY.value
    milestone_id: str = ""
    share_with_guardians: bool = False
    artifact_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShowcaseLink:
    id: str
    showcase_id: str
    created_by: str
    created_at: dt.datetime
    expires_at: dt.datetime
    revoked_at: dt.datetime | None = None

    def live(self, now: dt.datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at


@dataclass
class Showcase:
    id: str
    student_id: str
    fields: ShowcaseFields
    created_by: str
    created_at: dt.datetime
    updated_at: dt.datetime
    items: list = field(default_factory=list)        # reads: the live artifacts, in order (domain Artifact)
    links: list[ShowcaseLink] = field(default_factory=list)
    can: frozenset[ShowcaseAction] = frozenset()


def showcase_role(viewer: Viewer, student_id: str, relation: Relation, fields: ShowcaseFields | None) -> Role | None:
    """The role the viewer acts in towards this showcase (None: no standing), the sharing taken into account."""
    role = role_of(viewer, student_id, relation)
    if role is GUARDIAN and not (fields and fields.share_with_guardians):
        return None
    if role is PANELLIST and not (fields and fields.milestone_id):
        return None
    return role


def actions(viewer: Viewer, student_id: str, relation: Relation,
            fields: ShowcaseFields | None = None) -> frozenset[ShowcaseAction]:
    """What the viewer may do with this showcase (``fields`` None: with the student's showcases as a whole)."""
    role = showcase_role(viewer, student_id, relation, fields)
    return frozenset(a for a, roles in SHOWCASE_ALLOWED.items() if role in roles)


def validate(f: ShowcaseFields) -> ShowcaseFields:
    """The fields cleaned (distinct artifact ids in order, stripped texts); a 422 naming each bad field."""
    problems: list[FieldProblem] = []
    title = f.title.strip()
    if not title:
        problems.append(FieldProblem("title", "must not be empty"))
    elif len(title) > TITLE_MAX:
        problems.append(FieldProblem("title", f"{len(title)} characters; at most {TITLE_MAX}"))
    elif has_control(title):
        problems.append(FieldProblem("title", "must not contain control characters or line breaks"))
    if len(f.introduction) > INTRODUCTION_MAX:
        problems.append(FieldProblem("introduction", f"{len(f.introduction)} characters; at most {INTRODUCTION_MAX}"))
    if f.audience not in {a.value for a in Audience}:
        problems.append(FieldProblem("audience", f"{f.audience!r} is not one of {', '.join(a.value for a in Audience)}"))
    if len(f.milestone_id) > 64:
        problems.append(FieldProblem("milestone_id", "longer than 64 characters"))
    ids = tuple(dict.fromkeys(a.strip() for a in f.artifact_ids))
    if "" in ids:
        problems.append(FieldProblem("artifact_ids", "must not contain an empty id"))
    elif len(ids) > ITEMS_MAX:
        problems.append(FieldProblem("artifact_ids", f"{len(ids)} artifacts; at most {ITEMS_MAX}"))
    if problems:
        raise InvalidArgument("the showcase is not valid", problems)
    return ShowcaseFields(title, f.introduction.strip(), f.audience, f.milestone_id.strip(), f.share_with_guardians,
                          ids)


def link_days(valid_days: int) -> int:
    if valid_days < 0 or valid_days > LINK_DAYS_MAX:
        raise InvalidArgument("not a valid link", [FieldProblem("valid_days", f"between 1 and {LINK_DAYS_MAX}")])
    return valid_days or LINK_DAYS_DEFAULT
