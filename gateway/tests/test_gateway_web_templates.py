"""The portfolio templates' wording for each viewer, rendered directly: the empty gallery tells students and
teachers what to do and guardians only what to expect; chips escape names and never take raw colours."""
from __future__ import annotations

from types import SimpleNamespace

from chassis.config import PlatformSettings
from gateway.web import views
from gateway.web.render import content_security_policy, media_origin, templates

STUDENT = SimpleNamespace(id="stu-1", given_name="Ana", family_name="<b>Ruiz</b>", grade_level="05")


def gallery(**overrides) -> str:
    context = {"principal": None, "csrf_token": "t", "style_nonce": "n", "student": STUDENT, "artifacts": [],
               "next_page_token": "", "filters": views.GalleryFilters(), "chips": {}, "chips_of": views.chips_of,
               "years": [], "year_names": {}, "can_add": False, "is_self": False, "kind_labels": views.KIND_LABELS,
               "notice": "", **overrides}
    return templates.get_template("portfolio.html").render(context)


def test_empty_gallery_invites_students_and_teachers_to_add_and_tells_guardians_what_to_expect():
    own = gallery(can_add=True, is_self=True)
    assert "Your portfolio is empty." in own and 'href="/students/stu-1/artifacts/new">Add your first artifact' in own
    teacher = gallery(can_add=True)
    assert "This portfolio is empty." in teacher and "Add your first artifact" in teacher
    guardian = gallery()
    assert "Nothing has been added to this portfolio yet." in guardian
    assert "Add your first artifact" not in guardian and "artifacts/new" not in guardian
    assert "&lt;b&gt;Ruiz&lt;/b&gt;" in guardian and "<b>Ruiz</b>" not in guardian


def test_skill_colours_are_checked_before_they_reach_the_style():
    skills = [SimpleNamespace(id="a", name="<i>Team</i>", code="t", description="", colour="#112233",
                              text_colour="#FFFFFF", retired=False),
              SimpleNamespace(id="b", name="Evil", code="e", description="", colour="red;}body{display:none",
                              text_colour="#000000", retired=False)]
    chips = views.palette(skills)
    html = gallery(chips=chips)
    assert ".skill-1 { background: #112233; color: #FFFFFF; }" in html
    assert ".skill-2 { background: #E8ECF1; color: #000000; }" in html and "display:none" not in html
    assert "&lt;i&gt;Team&lt;/i&gt;" in html
    assert [c.name for c in views.chips_of(["a", "gone"], chips)] == ["<i>Team</i>", "Unknown skill"]


def test_the_policy_lets_pages_reach_the_media_store_and_nothing_else():
    assert media_origin(PlatformSettings(s3_endpoint="")) == ""
    assert media_origin(PlatformSettings(s3_endpoint="minio:9000")) == "http://minio:9000"
    assert media_origin(PlatformSettings(s3_endpoint="minio:9000", s3_public_endpoint="media.example.org",
                                         s3_secure=True)) == "https://media.example.org"
    policy = content_security_policy("abc", "https://media.example.org")
    for directive in ("img-src 'self' data: https://media.example.org", "media-src 'self' https://media.example.org",
                      "connect-src 'self' https://media.example.org", "style-src 'self' 'nonce-abc'",
                      "default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy and "script-src" not in policy
    assert "connect-src 'self';" in content_security_policy("abc")
