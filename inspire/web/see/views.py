"""The pages that show the national picture and search the reports. Each view parses its input, calls
selectors, and renders (the whole page, or for htmx the part that changes: ``toolkit.pages``)."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_GET

from inspire.core.calendar import format_long
from inspire.core.national import ENDED
from inspire.core.official import CHANGES
from inspire.core.rounding import whole_percent
from inspire.core.themes import BY_ID, themes_of
from inspire.web.read import selectors
from inspire.web.read.selectors import FULL_FAMILIES
from inspire.web.see import charts, national, official, themes
from inspire.web.see import search as full_text
from inspire.web.toolkit.caching import cached_page
from inspire.web.toolkit.labels import FAMILY_LABELS, GRADE_LABELS, area_label
from inspire.web.toolkit.pages import partial_page
from inspire.web.toolkit.params import Params
from inspire.web.toolkit.templatetags.inspire import (
    family_short,
    long_date,
    url_to,
    years_months,
)


@require_GET
@cached_page
def national_picture(request: HttpRequest) -> HttpResponse:
    params = Params(request.GET)
    today = date.today()
    areas = {key: area_label(key) for key in national.known_areas()}
    as_at = params.date("as-at", label="As at date", latest=today) or today
    area = params.choice("area", areas, label="Judgement") or "overall"
    frameworks = {key: FAMILY_LABELS[key] for key in FULL_FAMILIES}
    framework = params.choice("framework", frameworks, label="Framework for how grades moved")
    picture = national.grade_distribution(as_at=as_at, area=area)
    transitions = national.grade_transitions(area=area, as_at=as_at, family=framework)
    waits = national.time_since_last_inspection(as_at=as_at)
    shares = national.share_over_time(area=area, last=as_at)
    grade_keys = [(g.grade, g.label) for g in picture.national.grades]
    context = {
        "send_outcomes": national.send_outcomes(as_at=as_at),
        "send_outcome_names": national.SEND_OUTCOMES,
        "jtai_themes": national.jtai_themes(as_at=as_at),
        "params": params,
        "date_field": params.date_field(
            "as-at", legend="As at date", hint=f"For example, {today.day} {today:%m} {today.year - 3}"
        ),
        "as_at": as_at,
        "area": area,
        "areas": areas,
        "picture": picture,
        "transitions": transitions,
        "waits": waits,
        "wait_rows": _wait_rows(waits),
        "wait_bands": _wait_bands(waits),
        "frameworks": frameworks,
        "framework": framework,
        "coverage": official.coverage(),
        "shares": shares,
        "share_rows": _share_rows(shares),
        "share_table": _share_table(_share_rows(shares)),
        "regions_chart": charts.stacked_bars(
            [(d.region, {g.grade: g.count for g in d.grades}) for d in picture.regions],
            grade_keys,
            title=f"{area_label(area)}: grades by region as at {format_long(as_at)}",
            chart_id="regions-chart",
        ),
        "share_chart": charts.share_lines(
            {("England" if k is None else k): [(s.as_at, s.percent) for s in v] for k, v in shares.items()},
            title=f"{area_label(area)}: per cent good or outstanding at each quarter end",
            chart_id="share-chart",
            highlight="England",
        ),
        "flow_chart": charts.flow(
            transitions.counts,
            [(g, GRADE_LABELS.get(g, g)) for g in transitions.grades],
            title=f"{area_label(area)}: how grades moved between consecutive inspections",
            chart_id="flow-chart",
        ),
    }
    return partial_page(
        request, "see/national.html", "see/_national_results.html", context, status=400 if params.errors else 200
    )


#: (label, fewest days, most days) for the time-since-inspection summary
WAIT_BANDS = (
    ("Under 1 year", 0, 365),
    ("1 to 2 years", 366, 730),
    ("2 to 3 years", 731, 1095),
    ("3 to 4 years", 1096, 1461),
    ("Over 4 years", 1462, None),
)


def _wait_bands(waits) -> list[tuple[str, int]]:
    bands = [
        (label, sum(1 for w in waits if w.days is not None and low <= w.days and (high is None or w.days <= high)))
        for label, low, high in WAIT_BANDS
    ]
    return bands + [("No inspection stored", sum(1 for w in waits if w.days is None))]


@require_GET
@cached_page
def search(request: HttpRequest) -> HttpResponse:
    params = Params(request.GET)
    today = date.today()
    families = dict(FAMILY_LABELS)
    grades = dict(GRADE_LABELS)
    regions = {name: name for name in selectors.regions()}
    query = params.text("q", max_length=200, label="Search words")
    family = params.choice("family", families, label="Type of report")
    grade = params.choice("grade", grades, label="Grade")
    region = params.choice("region", regions, label="Region")
    date_from = params.date("from", label="Start date", latest=today)
    date_to = params.date("to", label="End date", latest=today)
    if date_from and date_to and date_from > date_to:
        params.errors["to-day"] = "End date must be the same as or after the start date"
        params.date_parts["to"] = {"day", "month", "year"}
    page = params.page()
    results = None
    if query and not params.errors:
        results = full_text.search_pages(
            query=query, family=family, grade=grade, region=region, date_from=date_from, date_to=date_to, page=page
        )
        if results.total and page > results.pages:
            params.errors["page"] = f"Page must be {results.pages} or less: there are {results.pages} pages of results"
            results = None
    context = {
        "params": params,
        "query": query,
        "families": families,
        "grades": grades,
        "regions": regions,
        "family": family,
        "grade": grade,
        "region": region,
        "from_field": params.date_field("from", legend="Inspected from", hint="For example, 1 9 2018"),
        "to_field": params.date_field("to", legend="Inspected to", hint="For example, 31 3 2024"),
        "results": results,
    }
    return partial_page(
        request, "see/search.html", "see/_search_results.html", context, status=400 if params.errors else 200
    )


def _wait_rows(waits) -> str:
    """The time-since-inspection table's rows as HTML, made here: 150 rows of links through the
    template language were a fifth of the national picture's rendering."""
    return format_html_join(
        "\n",
        '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">'
        '<a class="govuk-link" href="{}">{}</a></th>'
        '<td class="govuk-table__cell">{}</td><td class="govuk-table__cell">{}</td>'
        '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td></tr>',
        (
            (
                url_to(wait.authority.slug, "authority_detail"),
                wait.authority.name,
                format_html(
                    '<a class="govuk-link" href="{}">{}</a>',
                    url_to(wait.inspection.pk, "inspection_detail"),
                    long_date(ENDED.of(wait.inspection)),
                )
                if wait.inspection
                else "None stored",
                (family_short(wait.inspection.family) or "") if wait.inspection else "",
                years_months(wait.days) if wait.days is not None else "–",
            )
            for wait in waits
        ),
    )


