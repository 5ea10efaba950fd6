"""Issuing and signing: the district (issuer profile and key, loaded once when first needed) and the award of a
badge inside a unit of work (the signed credential, its status-list index, its event and audit row)."""
from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from functools import cached_property

from chassis.access import Viewer
from chassis.config import PlatformSettings
from chassis.grpc.principal import KeyConfigurationError
from chassis.signing import DistrictKey, did_web
from chassis.vc import status
from chassis.vc.jwt import sign_credential
from reflections.domain import credentials as model
from reflections.domain.credential_events import BadgeAwarded
from reflections.domain.credentials import Alignment, Award, Badge, Issuer
from reflections.service_layer.unit_of_work import ReflectionsUnitOfWork


@dataclass
class District:
    """The issuing district: its profile from ``SKILLFOLIO_DISTRICT_URL``/``_NAME``, its key from
    ``SKILLFOLIO_DISTRICT_SIGNING_KEY`` (read when the first credential is signed), or ``key`` given (tests)."""

    settings: PlatformSettings = field(default_factory=PlatformSettings)
    given_key: DistrictKey | None = None

    @cached_property
    def issuer(self) -> Issuer:
        return Issuer(self.settings.district_url.rstrip("/"), did_web(self.settings.district_url),
                      self.settings.district_name)

    @cached_property
    def key(self) -> DistrictKey:
        if self.given_key is not None:
            return DistrictKey(self.given_key.public, self.given_key.private, self.issuer.did)
        return DistrictKey.from_settings(self.settings)

    def can_sign(self) -> bool:
        """Whether a signing key is configured (a production seed may run without one)."""
        try:
            return self.key.private is not None
        except KeyConfigurationError:
            return False

    def sign(self, document: dict) -> str:
        return sign_credential(self.key, document)

    def status_list(self, revoked: set[int], now: dt.datetime) -> str:
        issuer = self.issuer
        return self.sign(status.list_credential(issuer.status_list_url, issuer.profile(), model.iso(now), revoked))


def alignments(uow: ReflectionsUnitOfWork, badge: Badge, milestone_type_id: str = "") -> list[Alignment]:
    """The skills a badge recognises: its skill, or the skill of its milestone type's rubric (catalog replica)."""
    skill_id = badge.skill_id
    if not skill_id and milestone_type_id:
        kind = uow.milestones.type(milestone_type_id)
        skill_id = uow.credentials.rubric_skill(kind.rubric_id) if kind else ""
    found = uow.credentials.skill_alignment(skill_id) if skill_id else None
    return [found] if found else []


def award(uow: ReflectionsUnitOfWork, district: District, badge: Badge, student_id: str, by: str,
          now: dt.datetime, milestone_id: str = "", evidence: list[str] | None = None, result: str = "") -> Award:
    """Sign and record ``badge`` for the student in this unit of work, with its BadgeAwarded event."""
    award_id, index = str(uuid.uuid4()), uow.credentials.next_status_index()
    document = model.badge_credential(district.issuer, badge, alignments(uow, badge, badge.milestone_type_id),
                                      award_id, student_id, now, index, list(evidence or []), result)
    issued = Award(award_id, student_id, badge.id, milestone_id, index, now, by, json.loads(json.dumps(document)),
                   district.sign(document))
    uow.credentials.add_award(issued)
    uow.raise_event(BadgeAwarded(award_id, badge.id, student_id, milestone_id, by))
    return issued


def award_for_milestone(uow: ReflectionsUnitOfWork, district: District | None, viewer: Viewer, milestone,
                        outcome: str, evidence: list[str], now: dt.datetime) -> list[Award]:
    """Every badge of the milestone's type that ``outcome`` earns, issued to its student (none without a district
    key configured for this use case, e.g. unit tests of milestones alone)."""
    if district is None:
        return []
    earned = [b for b in uow.credentials.badges_for_milestone_type(milestone.type_id) if model.earns(b, outcome)]
    return [award(uow, district, badge, milestone.student_id, viewer.subject, now, milestone.id, evidence, outcome)
            for badge in earned if not uow.credentials.holds(milestone.student_id, badge.id, milestone.id)]
