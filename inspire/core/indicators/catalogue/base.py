"""What an indicator is: one declarative unit with its definition, data needs and arithmetic.

Each indicator names the Annex A list and typed columns it needs (``inspire.core.indicators.cases``)
and gives two functions over one typed row:

- ``denominator(row, period, context)`` → ``True`` (the row counts), ``False`` (the row is outside
  the period or the population measured: silently not counted), or a ``str``: the reason the row
  should count but cannot be used ("no authorisation date"). Those reasons are the "left out"
  report shown beside every figure.
- ``numerator(row, period, context)`` → for rows in the denominator: ``True``/``False`` (percent),
  a number of days (averages), ``True`` (counts and rates).

``prepare(lists, period)`` builds the ``context`` once (an index by child, a matching) when an
indicator needs more than the row itself.

Units: ``percent`` = 100 × numerator rows / denominator rows; ``rate`` = rows / under-18
population × 10,000 (the population is entered by the user: the register's population aged 0-25
is not the under-18 population); ``days`` = mean of the numerator values; ``count`` = rows.

Polarity says which way is better (``higher``, ``lower``) or that the figure describes demand and is
neither (``neutral``); quartiles are ranked with it (``inspire.core.indicators.comparators``).

Period semantics: ``flow`` indicators count events dated in the period (contacts, conferences,
adoptions); ``snapshot`` indicators describe the children open at the period's last day. Some
snapshot columns ("date of the last visit", "placements in the last 12 months") describe the day
the return was made; those indicators set ``as_at_return`` and are right only for periods ending
on or shortly before that day.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from inspire.core.errors import IndicatorError


class Unit(str, Enum):
    PERCENT = "percent"
    RATE = "rate"
    DAYS = "days"
    COUNT = "count"


class Polarity(str, Enum):
    HIGHER = "higher"
    LOWER = "lower"
    NEUTRAL = "neutral"


class Semantics(str, Enum):
    FLOW = "flow"
    SNAPSHOT = "snapshot"


@dataclass(frozen=True)
class Period:
    """A reporting period, both days included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise IndicatorError(
                f"the period starts ({self.start.day} {self.start:%B %Y}) after it ends "
                f"({self.end.day} {self.end:%B %Y})"
            )

    def __contains__(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end


@dataclass(frozen=True)
class Threshold:
    value: float
    label: str


Verdict = bool | str


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    definition: str
    list_key: str
    columns: tuple[str, ...]
    unit: Unit
    polarity: Polarity
    semantics: Semantics
    denominator: Callable[[Any, Period, Any], Verdict]
    numerator: Callable[[Any, Period, Any], bool | float]
    prepare: Callable[[Any, Period], Any] | None = None
    #: False when ``prepare`` ignores the period, so one result serves every period
    prepare_by_period: bool = True
    #: other lists (and their columns) read by ``prepare``
    also_needs: tuple[tuple[str, tuple[str, ...]], ...] = ()
    threshold: Threshold | None = None
    as_at_return: bool = False
    theme: str = ""
    #: why the data cannot give a figure for a period (lists, period, prepared context), or None
    period_unavailable: Callable[[Any, Period, Any], str | None] | None = None

    @property
    def needs(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return ((self.list_key, self.columns), *self.also_needs)

    def format(self, value: float | None) -> str:
        return format_value(self.unit, value)


def format_value(unit: Unit | str, value: float | None) -> str:
    if value is None:
        return "not available"
    unit = Unit(unit)
    if unit is Unit.PERCENT:
        return f"{value:.1f}%"
    if unit is Unit.RATE:
        return f"{value:.1f} per 10,000"
    if unit is Unit.DAYS:
        return f"{value:,.0f} days"
    return f"{value:,.0f}"


def add_years(day: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def age_on(dob: date, day: date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def open_at(start: date | None, end: date | None, day: date) -> Verdict:
    """Is an episode (plan, period of care, CIN case) open on ``day``? A reason if it has no start."""
    if start is None:
        return "no start date"
    if start > day:
        return False
    return end is None or end > day


def first_per_child(rows: list, is_open: Callable[[Any], Verdict]) -> set[int]:
    """Row numbers of one open row per child (children with two open episodes count once)."""
    kept: dict[str, int] = {}
    for r in rows:
        if is_open(r) is True and r.child_id not in kept:
            kept[r.child_id] = r.row
    return set(kept.values())
