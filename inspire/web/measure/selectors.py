"""Reads for indicators: series over time, the dashboard, comparisons, the cases behind a figure.

``indicator_series(*, authority, indicator_id, annex_a)`` is the entry point for other apps: a plan's
measure of success that is an indicator takes its recorded values from it
(``plans.selectors.measure_values``).

Who sees what: figures computed from a council's own case lists (Annex A imports) are for the
authority's members only (``can_see_annex_a``); figures from published Ofsted reports and published
comparators are for everyone. Every read of values takes ``annex_a`` (may the viewer see them?).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Max, Q

from inspire.core.calendar import format_long
from inspire.core.indicators import CATALOGUE, Indicator, Period, Polarity, compute_all
from inspire.core.indicators.cases import CaseLists
from inspire.core.indicators.comparators import ComparatorValue as CoreComparatorValue
from inspire.core.indicators.comparators import Comparison, compare, quartile_label
from inspire.core.indicators.compute import Result
from inspire.core.indicators.published import (
    BY_INDICATOR,
    ENGLAND,
    MEASURES,
    REGION_NAMES,
    Benchmark,
    Figure,
    Measure,
    benchmark,
    is_former,
    reading,
    region_of,
)
from inspire.core.register import default_register
from inspire.web.accounts.models import ROLE_ORDER
from inspire.web.accounts.services import authority_role
from inspire.web.measure import caselists
from inspire.web.measure.models import AnnexAImport, ComparatorValue, IndicatorValue, Population
from inspire.web.read.models import Authority

#: the longest period that is one point of a trend (a quarter); longer ones are year figures
TREND_POINT_DAYS = 93


@dataclass(frozen=True)
class SeriesPoint:
    period_start: date
    period_end: date
    value: float
    numerator: float | None
    denominator: float | None
    source: str  # annex_a or report
    left_out: dict

    @property
    def source_label(self) -> str:
        return "Annex A return" if self.source == "annex_a" else "Inspection report"


def population_for(*, authority: Authority, day: date) -> int | None:
    """The under-18 population to use on ``day`` (``population_choice``)."""
    choice = population_choice(
        Population.objects.filter(authority=authority).values_list("as_at", "source", "under_18"), day
    )
    return choice[0] if choice else None


def population_pick(populations, day: date) -> int | None:
    """``population_for`` over an authority's (as_at, source, under_18) rows already fetched."""
    choice = population_choice(populations, day)
    return choice[0] if choice else None


def population_choice(populations, day: date) -> tuple[int, str] | None:
    """The under-18 population for a period ending on ``day``, and where it comes from, in words.

    1. a figure a person entered (the nearest ``day``);
    2. the ONS mid-year estimate DfE itself divides by: the latest dated on or before ``day`` and
       within 15 months of it (mid-2024 for the year ending 31 March 2025);
    3. a figure printed in an inspection report within a year of ``day`` (the nearest);
    4. else the nearest ONS estimate, or the nearest report's figure, saying that it is of another year.
    """
    populations = list(populations)

    def nearest(rows):
        return min(rows, key=lambda p: (abs((p[0] - day).days), p[0]))

    entered = [p for p in populations if p[1] == "entered"]
    if entered:
        as_at, _, people = nearest(entered)
        return people, f"entered, as at {format_long(as_at)}"
    published = sorted(p for p in populations if p[1] == "published")
    year_before = [p for p in published if p[0] <= day and (day - p[0]).days <= 460]
    if year_before:
        as_at, _, people = year_before[-1]
        return people, f"ONS mid-{as_at.year} estimate (as DfE uses for a year ending {format_long(day)})"
    reported = [p for p in populations if p[1] == "report"]
    if reported and abs((nearest(reported)[0] - day).days) <= 366:
        as_at, _, people = nearest(reported)
        return people, f"printed in an inspection report, as at {format_long(as_at)}"
    if published:
        as_at, _, people = nearest(published)
        return people, f"ONS mid-{as_at.year} estimate: another year than the period's (none for its year is loaded)"
    if reported:
        as_at, _, people = nearest(reported)
        return people, f"printed in an inspection report as at {format_long(as_at)}: another year than the period's"
    return None


