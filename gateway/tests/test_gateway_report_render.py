"""Rendering a report without a browser: the facade never carries a suppressed cell's value, the CSV has a header,
the display strings, the totals and the rule/as-of footer (formula text neutralised), and the chart draws bars in the
skills' colours scaled to the figures, no bar for a withheld cell, and a stacked bar per row for a distribution."""
from __future__ import annotations

import csv
import io

import reporting_fake as fake

from gateway.clients.reporting import grade_label, table_of
from gateway.usecases import report_csv
from gateway.web import report_chart

SKILLS = {"sk-1": ("Effective Communicator", "#1F5FAD"), "sk-2": ("Critical Thinker", "#F2C300"),
          "sk-3": ("Bad colour", "red; x")}


def _tables() -> dict:
    return {t.name: table_of(t) for t in fake.tables("school-1", SKILLS)}


def test_the_facade_keeps_display_strings_and_drops_withheld_values():
    message = fake.tables("school-1", SKILLS)[0]
    message.rows[0].cells[0].suppressed = True       # a service bug that left a value on a suppressed cell
    table = table_of(message)
    assert table.row_header == "Skill" and [c.label for c in table.columns] == ["Artifacts", "Students"]
    assert table.rows[0].cells[0].value is None and table.rows[0].cells[0].display == "40"
    assert table.rows[1].cells[0].value == 43 and table.rows[1].colour == "#F2C300"
    assert table.totals.cells[1].suppressed and table.totals.cells[1].reason == "complementary"
    assert table.rule.minimum_group_size == 10 and "withheld" in table.rule.description
    assert [grade_label(g) for g in ("KG", "05", "12", "PK")] == ["Kindergarten", "Grade 5", "Grade 12",
                                                                    "Pre-kindergarten"]


def test_csv_has_header_display_strings_totals_and_the_rule_and_freshness():
    text = report_csv.table_csv(_tables()["artifacts_by_skill"])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["Skill", "Artifacts", "Students"]
    assert rows[1] == ["Effective Communicator", "40", "*"]
    assert rows[2] == ["Critical Thinker", "43", "12"]
    assert rows[4] == ["All skills", "129", "*"]
    assert rows[5] == []
    assert rows[6] == ["Suppression rule", fake.RULE.description]
    assert rows[7] == ["As of", fake.AS_OF]


def test_csv_neutralises_spreadsheet_formulas():
    rows = list(csv.reader(io.StringIO(report_csv.table_csv(_tables()["artifacts_by_school"])[1:])))
    assert rows[2] == ["'=HYPERLINK(\"http://evil\")", "*"]
    assert report_csv.file_name(_tables()["artifacts_by_school"]) == "artifacts_by_school.csv"


def test_single_series_bars_scale_with_counts_in_the_skill_colours():
    chart = report_chart.layout(_tables()["artifacts_by_skill"])
    first, second, bad = chart.rows
    assert [s.colour for r in chart.rows for s in r.segments] == ["#1F5FAD", "#F2C300", report_chart.DEFAULT_COLOUR]
    assert chart.ticks[-1].label == "80"    # 46 artifacts at most -> a round top of 80
    assert second.segments[0].width == round(report_chart.PLOT_W * 43 / 80, 1)
    assert bad.segments[0].width > second.segments[0].width > first.segments[0].width
    assert first.y < second.y < bad.y and chart.height == report_chart.TOP + 3 * report_chart.ROW_H + \
        report_chart.AXIS_H
    assert second.note == "43" and chart.axis_label == "Artifacts"


def test_a_withheld_cell_draws_no_bar_and_says_so():
    chart = report_chart.layout(_tables()["artifacts_by_school"])
    shown, withheld = chart.rows
    assert shown.segments and not withheld.segments
    assert withheld.note == "* (withheld)"


def test_a_distribution_is_one_stacked_bar_per_row_with_a_legend():
    chart = report_chart.layout(_tables()["assessed_levels"])
    (row,) = chart.rows
    assert [label for _, label in chart.legend] == ["Beginning", "Developing", "Proficient", "Advanced"]
    assert [round(s.width) for s in row.segments] == [round(report_chart.PLOT_W * x) for x in (0.3, 0.5, 0.18)]
    assert row.segments[0].x == report_chart.LABEL_W                 # the "<5%" share is not drawn
    assert row.segments[1].x == round(row.segments[0].x + row.segments[0].width, 1)
    assert row.note == "some figures withheld"


def test_an_empty_table_has_no_chart():
    table = _tables()["artifacts_by_grade"].model_copy(update={"rows": []})
    assert report_chart.layout(table) is None
