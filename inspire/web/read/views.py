"""The pages that read: home, authorities, inspections, evidence, originals, upload. Each view parses
its input, calls selectors or a service, and renders.

One URL serves a whole page and, for an htmx request (``HX-Request``), just the part that changes;
without JavaScript the same forms work as plain GET requests.
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods

from inspire import sample
from inspire.core.reading import ReadError
from inspire.core.reading.record import AREA_FAMILIES
from inspire.web.read import evidence, selectors
from inspire.web.read.models import Authority, Inspection, SourceDocument
from inspire.web.read.uploads import report_upload
from inspire.web.see import charts, national, themes
from inspire.web.see.charts import grades_over_time, inspections_timeline
from inspire.web.toolkit.caching import cached_page
from inspire.web.toolkit.labels import area_order, fact_label
from inspire.web.toolkit.pages import partial_page
from inspire.web.toolkit.params import Params, whole_number
from inspire.web.toolkit.templatetags.inspire import long_date
from inspire.web.toolkit.uploads import upload_limit_mb, uploaded_file

#: What an original document is served as (always as a download, never shown in the page).
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "text": "text/plain; charset=utf-8",
}


@require_GET
@cached_page
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "stored": selectors.store_summary(),
        "picture": national.grade_distribution(as_at=date.today()),
        "only_sample": sample.is_only_sample(set(SourceDocument.objects.values_list("sha256", flat=True))),
    }
    return render(request, "inspections/home.html", context)


@require_GET
@cached_page
def authority_list(request: HttpRequest) -> HttpResponse:
    params = Params(request.GET)
    regions = {name: name for name in selectors.regions()}
    region = params.choice("region", regions, label="Region")
    query = params.text("q", max_length=100, label="Authority name")
    authorities = list(selectors.authority_list(region=region, query=query))
    context = {
        "params": params,
        "regions": regions,
        "region": region,
        "query": query,
        "authorities": authorities,
    }
    return partial_page(
        request,
        "inspections/authority_list.html",
        "inspections/_authority_results.html",
        context,
        status=400 if params.errors else 200,
    )


@require_GET
@cached_page
def authority_detail(request: HttpRequest, slug: str) -> HttpResponse:
    authority = get_object_or_404(Authority, slug=slug)
    history = selectors.authority_history(authority=authority)
    series = selectors.grade_series(history=history)
    neighbours = selectors.authority_neighbours(authority=authority)
    comparison = selectors.authority_latest(authorities=[authority, *neighbours])
    region = selectors.authority_region(authority=authority)
    compared_areas = [a for a in selectors.COMPARED_AREAS if any(item.grades.get(a) for item in comparison)]
    context = {
        "authority": authority,
        "history": history,
        "chart": grades_over_time(series, title=f"{authority.name}: grades over time", chart_id="grades-chart"),
        "timeline": inspections_timeline(history, title=f"{authority.name}: every inspection over time"),
        "comparison": comparison,
        "compared_areas": compared_areas or ["overall"],
        "region": region,
        "recommendations": selectors.authority_recommendations(authority=authority),
        **_beside_peers(authority, neighbours),
        "themes": themes.authority_themes(authority_id=authority.id),
    }
    return render(request, "inspections/authority_detail.html", context)


def _beside_peers(authority: Authority, neighbours: list[Authority]) -> dict:
    """The authority's grades over time beside its neighbours' and region's: the chart and its table."""
    lines = national.grades_beside_peers(authority=authority, neighbours=neighbours, last=date.today())
    if all(mean is None for series in lines.values() for _, mean, _ in series):
        return {"peers_chart": "", "peers_rows": []}
    chart = charts.share_lines(
        {name: [(day, mean) for day, mean, _ in series] for name, series in lines.items()},
        title=f"{authority.name}: overall grade beside its neighbours' and region's average",
        chart_id="peers-chart",
        highlight=authority.name,
        ticks=charts.GRADE_TICKS,
        desc="A line for the authority's overall grade at each quarter end, and for the average overall grade of its "
        "statistical neighbours and of its region, on the grade scale.",
    )
    names = list(lines)
    rows = [(day, [lines[name][n][1:] for name in names]) for n, (day, _, _) in enumerate(lines[names[0]])]
    yearly = [row for row in rows if (row[0].month, row[0].day) == (3, 31) or row is rows[-1]]  # 31 March, and now
    return {"peers_chart": chart, "peers_names": names, "peers_rows": yearly}


def _inspection_or_404(pk: int) -> Inspection:
    inspection = selectors.inspection_detail(pk=pk)
    if inspection is None:
        raise Http404("No inspection with that number")
    return inspection


