"""Every page a guardian reaches from their child's portfolio, for a guardian whose preference is Spanish, against real
roster, artifacts, skills and reflections servers: the portfolio, an artifact with a recorded reflection, feedback,
an assessment on a rubric and comments, the goals, growth and milestones pages and one milestone, and the "not
allowed" page. The fixed text of each is Spanish (key headings, and no sentence of the catalogue left in English);
what people wrote (titles, comments, feedback) stays as written."""
from __future__ import annotations

import html
import re
import uuid

import pytest
from discussion_feed import feed_ownership
from gateway_testkit import csrf_from, web_login
from progress_fixtures import panel_rubric, people, roster_engine, sync  # noqa: F401  (fixtures)
from recording_kit import check_uploads
from test_gateway_milestones_api import defense
from test_gateway_web_recordings import record

from chassis.access import Viewer
from gateway import i18n
from reflections.domain.assessment import CriterionLevel

pytestmark = pytest.mark.integration
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def english_sentences() -> set[str]:
    """The catalogue's messages of three words or more (no placeholders, no markup) whose Spanish differs: none of
    them may be left in a Spanish page (shorter ones could be what a district named a level, e.g. "Not Yet")."""
    spanish = i18n.CATALOGUES.catalog("es")
    return {m.id for m in spanish if isinstance(m.id, str) and m.id and m.string != m.id
            and not PLACEHOLDER.search(m.id) and "<" not in m.id and len(m.id.split()) >= 3}


def english_left(page: str) -> list[str]:
    text = html.unescape(re.sub(r"\s+", " ", page))
    return sorted(sentence for sentence in english_sentences() if re.sub(r"\s+", " ", sentence) in text)


@pytest.fixture
def world(people, district, panel_rubric, skill_ids, reflections_app, artifacts_app, make_client, sync) -> dict:
    """Amy's portfolio as her guardian sees it: a link her teacher added (tagged, assessed on the rubric, with
    feedback), her recorded reflection on it, a goal with that evidence, and a completed Defense of Learning."""
    amy_id, communicator, tag = district.ids["amy"], skill_ids["communicator"], uuid.uuid4().hex[:6]
    work = people("tlee").add_link(amy_id, communicator, year_id=district.ids["year"], title=f"Bridge talk {tag}")
    sync()
    feed_ownership(artifacts_app.engine, reflections_app.unit_of_work)
    teacher = Viewer.of(district.ids["teacher"], ["teacher"])
    instrument = reflections_app.assessments.instrument(teacher, work, communicator)
    level = instrument.scale.levels[-1]
    criteria = instrument.rubric.criteria if instrument.rubric else []
    reflections_app.assessments.assess(teacher, work, communicator, level.rank, "Clear and well paced",
                                       [CriterionLevel(c.code, level.rank) for c in criteria])
    reflections_app.commands.give_feedback(teacher, work, "You explain the load clearly.", "Add a diagram.")
    amy = make_client()
    web_login(amy, *district.login("aadams"))
    reflection = record(amy, work)
    assert check_uploads(reflections_app, reflection)
    goal = people("aadams").call("POST", f"/api/v1/students/{amy_id}/goals", 201, json={
        "title": f"Speak with confidence {tag}", "skill_ids": [communicator],
        "success_criteria": "I present without notes"})
    people("aadams").call("POST", f"/api/v1/goals/{goal['id']}/evidence", json={"artifact_ids": [work]})
    kind = defense(people, panel_rubric)
    milestone = people("tlee").call("POST", f"/api/v1/students/{amy_id}/milestones", 201, json={
        "type_id": kind["id"], "title": f"Grade 5 Defense {tag}", "scheduled_on": "2026-12-01"})
    people("aadams").call("PUT", f"/api/v1/milestones/{milestone['id']}/evidence", json={"artifact_ids": [work]})
    people("tlee").call("POST", f"/api/v1/milestones/{milestone['id']}/panellists", 201, json={
        "name": "Pat Partner", "email": "pat@example.org", "kind": "community", "valid_days": 7})
    people("tlee").call("POST", f"/api/v1/milestones/{milestone['id']}/outcome", json={"outcome": "READY"})
    return {"amy": amy_id, "work": work, "goal": goal["title"], "milestone": milestone["id"], "tag": tag}


