"""Pages for the date the deadline counts from: starting a plan (the date asked first, offered
from the report) and confirming or correcting it on an existing plan."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from inspire.core.plans import deadlines
from inspire.web.accounts.services import require_role
from inspire.web.improve import received, services
from inspire.web.improve.conflicts import conflict_shown, sent_version
from inspire.web.improve.pages import context, errors_from, plan_for
from inspire.web.read.models import Inspection
from inspire.web.toolkit.params import Params


def _prefilled(day: date | None) -> QueryDict:
    data = QueryDict(mutable=True)
    if day:
        data.update({"received-day": str(day.day), "received-month": str(day.month), "received-year": str(day.year)})
    return data


def _field(params: Params, suggestion: deadlines.Suggestion):
    return params.date_field(
        "received",
        legend="Date the report was published or sent to you",
        hint=(
            f"The {deadlines.STATUTORY_WORKING_DAYS}-working-day deadline counts from this date. For example, 7 7 2016"
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_start(request: HttpRequest, inspection_pk: int) -> HttpResponse:
    """Start a plan: first the date the report was received, pre-filled from the report."""
    inspection = get_object_or_404(Inspection.objects.select_related("authority"), pk=inspection_pk)
    if inspection.authority is None:
        raise Http404("The inspection's authority is not known")
    require_role(user=request.user, authority=inspection.authority, role="editor")
    suggestion = received.received_suggestion(inspection)
    params = Params(request.POST if request.method == "POST" else _prefilled(suggestion.date))
    if request.method == "POST":
        without = request.POST.get("without") == "1"
        day = None if without else params.date("received", label="Date the report was received", required=True)
        if not params.errors:
            try:
                plan = received.plan_start(inspection=inspection, user=request.user, received=day)
            except ValidationError as error:
                errors_from(params, error, dates={"received": "received"})
            else:
                messages.success(
                    request,
                    "Plan started: every recommendation is an item."
                    + ("" if day else f" {deadlines.DEADLINE_UNKNOWN}."),
                )
                return redirect("plans:plan_detail", pk=plan.pk)
    return render(
        request,
        "plans/received.html",
        {
            "inspection": inspection,
            "suggestion": suggestion,
            "params": params,
            "errors": params.summary(),
            "field": _field(params, suggestion),
            "document": received.plan_document(inspection),
            "rule": deadlines.RULE_SOURCE,
            "starting": True,
            "nav_active": "plans:plan_list",
        },
        status=400 if params.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_received(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm or correct the date a plan's deadline counts from."""
    plan, role = plan_for(request, pk, role="editor")
    suggestion = received.received_suggestion(plan.inspection)
    params = Params(request.POST if request.method == "POST" else _prefilled(plan.received or suggestion.date))
    conflict_panel = None
    if request.method == "POST":
        day = params.date("received", label="Date the report was received", required=True)
        if not params.errors:
            try:
                received.received_confirm(plan=plan, user=request.user, received=day, version=sent_version(params))
            except ValidationError as error:
                errors_from(params, error, dates={"received": "received"})
            except services.EditConflict as conflict:
                conflict_panel = conflict_shown(params, conflict, {"received": "Date received"})
            else:
                messages.success(request, f"Date confirmed. {plan.deadline_line}")
                return redirect("plans:plan_detail", pk=plan.pk)
    return render(
        request,
        "plans/received.html",
        context(
            plan,
            role,
            inspection=plan.inspection,
            suggestion=suggestion,
            params=params,
            errors=params.summary(),
            field=_field(params, suggestion),
            document=received.plan_document(plan.inspection),
            rule=deadlines.RULE_SOURCE,
            starting=False,
            conflict=conflict_panel,
            version=params.data.get("version") or plan.version,
        ),
        status=409 if conflict_panel else 400 if params.errors else 200,
    )
