from datetime import date

import pytest

from inspire.core.calendar import add_working_days, bank_holiday_name, is_working_day, working_days_between
from inspire.core.plans.deadlines import submission_deadline


@pytest.mark.parametrize(
    "received, deadline",
    [
        (date(2016, 7, 7), date(2016, 10, 14)),  # Southend (seed 004): "The last submission date will be 14 October 2016"
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
