"""The pages that show the national picture and search the reports. Each view parses its input, calls
selectors, and renders (the whole page, or for htmx the part that changes: ``toolkit.pages``)."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from inspire.web.read import selectors
from inspire.web.see import national, search as full_text
from inspire.web.toolkit.caching import cached_page
from inspire.web.toolkit.labels import FAMILY_LABELS, GRADE_LABELS, area_label
from inspire.web.toolkit.pages import partial_page
from inspire.web.toolkit.params import Params


@require_GET
@cached_page
def national_picture(request: HttpRequest) -> HttpResponse:
    params = Params(request.GET)
    today = date.today()
    areas = {key: area_label(key) for key in national.known_areas()}
    as_at = params.date("as-at", label="As at date", latest=today) or today
    area = params.choice("area", areas, label="Judgement") or "overall"
    picture = national.grade_distribution(as_at=as_at, area=area)
    transitions = national.grade_transitions(area=area, as_at=as_at)
    waits = national.time_since_last_inspection(as_at=as_at)
    context = {
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
        "wait_bands": _wait_bands(waits),
    }
    return partial_page(request, "see/national.html", "see/_national_results.html", context,
                        status=400 if params.errors else 200)


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
    return partial_page(request, "see/search.html", "see/_search_results.html", context,
                        status=400 if params.errors else 200)