def _share_table(share_rows) -> str:
    """The share table's rows as HTML (quarter end, then each series' cell), made here for the same reason."""
    return format_html_join(
        "",
        '<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{}</th>{}</tr>',
        (
            (
                format_long(day),
                format_html_join(
                    "",
                    '<td class="govuk-table__cell govuk-table__cell--numeric">{}</td>',
                    (
                        (
                            format_html(
                                '{}% <span class="govuk-body-s">({} of {})</span>',
                                whole_percent(s.percent),
                                s.good_or_outstanding,
                                s.judged,
                            )
                            if s.judged
                            else "–",
                        )
                        for s in cells
                    ),
                ),
            )
            for day, cells in share_rows
        ),
    )


def _share_rows(shares) -> list[tuple[str, list]]:
    """The share series as table rows: (quarter end, [(judged, good or outstanding, percent) per series])."""
    keys = list(shares)
    return (
        [(day, [shares[k][n] for k in keys]) for n, day in enumerate(s.as_at for s in shares[None])] if shares else []
    )


def _as_at_and_area(params: Params) -> tuple[date, str]:
    today = date.today()
    areas = {key: area_label(key) for key in national.known_areas()}
    as_at = params.date("as-at", label="As at date", latest=today) or today
    area = params.choice("area", areas, label="Judgement") or "overall"
    return as_at, area


@require_GET
@cached_page
def national_authorities(request: HttpRequest) -> HttpResponse:
    """The authorities behind a count of the national picture, as at the same date."""
    params = Params(request.GET)
    as_at, area = _as_at_and_area(params)
    grade = params.choice("grade", dict(GRADE_LABELS), label="Grade")
    region = params.choice("region", {name: name for name in selectors.regions()}, label="Region")
    rows = [] if params.errors else national.authorities_behind(as_at=as_at, area=area, grade=grade, region=region)
    context = {"params": params, "as_at": as_at, "area": area, "grade": grade, "region": region, "rows": rows}
    return render(request, "see/national_authorities.html", context, status=400 if params.errors else 200)


@require_GET
@cached_page
def official_statistics(request: HttpRequest) -> HttpResponse:
    """The figures of Ofsted's annual outcomes release, for any date, from the store."""
    params = Params(request.GET)
    today = date.today()
    as_at = params.date("as-at", label="As at date", latest=today) or national.last_31_march(today)
    areas = list(national.OFFICIAL_AREAS)
    figures = None if params.errors else national.official_figures(as_at=as_at, areas=areas)
    context = {
        "params": params,
        "as_at": as_at,
        "figures": figures,
        "areas": areas,
        "date_field": params.date_field("as-at", legend="As at date", hint="For example, 31 3 2024"),
        "coverage": official.coverage(),
        "change_labels": CHANGES,
    }
    return render(request, "see/official.html", context, status=400 if params.errors else 200)


