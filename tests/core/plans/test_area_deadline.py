"""A plan answering an area inspection takes the deadline the report states, or none: never the
70-working-day rule of ILACS and SIF."""

from datetime import date

from inspire.core.plans.area_deadline import plan_deadline


def test_a_jtai_plan_takes_the_date_the_letter_states_with_its_words():
    quote = "Lancashire local authority should send the written statement of action to … by 10 July 2024."
    deadline = plan_deadline(family="jtai", received=date(2024, 5, 16), stated=date(2024, 7, 10), quote=quote)
    assert (deadline.day, deadline.basis) == (date(2024, 7, 10), "stated")
    assert quote in deadline.explanation


def test_an_area_send_plan_has_no_deadline_when_the_report_states_none():
    deadline = plan_deadline(family="send_2023", received=date(2024, 12, 13))
    assert (deadline.day, deadline.basis) == (None, "none")
    assert "sets no date" in deadline.explanation and "not for area inspections" in deadline.explanation


def test_an_ilacs_plan_keeps_the_70_working_day_rule():
    deadline = plan_deadline(family="ilacs", received=date(2016, 7, 7))
    assert (deadline.day, deadline.basis) == (date(2016, 10, 14), "statutory")
