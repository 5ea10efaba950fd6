"""The artifact page's assessments on the web (no JavaScript) against real roster, artifacts and reflections
servers, the reflections replica fed from a skills service's outbox (a four-level scale, a skill with a rubric on it,
one without) and the artifacts outbox (ownership, tags): the teacher assesses against the rubric, the student
self-assesses with the same instrument, both show side by side with level names; each role sees only its forms;
a missing level or comment and a level off the scale show next to their field."""
from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from discussion_feed import feed_catalog, feed_ownership, feed_skill_places
from gateway_skills import ADMIN, BANDS
from gateway_testkit import api_token, bearer, csrf_from, web_login

from chassis.config import service_settings
from skills import bootstrap as skills_bootstrap
from skills.domain.model import Criterion, Level, SkillFields
from skills.migrations import MIGRATIONS_DIR as SKILLS_MIGRATIONS

pytestmark = pytest.mark.integration
LEVELS = ["Beginning", "Developing", "Proficient", "Exemplary"]


@pytest.fixture(scope="module")
def catalog(session_database, district, reflections_app, artifacts_app) -> Iterator[dict[str, str]]:
    """A skills service (its own database) with a scale, a skill assessed with a rubric and one with the scale
    only; their events applied to the reflections replica and the artifacts skill catalog. Returns code -> id."""
    settings = service_settings("skills", database_url=session_database(SKILLS_MIGRATIONS), grpc_host="127.0.0.1",
                                grpc_port=0, metrics_port=0, db_pool_size=2)
    app = skills_bootstrap.build(settings)
    commands, district_id = app.commands, district.ids["district"]
    commands.define_framework(ADMIN, district_id, "", "Assessed skills", BANDS)
    scale = commands.define_scale(ADMIN, district_id, "four", "Four levels",
                                  [Level(rank, name, f"{name} work") for rank, name in enumerate(LEVELS, start=1)])
    ids = {}
    for code, name in (("innovator", "Emerging Innovator"), ("aware", "Self-Aware Learner")):
        ids[code] = commands.create_skill(ADMIN, district_id, "", SkillFields(
            code=code, name=name, colour="#1F5FAD", scale_id=scale.id)).id
    ids["wonder"] = commands.create_skill(ADMIN, district_id, "", SkillFields(code="wonder", name="Curious Mind",
                                                                             colour="#6A1B9A")).id     # no scale
    commands.define_rubric(ADMIN, district_id, "innov", "Innovation rubric", scale.id, ids["innovator"], [
        Criterion("ideas", "Generates ideas", {r: f"ideas {n.lower()}" for r, n in enumerate(LEVELS, start=1)}),
        Criterion("testing", "Tests and improves", {r: f"tests {n.lower()}" for r, n in enumerate(LEVELS, start=1)})])
    assert feed_catalog(app.engine, reflections_app.unit_of_work, "assess-web") >= 5
    assert feed_skill_places(app.engine, artifacts_app.unit_of_work, "assess-web") >= 3
    yield ids
    app.close()


@pytest.fixture
def artifact_id(client, district, catalog, artifacts_app, reflections_app) -> str:
    """A link Amy's teacher added, tagged with both assessed skills and one skill without a scale."""
    token = api_token(client, *district.login("tlee"))
    reply = client.post(f"/api/v1/students/{district.ids['amy']}/artifacts", headers=bearer(token), json={
        "title": f"Wind turbine {uuid.uuid4().hex[:6]}", "kind": "link", "link_url": "https://example.org/turbine",
        "skill_ids": [catalog["innovator"], catalog["aware"], catalog["wonder"]]})
    assert reply.status_code == 201, reply.text
    feed_ownership(artifacts_app.engine, reflections_app.unit_of_work)
    return reply.json()["artifact"]["id"]


def logged_in(make_client, district, username: str):
    client = make_client()
    assert web_login(client, *district.login(username)).status_code == 303
    return client


def submit(client, artifact_id: str, path: str, **data):
    page = client.get(f"/artifacts/{artifact_id}")
    return client.post(f"/artifacts/{artifact_id}/{path}", data={"csrf_token": csrf_from(page.text), **data})


