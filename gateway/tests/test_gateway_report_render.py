"""Rendering a report without a browser: the facade never carries a suppressed cell's value, the CSV has a header,
the display strings, the totals and the rule/as-of footer (formula text neutralised), and the chart draws bars in the
skills' colours scaled to the row totals, no bar for a withheld cell, and grouped bars for a table's shares."""
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
    message.rows[1].cells[0].suppressed = True       # a service bug that left a value on a suppressed cell
    table = table_of(message)
    assert table.row_header == "Skill"
    assert [c.label for c in table.columns] == ["Added by students", "Added by teachers", "All artifacts"]
    assert table.rows[1].cells[0].value is None and table.rows[1].cells[0].display == "28"
    assert table.rows[1].cells[2].value == 43 and table.rows[1].colour == "#F2C300"
    assert table.totals.cells[1].suppressed and table.totals.cells[1].reason == "complementary"
    assert table.rule.minimum_group_size == 10 and "withheld" in table.rule.description
    assert [grade_label(g) for g in ("KG", "05", "12", "PK")] == ["Kindergarten", "Grade 5", "Grade 12",
                                                                    "Pre-kindergarten"]


def test_csv_has_header_display_strings_totals_and_the_rule_and_freshness():
    text = report_csv.table_csv(_tables()["artifacts_by_skill"])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["Skill", "Added by students", "Added by teachers", "All artifacts"]
    assert rows[1] == ["Effective Communicator", "31", "*", "*"]
    assert rows[2] == ["Critical Thinker", "28", "15", "43"]
    assert rows[4] == ["All skills", "90", "*", "*"]
    assert rows[5] == []
    assert rows[6] == ["Suppression rule", fake.RULE.description]
    assert rows[7] == ["As of", fake.AS_OF]


def test_csv_neutralises_spreadsheet_formulas():
    rows = list(csv.reader(io.StringIO(report_csv.table_csv(_tables()["artifacts_by_school"])[1:])))
    assert rows[2] == ["'=HYPERLINK(\"http://evil\")", "*"]
    assert report_csv.file_name(_tables()["artifacts_by_school"]) == "artifacts_by_school.csv"


def test_count_tables_draw_the_row_total_in_the_skill_colours():
    chart = report_chart.layout(_tables()["artifacts_by_skill"])
    withheld, second, bad = chart.rows
    assert chart.axis_label == "All artifacts" and chart.ticks[-1].label == "80"   # 46 at most -> a round 80
    assert [b.colour for r in chart.rows for b in r.bars if b.width] == ["#F2C300", report_chart.DEFAULT_COLOUR]
    # (the first row's total is withheld; "red; x" is no colour)
    assert second.bars[0].width == round(report_chart.PLOT_W * 43 / 80, 1) and second.bars[0].note == "43"
    assert bad.bars[0].width > second.bars[0].width
    assert withheld.y < second.y < bad.y and not chart.legend
    assert chart.height == report_chart.TOP + 3 * (report_chart.BAR_H + report_chart.ROW_GAP) + report_chart.AXIS_H


def test_a_withheld_cell_draws_no_bar_and_says_so():
    withheld = report_chart.layout(_tables()["artifacts_by_skill"]).rows[0].bars[0]
    assert withheld.width == 0 and withheld.note == "* (withheld)"
    assert withheld.note_x == report_chart.LABEL_W + 6


def test_shares_are_grouped_bars_on_a_percent_axis_with_a_legend():
    chart = report_chart.layout(_tables()["milestone_outcomes"])
    (row,) = chart.rows
    assert [label for _, label in chart.legend] == ["Not Yet", "Approaching", "Ready", "Excelling"]
    assert chart.ticks[-1].label == "100%" and chart.axis_label == "Share"
    assert [b.width for b in row.bars] == [0, *(round(report_chart.PLOT_W * x, 1) for x in (0.3, 0.5, 0.18))]
    assert row.bars[0].note == "<5% (withheld)" and row.bars[2].note == "50%"
    assert [b.y for b in row.bars] == sorted(b.y for b in row.bars)      # one under another


def test_a_skills_share_is_drawn_in_the_skills_colour():
    chart = report_chart.layout(_tables()["participation"], {"sk-1": "#1F5FAD", "sk-2": "#F2C300"})
    assert [colour for colour, _ in chart.legend] == ["#1F5FAD", "#F2C300", report_chart.SERIES[2]]


def test_a_distribution_stacks_each_rows_counts_with_its_total_as_the_note():
    chart = report_chart.layout(_tables()["assessed_levels"])
    full, withheld = chart.rows
    assert [label for _, label in chart.legend] == ["Beginning", "Developing", "Proficient", "Advanced"]
    assert chart.axis_label == "Students assessed" and chart.ticks[-1].label == "40"      # 26 at most -> 40
    drawn = [b for b in full.bars if b.width]
    assert [b.width for b in drawn] == [round(report_chart.PLOT_W * n / 40, 1) for n in (6, 12, 7)]
    assert [b.x for b in drawn[1:]] == [round(b.x + b.width, 1) for b in drawn[:-1]]       # side by side
    assert full.bars[-1].note == "25" and withheld.bars[-1].note == "26 (some withheld)"
    assert [b.title for b in withheld.bars if b.width] == ["Critical Thinker, Developing: 10",
                                                           "Critical Thinker, Advanced: 9"]


def test_an_empty_table_has_no_chart():
    table = _tables()["artifacts_by_grade"].model_copy(update={"rows": []})
    assert report_chart.layout(table) is None