def _newest_first(values):
    """One value per (period, source): a newer import supersedes an older one for the same period."""
    seen, kept = set(), []
    for v in values:
        key = (v.period_start, v.period_end, v.source)
        if key not in seen:
            seen.add(key)
            kept.append(v)
    return kept


def visible_values(*, authority: Authority, annex_a: bool):
    """An authority's indicator values a viewer may see: report figures always, Annex A ones if ``annex_a``."""
    values = IndicatorValue.objects.filter(authority=authority)
    return values if annex_a else values.filter(source="report")


def indicator_series(*, authority: Authority, indicator_id: str, annex_a: bool) -> list[SeriesPoint]:
    """The dated values of one indicator for one authority, oldest first: each quarter of every
    Annex A import (when ``annex_a``: the viewer is a member) and every figure read from an
    inspection report. Periods longer than a quarter (the year figures) are left out so the points
    are comparable."""
    if indicator_id not in CATALOGUE:
        raise KeyError(indicator_id)
    values = (
        visible_values(authority=authority, annex_a=annex_a)
        .filter(indicator=indicator_id)
        .exclude(value=None)
        .order_by("period_end", "period_start", "-computed", "-id")
    )
    points = [
        SeriesPoint(v.period_start, v.period_end, v.value, v.numerator, v.denominator, v.source, v.left_out)
        for v in _newest_first(values)
        if (v.period_end - v.period_start).days <= TREND_POINT_DAYS
    ]
    return points


def year_value(*, authority: Authority, indicator_id: str) -> IndicatorValue | None:
    """The latest figure for a whole year (from the newest import), which comparators are published for."""
    values = IndicatorValue.objects.filter(authority=authority, indicator=indicator_id, source="annex_a").order_by(
        "-period_end", "-computed"
    )
    return next((v for v in values if (v.period_end - v.period_start).days > 300), None)


def comparator_values(indicator_id: str) -> list[CoreComparatorValue]:
    return [
        CoreComparatorValue(v.level, v.code, v.indicator, v.period_end, v.value)
        for v in ComparatorValue.objects.filter(indicator=indicator_id).exclude(value=None)
    ]


@dataclass(frozen=True)
class Direction:
    word: str  # improving, worsening, no change, up, down
    change: float


def direction(indicator: Indicator, points: list[SeriesPoint]) -> Direction | None:
    """The change from the previous point to the latest, in words that follow the indicator's polarity."""
    if len(points) < 2:
        return None
    change = points[-1].value - points[-2].value
    if abs(change) < 1e-9:
        return Direction("no change", 0.0)
    if indicator.polarity is Polarity.NEUTRAL:
        return Direction("up" if change > 0 else "down", change)
    better = (change > 0) == (indicator.polarity is Polarity.HIGHER)
    return Direction("improving" if better else "worsening", change)


@dataclass(frozen=True)
class IndicatorSummary:
    indicator: Indicator
    points: list[SeriesPoint]
    latest: SeriesPoint | None
    direction: Direction | None
    comparison: Comparison | None
    comparison_period: date | None
    compared_value: float | None
    quartile_text: str
    unavailable: str

    @property
    def latest_display(self) -> str:
        return self.indicator.format(self.latest.value) if self.latest else "No value yet"


