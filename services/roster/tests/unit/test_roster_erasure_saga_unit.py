"""The erasure coordinator on a fake unit of work: who may ask, the roster's own part, the request event, recording
confirmations once, the signed certificate only when every service confirmed, and retries of the others."""
from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json

import pytest
from roster_fakes import FakeRosterUnitOfWork

from chassis.erasure import ERASED_SUBJECT, ErasureConfirmed, pseudonym
from chassis.errors import Conflict, InvalidArgument, NotFound, PermissionDenied
from chassis.events import Envelope
from chassis.signing import DistrictKey, SignatureError, b64url, b64url_decode
from roster.domain.access import Viewer
from roster.domain.erasure import COMPLETED, PENDING, REFUSED
from roster.domain.retention import RetentionSchedule
from roster.erasure_config import ErasureOptions
from roster.service_layer.erasure import Coordinator, record_confirmation, request_erasure, retry_pending

STUDENT, OFFICER = "s-1", "po-1"
NOW = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)


class FakeErasures:
    def __init__(self) -> None:
        self.students = {STUDENT}
        self.rows: dict[str, object] = {}
        self.roster_erased: list[str] = []

    def is_student(self, person_id):
        return person_id in self.students

    def open_for(self, student_id, artifact_id=""):
        return next((e.id for e in self.rows.values() if e.student_id == student_id and e.status == PENDING
                     and (not artifact_id or e.artifact_id in ("", artifact_id))), None)

    def pseudonyms(self):
        return {e.pseudonym for e in self.rows.values() if e.scope == "student"}

    def erase_roster_rows(self, student_id):
        self.roster_erased.append(student_id)
        return {"credentials": 1, "enrollments": 3, "people": 1}

    def add(self, erasure, roles):
        self.rows[erasure.id] = copy.deepcopy(erasure)

    def add_confirmation(self, erasure_id, confirmation):
        erasure = self.rows[erasure_id]
        if confirmation.service in erasure.confirmations:
            return False
        erasure.confirmations[confirmation.service] = confirmation
        return True

    def get(self, erasure_id, lock=False):
        return copy.deepcopy(self.rows.get(erasure_id))

    def due_for_retry(self, before):
        return [copy.deepcopy(e) for e in self.rows.values() if e.status == PENDING and e.last_requested_at < before]

    def requested_again(self, erasure, at):
        self.rows[erasure.id].attempts += 1
        self.rows[erasure.id].last_requested_at = at

    def complete(self, erasure):
        self.rows[erasure.id] = copy.deepcopy(erasure)

    refuse = complete


class FakeRetention:
    def __init__(self) -> None:
        self.plan, self.holds, self.due, self.left = RetentionSchedule(), set(), {}, {}

    def schedule(self):
        return self.plan

    def set_schedule(self, schedule, at):
        self.plan = schedule

    def held(self):
        return set(self.holds)

    def hold(self, student_id, reason, by, at):
        new = student_id not in self.holds
        self.holds.add(student_id)
        return new

    def release(self, student_id):
        found = student_id in self.holds
        self.holds.discard(student_id)
        return found

    def leavers(self):
        return dict(self.left)

    def reported(self, kind="portfolio"):
        return {student: record for (k, student), record in self.due.items() if k == kind}

    def report(self, record):
        self.due[(record.kind, record.student_id)] = record

    def erased(self, student_id, erasure_id, kind="portfolio"):
        self.due[(kind, student_id)] = dataclasses.replace(self.due[(kind, student_id)], erasure_id=erasure_id)


class FakeErasureUow(FakeRosterUnitOfWork):
    stores = (*FakeRosterUnitOfWork.stores, "erasures", "retention")

    def __init__(self) -> None:
        super().__init__()
        self.erasures, self.retention = FakeErasures(), FakeRetention()


@pytest.fixture
def uow():
    return FakeErasureUow()


@pytest.fixture
def clock():
    return {"now": NOW}


@pytest.fixture
def coordinator(clock):
    options = ErasureOptions(services="artifacts,reflections", retry_seconds=60, backup_days=35, pseudonym_key="k")
    return Coordinator(options, DistrictKey.generate(), b"k", "Demo District", clock=lambda: clock["now"])


OFFICER_VIEWER = Viewer.of(OFFICER, {"privacy_officer"})


def confirmed(erasure_id: str, service: str, **counts: int) -> Envelope:
    return Envelope.from_event(ErasureConfirmed(erasure_id, service, counts, NOW.isoformat()), service)


def test_only_a_privacy_officer_may_erase_and_only_with_a_reason(uow, coordinator):
    for roles in ({"district_admin"}, {"teacher"}, {"student"}):
        with pytest.raises(PermissionDenied):
            request_erasure(lambda: uow, coordinator, Viewer.of("x", roles), STUDENT, "asked")
    with pytest.raises(InvalidArgument) as refused:
        request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, STUDENT, "   ")
    assert refused.value.problems[0].field == "reason"
    with pytest.raises(NotFound):
        request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, "nobody", "asked")
    assert uow.events == [] and uow.erasures.rows == {} and uow.audit_rows == []


def test_a_request_erases_the_roster_part_audits_a_pseudonym_and_asks_the_other_services(uow, coordinator):
    erasure = request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, STUDENT, "parent's written request")
    assert uow.erasures.roster_erased == [STUDENT]
    [event] = uow.events
    assert event.type == "erasure_requested"
    assert event.data["services"] == ["artifacts", "reflections"] and event.data["student_id"] == STUDENT
    assert event.data["pseudonym"] == pseudonym(STUDENT, b"k") == erasure.pseudonym
    [row] = uow.audit_rows
    assert row.subject_type == ERASED_SUBJECT and row.subject_ids == (erasure.pseudonym,)
    assert STUDENT not in json.dumps(row.detail) and row.actor == OFFICER
    assert erasure.status == PENDING and erasure.waiting_for() == ["artifacts", "reflections"]
    with pytest.raises(Conflict):
        request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, STUDENT, "again")


