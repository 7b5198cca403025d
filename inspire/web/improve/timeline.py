"""The priority timeline's dates on each overarching action (start, outcome achieved by): the
write, checked and audited like every plan change, and the page that shows and sets them."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods

from inspire.core.calendar import format_long
from inspire.core.plans import timeline as timeline_rules
from inspire.core.plans.model import ActionData, ItemData, MilestoneData, PlanData, ThemeData
from inspire.web.improve import audit, checks, selectors
from inspire.web.improve.models import Action, Plan
from inspire.web.toolkit.params import Params


def action_timeline_set(*, action: Action, user, start_date: date | None, outcome_by: date | None) -> Action:
    plan = action.item.plan
    audit.require_editor(plan, user)
    if start_date and outcome_by and outcome_by < start_date:
        raise ValidationError(
            {"outcome_by": f"{format_long(outcome_by)} is before the start ({format_long(start_date)})"}
        )
    checks.check_target(plan, outcome_by, "outcome_by")
    with transaction.atomic():
        audit.versioned_update(plan, user, action, {"start_date": start_date, "outcome_by": outcome_by})
    return action


def _skeleton(plan: Plan, items) -> PlanData:
    """Just what the timeline reads (themes, items, actions, milestone dates), from items already
    loaded with their prefetches (``selectors.plan_items``): no second pass over the plan."""
    return PlanData(
        plan.title,
        themes=[ThemeData(t.code, t.name) for t in plan.themes.all()],
        items=[
            ItemData(
                ref=i.ref,
                title=i.title,
                own=i.own,
                themes=[t.code for t in i.themes.all()],
                actions=[
                    ActionData(
                        ref=a.ref,
                        text=a.text,
                        target_date=a.target_date,
                        start_date=a.start_date,
                        outcome_by=a.outcome_by,
                        milestones=[
                            MilestoneData(m.ordinal, m.text, m.label, target_date=m.target_date)
                            for m in a.milestones.all()
                        ],
                    )
                    for a in i.actions.all()
                ],
            )
            for i in items
        ],
    )


def plan_timeline(plan: Plan, today: date | None = None, items=None) -> dict:
    """What a page needs to draw the timeline: the SVG (marked safe: built from escaped text)
    and the same rows as a table. ``items``: the plan's items already loaded, if any."""
    today = today or date.today()
    rows = timeline_rules.rows(_skeleton(plan, items if items is not None else selectors.plan_items(plan)))
    return {
        "timeline_svg": mark_safe(timeline_rules.svg(rows, today)),
        "timeline_rows": timeline_rules.table_rows(rows),
    }


@login_required
@require_http_methods(["GET", "POST"])
def timeline_page(request: HttpRequest, pk: int) -> HttpResponse:
    from inspire.web.improve.pages import context, errors_from, plan_for

    plan, role = plan_for(request, pk)
    params = Params(request.POST if request.method == "POST" else request.GET)
    if request.method == "POST":
        action = get_object_or_404(Action, pk=params.data.get("action") or 0, item__plan=plan)
        start = params.date(f"start-{action.pk}", label="Start date")
        end = params.date(f"outcome-{action.pk}", label="Outcome achieved by")
        if not params.errors:
            try:
                action_timeline_set(action=action, user=request.user, start_date=start, outcome_by=end)
            except ValidationError as error:
                errors_from(
                    params, error, dates={"outcome_by": f"outcome-{action.pk}", "start_date": f"start-{action.pk}"}
                )
        if not params.errors:
            messages.success(request, "Timeline saved.")
            return redirect(request.path)
    actions = list(Action.objects.filter(item__plan=plan).select_related("item").order_by("item__ordinal", "ordinal"))
    for action in actions:
        for prefix, value in ((f"start-{action.pk}", action.start_date), (f"outcome-{action.pk}", action.outcome_by)):
            if request.method == "GET" and value:
                params.data = params.data.copy()
                params.data.update(
                    {
                        f"{prefix}-day": str(value.day),
                        f"{prefix}-month": str(value.month),
                        f"{prefix}-year": str(value.year),
                    }
                )
        action.start_field = params.date_field(f"start-{action.pk}", legend="Date commenced")
        action.outcome_field = params.date_field(f"outcome-{action.pk}", legend="Expected outcome achieved by")
    return render(
        request,
        "plans/timeline.html",
        context(
            plan,
            role,
            actions=actions,
            params=params,
            errors=params.summary(),
            **plan_timeline(plan),
        ),
        status=400 if params.errors else 200,
    )
