"""A rubric to assess with on the running platform, when its demo seed has none for a skill: the district admin's
DefineScale and DefineRubric through the skills gRPC API, signed with the platform's own principal key (from the
var/secrets.env `skillfolio up` wrote, as an operator's script would), then waiting until the reflections service
has the skills events (its instrument endpoint answers)."""
from __future__ import annotations

import httpx
from dotenv import dotenv_values

from chassis.config import PlatformSettings
from chassis.context import Principal, principal_var
from chassis.grpc.client import channel, signing_token_source
from chassis.testing import wait_for
from skillfolio.skills.v1 import skills_pb2 as spb
from skillfolio.skills.v1 import skills_pb2_grpc

LEVELS = [("Beginning", "Starting to"), ("Developing", "Partly"), ("Proficient", "Reliably"), ("Exemplary", "Inventively")]
CRITERIA = [("questions", "Asks questions"), ("evidence", "Uses evidence")]
REPLICA_TIMEOUT_S = 90


def instrument(http: httpx.Client, artifact_id: str, skill_id: str) -> httpx.Response:
    return http.get(f"/api/v1/artifacts/{artifact_id}/skills/{skill_id}/instrument")


def define_rubric(platform, admin_id: str, skill_id: str) -> None:
    """A four-level scale and a two-criterion rubric for ``skill_id``, as the district admin ``admin_id``."""
    secrets = dotenv_values(platform.workdir / "var" / "secrets.env")
    signer = signing_token_source(PlatformSettings(
        principal_private_key=secrets["SKILLFOLIO_PRINCIPAL_PRIVATE_KEY"],
        principal_public_key=secrets["SKILLFOLIO_PRINCIPAL_PUBLIC_KEY"]))
    grpc_channel = channel("skills", signer, address=f"127.0.0.1:{platform.env['SKILLS_GRPC_PORT']}")
    stub = skills_pb2_grpc.SkillsServiceStub(grpc_channel)
    token = principal_var.set(Principal(admin_id, ("district_admin",), "e2e district admin"))
    try:
        skill = stub.GetSkill(spb.GetSkillRequest(skill_id=skill_id), timeout=10).skill
        scale = stub.DefineScale(spb.DefineScaleRequest(
            district_id=skill.district_id, code="e2e-four", name="Four levels", levels=[
                spb.Level(rank=rank, name=name, description=f"{hint} shows the skill")
                for rank, (name, hint) in enumerate(LEVELS, start=1)]), timeout=10).scale
        stub.DefineRubric(spb.DefineRubricRequest(
            district_id=skill.district_id, code=f"e2e-{skill.code}", name=f"{skill.name} rubric", scale_id=scale.id,
            skill_id=skill_id, criteria=[spb.Criterion(code=code, name=name, cells=[
                spb.Cell(level_rank=rank, descriptor=f"{hint} {name.lower()}")
                for rank, (_level, hint) in enumerate(LEVELS, start=1)]) for code, name in CRITERIA]), timeout=10)
    finally:
        principal_var.reset(token)
        grpc_channel.close()


def ensure_rubric(platform, http: httpx.Client, admin_id: str, artifact: dict) -> tuple[str, dict]:
    """A skill of ``artifact`` that has a rubric (defining one when none has) and its instrument, once the
    reflections service knows it; ``http`` is a client of someone who may read the artifact."""
    for skill_id in artifact["skill_ids"]:
        reply = instrument(http, artifact["id"], skill_id)
        if reply.status_code == 200 and reply.json()["criteria"]:
            return skill_id, reply.json()
    skill_id = artifact["skill_ids"][0]
    define_rubric(platform, admin_id, skill_id)
    replies: list[httpx.Response] = []

    def rubric() -> dict | None:
        replies.append(reply := instrument(http, artifact["id"], skill_id))
        return reply.json() if reply.status_code == 200 and reply.json()["criteria"] else None
    return skill_id, wait_for(rubric, REPLICA_TIMEOUT_S,
                              lambda: f"the rubric to reach the reflections service: {replies[-1].text}", interval=1)
