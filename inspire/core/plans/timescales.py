"""Target dates as plans write them: "30th November 2016", "Sept 2014", "By end of Dec 2014",
"11 th July 2014", "30th June 2017 and 30th September 2017". A month without a day means its
last day. Text that names no valid date ("See recommendation 1", "31st September 2017") gives
None, and the words are kept beside the date so nothing is lost."""

from __future__ import annotations

import calendar
import re
from datetime import date

from inspire.core.reading.dates import MONTHS

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_DATE = re.compile(
    rf"(?:\b(?P<day>[0-3]?\d)\s?(?:st|nd|rd|th)?\s+)?\b(?P<month>{_MONTH})\b\.?,?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)


def find_dates(text: str) -> list[tuple[str, date | None]]:
    """Every date written in ``text``, in order: (the words, the date or None when impossible)."""
    found = []
    for match in _DATE.finditer(text or ""):
        year, month = int(match.group("year")), MONTHS[match.group("month").lower()]
        day = int(match.group("day")) if match.group("day") else calendar.monthrange(year, month)[1]
        try:
            found.append((match.group(0), date(year, month, day)))
        except ValueError:
            found.append((match.group(0), None))
    return found


def target_date(text: str) -> date | None:
    """The date by which the whole timescale is done: the last valid date written, or None."""
    valid = [d for _, d in find_dates(text) if d is not None]
    return valid[-1] if valid else None
