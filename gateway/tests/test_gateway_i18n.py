"""The gateway's catalogues are current and complete (every message the templates and code mark is in gateway.pot and
in every catalogue, translated in Spanish with its placeholders), a new language is a new catalogue, and pages are
written in the person's preference, else the picker's choice, else the browser's Accept-Language. The Spanish is in
one register, the formal "usted" a district uses with families: no "tú" form is left in it."""
from __future__ import annotations

import re
import shutil
from types import SimpleNamespace

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from gateway_testkit import csrf_from

from chassis.i18n import Catalogues, negotiate
from gateway import i18n
from gateway.web import views
from gateway.web.render import templates
from skillfolio.artifacts.v1 import artifacts_pb2 as apb

PACKAGE = i18n.LOCALES_DIR.parent
# The tú register's giveaways: its pronouns and possessives, "te" joined to an infinitive or gerund ("avisarte"), and
# its futures ("recibirás", not "atrás"); the usted forms (su, sus, usted, le, "avisarle", "recibirá") match none of them.
TU_FORMS = re.compile(r"\b(?:tú|tu|tus|ti|te|contigo|tuy[oa]s?|\w{3,}(?:[aeií]r|ndo)te|(?!(?:de|a)trás)\w+r[áé]s)\b", re.IGNORECASE)
METHODS = [("**/templates/**.html", "jinja2.ext:babel_extract"), ("**.py", "python")]
OPTIONS = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}


def _marked() -> set:
    """Every msgid the gateway marks (templates' _/trans, code's N_), extracted the way ``pybabel extract`` does."""
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    return {message for _, _, message, _, _ in extract_from_dir(str(PACKAGE), METHODS, OPTIONS, keywords)}


def _ids(catalog) -> set:
    return {m.id for m in catalog if m.id}


def test_english_and_spanish_are_offered():
    assert i18n.SUPPORTED_LANGUAGES == ("en", "es")
    assert i18n.language_choices() == (("en", "English"), ("es", "Español"))


def test_the_template_and_every_catalogue_hold_exactly_the_marked_messages():
    marked = _marked()
    assert len(marked) >= 150 and "Notifications" in marked and ("Showing %(count)s artifact, newest first.",
                                                                 "Showing %(count)s artifacts, newest first.") in marked
    with open(PACKAGE / "gateway.pot", "rb") as pot:
        assert _ids(read_po(pot)) == marked, "gateway.pot is stale: re-run pybabel extract (see gateway/i18n.py)"
    for language in i18n.SUPPORTED_LANGUAGES:
        assert _ids(i18n.CATALOGUES.catalog(language)) == marked, f"{language}: run pybabel update"


def test_every_spanish_message_is_translated_with_its_placeholders():
    catalog = i18n.CATALOGUES.catalog("es")
    untranslated = [m.id for m in catalog if m.id and (m.fuzzy or not all(
        m.string if isinstance(m.string, tuple) else (m.string,)))]
    assert untranslated == []
    assert [(m.id, errors) for m, errors in catalog.check()] == []


def _tu_forms(catalog) -> list:
    return [(m.id, form) for m in catalog if m.id
            for form in (m.string if isinstance(m.string, tuple) else (m.string,)) if TU_FORMS.search(form)]


def test_spanish_addresses_people_as_usted_throughout():
    catalog = i18n.CATALOGUES.catalog("es")
    assert _tu_forms(catalog) == []
    for tu in ("Tus preferencias están guardadas.", "Cuándo avisarte", "Ya no recibirás correos.", "por ti"):
        catalog.get("Your preferences are saved.").string = tu
        assert _tu_forms(catalog) == [("Your preferences are saved.", tu)]


