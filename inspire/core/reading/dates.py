"""Dates as reports print them: "2 to 6 December 2024", "14 January 2014 – 5 February 2014",
"27 November to 8 December 2023", "1st November 2006", "2 to 6 October and 16 to 20 October 2023",
"12/09/2016 to 06/10/2016"."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
#: a day, with optional month and year ("2", "2 December", "2 December 2024", "2nd Dec 2024")
DAY_PART = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+(?P<month>{_MONTH})\b\.?(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?)?",
    re.I,
)
#: a whole date ("14 October 2016")
FULL_DATE = re.compile(rf"\b([0-3]?\d)(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+((?:19|20)\d\d)\b", re.I)


#: a date in figures, day first as in British reports ("25/11/2016")
NUMERIC_DATE = re.compile(r"\b([0-3]?\d)/([01]?\d)/((?:19|20)\d\d)\b")
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def _in_words(text: str) -> str:
    """Dates in figures rewritten in words ("25/11/2016" → "25 november 2016"), others untouched."""
    if "/" not in text:
        return text

    def words(match: re.Match[str]) -> str:
        month = int(match.group(2))
        if not 1 <= month <= 12:
            return match.group(0)
        return f"{match.group(1)} {_MONTH_NAMES[month - 1]} {match.group(3)}"

    return NUMERIC_DATE.sub(words, text)


def parse_date(text: str) -> date | None:
    """The first whole date in ``text`` (in words, or in figures day first), or None."""
    text = _in_words(text)
    match = FULL_DATE.search(text)
    if not match:
        return None
    return _make(match.group(1), match.group(2), match.group(3))


def parse_date_span(text: str) -> tuple[date, date] | None:
    """The first and last day of a span such as "2 to 6 December 2024".

    Days that omit their month or year take them from the next day that states them.
    Returns None when the text holds no complete date or the span runs backwards.
    """
    parts = []
    for match in DAY_PART.finditer(_in_words(text)):
        parts.append([match.group("day"), match.group("month"), match.group("year")])
    if not parts or not parts[-1][1] or not parts[-1][2]:
        # trailing bare numbers (page numbers, footnotes) are not part of the span
        while parts and not (parts[-1][1] and parts[-1][2]):
            parts.pop()
        if not parts:
            return None
    month, year = None, None
    for part in reversed(parts):
        month = part[1] or month
        year = part[2] or year
        part[1], part[2] = month, year
    days = [_make(*p) for p in parts if p[1] and p[2]]
    days = [d for d in days if d]
    if not days:
        return None
    start, end = days[0], days[-1]
    if end < start:
        return None
    return start, end


def _make(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), MONTHS[month.lower().rstrip(".")], int(day))
    except (ValueError, KeyError):
        return None
