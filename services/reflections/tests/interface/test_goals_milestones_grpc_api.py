"""GoalsService and MilestonesService over a real channel on the reflections server: RedeemInvitation is the one
public RPC, a guest scores as "guest:<invitation_id>" (panel_guest), and refusals and bad input map to clear
statuses and field problems."""
from __future__ import annotations

import grpc
import pytest
from assessments_fixtures import LEVELS as COMM_LEVELS
from assessments_fixtures import RUBRIC as COMM_RUBRIC
from assessments_fixtures import rubric_event, scale_event
from milestone_fixtures import CRITERIA, LEVELS, OWN_ART, RUBRIC, panel_world  # noqa: F401
from reflections_fixtures import ANA, ART, CRUZ, DEE, EVE, GUS

from chassis.config import PlatformSettings, service_settings
from chassis.grpc.errors import field_problems
from chassis.grpc.principal import generate_keypair
from chassis.messaging.subscriptions import consume
from chassis.testing.grpc_api import signed_as
from reflections.entrypoints import grpc_api
from reflections.service_layer import subscriptions as reflections_subscriptions
from skillfolio.reflections.v1 import goals_pb2, goals_pb2_grpc, milestones_pb2_grpc
from skillfolio.reflections.v1 import milestones_pb2 as pb

# own_database: the gRPC server answers on its own thread pool, each thread with its own pooled connection
pytestmark = [pytest.mark.integration, pytest.mark.own_database]


@pytest.fixture
def keys():
    return generate_keypair()


@pytest.fixture
def channel(app, panel_world, reflections_db, keys):
    settings = service_settings("reflections", database_url=reflections_db, grpc_port=0, grpc_max_workers=4)
    handle = grpc_api.start(settings, app, platform=PlatformSettings(principal_public_key=keys[1]), metrics=False)
    connection = grpc.insecure_channel(f"127.0.0.1:{handle.port}")
    yield milestones_pb2_grpc.MilestonesServiceStub(connection), goals_pb2_grpc.GoalsServiceStub(connection)
    connection.close()
    handle.stop(grace=1)


def refused(call) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as caught:
        call()
    return caught.value


def test_goals_over_grpc(channel, keys):
    _, goals = channel
    student, teacher = signed_as(keys[0], ANA, "student"), signed_as(keys[0], CRUZ, "teacher")
    goal = goals.SetGoal(goals_pb2.SetGoalRequest(student_id=ANA, title="Speak up", skill_ids=["skl-comm"],
                                                  success_criteria="Three talks"), metadata=student).goal
    kept = goals.UpdateGoal(goals_pb2.UpdateGoalRequest(goal_id=goal.id, title="Speak up more"), metadata=student).goal
    assert (kept.title, kept.success_criteria, list(kept.skill_ids)) == ("Speak up more", "Three talks", ["skl-comm"])
    emptied = refused(lambda: goals.UpdateGoal(goals_pb2.UpdateGoalRequest(
        goal_id=goal.id, skill_ids=goals_pb2.SkillIds(ids=[])), metadata=student))
    assert (emptied.code(), [p.field for p in field_problems(emptied)]) == (grpc.StatusCode.INVALID_ARGUMENT,
                                                                            ["skill_ids"])
    unknown = refused(lambda: goals.UpdateGoal(goals_pb2.UpdateGoalRequest(
        goal_id=goal.id, skill_ids=goals_pb2.SkillIds(ids=["skl-comm", "skl-nope"])), metadata=student))
    assert (unknown.code(), [(p.field, p.reason) for p in field_problems(unknown)]) == (
        grpc.StatusCode.INVALID_ARGUMENT, [("skill_ids", "'skl-nope' is not a skill of the district")])
    goals.LinkEvidence(goals_pb2.LinkEvidenceRequest(goal_id=goal.id, artifact_ids=[ART, OWN_ART]), metadata=student)
    goals.CloseGoal(goals_pb2.CloseGoalRequest(goal_id=goal.id, status="achieved", closing_reflection="Done."),
                    metadata=student)
    teachers_list = goals.ListGoals(goals_pb2.ListGoalsRequest(student_id=ANA), metadata=teacher)
    [listed] = teachers_list.goals
    assert not teachers_list.viewer_can.write           # the teacher reads; only the student writes
    assert goals.ListGoals(goals_pb2.ListGoalsRequest(student_id=ANA), metadata=student).viewer_can.write
    assert (listed.status, list(listed.evidence_artifact_ids), listed.closing_reflection) == (
        "achieved", [ART, OWN_ART], "Done.")
    assert listed.closed_at and listed.created_at
    denied = refused(lambda: goals.GetGoal(goals_pb2.GetGoalRequest(goal_id=goal.id),
                                           metadata=signed_as(keys[0], GUS, "guardian")))
    assert (denied.code(), denied.details()) == (grpc.StatusCode.PERMISSION_DENIED,
                                                 "not allowed to see or change this student's goals")