def indicator_summary(*, authority: Authority, indicator: Indicator, annex_a: bool, register=None) -> IndicatorSummary:
    """What the dashboard shows for one indicator: the trend, the latest value, the direction of
    travel and, for the latest period comparators are published for, England, region, neighbours and
    the quartile (a whole-year figure compared where there is one, else the latest point)."""
    register = register or default_register()
    points = indicator_series(authority=authority, indicator_id=indicator.id, annex_a=annex_a)
    latest = points[-1] if points else None
    # indicators DfE publishes are compared with the published figures (``published_summary``); this
    # compares the others with figures imported in Inspire's own CSV layout
    comparators = comparator_values(indicator.id) if indicator.id not in BY_INDICATOR else []
    comparison = comparison_period = compared = None
    year = year_value(authority=authority, indicator_id=indicator.id) if annex_a else None
    mine = year if year is not None and year.value is not None else latest
    if comparators and authority.dfe_la_code in register.by_dfe:
        ends = sorted({c.period_end for c in comparators})
        if mine is not None:
            ends = [e for e in ends if e <= mine.period_end] or ends[:1]
        comparison_period = ends[-1]
        compared = mine.value if mine is not None and abs((mine.period_end - comparison_period).days) <= 31 else None
        comparison = compare(
            register.by_dfe[authority.dfe_la_code], indicator.id, comparison_period, compared, comparators, register
        )
    unavailable = ""
    if latest is None:
        last = (
            visible_values(authority=authority, annex_a=annex_a)
            .filter(indicator=indicator.id)
            .order_by("-period_end", "-computed")
            .first()
        )
        unavailable = last.unavailable if last else ""
    return IndicatorSummary(
        indicator,
        points,
        latest,
        direction(indicator, points),
        comparison,
        comparison_period,
        compared,
        quartile_label(comparison.quartile, indicator.polarity) if comparison and comparison.quartile else "",
        unavailable,
    )


def dashboard(*, authority: Authority, annex_a: bool) -> list[tuple[str, list[IndicatorSummary]]]:
    """Every indicator's summary, grouped by theme in catalogue order."""
    register = default_register()
    themes: dict[str, list[IndicatorSummary]] = {}
    for indicator in CATALOGUE.values():
        themes.setdefault(indicator.theme, []).append(
            indicator_summary(authority=authority, indicator=indicator, annex_a=annex_a, register=register)
        )
    return list(themes.items())


def latest_dataset(*, authority: Authority) -> AnnexAImport | None:
    return AnnexAImport.objects.filter(authority=authority).order_by("-created", "-id").first()


def dataset_case_lists(dataset: AnnexAImport) -> CaseLists:
    stored = list(dataset.case_lists.values_list("list_key", "data"))
    return caselists.case_lists(stored, dataset.columns)


def period_compute(*, dataset: AnnexAImport, period: Period, keep_cases: bool = False) -> list[Result]:
    """Every indicator for any period, recomputed from an import's stored case lists."""
    lists = dataset_case_lists(dataset)
    return compute_all(
        lists,
        period,
        population_under_18=population_for(authority=dataset.authority, day=period.end),
        keep_cases=keep_cases,
    )


def can_see_annex_a(user, authority: Authority) -> bool:
    """Figures computed from the authority's Annex A case lists, its imports and the case-level rows
    (child IDs) behind them are for its signed-in members, any role (superusers always):
    ``accounts.Membership``."""
    return authority_role(user=user, authority=authority) is not None


def can_import(user, authority: Authority) -> bool:
    """Importing a return or entering the population: the authority's editors and admins."""
    role = authority_role(user=user, authority=authority)
    return role is not None and ROLE_ORDER[role] >= ROLE_ORDER["editor"]


# -- published comparators ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedSummary:
    """One published measure for one authority: its latest year against England, the region, the
    neighbours and every authority, its ten-year series, and the one-line reading."""

    measure: Measure
    benchmark: Benchmark
    #: True when the authority's own figure is Inspire's (its published one is missing for the year)
    own_from_inspire: bool
    own_not_published: str  # why the authority's own published figure is missing, if it is
    authority_series: list[tuple[date, float]]
    england_series: list[tuple[date, float]]
    region_series: list[tuple[date, float]]
    reading: str
    source: str

    @property
    def region_name(self) -> str:
        region = self.benchmark.region
        return (REGION_NAMES.get(region.code) or region.name) if region else "Region"

    @property
    def year_label(self) -> str:
        return f"year ending {format_long(self.benchmark.period_end)}"

    def format(self, value: float | None) -> str:
        return self.measure.format(value)


FIGURE_FIELDS = ("indicator", "level", "code", "name", "period_end", "value", "not_published", "source", "former")


