"""The catalogues are complete (every message of the code is in every catalogue, translated, placeholders intact),
a new language is a new catalogue, and the language is chosen from the preference, else Accept-Language. The Spanish
is in one register, the formal "usted" a district uses with families (as the gateway's pages): no "tú" form."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po
from notifications.mail import SUPPORTED_LANGUAGES, Catalogues, catalogues, negotiate
from notifications.mail.catalogues import LOCALES_DIR, SOURCE_LANGUAGE

PACKAGE = LOCALES_DIR.parent
# The tú register's giveaways: its pronouns and possessives, "te" joined to an infinitive or gerund ("avisarte"), and
# its futures ("recibirás", not "atrás"); the usted forms (su, sus, usted, le, "avisarle", "recibirá") match none of them.
TU_FORMS = re.compile(r"\b(?:tú|tu|tus|ti|te|contigo|tuy[oa]s?|\w{3,}(?:[aeií]r|ndo)te|(?!(?:de|a)trás)\w+r[áé]s)\b", re.IGNORECASE)


def _code_messages() -> set:
    """Every msgid the package's code marks (``_N``, ``_NP``), extracted the way ``pybabel extract`` does."""
    keywords = {**DEFAULT_KEYWORDS, "_N": None, "_NP": (1, 2)}
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")], keywords=keywords):
        found.add(message)
    return found


def _ids(catalog) -> set:
    return {m.id for m in catalog if m.id}


def _untranslated(catalog) -> list:
    """Messages without a usable translation: fuzzy, or any (plural) form empty."""
    return [m.id for m in catalog if m.id and (
        m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,)))]


def test_english_and_spanish_are_supported():
    assert SUPPORTED_LANGUAGES == ("en", "es")


def test_every_message_in_the_code_is_in_the_template_and_every_catalogue():
    in_code = _code_messages()
    assert len(in_code) >= 40
    with open(PACKAGE / "notifications.pot", "rb") as pot:
        assert _ids(read_po(pot)) == in_code, "notifications.pot is stale: re-run pybabel extract (catalogues.py)"
    for language in SUPPORTED_LANGUAGES:
        assert _ids(catalogues().catalog(language)) == in_code, f"{language}: run pybabel update"


@pytest.mark.parametrize("language", [lang for lang in SUPPORTED_LANGUAGES if lang != SOURCE_LANGUAGE])
def test_every_message_has_a_translation_with_its_placeholders(language):
    catalog = catalogues().catalog(language)
    assert _untranslated(catalog) == [], f"{language} lacks translations for {_untranslated(catalog)}"
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()]
    assert problems == [], problems


def test_the_completeness_check_finds_a_missing_translation():
    catalog = catalogues().catalog("es")
    catalog.get("View in Skillfolio").string = ""
    plural = catalog.get(("%(child)s achieved a goal", "%(child)s achieved %(count)s goals"))
    plural.string = (plural.string[0], "", plural.string[2])
    assert sorted(map(str, _untranslated(catalog))) == sorted(map(str, ["View in Skillfolio", plural.id]))


def _tu_forms(catalog) -> list:
    return [(m.id, form) for m in catalog if m.id
            for form in (m.string if isinstance(m.string, tuple) else (m.string,)) if TU_FORMS.search(form)]


def test_spanish_addresses_people_as_usted_throughout():
    catalog = catalogues().catalog("es")
    assert _tu_forms(catalog) == []
    for tu in ("Administrar tus preferencias", "%(actor)s te invitó", "Ya no recibirás correos", "para ti"):
        catalog.get("Manage your notification preferences").string = tu
        assert _tu_forms(catalog) == [("Manage your notification preferences", tu)]


def test_spanish_plural_forms_follow_the_count():
    es = catalogues().translations("es")
    one = es.ngettext("%(child)s achieved a goal", "%(child)s achieved %(count)s goals", 1)
    many = es.ngettext("%(child)s achieved a goal", "%(child)s achieved %(count)s goals", 3)
    assert one % {"child": "Ana", "count": 1} == "Ana alcanzó una meta"
    assert many % {"child": "Ana", "count": 3} == "Ana alcanzó 3 metas"


def test_a_language_is_added_by_adding_its_catalogue(tmp_path: Path):
    shutil.copytree(LOCALES_DIR, tmp_path / "locales")
    french = tmp_path / "locales" / "fr" / "LC_MESSAGES"
    french.mkdir(parents=True)
    po = (LOCALES_DIR / "es" / "LC_MESSAGES" / "notifications.po").read_text("utf-8")
    po = po.replace('"Language: es\\n"', '"Language: fr\\n"').replace(
        'msgstr "Ver en Skillfolio"', 'msgstr "Voir dans Skillfolio"')
    (french / "notifications.po").write_text(po, "utf-8")
    added = Catalogues(tmp_path / "locales")
    assert added.languages == ("en", "es", "fr")
    assert added.gettext("fr", "View in Skillfolio") == "Voir dans Skillfolio"
    assert negotiate(None, "fr-CA,fr;q=0.9", supported=added.languages) == "fr"


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(ValueError, match="language: no catalogue for 'xx'"):
        catalogues().catalog("xx")


@pytest.mark.parametrize(("preferred", "accept_language", "chosen"), [
    (None, None, "en"),
    ("es", None, "es"),
    ("es-MX", "en", "es"),
    ("ES_us", None, "es"),
    ("fr", "es;q=0.9, en;q=0.8", "es"),
    ("fr", None, "en"),
    (None, "fr-CA, es-419;q=0.5, en;q=0.4", "es"),
    (None, "en;q=0.1, es;q=0.9", "es"),
    (None, "es;q=0, en;q=0.5", "en"),
    (None, "es;q=0", "en"),
    (None, "de, *;q=0.5", "en"),
    (None, "garbage;;q=x, ;q=1, es", "es"),
    ("", "es-ES,es;q=0.9", "es"),
])
def test_the_language_comes_from_the_preference_then_the_browser(preferred, accept_language, chosen):
    assert negotiate(preferred, accept_language) == chosen
