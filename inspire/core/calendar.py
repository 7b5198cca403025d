"""Working days in England and Wales: weekdays that are not bank holidays. The one working-day
calendar of Inspire: indicator timescales and a plan's statutory deadline both count with it.
Also the one way Inspire writes a date for people, :func:`format_long` ("14 October 2016").

Statutory timescales in children's social care count working days: an assessment within 45
working days, an initial child protection conference within 15, a written statement of action
within 70. Bank holidays come from the ``holidays`` package (``GB``, subdivision ``ENG``, which
carries the England and Wales calendar; ``GB`` without a subdivision omits Easter Monday and the
August holiday), never from a hand-made list, so moved and one-off holidays (the 2022 Jubilee, the
2023 Coronation) are right.

Counting convention, shared by every caller: the starting day is day 0.
``working_days_between(start, end)`` counts the working days after ``start`` up to and including
``end``; ``add_working_days(start, n)`` is the first date ``end`` with
``working_days_between(start, end) == n``. An assessment started on Friday 24 December 2021 and
authorised on Tuesday 4 January 2022 took 4 working days: 29, 30 and 31 December and 4 January
(27 and 28 December and 3 January were bank holidays in England).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache


def format_long(value: date) -> str:
    """14 October 2016 (GOV.UK style: no leading zero, full month), as pages, exports, board packs
    and the command line write dates."""
    return f"{value.day} {value.strftime('%B')} {value.year}"


@lru_cache(maxsize=256)
def _calendar(year: int):
    # imported here: ``holidays`` takes about 0.15 s to import, which commands that only write dates
    # (``inspire read``) should not pay
    import holidays

    return holidays.country_holidays("GB", subdiv="ENG", years=[year])


@lru_cache(maxsize=256)
def _bank_holidays(year: int) -> tuple[date, ...]:
    return tuple(sorted(_calendar(year)))


def bank_holiday_name(day: date) -> str | None:
    """The England and Wales bank holiday on ``day``, or None."""
    return _calendar(day.year).get(day)


@lru_cache(maxsize=64)
def _weekday_holidays(first_year: int, last_year: int) -> tuple[date, ...]:
    days = [d for year in range(first_year, last_year + 1) for d in _bank_holidays(year)]
    return tuple(d for d in days if d.weekday() < 5)


def bank_holidays(start: date, end: date) -> tuple[date, ...]:
    """England's bank holidays from ``start`` to ``end`` (inclusive)."""
    return tuple(d for year in range(start.year, end.year + 1) for d in _bank_holidays(year) if start <= d <= end)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def _weekdays_up_to(day: date) -> int:
    """Weekdays from a fixed Monday (1 January 1900) up to and including ``day``."""
    offset = (day - date(1900, 1, 1)).days
    weeks, rest = divmod(offset + 1, 7)
    return weeks * 5 + min(rest, 5)


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative if ``end`` is earlier)."""
    if end < start:
        return -working_days_between(end, start)
    weekdays = _weekdays_up_to(end) - _weekdays_up_to(start)
    bank = _weekday_holidays(start.year, end.year)
    return weekdays - (bisect_right(bank, end) - bisect_right(bank, start))


def add_working_days(start: date, days: int) -> date:
    """The first date ``days`` working days after ``start`` (before it, if ``days`` is negative)."""
    step = 1 if days >= 0 else -1
    day, remaining = start, abs(days)
    while remaining:
        day += timedelta(days=step)
        if is_working_day(day):
            remaining -= 1
    return day
