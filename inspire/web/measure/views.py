"""Indicator pages: each view parses input, calls a selector or a service, and renders."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods

from inspire.core.indicators import CATALOGUE, AnnexAError, Period
from inspire.core.indicators.annex_a import list_name
from inspire.web.measure import exports, selectors, services
from inspire.web.measure.charts import indicator_chart, sparkline
from inspire.web.measure.models import AnnexAImport, Population
from inspire.web.read.models import Authority
from inspire.web.toolkit.params import Params
from inspire.web.toolkit.uploads import upload_limit_mb, uploaded_file

CASES_SHOWN = 500


def _authority(slug: str) -> Authority:
    return get_object_or_404(Authority, slug=slug)


@require_GET
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    authority = _authority(slug)
    member = selectors.can_see_annex_a(request.user, authority)
    themes = [
        (theme, [(s, _trend(s, authority)) for s in summaries])
        for theme, summaries in selectors.dashboard(authority=authority, annex_a=member)
    ]
    context = {
        "authority": authority,
        "themes": themes,
        "member": member,
        "dataset": selectors.latest_dataset(authority=authority) if member else None,
        "population": _population_shown(authority),
        "may_import": selectors.can_import(request.user, authority),
        "population_field": Params(QueryDict()).date_field("as-at", legend="Date of the population figure", hint="For example, 30 6 2024"),
    }
    return render(request, "indicators/dashboard.html", context)


def _population_shown(authority: Authority) -> Population | None:
    """The newest population a person entered, else the newest a report stated (``population_for``'s precedence)."""
    populations = list(Population.objects.filter(authority=authority).order_by("-as_at"))
    return next((p for p in populations if p.source == "entered"), populations[0] if populations else None)


def _trend(summary: selectors.IndicatorSummary, authority: Authority) -> str:
    return sparkline(summary.indicator, [(p.period_end, p.value) for p in summary.points], authority_name=authority.name,
                     chart_id=f"trend-{summary.indicator.id}")


@require_GET
def indicator_detail(request: HttpRequest, slug: str, indicator_id: str) -> HttpResponse:
    authority = _authority(slug)
    indicator = CATALOGUE.get(indicator_id)
    if indicator is None:
        raise Http404("No such indicator")
    allowed = selectors.can_see_annex_a(request.user, authority)
    summary = selectors.indicator_summary(authority=authority, indicator=indicator, annex_a=allowed)
    england = sorted(
        (v.period_end, v.value) for v in selectors.comparator_values(indicator.id) if v.level == "national"
    )
    chart = indicator_chart(indicator, [(p.period_end, p.value) for p in summary.points], england=england,
                            authority_name=authority.name, chart_id="indicator-chart")
    context = {"authority": authority, "indicator": indicator, "summary": summary, "chart": chart, "england": england,
               "values": [(p, indicator.format(p.value)) for p in reversed(summary.points)], "list_label": list_name(indicator.list_key)}

    dataset = selectors.latest_dataset(authority=authority) if allowed else None
    gaps = dataset.values.filter(indicator=indicator.id, value=None).order_by("period_end", "period_start") if dataset else []
    context.update({"dataset": dataset, "allowed": allowed, "gaps": gaps})
    if dataset is not None and allowed:
        params = Params(request.GET)
        start = params.date("start", label="Start of the period")
        end = params.date("end", label="End of the period")
        if not params.errors and (start is None) != (end is None):
            params.errors["start-day" if start is None else "end-day"] = "Enter both the start and the end of the period"
        if not params.errors and start and end and start > end:
            params.errors["end-day"] = "The end of the period must be the same as or after its start"
        if start is None or end is None or params.errors:
            latest = dataset.values.filter(indicator=indicator.id).order_by("-period_end", "period_start").first()
            period = Period(latest.period_start, latest.period_end) if latest else None
        else:
            period = Period(start, end)
        result = None
        if period is not None and not params.errors:
            result = next(r for r in selectors.period_compute(dataset=dataset, period=period, keep_cases=True) if r.indicator.id == indicator.id)
        context.update({
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
        })
        status = 400 if params.errors else 200
        return render(request, "indicators/indicator_detail.html", context, status=status)
    return render(request, "indicators/indicator_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def annex_a_upload(request: HttpRequest, slug: str) -> HttpResponse:
    authority = _authority(slug)
    if not selectors.can_import(request.user, authority):
        raise PermissionDenied("Only the authority's editors can import its Annex A return")
    errors: list[str] = []
    hint = ""
    if request.method == "POST":
        uploaded, problem = uploaded_file(request, "workbook", missing="Select an Annex A workbook to import")
        if problem:
            errors.append(problem)
        else:
            try:
                dataset = services.annex_a_import(authority=authority, content=uploaded.read(), filename=uploaded.name, uploaded_by=request.user)
            except AnnexAError as error:
                errors.append(f"The selected file could not be read: {error}")
                hint = error.hint
            else:
                messages.success(request, f"{dataset.filename} was imported.")
                return redirect("indicators:dataset", slug=authority.slug, pk=dataset.pk)
    context = {"authority": authority, "errors": errors, "hint": hint, "limit_mb": upload_limit_mb()}
    return render(request, "indicators/upload.html", context, status=400 if errors else 200)


@login_required
@require_GET
def dataset_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    authority = _authority(slug)
    dataset = get_object_or_404(AnnexAImport, pk=pk, authority=authority)
    if not selectors.can_see_annex_a(request.user, authority):
        raise PermissionDenied("Only the authority's members can see its imports")
    year = dataset.values.order_by("-period_end", "period_start").first()
    values = list(dataset.values.filter(period_start=year.period_start, period_end=year.period_end)) if year else []
    order = list(CATALOGUE)
    values.sort(key=lambda v: order.index(v.indicator) if v.indicator in order else len(order))
    lists = [(list_name(key), count) for key, count in dataset.row_counts.items()]
    context = {"authority": authority, "dataset": dataset, "values": values, "lists": lists, "catalogue": CATALOGUE,
               "problems": dataset.problems[:200], "year": year}
    return render(request, "indicators/dataset.html", context)


@login_required
@require_http_methods(["POST"])
def population_enter(request: HttpRequest, slug: str) -> HttpResponse:
    authority = _authority(slug)
    if not selectors.can_import(request.user, authority):
        raise PermissionDenied("Only the authority's editors can enter its population")
    params = Params(request.POST)
    as_at = params.date("as-at", label="Date of the population figure", required=True)
    raw = request.POST.get("under-18", "").strip().replace(",", "")
    if not raw:
        params.errors["under-18"] = "Enter the number of children under 18"
    elif not raw.isdigit() or int(raw) == 0:
        params.errors["under-18"] = "Number of children under 18 must be a whole number above 0"
    if params.errors:
        context = {"authority": authority, "params": params, "error_list": list(params.errors.items()),
                   "as_at_field": params.date_field("as-at", legend="Date of the population figure", hint="For example, 30 6 2024"),
                   "under_18": raw}
        return render(request, "indicators/population.html", context, status=400)
    services.population_set(authority=authority, as_at=as_at, under_18=int(raw), entered_by=request.user)
    messages.success(request, f"The under-18 population of {int(raw):,} was saved and the rates recomputed.")
    return redirect("indicators:dashboard", slug=authority.slug)


@login_required
@require_http_methods(["GET", "POST"])
def comparators_upload(request: HttpRequest) -> HttpResponse:
    if not request.user.is_staff:
        raise PermissionDenied("Only staff can import comparator figures")
    errors: list[str] = []
    result = None
    if request.method == "POST":
        uploaded = request.FILES.get("comparators")
        if uploaded is None or uploaded.size == 0:
            errors.append("Select a CSV file of comparator figures")
        elif uploaded.size > 20 * 1_048_576:
            errors.append("The selected file must be smaller than 20 MB")
        else:
            try:
                text = uploaded.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                errors.append("The selected file must be a CSV file saved as UTF-8")
            else:
                result = services.comparators_import(text=text)
                if result.problems:
                    errors.append(f"The file has {len(result.problems)} problem{'s' if len(result.problems) != 1 else ''}; nothing was stored")
                else:
                    messages.success(request, f"{result.stored:,} comparator figures were stored ({result.suppressed:,} suppressed or missing figures skipped).")
                    return redirect("indicators:comparators")
    context = {"errors": errors, "problems": result.problems[:200] if result else [], "indicators": CATALOGUE.values()}
    return render(request, "indicators/comparators.html", context, status=400 if errors else 200)


@require_GET
def export_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    authority = _authority(slug)
    content = exports.indicators_xlsx(authority=authority, annex_a=selectors.can_see_annex_a(request.user, authority))
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = content_disposition_header(True, f"inspire-indicators-{authority.slug}-{date.today():%Y-%m-%d}.xlsx")
    return response
