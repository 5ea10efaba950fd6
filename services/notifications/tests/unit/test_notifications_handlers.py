"""The service layer over a fake unit of work: events become notifications for the right people with the right
email timing, one actor's burst coalesces, teacher approval holds families' notifications until a current teacher
approves, and one-click unsubscribe mutes one category, idempotently."""
from __future__ import annotations

import datetime as dt

import pytest
from notifications.adapters.replicas import ArtifactFacts, Contact
from notifications.domain.preferences import DistrictSettings, Preferences
from notifications.mail import UnsubscribeTokens
from notifications.service_layer import intake
from notifications.service_layer.administration import AdministrationUseCases
from notifications.service_layer.feed import PersonalUseCases
from notifications.service_layer.intake import IntakePolicy
from notifications_fakes import FakeNotificationsUnitOfWork

from chassis.access import Viewer
from chassis.errors import InvalidArgument, PermissionDenied
from chassis.events import Envelope

LOU = "America/Kentucky/Louisville"
NOON = dt.datetime(2026, 12, 5, 17, 0, tzinfo=dt.UTC)       # 12:00 in Louisville
POLICY = IntakePolicy(LOU, dt.timedelta(minutes=2))
TEACHER, GUARDIAN = Viewer.of("T", ["teacher"]), Viewer.of("G", ["guardian"])


@pytest.fixture
def uow(monkeypatch) -> FakeNotificationsUnitOfWork:
    unit = FakeNotificationsUnitOfWork()
    r = unit.replicas
    r.guardians, r.teachers, r.schools = {"S": {"G", "G2"}}, {"S": {"T"}}, {"S": "school-a"}
    r.people = {p: Contact(p, name, "Doe", f"{p.lower()}@example.org", "en")
                for p, name in {"S": "Sam", "G": "Gina", "G2": "Gus", "T": "Tess"}.items()}
    r.artifacts["a1"] = ArtifactFacts("a1", "S", "T", "teacher", "Volcano model", "school-a")
    monkeypatch.setattr(intake, "policy", lambda: POLICY)
    return unit


def event(type_: str, producer: str, at: dt.datetime = NOON, **data) -> Envelope:
    return Envelope(type=type_, producer=producer, data=data, occurred_at=at.isoformat())


def apply(uow, envelope: Envelope) -> None:
    with uow:
        intake.handle(uow, envelope)
        uow.commit()


def artifact_added(at=NOON, by="T", role="teacher", artifact_id="a1") -> Envelope:
    return event("artifact_added", "artifacts", at, artifact_id=artifact_id, student_id="S", added_by=by,
                 added_by_role=role, title="Volcano model", school_id="school-a")


def test_new_work_reaches_each_guardian_by_their_preference(uow):
    uow.settings.people["G2"] = Preferences(categories={"new_work": "instant"}, quiet_hours_start="11:00",
                                            quiet_hours_end="13:00")
    apply(uow, artifact_added())
    by_person = {n.recipient_id: n for n in uow.notifications.rows.values()}
    assert set(by_person) == {"G", "G2"}                              # not the teacher who added it
    daily, instant = by_person["G"], by_person["G2"]
    assert (daily.email_mode, daily.email_due_at, daily.delivery_id) == ("daily", NOON.replace(hour=23), None)
    delivery = uow.deliveries.rows[instant.delivery_id]
    assert (delivery.kind, delivery.status) == ("instant", "queued")
    assert delivery.due_at == NOON.replace(hour=18)                   # quiet until 13:00 local
    assert daily.link == "/artifacts/a1" and daily.title == "Volcano model"


def test_imported_history_from_a_transfer_is_not_news(uow):
    """Another district's earlier work, attached by the privacy officer, tells nobody of "new work"."""
    imported = artifact_added(by="po-pat", role="imported", artifact_id="imp-1")
    imported.data.update(origin_district_id="did:web:sender.example", origin_district_name="Sender County")
    apply(uow, imported)
    assert uow.notifications.rows == {}
    apply(uow, artifact_added())
    assert {n.recipient_id for n in uow.notifications.rows.values()} == {"G", "G2"}


