"""The plans part of the JSON API (``/api/plans``), for signed-in users, with the same
permission checks as the pages: a user sees and changes only their own authorities' plans, and
viewers change nothing. Errors have the API's one shape (``toolkit.errors.ErrorOut``):
``{"detail", "hint"?, "errors": [{"location", "message"}]}``; a refused change (422) names each
field refused in ``errors`` (``body.status``...) as well as in ``detail``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db.models import QuerySet
from ninja import Field, Path, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth
from pydantic import ConfigDict

from inspire.core.errors import FieldError, PlanError
from inspire.core.plans.rag import MILESTONE_STATUSES, POLARITIES
from inspire.web.accounts.services import authority_role
from inspire.web.improve import selectors, services
from inspire.web.improve.models import Action, Measure, Milestone, Plan, PlanItem
from inspire.web.toolkit.errors import ErrorOut

router = Router(auth=django_auth, tags=["plans"])

#: A stored id: bounded so every value fits the databases' integer columns.
Id = Path(..., ge=1, le=2**31 - 1)


class ChangeOut(Schema):
    version: int | None = Field(description="The version the save made")
    by: str
    when: datetime
    field: str
    before: str
    after: str


class ConflictOut(ErrorOut):
    """A save refused because the object changed after the version it was based on. Nothing
    was written; ``current`` is the object as stored now and ``changes`` the saves since the
    version sent. Send the PATCH again with ``version`` to replace them."""

    version: int = Field(description="The version stored now")
    current: dict
    changes: list[ChangeOut]


ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
#: a PATCH's answers besides 200
PATCH_ERRORS = {**ERRORS, 409: ConflictOut}
#: the version a PATCH sends: the one it read (GET), so a save over someone else's newer one is refused
Version = Field(
    ...,
    ge=1,
    le=2**31 - 1,
    description="The version you read (from GET); if the stored one is newer, "
    "nothing is written and the answer is 409 with it",
)


class PlanOut(Schema):
    id: int
    version: int
    title: str
    authority: str
    inspection_id: int
    received: date | None = Field(
        description="The date the report was received, once a person confirmed it; null until then"
    )
    deadline: date | None = Field(
        description="70 working days after the confirmed received date; null while "
        "no date is confirmed (never counted from an unconfirmed date)"
    )
    deadline_counts_from: str = Field(description="What the deadline counts from, or that it is not yet known")
    rag: str


class MilestoneOut(Schema):
    id: int
    version: int
    label: str
    text: str
    owner: str
    target_date: date | None
    timescale: str
    status: str = Field(description="As set: not_started, on_track, at_risk, complete")
    shown_status: str = Field(description="As shown today: overdue when past its target date and not complete")
    evidence: str


class ActionOut(Schema):
    id: int
    version: int
    ref: str
    text: str
    lead: str
    target_date: date | None
    milestones: list[MilestoneOut]


class ItemOut(Schema):
    id: int
    version: int
    ref: str
    title: str
    recommendation: str | None = Field(description="'la 3' or 'lscb 2'; null for the council's own item")
    themes: list[str]
    rag: str
    rag_reason: str
    actions: list[ActionOut]


class PlanDetail(PlanOut):
    items: list[ItemOut]


class MilestoneIn(Schema):
    """Only these fields; any other is refused (422 naming it), as is a body that is not an object."""

    model_config = ConfigDict(extra="forbid")

    version: int = Version
    text: str | None = Field(None, min_length=1, max_length=5000)
    status: Literal[MILESTONE_STATUSES] | None = None  # type: ignore[valid-type]
    evidence: str | None = Field(None, max_length=5000)
    owner: str | None = Field(None, max_length=300)
    target_date: date | None = None


class ProgressIn(Schema):
    model_config = ConfigDict(extra="forbid")

    date: date
    text: str = Field(..., min_length=1, max_length=20000)


class ProgressOut(Schema):
    id: int
    date: date
    text: str


def _plan(request, pk: int) -> Plan:
    plan = Plan.objects.select_related("authority", "inspection").filter(pk=pk).first()
    if plan is None or authority_role(user=request.user, authority=plan.authority) is None:
        raise HttpError(404, f"No plan {pk}")
    return plan


class Conflict(Exception):
    """A refused save: the endpoint answers 409 with ``body``, in the API's error shape."""

    def __init__(self, body: dict):
        super().__init__(body["detail"])
        self.body = body


