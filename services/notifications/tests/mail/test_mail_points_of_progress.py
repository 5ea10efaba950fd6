"""A completed point of progress reads in English and Spanish with its term in the line, and has its own subject."""
from __future__ import annotations

from notifications.mail import render_in_app
from notifications.mail.phrases import LINES, SUBJECTS


def test_it_reads_in_english_and_spanish(view):
    line = view("point_of_progress_completed", category="assessments", title="Term 2")
    assert render_in_app(line, "en") == "Mr. Okafor completed a point of progress for Ana: “Term 2”"
    assert render_in_app(line, "es") == "Mr. Okafor completó un punto de progreso de Ana: «Term 2»"
    two = view("point_of_progress_completed", category="assessments", count=2)
    assert render_in_app(two, "es") == "Mr. Okafor completó 2 puntos de progreso de Ana"
    assert SUBJECTS["point_of_progress_completed"] == "A new point of progress for %(child)s"
    assert "point_of_progress_completed" in LINES
