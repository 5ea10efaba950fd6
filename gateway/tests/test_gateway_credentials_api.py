"""/api/v1 Open Badges and CLR through the gateway against real roster, skills, artifacts and reflections servers: a
district admin defines a badge for a Defense of Learning, the teacher records Ready and the student holds a signed
OpenBadgeCredential; the verify endpoint accepts it and refuses a tampered copy; revocation shows in the status list
and the verdict; the CLR bundles the live badges; the key is published as a JWKS and a did:web document. Who may do
what is the reflections service's decision."""
from __future__ import annotations

import base64
import json
import uuid

import pytest
from progress_fixtures import panel_rubric, people, roster_engine, sync  # noqa: F401  (fixtures)

from chassis.signing import public_key_from_jwk, verify_jws

pytestmark = pytest.mark.integration


def earned_badge(people, district, panel_rubric) -> tuple[dict, dict]:
    """A fresh Defense of Learning type with its badge, completed at Ready for Amy: (badge, her credential)."""
    admin, teacher = people("ddunn"), people("tlee")
    kind = admin.call("POST", "/api/v1/milestone-types", 201, json={
        "code": f"defense-{uuid.uuid4().hex[:8]}", "name": "Defense of Learning", "rubric_id": panel_rubric[1],
        "grade_levels": []})
    badge = admin.call("POST", "/api/v1/badges", 201, json={
        "kind": "milestone", "name": "Defense of Learning", "description": "Defended a body of work.",
        "criteria": "Ready or Excelling at a Defense of Learning.", "milestone_type_id": kind["id"],
        "min_outcome": "READY"})
    milestone = teacher.call("POST", f"/api/v1/students/{district.ids['amy']}/milestones", 201, json={
        "type_id": kind["id"], "title": "Grade 5 Defense", "scheduled_on": "2026-12-01"})
    teacher.call("POST", f"/api/v1/milestones/{milestone['id']}/outcome", json={"outcome": "READY"})
    held = people("aadams").call("GET", f"/api/v1/students/{district.ids['amy']}/credentials")["items"]
    [mine] = [c for c in held if c["badge_id"] == badge["id"]]
    return badge, mine


def test_a_badge_is_issued_verified_revoked_and_bundled(people, district, panel_rubric, client, sync):
    badge, credential = earned_badge(people, district, panel_rubric)
    assert credential["credential"]["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["milestone_id"] and not credential["revoked"]
    verdict = client.post("/api/v1/credentials/verify", json={"jwt": credential["jwt"]}).json()
    assert verdict["verified"] and verdict["reasons"] == [], verdict
    assert {c["name"] for c in verdict["checks"]} == {"signature", "claims", "schema", "validity", "status"}

    jwks = client.get("/.well-known/jwks.json").json()
    header = json.loads(base64.urlsafe_b64decode(credential["jwt"].split(".")[0] + "=="))
    assert jwks["keys"][0]["kid"] == header["kid"]
    verify_jws(credential["jwt"], public_key_from_jwk(jwks["keys"][0]))      # what an outside verifier does
    did = client.get("/.well-known/did.json").json()
    assert did["assertionMethod"] == [header["kid"]] and did["id"] == credential["credential"]["issuer"]["id"]

    clr = people("gadams").call("GET", f"/api/v1/students/{district.ids['amy']}/clr")
    assert clr["credential"]["type"] == ["VerifiableCredential", "ClrCredential"]
    assert client.post("/api/v1/credentials/verify", json={"credential": clr}).json()["verified"]

    assert people("tlee").call("POST", f"/api/v1/credentials/{credential['id']}/revoke", 403,
                               json={"reason": "no"})["error"]["code"] == "PERMISSION_DENIED"
    revoked = people("ddunn").call("POST", f"/api/v1/credentials/{credential['id']}/revoke",
                                   json={"reason": "Awarded in error"})
    assert revoked["revoked"] and revoked["revoke_reason"] == "Awarded in error"
    listed = client.get("/credentials/status/1")
    assert listed.status_code == 200 and listed.headers["content-type"].startswith("application/vc+jwt")
    verdict = client.post("/api/v1/credentials/verify", json={"jwt": credential["jwt"]}).json()
    assert not verdict["verified"] and verdict["revoked"] and verdict["reasons"] == ["status: revoked by its issuer"]


def test_a_tampered_credential_is_refused_with_the_reason(people, district, panel_rubric, client, sync):
    _, credential = earned_badge(people, district, panel_rubric)
    head, body, signature = credential["jwt"].split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["vc"]["credentialSubject"]["achievement"]["name"] = "Valedictorian"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    verdict = client.post("/api/v1/credentials/verify", json={"jwt": f"{head}.{forged}.{signature}"}).json()
    assert not verdict["verified"] and verdict["reasons"][0].startswith("signature: the signature does not match")
    garbage = client.post("/api/v1/credentials/verify", json={"jwt": "not-a-jwt"}).json()
    assert not garbage["verified"] and garbage["reasons"][0].startswith("signature: not a compact JWS")
    assert client.post("/api/v1/credentials/verify", json={}).status_code == 422


def test_who_sees_a_students_credentials(people, district, panel_rubric, sync):
    earned_badge(people, district, panel_rubric)
    url = f"/api/v1/students/{district.ids['amy']}/credentials"
    for reader in ("aadams", "gadams", "tlee"):
        assert people(reader).call("GET", url)["items"]
    for outsider in ("tkim", "bbrown", "sshaw", "ddunn"):
        assert people(outsider).call("GET", url, 403)["error"]["code"] == "PERMISSION_DENIED"
    body = {"kind": "skill", "name": "X", "description": "d", "criteria": "c", "skill_id": "nope"}
    assert people("tlee").call("POST", "/api/v1/badges", 403, json=body)["error"]["code"] == "PERMISSION_DENIED"
    problems = people("ddunn").call("POST", "/api/v1/badges", 422, json={**body, "name": ""})["error"]["problems"]
    assert [p["field"] for p in problems] == ["name"]


def test_the_badges_page_lists_them_and_downloads_the_signed_forms(make_client, people, district, panel_rubric, sync):
    from gateway_testkit import web_login
    badge, credential = earned_badge(people, district, panel_rubric)
    guardian = make_client()
    web_login(guardian, *district.login("gadams"))
    page = guardian.get(f"/students/{district.ids['amy']}/badges")
    assert page.status_code == 200 and "Defense of Learning" in page.text and "Ready or Excelling" in page.text
    assert f"/students/{district.ids['amy']}/badges/{credential['id']}.jwt" in page.text
    download = guardian.get(f"/students/{district.ids['amy']}/badges/{credential['id']}.jwt")
    assert download.status_code == 200 and download.text == credential["jwt"]
    assert download.headers["content-type"].startswith("application/vc+jwt")
    clr = guardian.get(f"/students/{district.ids['amy']}/clr.jwt")
    assert clr.status_code == 200 and clr.text.count(".") == 2
    portfolio = guardian.get(f"/students/{district.ids['amy']}")
    assert f"/students/{district.ids['amy']}/badges" in portfolio.text
    outsider = make_client()
    web_login(outsider, *district.login("tkim"))
    assert outsider.get(f"/students/{district.ids['amy']}/badges").status_code == 403