def _write(call, shown=None):
    """Run a service; its refusals become the API's errors. ``shown`` gives a conflicting
    object's output (the same as a successful PATCH gives)."""
    try:
        return call()
    except PermissionDenied as error:
        raise HttpError(403, str(error)) from None
    except ValidationError as error:  # the API maps PlanError, as every InspireError, to 422 in its one shape
        fields = error.message_dict.items()
        detail = "; ".join(f"{field}: {messages[0]}" for field, messages in fields)
        raise PlanError(
            detail,
            errors=[
                FieldError("body" if field == NON_FIELD_ERRORS else f"body.{field}", message)
                for field, messages in fields
                for message in messages
            ],
        ) from None
    except services.EditConflict as error:
        changes = [
            {
                "version": e.version,
                "by": e.user.get_username() if e.user else "",
                "when": e.when,
                "field": e.field,
                "before": e.before,
                "after": e.after,
            }
            for e in error.changes
        ]
        detail = f"{error}. Read the changes, then send your PATCH again with version {error.version} to replace them"
        raise Conflict(
            {
                "detail": detail,
                "errors": [],
                "version": error.version,
                "current": shown(error.current) if shown else {},
                "changes": changes,
            }
        ) from None


def _part(plan: Plan, found: QuerySet, pk: int, name: str):
    """The ``name`` (item, action, milestone, measure) with id ``pk`` among ``found`` (the plan's),
    or 404."""
    part = found.filter(pk=pk).first()
    if part is None:
        raise HttpError(404, f"Plan {plan.pk} has no {name} {pk}")
    return part


def _action_out(action: Action) -> dict:
    return {
        "id": action.pk,
        "version": action.version,
        "ref": action.ref,
        "text": action.text,
        "lead": action.lead.name if action.lead else "",
        "target_date": action.target_date,
        "timescale": action.timescale,
    }


def _milestone_out(milestone: Milestone, shown_status: str) -> dict:
    return {
        "id": milestone.pk,
        "version": milestone.version,
        "label": milestone.label,
        "text": milestone.text,
        "owner": milestone.owner.name if milestone.owner else "",
        "target_date": milestone.target_date,
        "timescale": milestone.timescale,
        "status": milestone.status,
        "shown_status": shown_status,
        "evidence": milestone.evidence,
    }


def _summary(plan: Plan) -> dict:
    status = selectors.plan_status(plan=plan, as_at=date.today())
    return {
        "id": plan.pk,
        "version": plan.version,
        "title": plan.title,
        "authority": plan.authority.name,
        "inspection_id": plan.inspection_id,
        "received": plan.received,
        "deadline": plan.deadline,
        "deadline_counts_from": plan.deadline_counts_from,
        "rag": status.rag.rag,
    }


@router.get("", response={200: list[PlanOut], **ERRORS})
def list_plans(request):
    """The plans of the authorities you belong to."""
    return [_summary(p) for p in selectors.plans_for_user(user=request.user)]


@router.get("/{plan_id}", response={200: PlanDetail, **ERRORS})
def get_plan(request, plan_id: int = Id):
    """A plan with its items, actions and milestones, and each item's RAG as shown today."""
    plan = _plan(request, plan_id)
    status = selectors.plan_status(plan=plan, as_at=date.today())
    items = []
    for entry in status.items:
        item = entry.item
        rec = item.recommendation
        items.append(
            {
                "id": item.pk,
                "version": item.version,
                "ref": item.ref,
                "title": item.title,
                "recommendation": f"{rec.section} {rec.ordinal}" if rec else None,
                "themes": [t.code for t in item.themes.all()],
                "rag": entry.rag.rag,
                "rag_reason": entry.rag.reason,
                "actions": [
                    {
                        **_action_out(a),
                        "milestones": [_milestone_out(m, entry.milestone_statuses[m.pk]) for m in a.milestones.all()],
                    }
                    for a in item.actions.all()
                ],
            }
        )
    return {**_summary(plan), "items": items}


def _milestone_now(milestone: Milestone) -> dict:
    return _milestone_out(milestone, milestone.shown_status(date.today()))


@router.patch("/{plan_id}/milestones/{milestone_id}", response={200: MilestoneOut, **PATCH_ERRORS})
def update_milestone(request, body: MilestoneIn, plan_id: int = Id, milestone_id: int = Id):
    """Change a milestone's words, status, evidence, owner or target date (editors and admins).
    Only the fields sent are written, and only if the milestone is still at ``version``."""
    plan = _plan(request, plan_id)
    milestone = _part(
        plan, Milestone.objects.select_related("owner").filter(action__item__plan=plan), milestone_id, "milestone"
    )
    changes = body.dict(exclude_unset=True)
    try:
        _write(lambda: services.milestone_update(milestone=milestone, user=request.user, **changes), _milestone_now)
    except Conflict as conflict:
        return Status(409, conflict.body)
    milestone.refresh_from_db()
    return _milestone_now(milestone)