def test_every_page_a_guardian_reaches_is_in_their_language(make_client, district, notifications, world):
    notifications.prefs(district.ids["guardian"]).language = "es"
    guardian = make_client()
    web_login(guardian, *district.login("gadams"))
    amy, work = world["amy"], world["work"]

    def spanish(path: str, *expected: str, status: int = 200) -> str:
        page = guardian.get(path, headers={"Accept-Language": "en"})     # the preference wins over the browser
        assert page.status_code == status, (path, page.text[:400])
        assert page.headers["content-language"] == "es" and '<html lang="es">' in page.text, path
        assert english_left(page.text) == [], path
        missing = [text for text in expected if text not in html.unescape(page.text)]
        assert missing == [], (path, missing)
        return page.text

    spanish(f"/students/{amy}", "Portafolio de Amy Adams", "Volver al inicio", "Progreso a lo largo de los años")
    page = spanish(f"/artifacts/{work}", "Reflexiones", "Retroalimentación", "Lo que ya puede hacer", "Próximos pasos",
                   "Evaluaciones", "Evaluación del maestro", "Todavía no hay autoevaluación.", "Comentarios",
                   "Todavía no hay comentarios.", "Agregar un comentario", "Publicar el comentario",
                   "Su navegador no puede reproducir esta grabación.", "Leyenda:", "(nivel ", "Escrita el ",
                   "(maestro)")
    assert "You explain the load clearly." in page and "Clear and well paced" in page     # as written
    assert "Said &lt;aloud&gt;" in page and "<audio controls" in page
    posted = guardian.post(f"/artifacts/{work}/comments", data={"csrf_token": csrf_from(page), "body": "¡Muy bien!"})
    assert posted.status_code == 303
    page = spanish(posted.headers["location"], "Se publicó su comentario.", "¡Muy bien!", "Usted")
    assert re.search(r'<p class="meta">Usted · <time datetime="[^"]+">\d+ \w+ 20\d\d</time>', page)

    spanish(f"/students/{amy}/goals", "Metas de Amy Adams", world["goal"], "Activa", "Criterios de logro",
            "Evidencia", "Fijada el ")
    spanish(f"/students/{amy}/growth", "Progreso de Amy Adams", "a lo largo de los años escolares",
            "Trabajos etiquetados", "evaluación del maestro", "etiquetados por año escolar")
    spanish(f"/students/{amy}/milestones", "Hitos de Amy Adams", "Completado", "Resultado: <strong>Listo</strong>",
            "1 trabajo como evidencia", "1 panelista")
    spanish(f"/milestones/{world['milestone']}", "Volver a los hitos", "Evidencia", "Rúbrica", "Criterio",
            "Calificaciones del panel", "Todavía no hay calificaciones.", "Colaborador de la comunidad",
            "Resultado: <strong>Listo</strong>")
    spanish(f"/students/{district.ids['ben']}", "Usted no puede abrir esta página",
            "Usted no puede abrir este portafolio.", status=403)


def test_the_panel_link_pages_follow_the_browser(client):
    page = client.get("/panel/not-a-real-token", headers={"Accept-Language": "es-MX,es;q=0.9"})
    assert page.status_code == 404 and "Este enlace del panel no funciona" in page.text
    assert "Pida un enlace nuevo al maestro que lo/la invitó." in page.text and english_left(page.text) == []
    assert "This panel link does not work" in client.get("/panel/not-a-real-token").text


def test_a_spanish_page_has_no_english_sentence_left_is_a_check_that_can_fail():
    assert english_left("<p>Nobody is invited yet.</p>") == ["Nobody is invited yet."]
    assert english_left("<p>Todavía no hay nadie invitado.</p>") == []
