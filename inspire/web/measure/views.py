"""Indicator pages and their exports: each view parses input, calls a selector or a service, and
renders. The pages that bring data in (Annex A, populations, comparators) are in ``import_views``."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from inspire.core.calendar import format_long
from inspire.core.indicators import CATALOGUE, Period
from inspire.core.indicators.annex_a import list_name
from inspire.core.indicators.published import BY_INDICATOR, MEASURES
from inspire.core.register import default_register
from inspire.web.measure import exports, selectors
from inspire.web.measure.charts import series_chart, series_for, sparkline
from inspire.web.measure.models import Population
from inspire.web.read.models import Authority
from inspire.web.toolkit.params import Params

CASES_SHOWN = 500


def authority_or_404(slug: str) -> Authority:
    return get_object_or_404(Authority, slug=slug)


@require_GET
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    authority = authority_or_404(slug)
    member = selectors.can_see_annex_a(request.user, authority)
    published = selectors.published_summaries(authority=authority, annex_a=member)
    themes: dict[str, list[dict]] = {}
    for theme, summaries in selectors.dashboard(authority=authority, annex_a=member):
        for s in summaries:
            measure = BY_INDICATOR.get(s.indicator.id)
            themes.setdefault(theme, []).append(_row(s, authority, published.get(measure.id) if measure else None))
    for measure in MEASURES.values():
        if measure.indicator is None:
            themes.setdefault(measure.theme, []).append(_row(None, authority, published.get(measure.id), measure))
    context = {
        "authority": authority,
        "themes": list(themes.items()),
        "member": member,
        "published_years": list(
            dict.fromkeys(p.year_label for p in sorted(published.values(), key=lambda p: p.benchmark.period_end))
        ),
        "dataset": selectors.latest_dataset(authority=authority) if member else None,
        "population": _population_shown(authority),
        "may_import": selectors.can_import(request.user, authority),
        "population_field": Params(QueryDict()).date_field(
            "as-at", legend="Date of the population figure", hint="For example, 30 6 2024"
        ),
    }
    return render(request, "indicators/dashboard.html", context)


#: a count Inspire computes -> the rate per 10,000 it is compared as (a count depends on the area's size)
COUNT_RATES = {"children_in_need": "children_in_need_rate", "cp_plans": "cp_rate", "looked_after": "looked_after_rate"}


def _row(
    s: selectors.IndicatorSummary | None, authority: Authority, p: selectors.PublishedSummary | None, measure=None
) -> dict:
    """One dashboard row: Inspire's latest figure and trend (when it computes the indicator) and the
    published comparators of the latest published year, every figure with its unit."""
    row = {
        "id": s.indicator.id if s else measure.id,
        "name": s.indicator.name if s else measure.name,
        "summary": s,
        "published": p,
        "chart": _trend(s, authority) if s else "",
    }
    if s is not None and s.indicator.threshold:
        row["threshold"] = f"Threshold {s.indicator.threshold.value:,.0f} days"
    if s is not None and s.latest:
        row["latest"] = s.latest_display
        row["when"] = (
            f"at {format_long(s.latest.period_end)}"
            if s.latest.period_start == s.latest.period_end
            else f"{s.latest.period_start:%b %Y} to {s.latest.period_end:%b %Y}"
        )
    elif p is not None and p.benchmark.value is not None:
        row["latest"] = p.format(p.benchmark.value)
        row["when"] = f"{'Inspire, ' if p.own_from_inspire else 'published, '}{p.year_label}"
    else:
        row["latest"] = None
        row["when"] = (
            (s.unavailable if s and s.unavailable else "") or (p.own_not_published if p else "") or "No value yet"
        )
    if p is not None:
        b = p.benchmark
        row["england"] = p.format(b.england.value if b.england else None)
        row["region"] = p.format(b.region.value if b.region else None)
        row["neighbours"] = p.format(b.neighbours_mean) if b.neighbours else "no statistical neighbours"
        row["quartile"] = (
            f"{b.quartile_text}; ranked {b.rank} of {b.ranked}"
            if b.quartile
            else f"Not ranked: {p.own_not_published or 'no figure for the year'}"
        )
        row["year"] = p.year_label
    elif s is not None and s.comparison is not None:  # figures imported in Inspire's own CSV layout
        c, fmt = s.comparison, s.indicator.format
        row.update(
            england=fmt(c.england) if c.england is not None else "–",
            region=fmt(c.region) if c.region is not None else "–",
            neighbours=fmt(c.neighbours) if c.neighbours is not None else "–",
            quartile=s.quartile_text or "–",
            year=f"at {format_long(s.comparison_period)}",
        )
    elif s is not None and s.indicator.id in COUNT_RATES:
        row["none"] = f"Compared as a rate: see “{CATALOGUE[COUNT_RATES[s.indicator.id]].name}”"
    else:
        row["none"] = "DfE publishes no comparable figure for this indicator"
    return row


def _population_shown(authority: Authority) -> Population | None:
    """The newest population a person entered, else the newest ONS estimate, else the newest a report
    stated (``population_choice``'s precedence)."""
    populations = list(Population.objects.filter(authority=authority).order_by("-as_at"))
    for source in ("entered", "published", "report"):
        chosen = next((p for p in populations if p.source == source), None)
        if chosen is not None:
            return chosen
    return None


def _trend(summary: selectors.IndicatorSummary, authority: Authority) -> str:
    return sparkline(
        summary.indicator,
        [(p.period_end, p.value) for p in summary.points],
        authority_name=authority.name,
        chart_id=f"trend-{summary.indicator.id}",
    )


@require_GET
def indicator_detail(request: HttpRequest, slug: str, indicator_id: str) -> HttpResponse:
    authority = authority_or_404(slug)
    indicator = CATALOGUE.get(indicator_id)
    if indicator is None and indicator_id in MEASURES and MEASURES[indicator_id].indicator is None:
        return _published_detail(request, authority, MEASURES[indicator_id])
    if indicator is None:
        raise Http404("No such indicator")
    allowed = selectors.can_see_annex_a(request.user, authority)
    summary = selectors.indicator_summary(authority=authority, indicator=indicator, annex_a=allowed)
    measure = BY_INDICATOR.get(indicator.id)
    published = _published(authority, measure, allowed) if measure else None
    england = (
        published.england_series
        if published
        else sorted((v.period_end, v.value) for v in selectors.comparator_values(indicator.id) if v.level == "national")
    )
    series = [
        series_for(
            "annex_a",
            f"{authority.name}: Annex A return",
            [(p.period_end, p.value) for p in summary.points if p.source == "annex_a"],
        ),
        series_for(
            "report",
            f"{authority.name}: inspection reports",
            [(p.period_end, p.value) for p in summary.points if p.source == "report"],
        ),
    ]
    if published:
        series.append(series_for("published", f"{authority.name}: published", published.authority_series))
    series.append(series_for("england", "England: published", england))
    chart = series_chart(
        title=f"{indicator.name}: {authority.name}",
        series=series,
        format_value=indicator.format,
        percent=indicator.unit.value == "percent",
        chart_id="indicator-chart",
    )
    context = {
        "authority": authority,
        "indicator": indicator,
        "summary": summary,
        "chart": chart,
        "england": england,
        "england_rows": [(day, measure.format(v) if measure else indicator.format(v)) for day, v in england],
        "published": published,
        "published_years": _published_years(published),
        "values": [(p, indicator.format(p.value)) for p in reversed(summary.points)],
        "list_label": list_name(indicator.list_key),
    }

    dataset = selectors.latest_dataset(authority=authority) if allowed else None
    gaps = (
        dataset.values.filter(indicator=indicator.id, value=None).order_by("period_end", "period_start")
        if dataset
        else []
    )
    context.update({"dataset": dataset, "allowed": allowed, "gaps": gaps})
    if dataset is not None and allowed:
        params = Params(request.GET)
        start = params.date("start", label="Start of the period")
        end = params.date("end", label="End of the period")
        if not params.errors and (start is None) != (end is None):
            params.errors["start-day" if start is None else "end-day"] = (
                "Enter both the start and the end of the period"
            )
        if not params.errors and start and end and start > end:
            params.errors["end-day"] = "The end of the period must be the same as or after its start"
        if start is None or end is None or params.errors:
            latest = dataset.values.filter(indicator=indicator.id).order_by("-period_end", "period_start").first()
            period = Period(latest.period_start, latest.period_end) if latest else None
        else:
            period = Period(start, end)
        result = None
        if period is not None and not params.errors:
            result = next(
                r
                for r in selectors.period_compute(dataset=dataset, period=period, keep_cases=True)
                if r.indicator.id == indicator.id
            )
        context.update(
            {
                "params": params,
                "error_list": list(params.errors.items()),
                "period": period,
                "result": result,
                "cases": result.cases[:CASES_SHOWN] if result and result.cases else [],
                "cases_total": len(result.cases) if result and result.cases else 0,
                "cases_shown": CASES_SHOWN,
                "list_label": list_name(indicator.list_key),
                "start_field": params.date_field("start", legend="Start of the period", hint="For example, 1 4 2024"),
                "end_field": params.date_field("end", legend="End of the period", hint="For example, 31 3 2025"),
            }
        )
        status = 400 if params.errors else 200
        return render(request, "indicators/indicator_detail.html", context, status=status)
    return render(request, "indicators/indicator_detail.html", context)


def _published(authority: Authority, measure, annex_a: bool) -> selectors.PublishedSummary | None:
    register = default_register()
    figures = selectors.published_figures(authority=authority, measure_ids=[measure.id], register=register)[measure.id]
    own = (
        selectors.year_value(authority=authority, indicator_id=measure.indicator)
        if annex_a and measure.indicator
        else None
    )
    return selectors.published_summary(
        authority=authority, measure=measure, figures=figures, register=register, own=own
    )


def _published_years(published: selectors.PublishedSummary | None) -> list[dict]:
    """The published table's rows, newest first: each year's figure for the authority, England, the region."""
    if published is None:
        return []
    columns = {
        "authority": dict(published.authority_series),
        "england": dict(published.england_series),
        "region": dict(published.region_series),
    }
    ends = sorted({day for column in columns.values() for day in column}, reverse=True)
    return [
        {"end": day, **{name: published.format(column.get(day)) for name, column in columns.items()}} for day in ends
    ]


def _published_detail(request: HttpRequest, authority: Authority, measure) -> HttpResponse:
    """A measure Inspire does not compute from Annex A (the workforce, long-term placement stability):
    the published figures alone."""
    published = _published(authority, measure, annex_a=False)
    chart = ""
    if published:
        chart = series_chart(
            title=f"{measure.name}: {authority.name}",
            series=[
                series_for("published", f"{authority.name}: published", published.authority_series),
                series_for("england", "England: published", published.england_series),
            ],
            format_value=measure.format,
            percent=measure.unit == "percent",
            chart_id="indicator-chart",
        )
    context = {
        "authority": authority,
        "measure": measure,
        "published": published,
        "chart": chart,
        "published_years": _published_years(published),
    }
    return render(request, "indicators/published_detail.html", context)


@require_GET
def export_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    authority = authority_or_404(slug)
    content = exports.indicators_xlsx(authority=authority, annex_a=selectors.can_see_annex_a(request.user, authority))
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = content_disposition_header(
        True, f"inspire-indicators-{authority.slug}-{date.today():%Y-%m-%d}.xlsx"
    )
    return response


@require_GET
def benchmark_export(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    """The authority against England, its region and its neighbours for every published indicator."""
    authority = authority_or_404(slug)
    annex_a = selectors.can_see_annex_a(request.user, authority)
    name = f"inspire-benchmarking-{authority.slug}-{date.today():%Y-%m-%d}.{kind}"
    if kind == "csv":
        response = HttpResponse(
            exports.benchmark_csv(authority=authority, annex_a=annex_a), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(
            exports.benchmark_xlsx(authority=authority, annex_a=annex_a),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
