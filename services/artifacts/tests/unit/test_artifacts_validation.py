"""Validation of what callers send: titles, descriptions, skills, kinds, links and media keys."""
from __future__ import annotations

import pytest

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
    assert model.version_problems(Kind.LINK, VersionInput(media_key="a/b"))[0].field == "content.media_key"
    assert model.version_problems(Kind.IMAGE, VersionInput(link_url="https://x.org"))[0].field == "content.link_url"
    assert model.version_problems(Kind.IMAGE, VersionInput())[0].reason == "an uploaded media object is required for kind image"
    for key in ("../etc/passwd", "/abs/key", "a/../b", "a\\b"):
        assert model.version_problems(Kind.DOCUMENT, VersionInput(media_key=key))[0].field == "content.media_key"
    assert model.version_problems(Kind.VIDEO, VersionInput(media_key="stu-1/9f/clip.mp4")) == []
    assert model.initial_status(Kind.LINK) is Status.READY and model.initial_status(Kind.AUDIO) is Status.PROCESSING
