"""The gateway authorization matrix's client side: the stack it talks to, logins per person, fresh target artifacts
(links, or documents uploaded through the signed /media/upload URL), one request per action, and Amy's own view."""
from __future__ import annotations

import datetime as dt

import gateway_district
from authz_district import LAST_YEAR_SHIFT, USERNAMES
from authz_matrix import TARGET_AUTHORS, Case, Trail
from fastapi.testclient import TestClient
from gateway_testkit import api_token, bearer


class ShiftableClock:
    """The artifacts service's clock: the real time, or ``shift`` earlier while a past artifact is made."""

    def __init__(self) -> None:
        self.shift = dt.timedelta(0)

    def __call__(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) - self.shift


class Stack:
    """The gateway client over the matrix's own services, its district, the artifacts clock and audit trail."""

    def __init__(self, client: TestClient, district: gateway_district.District, clock: ShiftableClock,
                 records: Trail) -> None:
        self.client, self.district, self.clock, self.records = client, district, clock, records
        self.tokens: dict[str, str] = {}

    def auth(self, short: str) -> dict[str, str]:
        if short not in self.tokens:
            self.tokens[short] = api_token(self.client, *self.district.login(USERNAMES[short]))
        return bearer(self.tokens[short])

    @property
    def amy(self) -> str:
        return self.district.ids["amy"]


def link_body(title: str) -> dict:
    return {"title": title, "kind": "link", "skill_ids": ["sk-any"], "link_url": "https://example.org/work"}


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def document_body(title: str) -> dict:
    return {"title": title, "kind": "document", "skill_ids": ["sk-any"],
            "file": {"name": "essay.pdf", "content_type": "application/pdf", "size_bytes": len(PDF)}}


def create_targets(stack: Stack, uploaded_documents: bool = False) -> dict[str, dict]:
    """Fresh S, T and P artifacts in Amy's portfolio (P made while the old teacher still taught her): links, or
    documents whose bytes were sent to their upload target (the gateway's signed /media/upload URL)."""
    made = {}
    for target, (author, role) in TARGET_AUTHORS.items():
        stack.clock.shift = LAST_YEAR_SHIFT if target == "P" else dt.timedelta(0)
        body = (document_body if uploaded_documents else link_body)(f"{target} work")
        try:
            reply = stack.client.post(f"/api/v1/students/{stack.amy}/artifacts", json=body,
                                      headers=stack.auth(author))
        finally:
            stack.clock.shift = dt.timedelta(0)
        assert reply.status_code == 201, reply.text
        made[target] = reply.json()["artifact"]
        assert (made[target]["added_by"], made[target]["added_by_role"]) == (stack.district.ids[author], role)
        if uploaded_documents:
            assert made[target]["status"] == "processing"
            send(stack.client, reply.json()["upload"], PDF)
    return made


def send(client: TestClient, upload: dict, body: bytes) -> None:
    """Upload ``body`` as a browser does: PUT with exactly the headers, or a form POST (fields, then the file)."""
    if upload["method"] == "POST":
        sent = client.post(upload["url"], data=upload["fields"], files={"file": ("essay.pdf", body, "application/pdf")})
    else:
        assert upload["method"] == "PUT", upload
        sent = client.put(upload["url"], content=body, headers=upload["headers"])
    assert 200 <= sent.status_code < 300, sent.text


def perform(stack: Stack, case: Case, artifact_id: str, student_id: str = ""):
    """``case``'s request on Amy's portfolio (or ``student_id``'s) or on artifact ``artifact_id``."""
    headers = stack.auth(case.actor)
    client = stack.client
    portfolio = f"/api/v1/students/{student_id or stack.amy}/artifacts"
    if case.action == "list":
        return client.get(portfolio, params={"page_size": 1000}, headers=headers)
    if case.action == "add":
        return client.post(portfolio, json=link_body(f"added by {case.actor}"), headers=headers)
    path = f"/api/v1/artifacts/{artifact_id}"
    if case.action == "get":
        return client.get(path, headers=headers)
    if case.action == "update":
        return client.patch(path, json={"title": f"renamed by {case.actor}"}, headers=headers)
    if case.action == "version":
        return client.post(f"{path}/versions", json={"link_url": "https://example.org/work-v2"}, headers=headers)
    if case.action == "delete":
        return client.delete(path, headers=headers)
    if case.action == "complete":
        return client.post(f"{path}/versions/1/complete", json={"part_etags": []}, headers=headers)
    raise AssertionError(f"no request for {case.action}")


def amy_sees(stack: Stack, artifact_id: str) -> dict | None:
    reply = stack.client.get(f"/api/v1/artifacts/{artifact_id}", headers=stack.auth("amy"))
    assert reply.status_code in (200, 403), reply.text
    return reply.json() if reply.status_code == 200 else None


def amy_portfolio_ids(stack: Stack) -> set[str]:
    reply = stack.client.get(f"/api/v1/students/{stack.amy}/artifacts", params={"page_size": 1000},
                             headers=stack.auth("amy"))
    assert reply.status_code == 200, reply.text
    return {a["id"] for a in reply.json()["items"]}
