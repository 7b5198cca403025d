from datetime import date

from inspire.core.calendar import add_working_days, bank_holidays, format_long, is_working_day, working_days_between


def test_christmas_and_new_year_bank_holidays_are_not_working_days():
    # Fri 24 Dec 2021 -> Tue 4 Jan 2022: 27, 28 Dec and 3 Jan were bank holidays (substitute days)
    assert working_days_between(date(2021, 12, 24), date(2022, 1, 4)) == 4
    weekday_holidays = [d for d in bank_holidays(date(2021, 12, 24), date(2022, 1, 4)) if d.weekday() < 5]
    assert weekday_holidays == [date(2021, 12, 27), date(2021, 12, 28), date(2022, 1, 3)]


def test_one_off_bank_holidays_come_from_the_holidays_package():
    assert not is_working_day(date(2023, 5, 8))  # the Coronation
    assert not is_working_day(date(2022, 6, 3))  # the Platinum Jubilee
    assert working_days_between(date(2023, 5, 5), date(2023, 5, 9)) == 1


def test_statutory_seventy_working_days_match_the_brief():
    assert add_working_days(date(2016, 7, 7), 70) == date(2016, 10, 14)
    assert add_working_days(date(2023, 5, 9), 70) == date(2023, 8, 16)
    assert working_days_between(date(2016, 7, 7), date(2016, 10, 14)) == 70


def test_weekends_and_direction():
    assert working_days_between(date(2024, 1, 5), date(2024, 1, 8)) == 1  # Fri -> Mon
    assert working_days_between(date(2024, 1, 6), date(2024, 1, 7)) == 0  # Sat -> Sun
    assert working_days_between(date(2024, 1, 8), date(2024, 1, 5)) == -1
    assert add_working_days(date(2024, 1, 6), 1) == date(2024, 1, 8)
    assert add_working_days(date(2024, 1, 8), -1) == date(2024, 1, 5)
    assert add_working_days(date(2024, 1, 8), 0) == date(2024, 1, 8)


def test_dates_are_written_the_gov_uk_way():
    assert format_long(date(2016, 10, 14)) == "14 October 2016"
    assert format_long(date(2024, 3, 1)) == "1 March 2024"  # no leading zero


def test_writing_a_date_does_not_load_the_bank_holidays():
    """``inspire read`` writes dates; the calendar's ``holidays`` package (slow to import) waits until a
    working day is counted."""
    import subprocess
    import sys

    code = (
        "import sys, inspire.core.calendar as c; c.format_long(c.date(2016, 10, 14)); print('holidays' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