@require_GET
@cached_page
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = _inspection_or_404(pk)
    provenance = inspection.record.get("provenance", {})
    facts = [
        (key, fact_label(key), evidence.fact_value(key, value), f"facts.{key}" in provenance)
        for key, value in (inspection.facts or {}).items()
        if key != "as_at"
    ]
    summary = [
        ("authority", "Authority", inspection.authority.name if inspection.authority else ""),
        ("inspection_start", "Inspection started", long_date(inspection.inspection_start)),
        ("inspection_end", "Inspection ended", long_date(inspection.inspection_end)),
        ("published", "Published", long_date(inspection.published)),
        *(
            [
                (
                    "published_estimate",
                    "Published (estimated)",
                    f"{long_date(inspection.published_estimate)}, estimated from the "
                    f"{inspection.published_estimate_source}: "
                    "the report does not state it — check it against Ofsted's website",
                )
            ]
            if inspection.published_estimate and not inspection.published
            else []
        ),
        ("lead_inspector", "Lead inspector", inspection.lead_inspector),
    ]
    if inspection.family in AREA_FAMILIES:
        summary = evidence.area_summary(inspection, summary)
    sources = selectors.inspection_sources(inspection=inspection)
    for source in sources:
        source.shown_differences = [evidence.difference_shown(d) for d in source.differences]
    context = {
        "inspection": inspection,
        "authority": inspection.authority,
        "document": inspection.document,
        "summary": summary,
        "judgements": sorted(inspection.judgements.all(), key=lambda j: area_order(j.area)),
        "recommendations": list(inspection.recommendations.all()),
        "facts": facts,
        "facts_as_at": (inspection.facts or {}).get("as_at"),
        "provenance": provenance,
        "sources": sources,
        "merges": selectors.inspection_merges(inspection=inspection),
    }
    return render(request, "inspections/inspection_detail.html", context)


@require_GET
@cached_page
def inspection_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    """A value's provenance: the page it was read from, with the quoted text highlighted; or
    (``?page=N&q=words``, from search results) a page with the words searched for highlighted."""
    inspection = _inspection_or_404(pk)
    if "page" in request.GET:
        number = request.GET["page"]
        number = whole_number(number)
        page = selectors.document_page(document=inspection.document, number=number) if number else None
        if page is None:
            raise Http404("The document has no such page")
        query = request.GET.get("q", "")[:200]
        marked, found = evidence.highlight_words(page.text, query)
        context = {
            "inspection": inspection,
            "authority": inspection.authority,
            "document": inspection.document,
            "name": f"Page {page.number}",
            "search_page": True,
            "query": query,
            "page": page,
            "page_text": marked,
            "found": found,
        }
        return render(request, "inspections/evidence.html", context)
    if "recommendation" in request.GET:
        number = request.GET["recommendation"]
        recommendation = next((r for r in inspection.recommendations.all() if str(r.pk) == number), None)
        if recommendation is None:
            raise Http404("No such recommendation in this inspection")
        name = evidence.recommendation_name(recommendation.section, recommendation.ordinal, recommendation.kind)
        page_number, quote = recommendation.page, recommendation.text
    else:
        key = request.GET.get("key", "")
        source = inspection.record.get("provenance", {}).get(key)
        name = evidence.value_name(key, inspection.record)
        if source is None or name is None:
            raise Http404("No provenance for that value")
        page_number, quote = source.get("page"), source.get("quote") or ""
    if page_number is not None:
        page = selectors.document_page(document=inspection.document, number=page_number)
        if page is None:
            raise Http404("The document has no such page")
        marked, found = evidence.highlight(page.text, quote)
    else:
        # a document without page numbers: the first page holding the quote, else its first page
        pages = list(selectors.document_pages(document=inspection.document))
        if not pages:
            raise Http404("The document has no text")
        page, (marked, found) = pages[0], evidence.highlight(pages[0].text, quote)
        for candidate in pages:
            candidate_marked, candidate_found = evidence.highlight(candidate.text, quote)
            if candidate_found:
                page, marked, found = candidate, candidate_marked, True
                break
    context = {
        "inspection": inspection,
        "authority": inspection.authority,
        "document": inspection.document,
        "name": name,
        "quote": quote,
        "page": page,
        "page_text": marked,
        "found": found,
    }
    return render(request, "inspections/evidence.html", context)


@require_GET
def inspection_document(request: HttpRequest, pk: int) -> HttpResponse:
    """The original file, as a download (never rendered by the browser as part of Inspire)."""
    return _download(get_object_or_404(SourceDocument, inspection__pk=pk))


def _download(document: SourceDocument) -> HttpResponse:
    response = HttpResponse(
        bytes(document.content), content_type=CONTENT_TYPES.get(document.format, "application/octet-stream")
    )
    response["Content-Disposition"] = content_disposition_header(True, document.filename)
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def inspection_source_document(request: HttpRequest, pk: int, source_pk: int) -> HttpResponse:
    """One of the inspection's files, as a download (like ``inspection_document``)."""
    source = selectors.inspection_source(inspection_pk=pk, source_pk=source_pk)
    if source is None:
        raise Http404("The inspection has no such source")
    return _download(source.document)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    errors: list[str] = []
    hint = ""
    if request.method == "POST":
        uploaded, problem = uploaded_file(request, "report", missing="Select a report to upload")
        if problem:
            errors.append(problem)
        else:
            try:
                result = report_upload(content=uploaded.read(), filename=uploaded.name, uploaded_by=request.user)
            except ReadError as error:
                errors.append(str(error))
                hint = error.hint
            else:
                inspection = result.inspection
                if result.created and not result.unmatched:
                    messages.success(request, result.message(uploaded.name))
                else:
                    # another source of a stored inspection, the very file again, or a report that could not be matched
                    messages.info(request, result.message(uploaded.name))
                return redirect("inspection_detail", pk=inspection.pk)
    status = 400 if errors else 200
    return render(
        request,
        "inspections/upload.html",
        {"errors": errors, "hint": hint, "limit_mb": upload_limit_mb()},
        status=status,
    )
