"""Rendering: every kind in English and Spanish, user text as written (escaped in HTML), a subject with nothing
about the student but the first name, and the headers a mail client and RFC 8058 need."""
from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
from email.generator import BytesGenerator

import pytest
from notifications.mail import (
    CATEGORIES,
    KINDS,
    SUPPORTED_LANGUAGES,
    catalogues,
    phrases,
    render_digest,
    render_in_app,
    render_instant,
)
from notifications.mail.message import to_bytes

UNSUBSCRIBE = "https://skillfolio.jcps.example.org/notifications/unsubscribe/" + "eyJwIjoiZy0xIn0." * 8
SECRET_TITLE, SECRET_TEXT, OUTCOME = "Volcano & <lava> model", "Sarah's IEP says...", "Excelling"


def wire(msg) -> email.message.EmailMessage:
    """What a mail client gets: the bytes sent, parsed back (line ends normalised, as a mail store does)."""
    return email.message_from_bytes(to_bytes(msg).replace(b"\r\n", b"\n"), policy=email.policy.default)


def parts(msg) -> tuple[str, str]:
    parsed = wire(msg)
    return parsed.get_body(("plain",)).get_content(), parsed.get_body(("html",)).get_content()


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_renders_in_every_language(kind, language, view, recipient, sender):
    tr = catalogues().translations(language)
    one, three = view(kind), view(kind, count=3)
    singular, plural = phrases.LINES[kind]
    values = {"actor": "Mr. Okafor", "child": "Ana"}
    assert render_in_app(one, language) == tr.ngettext(singular, plural, 1) % {**values, "count": 1}
    assert render_in_app(three, language) == tr.ngettext(singular, plural, 3) % {**values, "count": 3}
    assert "3" in render_in_app(three, language)
    msg = wire(render_instant(one, recipient(language), sender, UNSUBSCRIBE))
    assert msg["Subject"] == tr.gettext(phrases.SUBJECTS[kind]) % {"child": "Ana"}
    assert msg["Content-Language"] == language
    text = msg.get_body(("plain",)).get_content()
    assert render_in_app(one, language) in text
    if language != "en":                          # really translated, not the English fallback
        assert render_in_app(one, language) != render_in_app(one, "en")
        assert msg["Subject"] != wire(render_instant(one, recipient("en"), sender, UNSUBSCRIBE))["Subject"]


def test_spanish_email_reads_in_spanish(view, recipient, sender):
    msg = wire(render_instant(view("comment_added", category="comments", user_text="¡Muy bien!"),
                              recipient("es"), sender, UNSUBSCRIBE))
    text = msg.get_body(("plain",)).get_content()
    assert msg["Subject"] == "Un nuevo comentario sobre el trabajo de Ana"
    assert "Hola, María López:" in text
    assert "Mr. Okafor comentó el trabajo de Ana" in text
    assert "No recibir más correos sobre comentarios: " + UNSUBSCRIBE in text
    assert "5 dic 2026, 12:00:00" in text            # 17:00 UTC in the recipient's zone, in Spanish
    assert "Recibe este correo de JCPS Escuelas Públicas" in text


def test_an_unknown_kind_gets_the_generic_sentence(view, recipient, sender):
    assert render_in_app(view("portfolio_shared"), "es") == "Hay novedades en el portafolio de Ana"
    assert wire(render_instant(view("portfolio_shared"), recipient("en"), sender, UNSUBSCRIBE))["Subject"] == \
        "News in Ana's portfolio"


