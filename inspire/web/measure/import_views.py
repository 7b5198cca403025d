"""The pages that bring indicator data in: an Annex A return for a reporting period, an
authority's under-18 population, the published comparators (LAIT or EES files, or Inspire's own
CSV). Each parses the upload, calls a service, and renders its result or its problems."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from inspire.core.calendar import format_long
from inspire.core.indicators import CATALOGUE, AnnexAError, Period
from inspire.core.indicators.annex_a import list_name
from inspire.core.indicators.compute import reporting_year
from inspire.web.measure import selectors, services
from inspire.web.measure.models import AnnexAImport
from inspire.web.measure.views import authority_or_404
from inspire.web.toolkit.params import Params
from inspire.web.toolkit.uploads import upload_limit_mb, uploaded_file


@login_required
@require_http_methods(["GET", "POST"])
def annex_a_upload(request: HttpRequest, slug: str) -> HttpResponse:
    authority = authority_or_404(slug)
    if not selectors.can_import(request.user, authority):
        raise PermissionDenied("Only the authority's editors can import its Annex A return")
    errors: list[str] = []
    hint = ""
    default = reporting_year(date.today())
    if request.method == "POST":
        params = Params(request.POST)
    else:  # the form starts at the last whole year to 31 March
        params = Params(QueryDict(mutable=True))
        for prefix, day in (("period-start", default.start), ("period-end", default.end)):
            params.data.update(
                {f"{prefix}-day": str(day.day), f"{prefix}-month": str(day.month), f"{prefix}-year": str(day.year)}
            )
    if request.method == "POST":
        start = params.date("period-start", label="Start of the reporting period", required=True)
        end = params.date("period-end", label="End of the reporting period", required=True)
        if start and end and start > end:
            params.errors["period-end-day"] = "The end of the reporting period must be after its start"
        uploaded, problem = uploaded_file(request, "workbook", missing="Select an Annex A workbook to import")
        if problem:
            errors.append(problem)
        elif not params.errors:
            try:
                dataset = services.annex_a_import(
                    authority=authority,
                    content=uploaded.read(),
                    filename=uploaded.name,
                    uploaded_by=request.user,
                    period=Period(start, end),
                )
            except AnnexAError as error:
                errors.append(f"The selected file could not be read: {error}")
                hint = error.hint
            else:
                messages.success(
                    request,
                    f"{dataset.filename} was imported for {format_long(start)} to {format_long(end)}."
                    + _coverage_note(dataset),
                )
                return redirect("indicators:dataset", slug=authority.slug, pk=dataset.pk)
    context = {
        "authority": authority,
        "errors": errors,
        "hint": hint,
        "limit_mb": upload_limit_mb(),
        "period_errors": list(params.errors.items()),
        "start_field": params.date_field(
            "period-start", legend="Start of the reporting period", hint="For example, 1 4 2025"
        ),
        "end_field": params.date_field(
            "period-end",
            legend="End of the reporting period",
            hint="For example, 31 3 2026. Comparators are published for years ending 31 March",
        ),
    }
    return render(request, "indicators/upload.html", context, status=400 if errors or params.errors else 200)


def _coverage_note(dataset: AnnexAImport) -> str:
    """Says so when the return's cases do not cover the reporting period chosen."""
    if dataset.first_date is None or dataset.period_start is None:
        return " The return holds no dated contacts or referrals."
    if dataset.first_date > dataset.period_start or dataset.last_date < dataset.period_end:
        return (
            f" The return's cases run from {format_long(dataset.first_date)} to {format_long(dataset.last_date)}: "
            "figures for the parts of the period it does not cover are missing or partial."
        )
    return ""


@login_required
@require_GET
def dataset_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    authority = authority_or_404(slug)
    dataset = get_object_or_404(AnnexAImport, pk=pk, authority=authority)
    if not selectors.can_see_annex_a(request.user, authority):
        raise PermissionDenied("Only the authority's members can see its imports")
    year = dataset.values.order_by("-period_end", "period_start").first()
    values = list(dataset.values.filter(period_start=year.period_start, period_end=year.period_end)) if year else []
    order = list(CATALOGUE)
    values.sort(key=lambda v: order.index(v.indicator) if v.indicator in order else len(order))
    lists = [(list_name(key), count) for key, count in dataset.row_counts.items()]
    context = {
        "authority": authority,
        "dataset": dataset,
        "values": values,
        "lists": lists,
        "catalogue": CATALOGUE,
        "problems": dataset.problems[:200],
        "year": year,
    }
    return render(request, "indicators/dataset.html", context)


@login_required
@require_http_methods(["POST"])
def population_enter(request: HttpRequest, slug: str) -> HttpResponse:
    authority = authority_or_404(slug)
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
        context = {
            "authority": authority,
            "params": params,
            "error_list": list(params.errors.items()),
            "as_at_field": params.date_field(
                "as-at", legend="Date of the population figure", hint="For example, 30 6 2024"
            ),
            "under_18": raw,
        }
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
                    errors.append(
                        f"The file has {len(result.problems)} problem{'s' if len(result.problems) != 1 else ''}; "
                        "nothing was stored"
                    )
                else:
                    messages.success(
                        request,
                        f"{result.stored:,} comparator figures were stored "
                        f"({result.suppressed:,} suppressed or missing figures skipped).",
                    )
                    return redirect("indicators:comparators")
    context = {"errors": errors, "problems": result.problems[:200] if result else [], "indicators": CATALOGUE.values()}
    return render(request, "indicators/comparators.html", context, status=400 if errors else 200)
