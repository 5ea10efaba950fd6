"""Validation of what callers send: titles, descriptions, skills, kinds, links and files."""
from __future__ import annotations

import pytest

from artifacts.domain import media as media_rules
from artifacts.domain import model
from artifacts.domain.model import Kind, Status, VersionInput


@pytest.mark.parametrize("url", ["https://example.org/a?b=c#d", "http://sub.example.org:8080/", "HTTPS://X.ORG"])
def test_http_links_are_accepted(url):
    assert model.link_problem(url) is None


@pytest.mark.parametrize("url,why", [
    ("", "needs a URL"), ("javascript:alert(1)", "only http and https"), ("ftp://example.org/f", "only http"),
    ("file:///etc/passwd", "only http"), ("https://", "must name a host"), ("example.org/page", "only http"),
    ("https://exa mple.org", "spaces"), ("https://example.org/\n", "spaces or control"),
    ("https://example.org:99999999/", "not a valid URL"), ("https://e.org/" + "a" * 2048, "longer than"),
])
def test_bad_links_are_refused_with_a_reason(url, why):
    problem = model.link_problem(url)
    assert problem.field == "content.link_url" and why in problem.reason


@pytest.mark.parametrize("title,ok", [("My essay", True), ("<b>kept as given</b>", True), ("x" * 200, True),
                                      ("", False), ("   ", False), ("x" * 201, False), ("two\nlines", False)])
def test_titles(title, ok):
    problems = model.title_problems(title)
    assert (not problems) is ok and all(p.field == "title" for p in problems)


def test_description_length():
    assert not model.description_problems("d" * 5000)
    assert model.description_problems("d" * 5001)[0].field == "description"


@pytest.mark.parametrize("ids,cleaned,problem", [
    (["s1", "s2", "s1"], ["s1", "s2"], None), ([], [], "at least one"), (["s1", ""], None, "empty id"),
    ([f"s{i}" for i in range(51)], None, "at most 50"),
])
def test_skill_ids(ids, cleaned, problem):
    problems = []
    result = model.clean_skill_ids(ids, problems)
    if problem is None:
        assert result == cleaned and not problems
    else:
        assert problems[0].field == "skill_ids" and problem in problems[0].reason


def test_kinds_and_versions():
    problems = []
    assert model.kind_of("podcast", problems) is None and problems[0].field == "kind"
    assert media_rules.version_problems(Kind.LINK, VersionInput(file_name="a.png", size_bytes=3))[0].field == "file"
    assert media_rules.version_problems(Kind.IMAGE, VersionInput(link_url="https://x.org"))[0].field == "content.link_url"
    assert {p.field for p in media_rules.version_problems(Kind.IMAGE, VersionInput())} == {"file.name", "file.size_bytes"}
    assert media_rules.version_problems(Kind.VIDEO, VersionInput(file_name="clip.mp4", size_bytes=10,
                                                           content_type="video/mp4")) == []
    assert model.initial_status(Kind.LINK) is Status.READY and model.initial_status(Kind.AUDIO) is Status.PROCESSING


@pytest.mark.parametrize("name,ok", [("Señora's map (final).png", True), ("x" * 255, True), ("", False),
                                     ("x" * 256, False), ("a\nb.png", False), ("../etc/passwd", False),
                                     ("a\\b.doc", False), ("tab\there.txt", False)])
def test_file_names_are_kept_but_checked(name, ok):
    problems = media_rules.file_name_problems(name)
    assert (not problems) is ok and all(p.field == "file.name" for p in problems)


def test_declared_size_over_the_kind_limit_is_refused_before_any_upload():
    ok = VersionInput(file_name="talk.mp3", size_bytes=1000, content_type="audio/mpeg")
    assert media_rules.version_problems(Kind.AUDIO, ok, max_bytes=1000) == []
    [problem] = media_rules.version_problems(Kind.AUDIO, VersionInput(file_name="talk.mp3", size_bytes=30 * 1024 * 1024),
                                       max_bytes=25 * 1024 * 1024)
    assert problem.field == "file.size_bytes" and problem.reason == (
        "the file is 30 MB; audio files may be at most 25 MB")
    for content_type in ("text/html<script>", "a b", "x" * 300):
        [bad] = media_rules.version_problems(Kind.DOCUMENT, VersionInput(file_name="a.pdf", size_bytes=5,
                                                                   content_type=content_type))
        assert bad.field == "file.content_type"
    assert media_rules.version_problems(Kind.DOCUMENT, VersionInput(file_name="a.txt", size_bytes=5,
                                                              content_type="text/plain; charset=UTF-8")) == []