def test_a_language_is_added_by_adding_its_catalogue(tmp_path):
    shutil.copytree(i18n.LOCALES_DIR, tmp_path / "locales")
    (tmp_path / "locales" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    po = (i18n.LOCALES_DIR / "es" / "LC_MESSAGES" / "gateway.po").read_text("utf-8")
    po = po.replace('"Language: es\\n"', '"Language: fr\\n"').replace('msgstr "Notificaciones"',
                                                                      'msgstr "Notifications (fr)"')
    (tmp_path / "locales" / "fr" / "LC_MESSAGES" / "gateway.po").write_text(po, "utf-8")
    added = Catalogues(tmp_path / "locales", "gateway")
    assert added.languages == ("en", "es", "fr")
    assert added.gettext("fr", "Notifications") == "Notifications (fr)"
    assert negotiate(None, "fr-CA, es;q=0.5", added.languages) == "fr"


@pytest.mark.parametrize(("preferred", "accept_language", "chosen"), [
    (None, None, "en"), ("es", "en", "es"), ("es-MX", None, "es"), ("fr", "es;q=0.9, en;q=0.8", "es"),
    (None, "de, es-419;q=0.5, en;q=0.4", "es"), (None, "es;q=0, en;q=0.5", "en"), (None, "garbage;;q=x, es", "es")])
def test_the_language_is_the_preference_then_the_browser(preferred, accept_language, chosen):
    assert negotiate(preferred, accept_language, ("en", "es")) == chosen


def _gallery(language: str) -> str:
    student = SimpleNamespace(id="s1", given_name="Ana", family_name="Ruiz", grade_level="05")
    artifact = apb.Artifact(id="a1", title="My <b>bridge</b> model", kind="image", status="ready",
                            created_at="2026-11-23T10:00:00+00:00")
    imported = apb.Artifact(id="a2", title="Essay", kind="document", status="ready",
                            created_at="2023-10-02T10:00:00+00:00", origin=apb.Origin(
                                district_id="did:web:sender.example", district_name="Sender County",
                                school_year="2023-2024"))
    token = i18n.use_language(language)
    try:
        return templates.get_template("portfolio.html").render(
            principal=None, csrf_token="t", style_nonce="n", student=student, artifacts=[artifact, imported],
            next_page_token="", filters=views.GalleryFilters(), chips={}, chips_of=views.chips_of, years=[],
            year_names={}, can_add=False, is_self=False, kind_labels=views.KIND_LABELS, notice="", language=language)
    finally:
        i18n.reset_language(token)


def test_a_page_in_spanish_keeps_what_people_wrote_as_written():
    spanish, english = _gallery("es"), _gallery("en")
    assert '<html lang="es">' in spanish and "Portafolio de Ana Ruiz" in spanish
    assert "Se muestran 2 trabajos, los más recientes primero." in spanish and "23 nov 2026" in spanish
    assert "De Sender County, solo lectura · 2023-2024" in spanish         # imported history, labelled
    assert "Filtrar trabajos" in spanish and "Portfolio of" not in spanish
    assert "My &lt;b&gt;bridge&lt;/b&gt; model" in spanish       # the title as written, escaped, untranslated
    assert "Portfolio of Ana Ruiz" in english and "Showing 2 artifacts, newest first." in english
    assert "From Sender County, read-only · 2023-2024" in english


def test_the_login_page_follows_the_browser_then_the_picker(client):
    assert "Iniciar sesión" in client.get("/login", headers={"Accept-Language": "es-MX,es;q=0.9"}).text
    page = client.get("/login", headers={"Accept-Language": "en"})
    assert page.headers["content-language"] == "en" and '<html lang="en">' in page.text
    picked = client.post("/language", data={"language": "es", "next": "/login", "csrf_token": csrf_from(page.text)})
    assert picked.status_code == 303 and picked.headers["location"] == "/login"
    again = client.get("/login", headers={"Accept-Language": "en"})
    assert again.headers["content-language"] == "es" and '<html lang="es">' in again.text
    assert '<option value="es" lang="es" selected>Español</option>' in again.text


def test_the_picker_refuses_a_language_without_a_catalogue_and_a_foreign_next(client):
    token = csrf_from(client.get("/login").text)
    refused = client.post("/language", data={"language": "xx", "csrf_token": token})
    assert refused.status_code == 422 and "must be one of en, es" in refused.text
    away = client.post("/language", data={"language": "es", "next": "//evil.example", "csrf_token": token})
    assert away.headers["location"] == "/"
