"""An item's page: its actions and milestones with per-row status forms, measures and their values,
progress updates, RAG overrides, judgement area, themes and outcomes, each form a handler of
:data:`ITEM_FORMS`; a milestone's status saved through htmx answers with just its row."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from inspire.core.indicators import CATALOGUE
from inspire.web.improve import selectors, services
from inspire.web.improve.conflicts import ITEM_FIELDS, MILESTONE_FIELDS, conflict_shown, sent_version
from inspire.web.improve.models import (
    JUDGEMENT_AREA_CHOICES,
    MILESTONE_STATUS_CHOICES,
    POLARITY_CHOICES,
    RAG_CHOICES,
    Action,
    Measure,
    Milestone,
    Plan,
    PlanItem,
)
from inspire.web.improve.pages import context, errors_from, people, plan_for, rag_key
from inspire.web.toolkit.forms import NamedForms
from inspire.web.toolkit.params import Params, whole_number

#: the item page's forms; ``dates``: each dated service field and its date input
ITEM_FORMS = NamedForms()


@login_required
@require_http_methods(["GET", "POST"])
def item_detail(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    plan, role = plan_for(request, pk)
    item = get_object_or_404(PlanItem, pk=item_pk, plan=plan)
    params = Params(request.POST if request.method == "POST" else request.GET)
    conflict = sent = None
    if request.method == "POST":
        form = request.POST.get("form", "")
        try:
            ITEM_FORMS.handle(form, request, params, plan, item)
        except ValidationError as error:
            errors_from(params, error, prefix=f"{form}-", dates=ITEM_FORMS.dates(form))
        except services.EditConflict as error:
            conflict = conflict_shown(params, error, MILESTONE_FIELDS if form == "status" else ITEM_FIELDS)
        if form in ("item", "status"):
            # what the user sent, shown again in its form when it was not saved (with the version
            # it was based on, or the stored one after a conflict)
            sent = {
                "form": form,
                "milestone": whole_number(params.data.get("milestone", "")),
                "version": params.data.get("version", ""),
                "status": params.data.get("status-status", ""),
                "evidence": params.data.get("status-evidence", ""),
                "area": params.data.get("item-area", ""),
                "themes": request.POST.getlist("item-themes"),
            }
        if form == "status" and request.headers.get("HX-Request") == "true":
            return _milestone_row(request, plan, role, params, conflict, sent)
        if not params.errors:
            messages.success(request, "Saved.")
            return redirect(request.path)
    as_at = (params.date("as_at", label="As at date") if request.method == "GET" else None) or date.today()
    status = selectors.item_status(selectors.plan_items(plan).get(pk=item.pk), as_at)
    return render(
        request,
        "plans/item_detail.html",
        context(
            plan,
            role,
            item=status.item,
            status=status,
            key_tables=rag_key(),
            errors=params.summary(),
            params=params,
            people=people(plan),
            statuses=MILESTONE_STATUS_CHOICES,
            rags=RAG_CHOICES,
            polarities=POLARITY_CHOICES,
            areas=JUDGEMENT_AREA_CHOICES,
            themes=plan.themes.all(),
            as_at=as_at,
            indicators=[(i.id, i.name) for i in CATALOGUE.values()],
            indicators_by_id={i.id: i.name for i in CATALOGUE.values()},
            manual_measures=[m for m in status.item.measures.all() if not m.indicator],
            progress_field=params.date_field("progress-date", legend="Date of the update"),
            action_field=params.date_field("action-target", legend="Target date"),
            milestone_field=params.date_field("milestone-target", legend="Target date"),
            measure_field=params.date_field("measure-target", legend="Target date"),
            value_field=params.date_field("value-date", legend="Date of the value"),
            conflict=conflict,
            sent=sent if params.errors else None,
        ),
        status=409 if conflict else 400 if params.errors else 200,
    )


def _milestone_row(
    request: HttpRequest, plan: Plan, role: str, params: Params, conflict: dict | None = None, sent: dict | None = None
) -> HttpResponse:
    """For htmx: just the milestone's row, saved or with its error; after a conflict, with the
    other person's change, what is stored now, and the user's own choice still in the form."""
    milestone = Milestone.objects.select_related("owner", "action").get(pk=params.data.get("milestone"))
    error = next(iter(params.errors.values()), "")
    return render(
        request,
        "plans/_milestone_row.html",
        context(
            plan,
            role,
            m=milestone,
            action=milestone.action,
            statuses=MILESTONE_STATUS_CHOICES,
            milestone_status=milestone.shown_status(date.today()),
            row_saved=not error,
            row_error=error,
            conflict=conflict,
            sent=sent if error else None,
        ),
        status=409 if conflict else 400 if error else 200,
    )


def _number(params: Params, name: str, label: str) -> float | None:
    raw = params.data.get(name, "").strip().rstrip("%")
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        params.errors[name] = f"{label} must be a number"
        return None


@ITEM_FORMS.form("progress", dates={"date": "progress-date"})
def _progress(request: HttpRequest, params: Params, plan: Plan, item: PlanItem) -> None:
    when = params.date("progress-date", label="Date of the update", required=True)
    text = params.data.get("progress-text", "").strip()
    if not text:
        params.errors["progress-text"] = "Describe the progress and its impact"
    if not params.errors:
        services.progress_add(item=item, user=request.user, date=when, text=text)


@ITEM_FORMS.form("override")
def _override(request: HttpRequest, params: Params, plan: Plan, item: PlanItem) -> None:
    services.rag_override_set(
        item=item,
        user=request.user,
        rag=params.data.get("override-rag", ""),
        reason=params.data.get("override-reason", ""),
    )


@ITEM_FORMS.form("action", dates={"target_date": "action-target"})
def _action(request: HttpRequest, params: Params, plan: Plan, item: PlanItem) -> None:
    target = params.date("action-target", label="Target date")
    if not params.errors:
        services.action_create(
            item=item,
            user=request.user,
            text=params.data.get("action-text", ""),
            lead=params.data.get("action-lead", ""),
            target_date=target,
        )


@ITEM_FORMS.form("milestone", dates={"target_date": "milestone-target"})
def _milestone(request: HttpRequest, params: Params, plan: Plan, item: PlanItem) -> None:
    action = Action.objects.filter(item=item, pk=params.data.get("milestone-action") or 0).first()
    target = params.date("milestone-target", label="Target date")
    if not params.errors:
        services.milestone_create(
            action=action,
            user=request.user,
            text=params.data.get("milestone-text", ""),
            owner=params.data.get("milestone-owner", ""),
            target_date=target,
        )


@ITEM_FORMS.form("status")
def _status(request: HttpRequest, params: Params, plan: Plan, item: PlanItem) -> None:
    milestone = get_object_or_404(Milestone, pk=whole_number(params.data.get("milestone", "")) or 0, action__item=item)
    services.milestone_update(
        milestone=milestone,
        user=request.user,
        status=params.data.get("status-status", ""),
        evidence=params.data.get("status-evidence", milestone.evidence),
        version=sent_version(params),
    )


@ITEM_FORMS.form("measure", dates={"target_date": "measure-target", "baseline_date": "measure-target"})
def _measure(request: HttpRequest, params: Params, plan: Plan, item: PlanItem) -> None:
    target = params.date("measure-target", label="Target date")
    baseline, goal = _number(params, "measure-baseline", "Baseline"), _number(params, "measure-goal", "Target")
    if not params.errors:
        services.measure_create(
            item=item,
            user=request.user,
            description=params.data.get("measure-description", ""),
            baseline=baseline,
            target=goal,
            target_date=target,
            polarity=params.data.get("measure-polarity", ""),
            unit=params.data.get("measure-unit", "").strip()[:20],
            indicator=params.data.get("measure-indicator", ""),
        )


@ITEM_FORMS.form("value", dates={"date": "value-date"})
def _value(request: HttpRequest, params: Params, plan: Plan, item: PlanItem) -> None:
    measure = get_object_or_404(Measure, pk=params.data.get("value-measure") or 0, item=item)
    when = params.date("value-date", label="Date of the value", required=True)
    value = _number(params, "value-value", "Value")
    if value is None and "value-value" not in params.errors:
        params.errors["value-value"] = "Enter the value"
    if not params.errors:
        services.measure_value_record(measure=measure, user=request.user, date=when, value=value)


@ITEM_FORMS.form("item")
def _item(request: HttpRequest, params: Params, plan: Plan, item: PlanItem) -> None:
    services.item_update(
        item=item,
        user=request.user,
        judgement_area=params.data.get("item-area", item.judgement_area),
        theme_codes=request.POST.getlist("item-themes"),
        version=sent_version(params),
    )


@ITEM_FORMS.form("outcomes")
def _outcomes(request: HttpRequest, params: Params, plan: Plan, item: PlanItem) -> None:
    from inspire.web.improve.governance import item_outcomes_set

    item_outcomes_set(
        item=item,
        user=request.user,
        outcomes=params.data.get("outcomes-text", ""),
        report_refs=params.data.get("outcomes-refs", ""),
    )