def published_figures(*, authority: Authority, measure_ids: list[str], register) -> dict[str, list[Figure]]:
    """For each measure: every area's figures for its latest published year, and the authority's,
    England's and its region's figures for every year (the trend)."""
    latest = dict(
        ComparatorValue.objects.filter(indicator__in=measure_ids, level="national")
        .exclude(value=None)
        .values_list("indicator")
        .annotate(last=Max("period_end"))
    )
    entry = register.by_dfe.get(authority.dfe_la_code)
    codes = [authority.dfe_la_code, ENGLAND] + ([region_of(entry)] if entry else [])
    query = Q(code__in=codes)
    for indicator, end in latest.items():
        query |= Q(indicator=indicator, period_end=end)
    out: dict[str, list[Figure]] = {m: [] for m in measure_ids}
    rows = ComparatorValue.objects.filter(indicator__in=measure_ids).filter(query).values_list(*FIGURE_FIELDS)
    for indicator, level, code, name, end, value, not_published, source, former in rows:
        out[indicator].append(Figure(indicator, level, code, name, end.year, end, value, not_published, source, former))
    return out


def year_figures(*, measure_id: str, period_end: date) -> list[Figure]:
    """Every area's figure for one measure and year (for an authority compared in an earlier year)."""
    rows = ComparatorValue.objects.filter(indicator=measure_id, period_end=period_end).values_list(*FIGURE_FIELDS)
    return [
        Figure(i, level, code, name, end.year, end, value, why, source, former)
        for i, level, code, name, end, value, why, source, former in rows
    ]


def published_summary(
    *, authority: Authority, measure: Measure, figures: list[Figure], register, own: IndicatorValue | None = None
) -> PublishedSummary | None:
    """``own``: Inspire's whole-year figure, used where the authority's published one is missing."""
    entry = register.by_dfe.get(authority.dfe_la_code)
    england = sorted((f.period_end, f.value) for f in figures if f.level == "national" and f.value is not None)
    if entry is None or not england:
        return None
    end = england[-1][0]
    authority_series = sorted(
        (f.period_end, f.value)
        for f in figures
        if f.level == "local_authority" and f.code == entry.dfe_la_code and f.value is not None
    )
    gone = is_former(entry) and authority_series and authority_series[-1][0] < end
    if gone:  # an authority that no longer exists: compared in the last year it has a figure
        end = authority_series[-1][0]
        figures = [f for f in figures if f.period_end != end] + year_figures(measure_id=measure.id, period_end=end)
    mine = next(
        (f for f in figures if f.level == "local_authority" and f.code == entry.dfe_la_code and f.period_end == end),
        None,
    )
    own_value = None
    if (
        (mine is None or mine.value is None)
        and own is not None
        and own.value is not None
        and abs((own.period_end - end).days) <= 31
    ):
        own_value = round(own.value, measure.decimals + 1)
    b = benchmark(entry, measure, end, figures, register, own=own_value)
    region = region_of(entry)
    region_series = sorted(
        (f.period_end, f.value) for f in figures if f.level == "regional" and f.code == region and f.value is not None
    )
    line = reading(b, [(d.year, v) for d, v in authority_series])
    if own_value is not None:
        line = f"Inspire's own figure: {line[0].lower()}{line[1:]}"
    if gone:
        line = f"{authority.name} no longer exists: its last published year. {line}"
    source = (
        mine.source
        if mine is not None and mine.source
        else next((f.source for f in figures if f.level == "national" and f.period_end == end), "")
    )
    return PublishedSummary(
        measure,
        b,
        own_value is not None,
        mine.not_published
        if mine is not None and mine.value is None
        else ("" if mine is not None else "no figure in the data loaded"),
        authority_series,
        england,
        region_series,
        line,
        source,
    )


def published_summaries(*, authority: Authority, register=None, annex_a: bool = False) -> dict[str, PublishedSummary]:
    """Every published measure's summary for the authority (measure id -> summary; None left out)."""
    register = register or default_register()
    figures = published_figures(authority=authority, measure_ids=list(MEASURES), register=register)
    out = {}
    for measure in MEASURES.values():
        own = year_value(authority=authority, indicator_id=measure.indicator) if annex_a and measure.indicator else None
        summary = published_summary(
            authority=authority, measure=measure, figures=figures[measure.id], register=register, own=own
        )
        if summary is not None:
            out[measure.id] = summary
    return out