@require_GET
@cached_page
def reconciliation(request: HttpRequest) -> HttpResponse:
    """Stored reports against Ofsted's official record: what is missing, and what differs."""
    result, names = official.reconciliation()
    context = {"result": result, "names": names, "coverage": official.coverage()}
    return render(request, "see/reconciliation.html", context)


@require_GET
@cached_page
def theme_list(request: HttpRequest) -> HttpResponse:
    summaries, items, unplaced = themes.theme_summaries()
    return render(request, "see/themes.html", {"summaries": summaries, "items": items, "unplaced": unplaced})


@require_GET
@cached_page
def theme_detail(request: HttpRequest, theme_id: str) -> HttpResponse:
    theme = BY_ID.get(theme_id)
    if theme is None:
        raise Http404("No such theme")
    summary = next(s for s in themes.theme_summaries()[0] if s.id == theme_id)
    breakdowns = [
        ("year", list(summary.by_year.items()), "year"),
        ("region", list(summary.by_region.items()), "region"),
        ("framework", [(FAMILY_LABELS.get(k, k), n) for k, n in summary.by_family.items()], "framework"),
        (
            "overall grade of the inspection",
            [(GRADE_LABELS.get(k, k), n) for k, n in summary.by_grade.items()],
            "grade",
        ),
    ]
    context = {"theme": theme, "summary": summary, "breakdowns": breakdowns, "told": themes.theme_authorities(theme_id)}
    return render(request, "see/theme_detail.html", context)


@require_GET
@cached_page
def recommendation_similar(request: HttpRequest, pk: int) -> HttpResponse:
    """A recommendation, and the ten most like it given to other authorities, with how each
    authority's next inspection went."""
    recommendation = selectors.recommendation_detail(pk=pk)
    if recommendation is None:
        raise Http404("No recommendation with that number")
    context = {
        "recommendation": recommendation,
        "themes": themes.theme_names(themes_of(recommendation.text)),
        "similar": themes.similar_items(recommendation_id=pk),
    }
    if request.GET.get("part") == "table":  # the table alone, loaded into a plan item's page
        return render(request, "see/_similar.html", context)
    return render(request, "see/recommendation_similar.html", context)


@require_GET
def chart_download(request: HttpRequest, chart: str) -> HttpResponse:
    """A chart's figures as CSV, for the same date, judgement and framework as the page."""
    from inspire.web.see.exports import Column, Table, to_csv

    params = Params(request.GET)
    as_at, area = _as_at_and_area(params)
    framework = params.choice("framework", {key: key for key in FULL_FAMILIES}, label="Framework")
    if params.errors:
        return HttpResponse(
            "; ".join(message for _, message in params.summary), status=400, content_type="text/plain; charset=utf-8"
        )
    if chart == "regions":
        picture = national.grade_distribution(as_at=as_at, area=area)
        grades = [g.grade for g in picture.national.grades]
        columns = [
            Column("Region"),
            *[Column(GRADE_LABELS.get(g, g), "number") for g in grades],
            Column("Inspected", "number"),
            Column("Not yet judged", "number"),
        ]
        rows = [
            [d.region or "England", *[d.count(g) for g in grades], d.total, d.not_judged]
            for d in [*picture.regions, picture.national]
        ]
    elif chart == "share":
        shares = national.share_over_time(area=area, last=as_at)
        names = [k or "England" for k in shares]
        columns = [Column("Quarter end", "date")] + [
            Column(f"{name}: {what}", "number") for name in names for what in ("judged", "good or outstanding")
        ]
        rows = [
            [day, *[x for s in cells for x in (s.judged, s.good_or_outstanding)]] for day, cells in _share_rows(shares)
        ]
    elif chart == "transitions":
        moved = national.grade_transitions(area=area, as_at=as_at, family=framework)
        columns = [
            Column("From"),
            *[Column(f"To {GRADE_LABELS.get(g, g).lower()}", "number") for g in moved.grades],
            Column("Total", "number"),
        ]
        rows = [[GRADE_LABELS.get(g, g), *counts, total] for g, counts, total in moved.rows()]
    else:
        raise Http404("No such chart")
    response = HttpResponse(to_csv(Table(chart, chart, columns, rows)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inspire-{chart}-{area}-{as_at.isoformat()}.csv"'
    return response