def panel(html: str, skill_id: str) -> str:
    """The HTML of one skill's assessment card."""
    start = html.index(f'aria-labelledby="skill-{skill_id}-title"')
    return html[start:html.index("</article>", start)]


def test_teacher_assesses_with_the_rubric_and_the_student_self_assesses_side_by_side(make_client, district,
                                                                                      artifact_id, catalog):
    teacher, amy, guardian = (logged_in(make_client, district, u) for u in ("tlee", "aadams", "gadams"))
    innovator = catalog["innovator"]
    page = teacher.get(f"/artifacts/{artifact_id}").text
    card = panel(page, innovator)
    assert "Scale: Four levels · Rubric: Innovation rubric" in card and "Assess Emerging Innovator" in card
    assert "/self-assessments\"" not in page and page.count("/assessments\"") == 2    # the two skills with a scale
    for rank, name in enumerate(LEVELS, start=1):
        assert f'<label for="assess-{innovator}-level-{rank}"><strong>{name}</strong>: {name} work</label>' in card
        assert f'<label for="assess-{innovator}-crit-ideas-{rank}"><strong>{name}</strong>: ideas {name.lower()}' in card
    assert "<legend>Rubric criterion: Tests and improves</legend>" in card
    assert "Rubric criterion" not in panel(page, catalog["aware"])
    assert "no proficiency scale yet" in panel(page, catalog["wonder"])
    guardian_page = guardian.get(f"/artifacts/{artifact_id}").text
    assert "/assessments\"" not in guardian_page and "/self-assessments\"" not in guardian_page

    reply = submit(teacher, artifact_id, "assessments", skill_id=innovator, level_rank="3",
                   **{"criterion.ideas": "4", "criterion.testing": "2"}, comment="Your blade designs are original.")
    assert reply.status_code == 303 and reply.headers["location"].endswith("?done=assessment#assessments")
    page = amy.get(f"/artifacts/{artifact_id}").text
    assert "/assessments\"" not in page and "Self-assess Emerging Innovator" in page
    reply = submit(amy, artifact_id, "self-assessments", skill_id=innovator, level_rank="2")
    assert reply.status_code == 303 and reply.headers["location"].endswith("?done=self-assessment#assessments")

    card = panel(guardian.get(f"/artifacts/{artifact_id}").text, innovator)
    teacher_side, self_side = card.split('class="self-side"')
    assert "<strong>Proficient</strong>" in teacher_side and "(level 3 of 4)" in teacher_side
    assert "Your blade designs are original." in teacher_side
    assert "<dt>Generates ideas</dt><dd>Exemplary</dd>" in teacher_side
    assert "<dt>Tests and improves</dt><dd>Developing</dd>" in teacher_side
    assert "<strong>Developing</strong>" in self_side and "(level 2 of 4)" in self_side


@pytest.mark.parametrize("data,control,message", [
    ({"comment": "Good"}, "level", "Level: choose one of the levels."),
    ({"level_rank": "7", "comment": "Good"}, "level", "Level: 7 is not a level of scale &#39;Four levels&#39; (1-4)."),
    ({"level_rank": "2", "comment": " "}, "comment", "Comment: must not be empty"),
])
def test_bad_assessments_show_next_to_their_field(make_client, district, artifact_id, catalog, data, control,
                                                  message):
    teacher = logged_in(make_client, district, "tlee")
    reply = submit(teacher, artifact_id, "assessments", skill_id=catalog["innovator"], **data)
    assert reply.status_code == 422, reply.text[:300]
    ident = f"assess-{catalog['innovator']}-{control}"
    assert re.search(rf'<p class="field-error" id="{ident}-error" >.*{re.escape(message)}', reply.text, re.S)
    assert f'href="#{ident}"' in reply.text and "<details class=\"judge\" open>" in reply.text
    if control == "level":
        assert f'id="{ident}" tabindex="-1" aria-describedby="{ident}-error"' in reply.text
        assert reply.text.count('aria-invalid="true"') == len(LEVELS)
    assert "Not assessed by a teacher yet." in panel(reply.text, catalog["innovator"])
