from datetime import date

import pytest

from inspire.core.calendar import add_working_days, bank_holiday_name, is_working_day, working_days_between
from inspire.core.plans.deadlines import submission_deadline


@pytest.mark.parametrize(
    "received, deadline",
    [
        (
            date(2016, 7, 7),
            date(2016, 10, 14),
        ),  # Southend (seed 004): "The last submission date will be 14 October 2016"
        (date(2023, 5, 9), date(2023, 8, 16)),
    ],
)
def test_statutory_examples(received, deadline):
    assert submission_deadline(received) == deadline
    assert working_days_between(received, deadline) == 70


def test_christmas_and_boxing_day_observed_are_skipped():
    # 2016: Christmas Day is a Sunday, so Boxing Day (26th) and Christmas Day observed (27th) are holidays
    assert not is_working_day(date(2016, 12, 26))
    assert not is_working_day(date(2016, 12, 27))
    assert add_working_days(date(2016, 12, 20), 5) == date(2016, 12, 29)


def test_seventy_days_across_christmas_and_new_year():
    # counted by hand: 21 working days left in November, 20 in December (26th and 27th off),
    # 21 in January 2017 (2 January is New Year's Day observed), 10 February is the 70th
    assert submission_deadline(date(2016, 11, 1)) == date(2017, 2, 10)


def test_easter_good_friday_and_easter_monday_are_skipped():
    assert bank_holiday_name(date(2023, 4, 7)) == "Good Friday"
    assert bank_holiday_name(date(2023, 4, 10)) == "Easter Monday"  # England and Wales, not Scotland
    assert add_working_days(date(2023, 4, 5), 3) == date(2023, 4, 12)


def test_seventy_days_across_easter_and_may_holidays_2023():
    # 2023 has Good Friday, Easter Monday, the early May holiday, the Coronation (8 May) and the
    # spring holiday: from 1 March, 70 weekdays would end on 7 June; five holidays push it to 14 June
    assert submission_deadline(date(2023, 3, 1)) == date(2023, 6, 14)


def test_received_on_a_weekend_counts_from_the_next_working_day():
    assert add_working_days(date(2016, 7, 9), 1) == date(2016, 7, 11)


def test_negative_days_refused():
    with pytest.raises(ValueError, match="^working_days must not be negative$"):
        submission_deadline(date(2016, 7, 7), -1)


def test_one_calendar():
    """The deadline counts with the indicators' working-day calendar: no second copy of it."""
    import inspire.core.plans.deadlines as deadlines

    assert not hasattr(deadlines, "working_days_between") and not hasattr(deadlines, "is_working_day")


# --- what the deadline counts from, and what the plan is called ---------------------------------

from inspire.core.plans import deadlines  # noqa: E402


def test_the_stated_publication_date_is_offered_first():
    offer = deadlines.received_suggestion(date(2016, 7, 7), date(2016, 7, 1), "PDF creation date")
    assert (offer.date, offer.basis) == (date(2016, 7, 7), "published")
    assert offer.words == "The report states its publication date: 7 July 2016."


def test_the_estimate_is_offered_with_its_source_when_no_date_is_stated():
    offer = deadlines.received_suggestion(None, date(2024, 11, 29), "PDF creation date")
    assert (offer.date, offer.basis) == (date(2024, 11, 29), "estimate")
    assert "states no publication date" in offer.words and "29 November 2024 from PDF creation date" in offer.words


def test_nothing_is_offered_without_a_stated_or_estimated_date():
    offer = deadlines.received_suggestion(None, None, "")
    assert (offer.date, offer.basis) == (None, "")
    assert offer.words.startswith("The report states no publication date, and Inspire could not estimate one.")


def test_a_date_other_than_the_offered_one_is_the_councils_own():
    offer = deadlines.received_suggestion(date(2016, 7, 7))
    assert deadlines.basis_for(date(2016, 7, 7), offer) == "published"
    assert deadlines.basis_for(date(2016, 7, 8), offer) == "entered"
    assert deadlines.basis_for(date(2016, 7, 8), deadlines.received_suggestion(None)) == "entered"


def test_without_a_confirmed_date_there_is_no_deadline_only_the_words():
    assert deadlines.counts_from(None, "") == "Deadline not yet known — confirm the publication date"
    assert deadlines.deadline_line(None, "") == "Submission deadline not yet known — confirm the publication date."
    line = deadlines.deadline_line(date(2016, 7, 7), "published")
    assert line == (
        "Submission deadline: 14 October 2016 (70 working days after 7 July 2016, the publication date "
        "the report states (confirmed), not counting weekends or bank holidays in England and Wales)."
    )


@pytest.mark.parametrize(
    "grade, called",
    [
        ("inadequate", "written statement of action"),
        ("requires_improvement", "action plan"),
        ("good", "action plan"),
    ],
)
def test_written_statement_of_action_for_inadequate_judgements(grade, called):
    assert deadlines.plan_document(grade) == called


def test_no_overall_judgement_is_not_guessed_about():
    assert "check whether a written statement of action is required" in deadlines.plan_document(None)
