"""Credential use cases the REST API and the well-known routes share: one CredentialsService call each, made as the
caller's principal (the reflections service decides), and verification of a VC-JWT against this district's
published key and status list."""
from __future__ import annotations

import json

from chassis.config import PlatformSettings
from chassis.context import Principal
from chassis.signing import DistrictKey
from chassis.vc.verify import Verdict, verify
from gateway.clients.backends import Backends
from skillfolio.reflections.v1 import credentials_pb2 as cpb


def district_key(platform: PlatformSettings | None = None) -> DistrictKey:
    """The district's public key (SKILLFOLIO_DISTRICT_PUBLIC_KEY, else derived from the signing key)."""
    platform = platform or PlatformSettings()
    return DistrictKey.from_settings(platform, need_private=False)


def credential_json(message: cpb.Credential) -> dict:
    return {"id": message.id, "student_id": message.student_id, "badge_id": message.badge_id, "name": message.name,
            "milestone_id": message.milestone_id, "issued_at": message.issued_at, "revoked": message.revoked,
            "revoked_at": message.revoked_at, "revoke_reason": message.revoke_reason,
            "credential": json.loads(message.document_json or "{}"), "jwt": message.jwt}


async def student_credentials(backends: Backends, principal: Principal, student_id: str) -> dict:
    reply = await backends.credentials.list_student_credentials(
        principal, cpb.ListStudentCredentialsRequest(student_id=student_id))
    return {"items": [credential_json(c) for c in reply.credentials],
            "viewer_can": {"revoke": reply.viewer_can.revoke}}


async def clr(backends: Backends, principal: Principal, student_id: str) -> dict:
    reply = await backends.credentials.get_clr(principal, cpb.GetClrRequest(student_id=student_id))
    return {"credential": json.loads(reply.document_json), "jwt": reply.jwt}


async def status_list(backends: Backends) -> str:
    return (await backends.credentials.get_status_list(None, cpb.GetStatusListRequest())).jwt


async def check(backends: Backends, key: DistrictKey, own_status_url: str, token: str) -> Verdict:
    """Verify ``token`` with this district's key and status list (another issuer's are not fetched from here)."""
    listed = await status_list(backends) if token.strip() else ""

    def keys(kid: str):
        if kid != key.kid:
            raise LookupError(f"the key {kid!r} is not this district's ({key.kid}); verify it where it was issued "
                              "or with `skillfolio passport verify`")
        return key.public

    def lists(url: str) -> str:
        if url != own_status_url:
            raise LookupError(f"the status list {url} is not this district's")
        return listed

    return verify(token, keys, lists)
