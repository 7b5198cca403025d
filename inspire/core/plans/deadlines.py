"""The statutory deadline for a written statement of action after an inspection.

The council must send its plan within 70 working days of receiving the report (the publication
date unless the user gives another). Working days exclude Saturdays, Sundays and bank holidays in
England and Wales. The ``holidays`` package's ``GB`` subdivision ``ENG`` carries the England and
Wales calendar (``WLS`` is identical; ``UK`` omits Easter Monday and the August holiday).

"70 working days after" counts the day of receipt as day 0: the deadline is the 70th working day
after it. 7 July 2016 gives 14 October 2016; 9 May 2023 gives 16 August 2023.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays

STATUTORY_WORKING_DAYS = 70


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=[year]).keys())


def bank_holiday_name(day: date) -> str | None:
    """The England and Wales bank holiday on ``day``, or None."""
    return holidays.country_holidays("GB", subdiv="ENG", years=[day.year]).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself is day 0, whatever it is)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    counted = 0
    while counted < days:
        current += timedelta(days=1)
        if is_working_day(current):
            counted += 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when ``end`` <= ``start``)."""
    count = 0
    current = start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count


def submission_deadline(received: date, working_days: int = STATUTORY_WORKING_DAYS) -> date:
    """The last day to send the plan: ``working_days`` working days after ``received``."""
    return add_working_days(received, working_days)
