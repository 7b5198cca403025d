"""Compute indicators over typed case lists for any period.

``compute(indicator, lists, period)`` → ``Result``: the value, numerator, denominator, the rows
left out and why, and (on request) the cases behind the figure. An indicator whose list or
columns are missing from the return is not computed, and a rate without an under-18 population
keeps its count but has no value: the ``Result`` says why (``unavailable``) instead of showing a
wrong number.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from inspire.core.indicators.annex_a import BY_KEY, list_name
from inspire.core.indicators.cases import CaseLists
from inspire.core.indicators.catalogue import CATALOGUE, Indicator, Period, Unit
from inspire.core.indicators.catalogue.base import add_months


@dataclass(frozen=True)
class Case:
    """One row behind a figure: where it is in the workbook, and how it counted."""

    list_key: str
    row: int
    child_id: str
    #: True/False (percent: in the numerator or not), days (averages), or None when left out
    counted: bool | float | None
    left_out: str | None = None


@dataclass
class Result:
    indicator: Indicator
    period: Period
    value: float | None
    numerator: float | None
    denominator: float | None
    left_out: dict[str, int] = field(default_factory=dict)
    unavailable: str | None = None
    cases: list[Case] | None = None

    @property
    def display(self) -> str:
        return self.indicator.format(self.value)

    @property
    def left_out_total(self) -> int:
        return sum(self.left_out.values())


def missing_inputs(indicator: Indicator, lists: CaseLists) -> str | None:
    """Why the return cannot give this indicator (a list or columns it needs are absent), or None."""
    for list_key, columns in indicator.needs:
        if list_key not in lists.columns:
            return f"{list_name(list_key)} is not in the workbook"
        labels = {c.field: c.label for c in BY_KEY[list_key].columns}
        absent = [labels[c] for c in columns if c not in lists.columns[list_key]]
        if absent:
            return f"{list_name(list_key)} has no column " + ", ".join(f"“{a}”" for a in absent)
    return None


def compute(
    indicator: Indicator,
    lists: CaseLists,
    period: Period,
    *,
    population_under_18: int | None = None,
    keep_cases: bool = False,
) -> Result:
    why = missing_inputs(indicator, lists)
    if why:
        return Result(indicator, period, None, None, None, unavailable=why)

    context = None
    if indicator.prepare:
        key = (indicator.prepare, period if indicator.prepare_by_period else None)
        if key not in lists.prepared:
            lists.prepared[key] = indicator.prepare(lists, period)
        context = lists.prepared[key]
    why = indicator.period_unavailable(lists, period, context) if indicator.period_unavailable else None
    if why:
        return Result(indicator, period, None, None, None, unavailable=why)
    left_out: Counter[str] = Counter()
    cases: list[Case] | None = [] if keep_cases else None
    rows = 0
    total = 0.0
    denominator, numerator = indicator.denominator, indicator.numerator
    for r in lists.rows(indicator.list_key):
        verdict = denominator(r, period, context)
        if verdict is False:
            continue
        if verdict is not True:
            left_out[verdict] += 1
            if cases is not None:
                cases.append(Case(indicator.list_key, r.row, r.child_id, None, verdict))
            continue
        amount = numerator(r, period, context)
        rows += 1
        total += amount
        if cases is not None:
            cases.append(Case(indicator.list_key, r.row, r.child_id, amount))

    unit = indicator.unit
    if unit is Unit.COUNT:
        value, num, den = float(rows), float(rows), None
    elif unit is Unit.RATE:
        # without a population the count is still kept, so a rate follows once one is entered
        value = rows / population_under_18 * 10_000 if population_under_18 else None
        num, den = float(rows), float(population_under_18) if population_under_18 else None
    elif rows == 0:
        value, num, den = None, 0.0, 0.0
    elif unit is Unit.PERCENT:
        value, num, den = 100 * total / rows, total, float(rows)
    else:  # days: the mean
        value, num, den = total / rows, total, float(rows)
    result = Result(indicator, period, value, num, den, dict(left_out), cases=cases)
    if value is None:
        no_population = unit is Unit.RATE and not population_under_18
        result.unavailable = (
            "no under-18 population has been entered for this authority" if no_population else "no cases in the period"
        )
    return result


def standard_periods(lists: CaseLists) -> list[Period]:
    """The periods an import computes: each whole calendar quarter the return covers (the trend's
    points), the return's whole window (first to last contact or referral: its last day is the day
    the "as at the return" columns describe), and the year to the last whole quarter when the
    return covers all of it (what comparators are published for)."""
    window = lists.date_range()
    if window is None:
        return []
    first, last = window
    quarters = []
    year, month = first.year, (first.month - 1) // 3 * 3 + 1
    while True:
        start = date(year, month, 1)
        end = add_months(start, 3) - timedelta(days=1)
        if end > last:
            break
        if start >= first:
            quarters.append(Period(start, end))
        year, month = (year + 1, 1) if month == 10 else (year, month + 3)
    periods = [*quarters, Period(first, last)]
    if quarters:
        end = quarters[-1].end
        periods.append(Period(add_months(end + timedelta(days=1), -12), end))
    return [p for i, p in enumerate(periods) if p.start >= first and p not in periods[:i]]


def compute_all(
    lists: CaseLists, period: Period, *, population_under_18: int | None = None, keep_cases: bool = False
) -> list[Result]:
    """Every indicator in the catalogue for one period."""
    return [
        compute(i, lists, period, population_under_18=population_under_18, keep_cases=keep_cases)
        for i in CATALOGUE.values()
    ]


def reporting_year(today: date) -> Period:
    """The last complete year ending 31 March on ``today`` (1 April to 31 March): the period an
    Annex A import is computed for unless the person importing chooses another."""
    year = today.year if today > date(today.year, 3, 31) else today.year - 1
    return Period(date(year - 1, 4, 1), date(year, 3, 31))


def reporting_periods(period: Period) -> list[Period]:
    """The periods an import computes for a chosen reporting period: each whole calendar quarter
    inside it (the trend's points), then the period itself (what comparators are published for)."""
    quarters = []
    start = date(period.start.year, (period.start.month - 1) // 3 * 3 + 1, 1)
    if start < period.start:
        start = add_months(start, 3)
    while (end := add_months(start, 3) - timedelta(days=1)) <= period.end:
        quarters.append(Period(start, end))
        start = end + timedelta(days=1)
    return [q for q in quarters if q != period] + [period]