def test_a_language_without_a_catalogue_reads_in_english(view, recipient, sender):
    assert render_in_app(view(), "tlh") == "Mr. Okafor added new work to Ana's portfolio"
    assert wire(render_instant(view(), recipient("tlh"), sender, UNSUBSCRIBE))["Content-Language"] == "en"


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_user_text_is_kept_as_written_and_escaped_in_html(language, view, recipient, sender):
    comment = 'Great "volcano"!\n<script>alert("x")</script> & más… 🌋'
    text, html = parts(render_instant(view("comment_added", category="comments", user_text=comment,
                                           title=SECRET_TITLE, actor_name="<b>Ms. Ruiz</b>"),
                                      recipient(language), sender, UNSUBSCRIBE))
    assert comment in text                                   # verbatim, untranslated
    assert "<script>" not in html and "<b>Ms. Ruiz</b>" not in html and "<lava>" not in html
    assert 'Great &#34;volcano&#34;!\n&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; más… 🌋' in html
    assert "&lt;b&gt;Ms. Ruiz&lt;/b&gt;" in html and "Volcano &amp; &lt;lava&gt; model" in html


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_the_subject_names_only_the_childs_first_name(kind, language, view, recipient, sender):
    secret = view(kind, child_first_name="Ana", actor_name="Mr. Okafor", title=SECRET_TITLE, user_text=SECRET_TEXT,
                  outcome=OUTCOME, count=2)
    subject = wire(render_instant(secret, recipient(language), sender, UNSUBSCRIBE))["Subject"]
    assert "Ana" in subject
    for leak in ("Okafor", "Volcano", "IEP", OUTCOME, "López", "2"):
        assert leak not in subject


def test_a_name_cannot_inject_headers(view, recipient, sender):
    evil = view(child_first_name="Ana\r\nBcc: everyone@example.org", actor_name="x\nX-Evil: 1")
    msg = wire(render_instant(evil, recipient("en", display_name="M\r\nCc: a@example.org"), sender, UNSUBSCRIBE))
    assert msg["Bcc"] is None and msg["Cc"] is None and msg["X-Evil"] is None
    assert msg["Subject"] == "New work in Ana Bcc: everyone@example.org's portfolio"


def test_headers_of_an_instant_email(view, recipient, sender):
    now = dt.datetime(2026, 12, 5, 18, 0, tzinfo=dt.UTC)
    built = render_instant(view(notification_id="7f3c9a1e-1b2d-4c5e-8f90-a1b2c3d4e5f6"), recipient("es"), sender,
                           UNSUBSCRIBE, now=now)
    msg = wire(built)
    assert msg["Message-ID"] == "<notification-7f3c9a1e-1b2d-4c5e-8f90-a1b2c3d4e5f6@jcps.example.org>"
    assert msg["From"].addresses[0].display_name == "JCPS Escuelas Públicas"
    assert msg["From"].addresses[0].addr_spec == "noreply@jcps.example.org"
    assert msg["To"].addresses[0].display_name == "María López"
    assert msg["To"].addresses[0].addr_spec == "maria.lopez@example.org"
    assert msg["Date"].datetime == now
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    https, mailto = (uri.strip() for uri in str(msg["List-Unsubscribe"]).split(","))
    assert https == f"<{UNSUBSCRIBE}>"                      # one piece, never RFC 2047-encoded however long
    assert mailto.startswith("<mailto:unsubscribe@jcps.example.org?subject=unsubscribe&body=https%3A%2F%2F")
    assert b"List-Unsubscribe: <https://" in to_bytes(built)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in msg.iter_parts())
    assert all(len(line) <= 998 for line in to_bytes(built).split(b"\r\n"))
    again = render_instant(view(notification_id="7f3c9a1e-1b2d-4c5e-8f90-a1b2c3d4e5f6"), recipient("es"), sender,
                           UNSUBSCRIBE, now=now)
    assert to_bytes(again) == to_bytes(built)                # deterministic: a retry sends the same message


def test_no_unsubscribe_headers_without_a_url(view, recipient, sender):
    msg = wire(render_instant(view("panel_invited", category="critical"), recipient(), sender, None))
    assert msg["List-Unsubscribe"] is None and msg["List-Unsubscribe-Post"] is None
    assert "Stop emails" not in msg.get_body(("plain",)).get_content()


def test_without_a_mailto_the_header_has_the_https_url_only(view, recipient, sender):
    import dataclasses
    plain = dataclasses.replace(sender, list_unsubscribe_mailto=None)
    assert wire(render_instant(view(), recipient(), plain, UNSUBSCRIBE))["List-Unsubscribe"] == f"<{UNSUBSCRIBE}>"


