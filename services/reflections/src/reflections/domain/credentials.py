"""Open Badges 3.0 and CLR 2.0 credentials as pure data: the district's issuer profile, a badge (an achievement with
its criteria and skill alignments) and what one award says (``OpenBadgeCredential``), and a student's ``ClrCredential``
bundling their badges. Signing and storage are the service layer's."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from chassis.errors import FieldProblem
from chassis.vc.status import LIST_PATH
from reflections.domain.milestones import OUTCOMES
from reflections.domain.model import require, text_problem

VC2 = "https://www.w3.org/ns/credentials/v2"
OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CLR2 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
MILESTONE, SKILL = "milestone", "skill"
BADGE_OUTCOMES = ("READY", "EXCELLING")        # a milestone badge's threshold is one of these
MAX_TEXT = 2_000
_DATE = re.compile(r"\.\d+")


@dataclass(frozen=True)
class Issuer:
    url: str          # the district's public URL (its gateway)
    did: str          # did:web of that URL
    name: str

    def profile(self) -> dict:
        return {"id": self.did, "type": ["Profile"], "name": self.name, "url": self.url}

    @property
    def status_list_url(self) -> str:
        return f"{self.url.rstrip('/')}{LIST_PATH}"


@dataclass(frozen=True)
class Badge:
    """A badge the district defined: for a milestone type (awarded at ``min_outcome`` or better) or for a skill."""

    id: str
    kind: str
    name: str
    description: str
    criteria: str
    milestone_type_id: str = ""
    skill_id: str = ""
    min_outcome: str = ""
    created_by: str = ""
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class Alignment:
    skill_id: str
    name: str


@dataclass(frozen=True)
class Award:
    """One issued credential: its document, its VC-JWT and its place in the status list."""

    id: str
    student_id: str
    badge_id: str
    milestone_id: str
    status_index: int
    issued_at: dt.datetime
    issued_by: str
    document: dict
    jwt: str
    revoked_at: dt.datetime | None = None
    revoked_by: str = ""
    revoke_reason: str = ""

    @property
    def name(self) -> str:
        return str(self.document.get("name", ""))


def earns(badge: Badge, outcome: str) -> bool:
    """A milestone badge is earned at its threshold outcome or a better one."""
    return outcome in OUTCOMES and OUTCOMES.index(outcome) >= OUTCOMES.index(badge.min_outcome or "READY")


def validate_badge(kind: str, name: str, description: str, criteria: str, milestone_type_id: str, skill_id: str,
                   min_outcome: str) -> None:
    require(None if kind in (MILESTONE, SKILL) else FieldProblem("kind", "must be milestone or skill"),
            text_problem("name", name, 200), text_problem("description", description, MAX_TEXT),
            text_problem("criteria", criteria, MAX_TEXT),
            FieldProblem("milestone_type_id", "must name the milestone type") if kind == MILESTONE
            and not milestone_type_id.strip() else None,
            FieldProblem("min_outcome", f"must be one of {', '.join(BADGE_OUTCOMES)}") if kind == MILESTONE
            and min_outcome not in BADGE_OUTCOMES else None,
            FieldProblem("skill_id", "must name the skill") if kind == SKILL and not skill_id.strip() else None)


def iso(moment: dt.datetime) -> str:
    return _DATE.sub("", moment.astimezone(dt.UTC).isoformat()).replace("+00:00", "Z")


def achievement(issuer: Issuer, badge: Badge, alignments: list[Alignment]) -> dict:
    base = issuer.url.rstrip("/")
    doc = {"id": f"urn:uuid:{badge.id}", "type": ["Achievement"], "name": badge.name,
           "description": badge.description, "criteria": {"narrative": badge.criteria},
           "achievementType": "Competency" if badge.kind == SKILL else "Assessment", "creator": issuer.profile()}
    if alignments:
        doc["alignment"] = [{"type": ["Alignment"], "targetName": a.name, "targetUrl": f"{base}/skills/{a.skill_id}",
                             "targetType": "ceasn:Competency", "targetCode": a.skill_id} for a in alignments]
    return doc


def badge_credential(issuer: Issuer, badge: Badge, alignments: list[Alignment], award_id: str, student_id: str,
                     issued_at: dt.datetime, status_index: int, evidence_artifact_ids: list[str],
                     result: str = "") -> dict:
    """The ``OpenBadgeCredential`` awarding ``badge`` to the student (unsigned)."""
    base = issuer.url.rstrip("/")
    subject = {"id": f"urn:uuid:{student_id}", "type": ["AchievementSubject"],
               "achievement": achievement(issuer, badge, alignments)}
    if result:
        subject["result"] = [{"type": ["Result"], "value": result}]
    doc = {"@context": [VC2, OB3], "id": f"urn:uuid:{award_id}", "type": ["VerifiableCredential",
                                                                         "OpenBadgeCredential"],
           "name": badge.name, "description": badge.description, "issuer": issuer.profile(),
           "validFrom": iso(issued_at), "awardedDate": iso(issued_at), "credentialSubject": subject,
           "credentialStatus": {"id": f"{issuer.status_list_url}#{status_index}", "type": "BitstringStatusListEntry",
                                "statusPurpose": "revocation", "statusListIndex": str(status_index),
                                "statusListCredential": issuer.status_list_url}}
    if evidence_artifact_ids:
        doc["evidence"] = [{"id": f"{base}/artifacts/{artifact_id}", "type": ["Evidence"],
                            "name": "Portfolio artifact", "genre": "portfolio"} for artifact_id in evidence_artifact_ids]
    return doc


def clr_credential(issuer: Issuer, clr_id: str, student_id: str, issued_at: dt.datetime, awards: list[Award]) -> dict:
    """The student's ``ClrCredential``: every badge credential they hold, as issued (unsigned)."""
    return {"@context": [VC2, CLR2, OB3], "id": f"urn:uuid:{clr_id}", "type": ["VerifiableCredential", "ClrCredential"],
            "name": "Comprehensive Learner Record", "description": f"Badges awarded by {issuer.name}",
            "issuer": issuer.profile(), "validFrom": iso(issued_at),
            "credentialSubject": {"id": f"urn:uuid:{student_id}", "type": ["ClrSubject"],
                                  "verifiableCredential": [a.document for a in awards],
                                  "achievement": [a.document["credentialSubject"]["achievement"] for a in awards]}}