def test_a_burst_from_one_teacher_is_one_notification_within_ten_minutes(uow):
    for minutes in (0, 3, 6, 9):
        apply(uow, artifact_added(NOON + dt.timedelta(minutes=minutes)))
    apply(uow, artifact_added(NOON + dt.timedelta(minutes=25)))       # outside the window: a new one
    counts = sorted(n.count for n in uow.notifications.rows.values() if n.recipient_id == "G")
    assert counts == [1, 4]


def test_news_delivered_out_of_order_never_folds_into_later_news(uow):
    apply(uow, artifact_added(NOON + dt.timedelta(hours=2), artifact_id="a2"))
    apply(uow, artifact_added(NOON + dt.timedelta(hours=1)))           # arrives late: an hour before the other
    apply(uow, artifact_added(NOON + dt.timedelta(hours=2, minutes=-5), artifact_id="a3"))   # within the window
    counts = sorted(n.count for n in uow.notifications.rows.values() if n.recipient_id == "G")
    assert counts == [1, 2]


def test_email_off_a_missing_address_or_off_category_records_in_app_only(uow):
    uow.settings.people["G"] = Preferences(email=False)
    uow.replicas.people["G2"] = Contact("G2", "Gus", "Doe", "", "en")
    apply(uow, artifact_added())
    assert {n.email_mode for n in uow.notifications.rows.values()} == {"none"}
    assert not uow.deliveries.rows


def test_a_self_assessment_and_an_unachieved_goal_notify_nobody(uow):
    apply(uow, event("assessment_recorded", "reflections", assessment_id="x", artifact_id="a1", student_id="S",
                     assessor_id="S", assessor_role="student"))
    apply(uow, event("goal_closed", "reflections", goal_id="g", student_id="S", status="withdrawn"))
    assert not uow.notifications.rows


def test_a_guardian_comment_reaches_the_student_and_current_teacher_with_its_words(uow):
    apply(uow, event("comment_added", "reflections", comment_id="c", artifact_id="a1", student_id="S",
                     author_id="G", author_role="guardian", actor_id="G", body="¡Qué bonito!"))
    rows = uow.notifications.rows.values()
    assert {n.recipient_id for n in rows} == {"S", "T", "G2"}
    assert {n.user_text for n in rows} == {"¡Qué bonito!"}


def test_approval_holds_a_students_own_work_until_a_current_teacher_approves(uow):
    uow.settings.district_settings = DistrictSettings(approval_required=True)
    apply(uow, artifact_added(by="S", role="student", artifact_id="a2"))
    apply(uow, artifact_added(NOON + dt.timedelta(minutes=1)))        # the teacher's own: straight through
    held = [n for n in uow.notifications.rows.values() if n.held_by]
    assert len(held) == 2 and len(uow.notifications.held) == 1
    admin = AdministrationUseCases(lambda: uow, POLICY, clock=lambda: NOON + dt.timedelta(hours=1))
    with pytest.raises(PermissionDenied):
        admin.approve(Viewer.of("FT", ["teacher"]), list(uow.notifications.held))
    assert admin.approve(TEACHER, None) == 1
    assert not any(n.held_by for n in uow.notifications.rows.values())
    assert all(n.email_due_at == NOON.replace(hour=23) for n in uow.notifications.rows.values())


def test_unsubscribe_mutes_one_category_idempotently_and_refuses_a_forged_token(uow):
    tokens = UnsubscribeTokens(b"0123456789abcdef-test")
    personal = PersonalUseCases(lambda: uow, tokens)
    token = tokens.make("G", "new_work")
    assert personal.unsubscribe(token) == ("new_work", "en")
    assert personal.unsubscribe(token) == ("new_work", "en")
    assert uow.settings.people["G"].categories == {"new_work": "off"}
    with pytest.raises(InvalidArgument, match="token"):
        personal.unsubscribe(token[:-2] + "xx")


def test_preferences_update_names_the_bad_field_and_changes_nothing(uow):
    personal = PersonalUseCases(lambda: uow, None)
    with pytest.raises(InvalidArgument, match="time_zone"):
        personal.update_preferences(GUARDIAN, {"new_work": "weekly"}, {"time_zone": "Nowhere/Land"})
    assert "G" not in uow.settings.people
    view = personal.update_preferences(GUARDIAN, {"new_work": "weekly"}, {"language": "es"})
    assert view.preferences.categories == {"new_work": "weekly"} and view.email_address == "g@example.org"
