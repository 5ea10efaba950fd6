"""Erasure on request, the coordinator's rules (pure Python): who may ask, the record of one erasure and its
confirmations, and the certificate issued once every service has confirmed.

A whole record is asked of every service at once, and so are a student's media alone (the retention schedule's
media years: the services that hold media delete the objects and mark what named them, the rest confirm). One
artifact is asked of the artifacts service first, the service that knows whose it is: an artifact not in the
student's portfolio refuses the erasure with nothing erased anywhere; otherwise, once it confirmed, the others
erase what hangs on that artifact."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from chassis.access import Role

ERASURE_ROLES = frozenset({Role.PRIVACY_OFFICER})    # who acts on erasure requests (records requests)
PENDING, COMPLETED, REFUSED = "pending", "completed", "refused"
OWNER = "artifacts"                 # decides first whether an artifact is the student's
CERTIFICATE_TYPE = "SkillfolioErasureCertificate"

# What is kept after an erasure, and why (stated on every certificate).
KEPT_BY_LAW = (
    {"what": "audit_log rows of earlier reads and changes (ids, actions and times; no content)",
     "why": "FERPA 34 CFR 99.32: the record of disclosures is kept; the rows are append-only"},
    {"what": "one audit row per service recording this erasure, naming the student by a keyed hash only",
     "why": "proof that the erasure happened (AB 1584, NY Ed Law 2-d, SOPPA) without keeping who it was"},
    {"what": "the roster's identity tombstone: sourced id only, names and contacts removed, deactivated",
     "why": "the district's student information system remains the record of enrolment; a later roster import "
            "must not bring the erased portfolio's owner back"},
    {"what": "the student's id alone in each service's list of erased ids",
     "why": "an event about the student still on its way when the erasure ran is recognised and changes nothing"},
    {"what": "credentials already issued to the student (Open Badges, CLR) stay with their holder",
     "why": "they are the student's own copies; the district keeps no record of them"},
    {"what": "this certificate",
     "why": "the district's proof of deletion on request"},
)
KEPT_WITH_MEDIA = (           # what the media years' erasure keeps besides the audit rows and this certificate
    {"what": "the rest of the student's record: titles, descriptions, skills, reflections' words, feedback, "
             "comments, assessments, goals and milestones",
     "why": "the district's retention schedule keeps the portfolio longer than its media; it is erased at its own "
            "date"},
)
KEPT_WITH_ARTIFACT = (        # what an artifact's erasure keeps besides the audit rows and this certificate
    {"what": "the rest of the student's record",
     "why": "the request named one artifact; everything that hung on it (versions, media, reflections, feedback, "
            "comments, assessments, notifications, report counts) is erased with it"},
    {"what": "the artifact's id alone in each service's list of erased ids",
     "why": "an event about the artifact still on its way when the erasure ran is recognised and changes nothing"},
)


def may_erase(roles: frozenset[str] | set[str]) -> bool:
    return bool(set(roles) & ERASURE_ROLES)


@dataclass(frozen=True)
class Confirmation:
    service: str
    counts: dict[str, int]
    confirmed_at: str


@dataclass
class Erasure:
    """One erasure: pending until every expected service confirmed, then completed with a signed certificate."""

    id: str
    pseudonym: str
    student_id: str                   # cleared once completed: only the pseudonym remains
    reason: str
    requested_by: str
    requested_at: dt.datetime
    services: tuple[str, ...]         # who must confirm (the roster itself included)
    status: str = PENDING
    attempts: int = 1
    last_requested_at: dt.datetime | None = None
    completed_at: dt.datetime | None = None
    certificate: dict | None = None
    signature: str = ""               # compact JWS (EdDSA, district key) over the certificate
    confirmations: dict[str, Confirmation] = field(default_factory=dict)
    artifact_id: str = ""             # set: only this artifact of the student's record
    requested_by_roles: tuple[str, ...] = ()
    refusal: str = ""                 # why a refused erasure erased nothing
    media_only: bool = False          # the student's media objects only (the retention schedule's media years)

    @property
    def scope(self) -> str:
        return "artifact" if self.artifact_id else "media" if self.media_only else "student"

    def waiting_for(self) -> list[str]:
        """Who is asked now: every service not yet confirmed; for an artifact, its owner alone until it confirmed."""
        waiting = [s for s in self.services if s not in self.confirmations]
        if self.artifact_id and OWNER in waiting:
            return [OWNER]
        return waiting

    def owner_found_nothing(self) -> bool:
        """The artifacts service confirmed an artifact's erasure having found no such artifact of the student's."""
        owner = self.confirmations.get(OWNER)
        return bool(self.artifact_id) and owner is not None and not owner.counts.get("artifacts")

    def complete_when_confirmed(self) -> bool:
        return self.status == PENDING and not self.waiting_for()


def certificate_document(erasure: Erasure, *, issued_at: dt.datetime, issuer: str, district: str,
                         backup_days: int) -> dict:
    """The certificate: what was erased where (each service's confirmation with its counts), what is kept and why,
    and when backups will have aged out."""
    confirmations = [{"service": c.service, "confirmed_at": c.confirmed_at, "counts": dict(sorted(c.counts.items())),
                      "rows": sum(v for k, v in c.counts.items() if k != "media_objects"),
                      "media_objects": c.counts.get("media_objects", 0)}
                     for c in sorted(erasure.confirmations.values(), key=lambda c: c.service)]
    return {
        "type": CERTIFICATE_TYPE, "version": 1, "id": f"urn:uuid:{erasure.id}",
        "issuer": {"id": issuer, "name": district}, "issued_at": issued_at.isoformat(),
        "subject": {"pseudonym": erasure.pseudonym, "scope": erasure.scope,
                    **({"artifact_id": erasure.artifact_id} if erasure.artifact_id else {})},
        "request": {"reason": erasure.reason, "requested_by": erasure.requested_by,
                    "requested_at": erasure.requested_at.isoformat()},
        "confirmations": confirmations,
        "totals": {"rows": sum(c["rows"] for c in confirmations),
                   "media_objects": sum(c["media_objects"] for c in confirmations)},
        "kept": list(KEPT_BY_LAW) if erasure.scope == "student" else [
            *KEPT_BY_LAW[:2], *(KEPT_WITH_ARTIFACT if erasure.artifact_id else KEPT_WITH_MEDIA), KEPT_BY_LAW[-1]],
        "backups": {"window_days": backup_days,
                    "aged_out_by": (issued_at + dt.timedelta(days=backup_days)).date().isoformat(),
                    "note": "backups are not edited; each ages out of the backup rotation by this date"},
    }