def test_the_certificate_is_signed_only_when_every_service_confirmed(uow, coordinator):
    erasure = request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, STUDENT, "parent's written request")
    with uow:
        record_confirmation(uow, coordinator, confirmed(erasure.id, "artifacts", artifacts=40, media_objects=80))
        uow.commit()
    with uow:   # a repeated confirmation changes nothing: the first counts stand
        record_confirmation(uow, coordinator, confirmed(erasure.id, "artifacts", artifacts=0))
        uow.commit()
    assert uow.erasures.rows[erasure.id].status == PENDING
    assert uow.erasures.rows[erasure.id].certificate is None
    with uow:
        record_confirmation(uow, coordinator, confirmed(erasure.id, "reflections", reflections=12))
        uow.commit()
    done = uow.erasures.rows[erasure.id]
    assert done.status == COMPLETED and done.student_id == ""
    certificate = done.certificate
    assert [c["service"] for c in certificate["confirmations"]] == ["artifacts", "reflections", "roster"]
    assert certificate["confirmations"][0]["counts"] == {"artifacts": 40, "media_objects": 80}
    assert certificate["totals"] == {"rows": 40 + 12 + 5, "media_objects": 80}
    assert certificate["backups"]["aged_out_by"] == "2027-01-10" and certificate["kept"]
    assert STUDENT not in json.dumps(certificate)
    header, payload = coordinator.key.verify_jws(done.signature)
    assert json.loads(payload) == certificate and header["alg"] == "EdDSA"
    head, body, signature = done.signature.split(".")
    forged = json.loads(b64url_decode(body))
    forged["totals"]["rows"] = 0
    with pytest.raises(SignatureError):
        coordinator.key.verify_jws(".".join([head, b64url(json.dumps(forged).encode()), signature]))


def test_a_pending_erasure_is_asked_again_of_the_services_that_have_not_confirmed(uow, coordinator, clock):
    erasure = request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, STUDENT, "retention schedule")
    with uow:
        record_confirmation(uow, coordinator, confirmed(erasure.id, "artifacts"))
        uow.commit()
    assert retry_pending(lambda: uow, coordinator) == 0          # asked a moment ago
    clock["now"] = NOW + dt.timedelta(seconds=61)
    assert retry_pending(lambda: uow, coordinator) == 1
    retry = uow.events[-1]
    assert retry.type == "erasure_requested" and retry.data["services"] == ["reflections"]
    assert retry.data["attempt"] == 2 and retry.data["erasure_id"] == erasure.id
    assert retry_pending(lambda: uow, coordinator) == 0          # the next retry waits its interval again


ARTIFACT = "a-7"


def test_one_artifact_is_asked_of_the_artifacts_service_first_then_of_the_others(uow, coordinator):
    erasure = request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, STUDENT, "the family asked", ARTIFACT)
    assert uow.erasures.roster_erased == []                        # the roster holds nothing of an artifact
    [event] = uow.events
    assert event.data["services"] == ["artifacts"] and event.data["artifact_id"] == ARTIFACT
    assert event.data["requested_by_roles"] == ["privacy_officer"]
    [row] = uow.audit_rows
    assert row.action == "roster.EraseArtifact" and row.detail["artifact_id"] == ARTIFACT
    assert erasure.waiting_for() == ["artifacts"]
    with pytest.raises(Conflict):                                  # the same artifact, or the whole record
        request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, STUDENT, "again", ARTIFACT)
    with pytest.raises(Conflict):
        request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, STUDENT, "everything")

    with uow:
        record_confirmation(uow, coordinator, confirmed(erasure.id, "artifacts", artifacts=1, media_objects=2))
        uow.commit()
    asked = uow.events[-1]
    assert asked.type == "erasure_requested" and asked.data["services"] == ["reflections"]
    assert asked.data["artifact_id"] == ARTIFACT and asked.data["requested_by_roles"] == ["privacy_officer"]
    with uow:
        record_confirmation(uow, coordinator, confirmed(erasure.id, "reflections", comments=3))
        uow.commit()
    done = uow.erasures.rows[erasure.id]
    assert done.status == COMPLETED
    assert done.certificate["subject"] == {"pseudonym": erasure.pseudonym, "scope": "artifact",
                                           "artifact_id": ARTIFACT}
    assert done.certificate["totals"] == {"rows": 4, "media_objects": 2}
    assert "the rest of the student's record" in [k["what"] for k in done.certificate["kept"]]
    assert not any("tombstone" in k["what"] for k in done.certificate["kept"])


def test_an_artifact_not_in_the_students_portfolio_refuses_the_erasure_and_nobody_else_is_asked(uow, coordinator,
                                                                                                 clock):
    erasure = request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, STUDENT, "the family asked", "not-hers")
    with uow:
        record_confirmation(uow, coordinator, confirmed(erasure.id, "artifacts"))     # found nothing to erase
        uow.commit()
    refused = uow.erasures.rows[erasure.id]
    assert refused.status == REFUSED and refused.certificate is None
    assert "not-hers" in refused.refusal and "nothing was erased" in refused.refusal
    assert [e.data["services"] for e in uow.events] == [["artifacts"]]       # reflections was never asked
    clock["now"] = NOW + dt.timedelta(days=1)
    assert retry_pending(lambda: uow, coordinator) == 0
    request_erasure(lambda: uow, coordinator, OFFICER_VIEWER, STUDENT, "the right one", ARTIFACT)   # not blocking
