"""Declared file names (chassis.media.declared): what a page shows must be what a download saves, so names that
reorder, hide or vanish are refused with the field named."""
import pytest

from chassis.media.declared import declared_file_problems, file_name_problems


@pytest.mark.parametrize("name", [
    "report\u202egpj.exe",          # RIGHT-TO-LEFT OVERRIDE: shown as "reportexe.jpg"
    "photo\u202d.jpg", "a\u202ab.png", "a\u202bb.png", "a\u202cb.png",   # LRO, LRE, RLE, PDF
    "\u2066x\u2069.pdf", "\u2067x.pdf", "\u2068x.pdf",                  # isolates
    "a\u200eb.pdf", "a\u200fb.pdf", "a\u061cb.pdf",                      # LRM, RLM, ARABIC LETTER MARK
    "zero\u200bwidth.pdf", "bom\ufeff.pdf", "soft\u00adhyphen.pdf",      # other invisible format characters
    "line\u2028sep.pdf", "private\ue000.pdf", "bell\x07.pdf", "del\x7f.pdf",
])
def test_bidirectional_and_invisible_characters_are_refused(name):
    [problem] = file_name_problems(name)
    assert problem.field == "file.name" and "right-to-left" in problem.reason


@pytest.mark.parametrize("name,reason", [
    (".", "not only dots"), ("..", "not only dots"), ("...", "not only dots"), (". .", "not only dots"),
    ("report.pdf.", "end with a dot"), ("report.pdf ", "end with a dot or a space"), ("../x.pdf", "slashes"),
])
def test_dot_names_and_trailing_dots_or_spaces_are_refused(name, reason):
    [problem] = file_name_problems(name, "media.file_name")
    assert problem.field == "media.file_name" and reason in problem.reason


@pytest.mark.parametrize("name", ["Señora's map (final).png", ".hidden-notes.txt", "نقشه\u200cی من.png",
                                  "family \U0001F468\u200d\U0001F469\u200d\U0001F467.jpg", "東京 2026.mp4"])
def test_ordinary_names_in_any_script_pass(name):
    assert file_name_problems(name) == []


def test_the_declared_file_check_names_the_field_it_was_given():
    [problem] = declared_file_problems("audio", "talk\u202e3pm.exe", "audio/mpeg", 10, 100, prefix="media",
                                       name_field="file_name")
    assert problem.field == "media.file_name"