def test_a_guest_scores_a_defense_of_learning(channel, keys):
    stub, _ = channel
    admin, teacher = signed_as(keys[0], DEE, "district_admin"), signed_as(keys[0], CRUZ, "teacher")
    kind = stub.DefineMilestoneType(pb.DefineMilestoneTypeRequest(
        code="defense-of-learning", name="Defense of Learning", rubric_id=RUBRIC, grade_levels=["05", "08", "12"]),
        metadata=admin).type
    assert (list(kind.criteria), [(lv.rank, lv.name) for lv in kind.levels]) == (
        list(CRITERIA), [(i + 1, n) for i, n in enumerate(LEVELS)])
    milestone = stub.CreateMilestone(pb.CreateMilestoneRequest(student_id=ANA, type_id=kind.id, title="Defense",
                                                               scheduled_on="2026-12-10"), metadata=teacher).milestone
    assert (milestone.status, milestone.type.code) == ("planned", "defense-of-learning")
    stub.SelectEvidence(pb.SelectEvidenceRequest(milestone_id=milestone.id, artifact_ids=[ART]),
                        metadata=signed_as(keys[0], ANA, "student"))
    invited = stub.InvitePanellist(pb.InvitePanellistRequest(milestone_id=milestone.id, name="Rosa Park",
                                                             email="rosa@example.org", kind="community"),
                                   metadata=teacher)

    redeemed = stub.RedeemInvitation(pb.RedeemInvitationRequest(token=invited.guest_url_token))   # no principal
    assert (redeemed.invitation_id, redeemed.milestone_id, redeemed.panellist_name, redeemed.expires_at) == (
        invited.panellist.invitation_id, milestone.id, "Rosa Park", invited.panellist.expires_at)
    rosa = signed_as(keys[0], f"guest:{redeemed.invitation_id}", "panel_guest")
    off_scale = refused(lambda: stub.ScoreMilestone(pb.ScoreMilestoneRequest(milestone_id=milestone.id, scores=[
        pb.CriterionScore(criterion_code=c, level_rank=7) for c in CRITERIA]), metadata=rosa))
    assert off_scale.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field_problems(off_scale)[0].reason == "7 is not a level of scale 'Four-point scale' (1-4)"
    sheet = stub.ScoreMilestone(pb.ScoreMilestoneRequest(milestone_id=milestone.id, comment="Clear.", scores=[
        pb.CriterionScore(criterion_code=c, level_rank=4) for c in CRITERIA]), metadata=rosa).sheet
    assert (sheet.panellist_name, [s.level_name for s in sheet.scores]) == ("Rosa Park", ["Exemplary"] * 3)

    seen = stub.GetMilestone(pb.GetMilestoneRequest(milestone_id=milestone.id), metadata=rosa).milestone
    assert list(seen.evidence_artifact_ids) == [ART]
    assert seen.viewer_can == pb.MilestoneViewerCan(score=True)          # a panellist scores, nothing else
    assert stub.GetMilestone(pb.GetMilestoneRequest(milestone_id=milestone.id), metadata=teacher).milestone \
        .viewer_can == pb.MilestoneViewerCan(invite=True, record_outcome=True)
    assert [(p.name, p.email) for p in seen.panellists] == [("Rosa Park", "")]
    done = stub.RecordOutcome(pb.RecordOutcomeRequest(milestone_id=milestone.id, outcome="EXCELLING"),
                              metadata=teacher).milestone
    assert (done.status, done.outcome, len(done.score_sheets)) == ("completed", "EXCELLING", 1)
    guardians_list = stub.ListMilestones(pb.ListMilestonesRequest(student_id=ANA),
                                         metadata=signed_as(keys[0], EVE, "guardian"))
    [listed] = guardians_list.milestones
    assert listed.panellists[0].email == "rosa@example.org"
    assert not guardians_list.viewer_can.create and listed.viewer_can == pb.MilestoneViewerCan()
    assert stub.ListMilestones(pb.ListMilestonesRequest(student_id=ANA), metadata=teacher).viewer_can.create
    assert done.viewer_can == pb.MilestoneViewerCan()       # a completed milestone takes no change
    final = refused(lambda: stub.ScoreMilestone(pb.ScoreMilestoneRequest(milestone_id=milestone.id, scores=[
        pb.CriterionScore(criterion_code=c, level_rank=1) for c in CRITERIA]), metadata=rosa))
    assert final.code() == grpc.StatusCode.FAILED_PRECONDITION and "its panel links have ended" in final.details()


