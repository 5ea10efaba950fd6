"""The REST API's Open Badges / CLR shapes: request bodies (validated, unknown fields refused) and responses built
from the reflections service's CredentialsService messages, and the verifier's answer."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from gateway.schemas.artifacts import Body
from gateway.schemas.common import Id, text


class Badge(BaseModel):
    id: str
    kind: Literal["milestone", "skill"]
    name: str
    description: str
    criteria: str = Field(description="The criteria narrative (Markdown).")
    milestone_type_id: str = Field("", description="kind milestone: the milestone type whose completion awards it.")
    min_outcome: str = Field("", description="kind milestone: READY or EXCELLING; that outcome or better earns it.")
    skill_id: str = Field("", description="kind skill: the skill it recognises.")
    created_at: str = ""


class Badges(BaseModel):
    items: list[Badge]


class NewBadge(Body):
    kind: Literal["milestone", "skill"]
    name: str = text(200)
    description: str = text(2000)
    criteria: str = text(2000, description="How the badge is earned (Markdown); the credential's criteria.")
    milestone_type_id: str = Field("", max_length=64)
    min_outcome: Literal["", "READY", "EXCELLING"] = ""
    skill_id: str = Field("", max_length=64)


class NewAward(Body):
    student_id: Id


class Revocation(Body):
    reason: str = text(2000, description="Why the district revokes it (kept in the audit log).")


class Credential(BaseModel):
    id: str
    student_id: str
    badge_id: str
    name: str
    milestone_id: str = Field("", description="The milestone that earned it, if any.")
    issued_at: str
    revoked: bool
    revoked_at: str = ""
    revoke_reason: str = ""
    credential: dict[str, Any] = Field(description="The OpenBadgeCredential (Open Badges 3.0, JSON).")
    jwt: str = Field(description="The same credential signed by the district: VC-JWT, alg EdDSA.")


class Credentials(BaseModel):
    items: list[Credential]
    viewer_can: dict[str, bool] = Field(description="What the caller may do: `revoke` (district admins).")


class Clr(BaseModel):
    credential: dict[str, Any] = Field(description="The ClrCredential (CLR 2.0, JSON) bundling every live badge.")
    jwt: str = Field(description="The same, signed: VC-JWT, alg EdDSA.")


class VerifyRequest(Body):
    jwt: str = Field("", max_length=2_000_000, description="A credential in VC-JWT form.")
    credential: dict[str, Any] | None = Field(None, description="Or the JSON an API answer gave (its `jwt` is used).")

    @model_validator(mode="after")
    def _one(self) -> VerifyRequest:
        if not self.jwt.strip() and not self.credential:
            raise ValueError("give jwt (a VC-JWT) or credential")
        return self


class Check(BaseModel):
    name: Literal["signature", "claims", "schema", "validity", "status"]
    ok: bool
    message: str


class Verification(BaseModel):
    verified: bool
    revoked: bool
    reasons: list[str] = Field(description="Why it fails, one line per failed check (empty when verified).")
    checks: list[Check]
    credential: dict[str, Any] = Field(default_factory=dict, description="The credential the token carries.")