def test_a_digest_groups_by_child_in_the_recipients_language(view, recipient, sender):
    groups = [("Ana", [view(), view("comment_added", notification_id="n-2", category="comments",
                                    user_text="Bravo, Ana")]),
              ("Luis", [view("goal_achieved", notification_id="n-3", category="goals_milestones",
                             child_first_name="Luis", title="Read 20 books")])]
    msg = wire(render_digest("daily", "2026-12-05.g-1", recipient("es"), groups, sender, UNSUBSCRIBE))
    assert msg["Subject"] == "Su resumen diario: Ana y Luis"
    assert msg["Message-ID"] == "<digest-2026-12-05.g-1@jcps.example.org>"
    text = msg.get_body(("plain",)).get_content()
    assert text.index("== Ana ==") < text.index("Mr. Okafor comentó") < text.index("== Luis ==") \
        < text.index("Luis alcanzó una meta: «Read 20 books»")
    assert "Esto es lo que pasó hoy." in text and "Bravo, Ana" in text
    html = msg.get_body(("html",)).get_content()
    assert html.count("<h2") == 2 and '<html lang="es">' in html
    weekly = wire(render_digest("weekly", "w-49.g-1", recipient("en"), groups, sender, UNSUBSCRIBE))
    assert weekly["Subject"] == "Your weekly update: Ana and Luis"
    assert "Here is what happened this week." in weekly.get_body(("plain",)).get_content()


def test_outcome_and_title_are_in_the_line(view):
    done = view("milestone_completed", category="goals_milestones", title="Defense of Learning", outcome="Ready")
    assert render_in_app(done, "en") == 'Ana completed a milestone: “Defense of Learning” (outcome: Ready)'
    assert render_in_app(done, "es") == "Ana completó un hito: «Defense of Learning» (resultado: Ready)"


@pytest.mark.parametrize(("call", "field"), [
    (lambda v, r, s: render_digest("monthly", "d-1", r, [("Ana", [v])], s, UNSUBSCRIBE), "period"),
    (lambda v, r, s: render_digest("daily", "d 1/..", r, [("Ana", [v])], s, UNSUBSCRIBE), "digest_id"),
    (lambda v, r, s: render_digest("daily", "d-1", r, [], s, UNSUBSCRIBE), "groups"),
    (lambda v, r, s: render_digest("daily", "d-1", r, [("Ana", [])], s, UNSUBSCRIBE), "groups"),
    (lambda v, r, s: render_instant(v, r.__class__(**{**r.__dict__, "time_zone": "Mars/Olympus"}), s, UNSUBSCRIBE),
     "recipient.time_zone"),
    (lambda v, r, s: render_instant(v, r.__class__(**{**r.__dict__, "email": "not an address"}), s, UNSUBSCRIBE),
     "recipient.email"),
    (lambda v, r, s: render_instant(v, r, s, "javascript:alert(1)"), "unsubscribe_url"),
    (lambda v, r, s: render_instant(v, r, s, "https://x.example/u/a b"), "unsubscribe_url"),
])
def test_bad_input_is_refused_naming_the_field(call, field, view, recipient, sender):
    with pytest.raises(ValueError, match=f"^{field}: "):
        call(view(), recipient(), sender)


@pytest.mark.parametrize(("changes", "field"), [
    ({"category": "gossip"}, "category"), ({"count": 0}, "count"), ({"notification_id": "a b"}, "notification_id"),
    ({"occurred_at": dt.datetime(2026, 12, 5)}, "occurred_at"), ({"link": "javascript:alert(1)"}, "link"),
])
def test_a_bad_view_is_refused_naming_the_field(changes, field, view):
    with pytest.raises(ValueError, match=f"^{field}: "):
        view(**changes)


def test_every_category_has_a_name_in_every_language():
    for language in SUPPORTED_LANGUAGES:
        names = {catalogues().gettext(language, phrases.CATEGORY_NAMES[c]) for c in CATEGORIES}
        assert len(names) == len(CATEGORIES)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_the_direct_wire_form_is_what_the_stdlib_generator_writes(language, view, recipient, sender):
    long_text = "línea " * 60 + "\n" + "x" * 300 + "\n\n-- \n. a dot line\n"
    for msg in (render_instant(view(user_text=long_text), recipient(language), sender, UNSUBSCRIBE),
                render_digest("weekly", "w-1", recipient(language), [("Ana", [view(user_text=long_text)] * 3)],
                              sender, None)):
        out = io.BytesIO()
        BytesGenerator(out, policy=msg.policy).flatten(msg)
        assert to_bytes(msg) == out.getvalue()
        assert long_text in wire(msg).get_body(("plain",)).get_content()