class ActionIn(Schema):
    """Only these fields; any other is refused (422 naming it), as is a body that is not an object."""

    model_config = ConfigDict(extra="forbid")

    version: int = Version
    text: str | None = Field(None, min_length=1, max_length=5000)
    lead: str | None = Field(None, max_length=300)
    target_date: date | None = None
    timescale: str | None = Field(None, max_length=300)


class ActionChanged(Schema):
    id: int
    version: int
    ref: str
    text: str
    lead: str
    target_date: date | None
    timescale: str


@router.patch("/{plan_id}/actions/{action_id}", response={200: ActionChanged, **PATCH_ERRORS})
def update_action(request, body: ActionIn, plan_id: int = Id, action_id: int = Id):
    """Change an action's words, lead, target date or timescale (editors and admins). Only the
    fields sent are written, and only if the action is still at ``version``."""
    plan = _plan(request, plan_id)
    action = _part(plan, Action.objects.select_related("lead").filter(item__plan=plan), action_id, "action")
    changes = body.dict(exclude_unset=True)
    try:
        _write(lambda: services.action_update(action=action, user=request.user, **changes), _action_out)
    except Conflict as conflict:
        return Status(409, conflict.body)
    action.refresh_from_db()
    return _action_out(action)


class MeasureIn(Schema):
    """A measure of success. Leave ``polarity`` out to have it worked out from baseline and target
    (a contradicting one is refused); give ``indicator`` (an id of the indicator catalogue) to take
    the values from the council's data."""

    model_config = ConfigDict(extra="forbid")

    description: str = Field(..., min_length=1, max_length=5000)
    unit: str = Field("", max_length=20)
    baseline: float | None = None
    baseline_date: date | None = None
    target: float | None = None
    target_date: date | None = None
    polarity: Literal[tuple(POLARITIES)] | None = None  # type: ignore[valid-type]
    indicator: str = Field("", max_length=60)


class ValueOut(Schema):
    date: date
    value: float


class MeasureOut(Schema):
    id: int
    description: str
    unit: str
    baseline: float | None
    target: float | None
    target_date: date | None
    polarity: str
    indicator: str = Field(description="The indicator the values come from; blank when they are entered by hand")
    values: list[ValueOut]


class ValueIn(Schema):
    model_config = ConfigDict(extra="forbid")

    date: date
    value: float


def _measure_out(measure: Measure) -> dict:
    return {
        "id": measure.pk,
        "description": measure.description,
        "unit": measure.unit,
        "baseline": measure.baseline,
        "target": measure.target,
        "target_date": measure.target_date,
        "polarity": measure.polarity,
        "indicator": measure.indicator,
        "values": [{"date": v.date, "value": v.value} for v in selectors.measure_values(measure)],
    }


@router.post("/{plan_id}/items/{item_id}/measures", response={201: MeasureOut, **ERRORS})
def add_measure(request, body: MeasureIn, plan_id: int = Id, item_id: int = Id):
    """Add a measure of success to an item (editors and admins)."""
    plan = _plan(request, plan_id)
    item = _part(plan, PlanItem.objects.filter(plan=plan), item_id, "item")
    fields = body.dict()
    fields["polarity"] = fields["polarity"] or ""
    measure = _write(lambda: services.measure_create(item=item, user=request.user, **fields))
    return Status(201, _measure_out(measure))


@router.post("/{plan_id}/measures/{measure_id}/values", response={201: MeasureOut, **ERRORS})
def add_measure_value(request, body: ValueIn, plan_id: int = Id, measure_id: int = Id):
    """Record a measure's value (refused for a measure whose values come from an indicator)."""
    plan = _plan(request, plan_id)
    measure = _part(
        plan, Measure.objects.select_related("item__plan__authority").filter(item__plan=plan), measure_id, "measure"
    )
    _write(lambda: services.measure_value_record(measure=measure, user=request.user, date=body.date, value=body.value))
    return Status(201, _measure_out(measure))


@router.post("/{plan_id}/items/{item_id}/progress", response={201: ProgressOut, **ERRORS})
def add_progress(request, body: ProgressIn, plan_id: int = Id, item_id: int = Id):
    """Add a dated progress and impact update to an item (editors and admins). Updates are never changed."""
    plan = _plan(request, plan_id)
    item = _part(plan, PlanItem.objects.filter(plan=plan), item_id, "item")
    update = _write(lambda: services.progress_add(item=item, user=request.user, date=body.date, text=body.text))
    return Status(201, {"id": update.pk, "date": update.date, "text": update.text})