def test_a_type_carries_the_catalog_rubrics_names_and_descriptors(app, channel, keys):
    for envelope in (scale_event(), rubric_event()):
        assert consume(app.unit_of_work, reflections_subscriptions.SUBSCRIPTIONS, envelope, f"test.{envelope.type}")
    stub, _ = channel
    kind = stub.DefineMilestoneType(pb.DefineMilestoneTypeRequest(
        code="mini-defense", name="Mini-Defense", rubric_id=COMM_RUBRIC), metadata=signed_as(keys[0], DEE,
                                                                                               "district_admin")).type
    assert kind.rubric_name == "Communication rubric"
    assert [(lv.rank, lv.name, lv.description) for lv in kind.levels][:2] == [
        (1, "Beginning", "Beginning work"), (2, "Developing", "Developing work")]
    assert [(c.code, c.name, list(c.descriptors)) for c in kind.rubric_criteria] == [
        ("clarity", "Clarity", [f"clear {n}" for n in COMM_LEVELS]),
        ("evidence", "Use of evidence", [f"evident {n}" for n in COMM_LEVELS])]
    [listed] = stub.ListMilestoneTypes(pb.ListMilestoneTypesRequest(), metadata=signed_as(keys[0], ANA, "student")).types
    assert listed == kind


def test_public_and_refused_calls(channel, keys):
    stub, goals = channel
    unknown = refused(lambda: stub.RedeemInvitation(pb.RedeemInvitationRequest(token="not-a-token")))
    assert (unknown.code(), unknown.details()) == (grpc.StatusCode.NOT_FOUND, "this panel link is not valid")
    for call in (lambda: stub.GetMilestone(pb.GetMilestoneRequest(milestone_id="m")),
                 lambda: stub.ListMilestoneTypes(pb.ListMilestoneTypesRequest()),
                 lambda: goals.ListGoals(goals_pb2.ListGoalsRequest(student_id=ANA))):
        assert refused(call).code() == grpc.StatusCode.UNAUTHENTICATED
    stranger = signed_as(keys[0], "guest:nobody", "panel_guest")
    not_invited = refused(lambda: stub.ScoreMilestone(pb.ScoreMilestoneRequest(milestone_id="m-unknown"),
                                                      metadata=stranger))
    assert (not_invited.code(), not_invited.details()) == (grpc.StatusCode.PERMISSION_DENIED,
                                                           "you are not on this milestone's panel")
