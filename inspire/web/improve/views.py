"""Plan pages. Each view checks the user may see the plan's authority, parses the form, calls a
service and redirects (post/redirect/get), or shows the form again with GOV.UK error messages.
Every page works without JavaScript.

This module: the plan list, starting a plan, the plan page (its forms in :data:`PLAN_FORMS`),
editing an action or a milestone, a measure's chart. The other pages, by concern:
``item_views`` (an item), ``risk_views``, ``board_views`` (boards and packs), ``import_views``
(import and export), ``access_views`` (members and the audit trail), ``governance_views``,
``received_views``; what they share is in ``pages`` and ``conflicts``."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from inspire.core.plans import charts
from inspire.core.reading.record import AREA_FAMILIES
from inspire.web.accounts.services import person_get_or_create, require_role
from inspire.web.improve import selectors, services
from inspire.web.improve.conflicts import ACTION_FIELDS, MILESTONE_FIELDS, PLAN_FIELDS, conflict_shown, sent_version
from inspire.web.improve.models import MILESTONE_STATUS_CHOICES, Action, Measure, Milestone, Plan
from inspire.web.improve.pages import context, errors_from, initial, people, plan_for, rag_key
from inspire.web.read.models import Inspection
from inspire.web.toolkit.forms import NamedForms
from inspire.web.toolkit.params import Params

#: the plan page's forms
PLAN_FORMS = NamedForms()


@login_required
@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = selectors.plans_for_user(user=request.user)
    inspections = selectors.inspections_for_new_plan(user=request.user)
    return render(
        request, "plans/plan_list.html", {"plans": plans, "inspections": inspections, "nav_active": "plans:plan_list"}
    )


@login_required
@require_http_methods(["POST"])
def plan_new(request: HttpRequest) -> HttpResponse:
    """Starting a plan asks first for the date the deadline counts from (``received_views``)."""
    inspection = get_object_or_404(
        Inspection.objects.select_related("authority"), pk=request.POST.get("inspection") or 0
    )
    if inspection.family not in AREA_FAMILIES:
        return redirect("plans:plan_start", inspection_pk=inspection.pk)
    # an area inspection's deadline is the date its report states: no received date to confirm first
    priority_only = request.POST.get("priority_only") == "yes"
    try:
        plan = services.plan_create(inspection=inspection, created_by=request.user, priority_only=priority_only)
    except ValidationError as error:
        messages.error(request, f"The plan was not started: {'; '.join(error.messages)}.")
        return redirect("plans:plan_list")
    if priority_only:
        messages.success(
            request,
            "Plan started from the report's areas for priority action: each is an item, "
            "owned by the responsible body the report names.",
        )
    else:
        messages.success(request, "Plan started: every recommendation is an item.")
    return redirect("plans:plan_detail", pk=plan.pk)


@login_required
@require_http_methods(["GET", "POST"])
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan, role = plan_for(request, pk)
    params = Params(request.POST if request.method == "POST" else request.GET)
    form = request.POST.get("form", "")
    conflict = None
    if request.method == "POST":
        try:
            PLAN_FORMS.handle(form, request, params, plan)
        except ValidationError as error:
            errors_from(params, error)
        except services.EditConflict as error:
            plan = error.current
            conflict = conflict_shown(params, error, PLAN_FIELDS)
        if not params.errors:
            messages.success(request, "Saved.")
            return redirect(request.path)
    as_at = params.date("as_at", label="As at date") if request.method == "GET" else None
    status = selectors.plan_status(plan=plan, as_at=as_at or date.today())
    return render(
        request,
        "plans/plan_detail.html",
        context(
            plan,
            role,
            status=status,
            key_tables=rag_key(),
            errors=params.summary(),
            params=params,
            as_at_field=params.date_field("as_at", legend="Show status as at", hint="For example, 6 12 2016"),
            people=people(plan),
            themes=plan.themes.all(),
            conflict=conflict,
            **_timeline(plan, [s.item for s in status.items]),
        ),
        status=409 if conflict else 400 if params.errors else 200,
    )


def _timeline(plan: Plan, items) -> dict:
    from inspire.web.improve.timeline import plan_timeline

    return plan_timeline(plan, items=items)


@PLAN_FORMS.form("theme")
def _theme(request: HttpRequest, params: Params, plan: Plan) -> None:
    services.theme_create(
        plan=plan,
        user=request.user,
        code=params.text("code", max_length=10, label="Code"),
        name=params.text("name", label="Theme name"),
    )


@PLAN_FORMS.form("item")
def _item(request: HttpRequest, params: Params, plan: Plan) -> None:
    services.item_create(
        plan=plan,
        user=request.user,
        title=params.text("title", max_length=2000, label="Item"),
        ref=params.text("ref", max_length=40, label="Reference"),
        theme_codes=request.POST.getlist("themes"),
    )


@PLAN_FORMS.form("person")
def _person(request: HttpRequest, params: Params, plan: Plan) -> None:
    require_role(user=request.user, authority=plan.authority, role="editor")
    name = params.text("person", max_length=300, label="Name")
    if not name:
        params.errors["person"] = "Enter the person's name or post"
    else:
        person_get_or_create(authority=plan.authority, name=name)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request: HttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    """Change a milestone: its words, owner, target date, status and evidence."""
    plan, role = plan_for(request, pk, role="editor")
    milestone = get_object_or_404(
        Milestone.objects.select_related("action__item", "owner"), pk=milestone_pk, action__item__plan=plan
    )
    params = Params(
        request.POST
        if request.method == "POST"
        else initial(
            {
                "text": milestone.text,
                "owner": milestone.owner.name if milestone.owner else "",
                "status": milestone.status,
                "evidence": milestone.evidence,
                "version": str(milestone.version),
            },
            target=milestone.target_date,
        )
    )
    conflict = None
    if request.method == "POST":
        target = params.date("target", label="Target date")
        if not params.errors:
            try:
                services.milestone_update(
                    milestone=milestone,
                    user=request.user,
                    text=params.data.get("text", ""),
                    owner=params.data.get("owner", ""),
                    target_date=target,
                    status=params.data.get("status", ""),
                    evidence=params.data.get("evidence", ""),
                    version=sent_version(params),
                )
            except ValidationError as error:
                errors_from(params, error, dates={"target_date": "target"})
            except services.EditConflict as error:
                conflict = conflict_shown(params, error, MILESTONE_FIELDS)
        if not params.errors:
            messages.success(request, "Milestone saved.")
            return redirect("plans:item_detail", pk=plan.pk, item_pk=milestone.action.item.pk)
    return render(
        request,
        "plans/milestone_edit.html",
        context(
            plan,
            role,
            milestone=milestone,
            params=params,
            errors=params.summary(),
            people=people(plan),
            statuses=MILESTONE_STATUS_CHOICES,
            target_field=params.date_field("target", legend="Target date", hint="For example, 30 11 2016"),
            conflict=conflict,
        ),
        status=409 if conflict else 400 if params.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    """Change an action: its words, lead, target date and timescale as written."""
    plan, role = plan_for(request, pk, role="editor")
    action = get_object_or_404(Action.objects.select_related("item", "lead"), pk=action_pk, item__plan=plan)
    conflict = None
    if request.method == "POST":
        params = Params(request.POST)
        target = params.date("target", label="Target date")
        if not params.errors:
            try:
                timescale = params.data.get("timescale", "").strip()
                services.action_update(
                    action=action,
                    user=request.user,
                    text=params.data.get("text", ""),
                    lead=params.data.get("lead", ""),
                    target_date=target,
                    version=sent_version(params),
                    **({"timescale": timescale} if timescale else {}),
                )
            except ValidationError as error:
                errors_from(params, error, dates={"target_date": "target"})
            except services.EditConflict as error:
                conflict = conflict_shown(params, error, ACTION_FIELDS)
        if not params.errors:
            messages.success(request, "Action saved.")
            return redirect("plans:item_detail", pk=plan.pk, item_pk=action.item.pk)
    else:
        params = Params(
            initial(
                {
                    "text": action.text,
                    "lead": action.lead.name if action.lead else "",
                    "timescale": action.timescale,
                    "version": str(action.version),
                },
                target=action.target_date,
            )
        )
    return render(
        request,
        "plans/action_edit.html",
        context(
            plan,
            role,
            action=action,
            params=params,
            errors=params.summary(),
            people=people(plan),
            target_field=params.date_field("target", legend="Target date", hint="For example, 31 3 2017"),
            conflict=conflict,
        ),
        status=409 if conflict else 400 if params.errors else 200,
    )


@login_required
@require_GET
def measure_chart(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    plan, _ = plan_for(request, pk)
    measure = get_object_or_404(Measure, pk=measure_pk, item__plan=plan)
    return HttpResponse(charts.png(selectors.measure_data(measure)), content_type="image/png")
