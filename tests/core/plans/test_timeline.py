"""The priority timeline of seed 004's part two: bars from the date commenced to the expected
outcome date, milestones as marks, today's line; starts are never guessed."""

import re
from datetime import date

from inspire.core.plans import timeline
from inspire.core.plans.word_import import read_plan
from tests.core.plans.seed_docs import seed_004_docx


def southend():
    plan = read_plan(seed_004_docx()).plan
    one = plan.items[0]
    # part two: "September 2016 … Audit the decisions made to take no further action … December 2016"
    one.actions[1].start_date, one.actions[1].outcome_by = date(2016, 9, 1), date(2016, 12, 31)
    one.actions[6].start_date, one.actions[6].outcome_by = date(2017, 6, 1), date(2018, 6, 30)
    return plan


def test_rows_by_theme_with_bars_only_where_a_start_is_set():
    rows = timeline.rows(southend())
    assert rows[0].kind == "theme" and rows[0].label == "Theme A: Practice and Culture"
    assert (rows[0].start, rows[0].end) == (date(2016, 9, 1), date(2018, 6, 30))
    audit = next(r for r in rows if r.label.startswith("1.2 "))
    assert (audit.start, audit.end, audit.end_basis, audit.note) == (
        date(2016, 9, 1),
        date(2016, 12, 31),
        "outcome",
        "",
    )
    assert len(audit.milestones) == 6  # the 6 of its 8 milestones the plan gives a date (the importer notes the rest)
    unstarted = next(r for r in rows if r.label.startswith("1.1 "))
    assert unstarted.start is None and unstarted.note == "No start date set: not drawn"
    assert unstarted.end == date(2016, 12, 31) and unstarted.end_basis in ("target", "milestone")


def test_svg_is_labelled_and_draws_today_and_the_marks():
    rows = timeline.rows(southend())
    drawn = timeline.svg(rows, date(2016, 12, 6))
    assert drawn.startswith('<svg xmlns="http://www.w3.org/2000/svg" role="img"')
    assert '<title id="timeline-title">Priority timeline</title>' in drawn
    assert "a red line at today (6 December 2016)" in drawn and "Today, 6 December 2016" in drawn
    drawn_rows = [r for r in rows if r.start and r.end]
    assert len(drawn_rows) > 3 and len(re.findall(r"<rect ", drawn)) == len(drawn_rows)  # one bar per dated row
    assert drawn.count("<path ") == sum(len(r.milestones) for r in rows)
    outside = timeline.svg(rows, date(2026, 12, 3))
    assert "Today, 3 December 2026, is after the timeline" in outside


def test_table_behind_the_chart_has_every_date():
    rows = timeline.table_rows(timeline.rows(southend()))
    audit = next(r for r in rows if r[0].startswith("1.2 "))
    assert audit[1:3] == ("1 September 2016", "31 December 2016")
    assert "Milestone 4: 31 October 2016" in audit[3]


def test_pictures_for_word_and_pdf():
    rows = timeline.rows(southend())
    assert timeline.png(rows, date(2016, 12, 6)).startswith(b"\x89PNG")
    assert timeline.drawing(rows, date(2016, 12, 6)).width == 780
