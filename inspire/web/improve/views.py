"""Plan pages. Each view checks the user may see the plan's authority, parses the form, calls a
service and redirects (post/redirect/get), or shows the form again with GOV.UK error messages.
Every page works without JavaScript."""

from __future__ import annotations

import base64
import io
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods

from inspire.core.cells import csv_writer
from inspire.core.errors import PlanImportError
from inspire.core.indicators import CATALOGUE
from inspire.core.plans import board_pack, charts, excel
from inspire.core.plans import rag as rag_rules
from inspire.core.plans import risk as risk_rules
from inspire.core.plans.model import clear_dates_before
from inspire.core.calendar import format_long
from inspire.core.reading.record import AREA_FAMILIES
from inspire.core.limits import LimitExceeded, check_package, run_bounded
from inspire.core.plans.upload import read_plan_upload
from inspire.core.plans.matching import RecommendationRef, match_recommendations
from inspire.web.accounts.models import ROLE_ORDER, Person
from inspire.web.accounts.services import authority_role, person_get_or_create, require_role
from inspire.web.read.models import Inspection
from inspire.web.toolkit.params import Params, whole_number
from inspire.web.toolkit.uploads import reading_bounds
from inspire.web.improve import selectors, services
from inspire.web.improve.models import (
    BOARD_KIND_CHOICES,
    JUDGEMENT_AREA_CHOICES,
    LEVEL_CHOICES,
    MILESTONE_STATUS_CHOICES,
    POLARITY_CHOICES,
    RAG_CHOICES,
    Action,
    AuditEntry,
    Board,
    Measure,
    Meeting,
    Milestone,
    Plan,
    PlanItem,
    Risk,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_IMPORT_BYTES = 10 * 1024 * 1024


# --- helpers ------------------------------------------------------------------------------------


def _plan_for(request: HttpRequest, pk: int, role: str = "viewer") -> tuple[Plan, str]:
    plan = get_object_or_404(Plan.objects.select_related("authority", "inspection"), pk=pk)
    have = authority_role(user=request.user, authority=plan.authority)
    if have is None:
        raise Http404("No plan with that number")  # do not reveal other councils' plans
    if ROLE_ORDER[have] < ROLE_ORDER[role]:
        raise PermissionDenied(f"your role for {plan.authority.name} is {have}")
    return plan, have


def _errors_from(params: Params, error: ValidationError, prefix: str = "", dates: dict[str, str] | None = None) -> None:
    """Show a service's errors against their inputs; ``dates`` maps a service field to the
    date input (``{"target_date": "target"}``) whose day box carries the message."""
    for field, messages_ in error.message_dict.items():
        name = f"{(dates or {})[field]}-day" if field in (dates or {}) else f"{prefix}{field}"
        params.errors[name] = f"{messages_[0][0].upper()}{messages_[0][1:]}"


#: each item form's dated service field and its date input
_ITEM_DATES = {"progress": {"date": "progress-date"}, "action": {"target_date": "action-target"},
               "milestone": {"target_date": "milestone-target"},
               "measure": {"target_date": "measure-target", "baseline_date": "measure-target"},
               "value": {"date": "value-date"}}


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _context(plan: Plan, role: str, **more) -> dict:
    return {"plan": plan, "role": role, "can_edit": ROLE_ORDER[role] >= ROLE_ORDER["editor"],
            "is_admin": role == "admin", "nav_active": "plans:plan_list", **more}


def _people(plan: Plan):
    return Person.objects.filter(authority=plan.authority)


def _key():
    """The two keys for ``plans/_key.html``: the items' rules, then the plan's."""
    key = rag_rules.key()
    return [("Items", key["items"]), ("The plan", key["plan"])]


# --- two people editing at once -----------------------------------------------------------------

#: the fields each edit form shows, as its labels name them (for a conflict's "what is stored now")
PLAN_FIELDS = {"title": "Title", "received": "Date the report was received"}
ITEM_FIELDS = {"judgement_area": "Judgement area", "themes": "Themes"}
ACTION_FIELDS = {"text": "Overarching action", "lead": "Lead", "target_date": "Target date",
                 "timescale": "Timescale as written"}
MILESTONE_FIELDS = {"text": "Milestone", "owner": "Owner", "target_date": "Target date", "status": "Status",
                    "evidence": "Evidence of completion"}
RISK_FIELDS = {"description": "Risk", "impact": "Impact", "likelihood": "Likelihood",
               "revised_impact": "Revised impact", "revised_likelihood": "Revised likelihood",
               "mitigations": "Mitigations", "owner": "Owner",
               "review_date": "Review date"}


def _sent_version(params: Params) -> int:
    """The version of the object the form was filled from; 0 (which no object has, so the save
    is refused as a conflict and the stored values shown) when the form did not say."""
    return whole_number(params.data.get("version", "").strip()) or 0


def _words(obj, name: str, value: str) -> str:
    """A stored or audited value as the form's options word it ("on_track" is "On track")."""
    try:
        choices = dict(obj._meta.get_field(name).flatchoices)
    except FieldDoesNotExist:
        return value
    return str(choices.get(value, value))


def _stored_value(obj, name: str) -> str:
    if name == "themes":
        return ", ".join(t.code for t in obj.themes.all())
    value = getattr(obj, name)
    if value is None or value == "":
        return ""
    if isinstance(value, date):
        return format_long(value)
    return _words(obj, name, str(value))


def _conflict(params: Params, conflict: services.EditConflict, fields: dict[str, str]) -> dict:
    """Show a refused save: the message in the error summary (linking to the panel that shows the
    other person's change and what is stored now), the user's own input kept in the form, and the
    stored version in it, so that saving again is a choice made knowing the other change."""
    params.data = params.data.copy()
    params.data["version"] = str(conflict.version)
    params.errors["conflict"] = (f"Someone else changed this {conflict.what} while you were editing it, so your "
                                 "changes have not been saved. Check their change, then save again to replace it "
                                 "with yours")
    return _conflict_panel(conflict, fields)


def _conflict_panel(conflict: services.EditConflict, fields: dict[str, str]) -> dict:
    current = conflict.current
    saves: dict[int | None, dict] = {}
    for entry in conflict.changes:
        when = timezone.localtime(entry.when)
        save = saves.setdefault(entry.version, {
            "who": entry.user.get_username() if entry.user else "Someone no longer a user",
            "when": f"{format_long(when.date())} at {when:%H:%M}", "fields": []})
        save["fields"].append((fields.get(entry.field, entry.field.replace("_", " ").capitalize()),
                               _words(current, entry.field, entry.before), _words(current, entry.field, entry.after)))
    return {"what": conflict.what, "version": conflict.version, "saves": list(saves.values()),
            "stored": [(label, _stored_value(current, name)) for name, label in fields.items()]}


# --- list and create ----------------------------------------------------------------------------


@login_required
@require_GET
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = selectors.plans_for_user(user=request.user)
    inspections = selectors.inspections_for_new_plan(user=request.user)
    return render(request, "plans/plan_list.html", {"plans": plans, "inspections": inspections,
                                                    "nav_active": "plans:plan_list"})


@login_required
@require_http_methods(["POST"])
def plan_new(request: HttpRequest) -> HttpResponse:
    """Starting a plan asks first for the date the deadline counts from (``received_views``)."""
    inspection = get_object_or_404(Inspection.objects.select_related("authority"), pk=request.POST.get("inspection") or 0)
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
        messages.success(request, "Plan started from the report's areas for priority action: each is an item, "
                                  "owned by the responsible body the report names.")
    else:
        messages.success(request, "Plan started: every recommendation is an item.")
    return redirect("plans:plan_detail", pk=plan.pk)


# --- the plan page ------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan, role = _plan_for(request, pk)
    params = Params(request.POST if request.method == "POST" else request.GET)
    form = request.POST.get("form", "")
    conflict = None
    if request.method == "POST":
        try:
            if form == "theme":
                services.theme_create(plan=plan, user=request.user, code=params.text("code", max_length=10, label="Code"),
                                      name=params.text("name", label="Theme name"))
            elif form == "item":
                services.item_create(plan=plan, user=request.user, title=params.text("title", max_length=2000, label="Item"),
                                     ref=params.text("ref", max_length=40, label="Reference"),
                                     theme_codes=request.POST.getlist("themes"))
            elif form == "person":
                require_role(user=request.user, authority=plan.authority, role="editor")
                name = params.text("person", max_length=300, label="Name")
                if not name:
                    params.errors["person"] = "Enter the person's name or post"
                else:
                    person_get_or_create(authority=plan.authority, name=name)
            else:
                raise Http404("Unknown form")
        except ValidationError as error:
            _errors_from(params, error)
        except services.EditConflict as error:
            plan = error.current
            conflict = _conflict(params, error, PLAN_FIELDS)
        if not params.errors:
            messages.success(request, "Saved.")
            return redirect(request.path)
    as_at = params.date("as_at", label="As at date") if request.method == "GET" else None
    status = selectors.plan_status(plan=plan, as_at=as_at or date.today())
    return render(request, "plans/plan_detail.html", _context(
        plan, role, status=status, key_tables=_key(), errors=params.summary(), params=params,
        as_at_field=params.date_field("as_at", legend="Show status as at", hint="For example, 6 12 2016"),
        people=_people(plan), themes=plan.themes.all(), conflict=conflict,
        **_timeline(plan, [s.item for s in status.items]),
    ), status=409 if conflict else 400 if params.errors else 200)


def _timeline(plan: Plan, items) -> dict:
    from inspire.web.improve.timeline import plan_timeline

    return plan_timeline(plan, items=items)


# --- an item ------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def item_detail(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    plan, role = _plan_for(request, pk)
    item = get_object_or_404(PlanItem, pk=item_pk, plan=plan)
    params = Params(request.POST if request.method == "POST" else request.GET)
    conflict = sent = None
    if request.method == "POST":
        form = request.POST.get("form", "")
        try:
            _item_form(request, params, form, plan, item)
        except ValidationError as error:
            _errors_from(params, error, prefix=f"{form}-", dates=_ITEM_DATES.get(form))
        except services.EditConflict as error:
            conflict = _conflict(params, error, MILESTONE_FIELDS if form == "status" else ITEM_FIELDS)
        if form in ("item", "status"):
            # what the user sent, shown again in its form when it was not saved (with the version
            # it was based on, or the stored one after a conflict)
            sent = {"form": form, "milestone": whole_number(params.data.get("milestone", "")),
                    "version": params.data.get("version", ""), "status": params.data.get("status-status", ""),
                    "evidence": params.data.get("status-evidence", ""), "area": params.data.get("item-area", ""),
                    "themes": request.POST.getlist("item-themes")}
        if form == "status" and request.headers.get("HX-Request") == "true":
            return _milestone_row(request, plan, role, params, conflict, sent)
        if not params.errors:
            messages.success(request, "Saved.")
            return redirect(request.path)
    as_at = (params.date("as_at", label="As at date") if request.method == "GET" else None) or date.today()
    status = selectors.item_status(selectors.plan_items(plan).get(pk=item.pk), as_at)
    return render(request, "plans/item_detail.html", _context(
        plan, role, item=status.item, status=status, key_tables=_key(), errors=params.summary(), params=params,
        people=_people(plan), statuses=MILESTONE_STATUS_CHOICES, rags=RAG_CHOICES, polarities=POLARITY_CHOICES,
        areas=JUDGEMENT_AREA_CHOICES, themes=plan.themes.all(), as_at=as_at,
        indicators=[(i.id, i.name) for i in CATALOGUE.values()], indicators_by_id={i.id: i.name for i in CATALOGUE.values()},
        manual_measures=[m for m in status.item.measures.all() if not m.indicator],
        progress_field=params.date_field("progress-date", legend="Date of the update"),
        action_field=params.date_field("action-target", legend="Target date"),
        milestone_field=params.date_field("milestone-target", legend="Target date"),
        measure_field=params.date_field("measure-target", legend="Target date"),
        value_field=params.date_field("value-date", legend="Date of the value"),
        conflict=conflict, sent=sent if params.errors else None,
    ), status=409 if conflict else 400 if params.errors else 200)


def _milestone_row(request: HttpRequest, plan: Plan, role: str, params: Params, conflict: dict | None = None,
                   sent: dict | None = None) -> HttpResponse:
    """For htmx: just the milestone's row, saved or with its error; after a conflict, with the
    other person's change, what is stored now, and the user's own choice still in the form."""
    milestone = Milestone.objects.select_related("owner", "action").get(pk=params.data.get("milestone"))
    error = next(iter(params.errors.values()), "")
    return render(request, "plans/_milestone_row.html", _context(
        plan, role, m=milestone, action=milestone.action, statuses=MILESTONE_STATUS_CHOICES,
        milestone_status=milestone.shown_status(date.today()), row_saved=not error, row_error=error,
        conflict=conflict, sent=sent if error else None,
    ), status=409 if conflict else 400 if error else 200)


def _number(params: Params, name: str, label: str) -> float | None:
    raw = params.data.get(name, "").strip().rstrip("%")
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        params.errors[name] = f"{label} must be a number"
        return None


def _item_form(request, params: Params, form: str, plan: Plan, item: PlanItem) -> None:
    user = request.user
    if form == "progress":
        when = params.date("progress-date", label="Date of the update", required=True)
        text = params.data.get("progress-text", "").strip()
        if not text:
            params.errors["progress-text"] = "Describe the progress and its impact"
        if not params.errors:
            services.progress_add(item=item, user=user, date=when, text=text)
    elif form == "override":
        services.rag_override_set(item=item, user=user, rag=params.data.get("override-rag", ""),
                                  reason=params.data.get("override-reason", ""))
    elif form == "action":
        target = params.date("action-target", label="Target date")
        if not params.errors:
            services.action_create(item=item, user=user, text=params.data.get("action-text", ""),
                                   lead=params.data.get("action-lead", ""), target_date=target)
    elif form == "milestone":
        action = Action.objects.filter(item=item, pk=params.data.get("milestone-action") or 0).first()
        target = params.date("milestone-target", label="Target date")
        if not params.errors:
            services.milestone_create(action=action, user=user, text=params.data.get("milestone-text", ""),
                                      owner=params.data.get("milestone-owner", ""), target_date=target)
    elif form == "status":
        milestone = get_object_or_404(Milestone, pk=whole_number(params.data.get("milestone", "")) or 0,
                                      action__item=item)
        services.milestone_update(milestone=milestone, user=user, status=params.data.get("status-status", ""),
                                  evidence=params.data.get("status-evidence", milestone.evidence),
                                  version=_sent_version(params))
    elif form == "measure":
        target = params.date("measure-target", label="Target date")
        baseline, goal = _number(params, "measure-baseline", "Baseline"), _number(params, "measure-goal", "Target")
        if not params.errors:
            services.measure_create(item=item, user=user, description=params.data.get("measure-description", ""),
                                    baseline=baseline, target=goal, target_date=target,
                                    polarity=params.data.get("measure-polarity", ""),
                                    unit=params.data.get("measure-unit", "").strip()[:20],
                                    indicator=params.data.get("measure-indicator", ""))
    elif form == "value":
        measure = get_object_or_404(Measure, pk=params.data.get("value-measure") or 0, item=item)
        when = params.date("value-date", label="Date of the value", required=True)
        value = _number(params, "value-value", "Value")
        if value is None and "value-value" not in params.errors:
            params.errors["value-value"] = "Enter the value"
        if not params.errors:
            services.measure_value_record(measure=measure, user=user, date=when, value=value)
    elif form == "item":
        services.item_update(item=item, user=user, judgement_area=params.data.get("item-area", item.judgement_area),
                             theme_codes=request.POST.getlist("item-themes"), version=_sent_version(params))
    elif form == "outcomes":
        from inspire.web.improve.governance import item_outcomes_set

        item_outcomes_set(item=item, user=user, outcomes=params.data.get("outcomes-text", ""),
                          report_refs=params.data.get("outcomes-refs", ""))
    else:
        raise Http404("Unknown form")


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request: HttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    """Change a milestone: its words, owner, target date, status and evidence."""
    plan, role = _plan_for(request, pk, role="editor")
    milestone = get_object_or_404(Milestone.objects.select_related("action__item", "owner"), pk=milestone_pk,
                                  action__item__plan=plan)
    params = Params(request.POST if request.method == "POST" else _initial(
        {"text": milestone.text, "owner": milestone.owner.name if milestone.owner else "", "status": milestone.status,
         "evidence": milestone.evidence, "version": str(milestone.version)}, target=milestone.target_date))
    conflict = None
    if request.method == "POST":
        target = params.date("target", label="Target date")
        if not params.errors:
            try:
                services.milestone_update(milestone=milestone, user=request.user, text=params.data.get("text", ""),
                                          owner=params.data.get("owner", ""), target_date=target,
                                          status=params.data.get("status", ""),
                                          evidence=params.data.get("evidence", ""), version=_sent_version(params))
            except ValidationError as error:
                _errors_from(params, error, dates={"target_date": "target"})
            except services.EditConflict as error:
                conflict = _conflict(params, error, MILESTONE_FIELDS)
        if not params.errors:
            messages.success(request, "Milestone saved.")
            return redirect("plans:item_detail", pk=plan.pk, item_pk=milestone.action.item.pk)
    return render(request, "plans/milestone_edit.html", _context(
        plan, role, milestone=milestone, params=params, errors=params.summary(), people=_people(plan),
        statuses=MILESTONE_STATUS_CHOICES, target_field=params.date_field("target", legend="Target date",
                                                                          hint="For example, 30 11 2016"),
        conflict=conflict,
    ), status=409 if conflict else 400 if params.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    """Change an action: its words, lead, target date and timescale as written."""
    plan, role = _plan_for(request, pk, role="editor")
    action = get_object_or_404(Action.objects.select_related("item", "lead"), pk=action_pk, item__plan=plan)
    conflict = None
    if request.method == "POST":
        params = Params(request.POST)
        target = params.date("target", label="Target date")
        if not params.errors:
            try:
                timescale = params.data.get("timescale", "").strip()
                services.action_update(action=action, user=request.user, text=params.data.get("text", ""),
                                       lead=params.data.get("lead", ""), target_date=target,
                                       version=_sent_version(params), **({"timescale": timescale} if timescale else {}))
            except ValidationError as error:
                _errors_from(params, error, dates={"target_date": "target"})
            except services.EditConflict as error:
                conflict = _conflict(params, error, ACTION_FIELDS)
        if not params.errors:
            messages.success(request, "Action saved.")
            return redirect("plans:item_detail", pk=plan.pk, item_pk=action.item.pk)
    else:
        params = Params(_initial({"text": action.text, "lead": action.lead.name if action.lead else "",
                                  "timescale": action.timescale, "version": str(action.version)},
                                 target=action.target_date))
    return render(request, "plans/action_edit.html", _context(
        plan, role, action=action, params=params, errors=params.summary(), people=_people(plan),
        target_field=params.date_field("target", legend="Target date", hint="For example, 31 3 2017"),
        conflict=conflict,
    ), status=409 if conflict else 400 if params.errors else 200)


def _initial(values: dict[str, str], **dates):
    """A form's first values, each date split into its day, month and year inputs."""
    initial = QueryDict(mutable=True)
    initial.update(values)
    for prefix, day in dates.items():
        if day:
            initial.update({f"{prefix}-day": str(day.day), f"{prefix}-month": str(day.month), f"{prefix}-year": str(day.year)})
    return initial


@login_required
@require_GET
def measure_chart(request: HttpRequest, pk: int, measure_pk: int) -> HttpResponse:
    plan, _ = _plan_for(request, pk)
    measure = get_object_or_404(Measure, pk=measure_pk, item__plan=plan)
    return HttpResponse(charts.png(selectors.measure_data(measure)), content_type="image/png")


# --- risks --------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def risk_register(request: HttpRequest, pk: int) -> HttpResponse:
    plan, role = _plan_for(request, pk)
    params = Params(request.POST if request.method == "POST" else request.GET)
    if request.method == "POST":
        review = params.date("review", label="Review date")
        if not params.errors:
            try:
                services.risk_create(
                    plan=plan, user=request.user, description=params.data.get("description", ""),
                    impact=params.data.get("impact", ""), likelihood=params.data.get("likelihood", ""),
                    mitigations=params.data.get("mitigations", ""), revised_impact=params.data.get("revised_impact", ""),
                    revised_likelihood=params.data.get("revised_likelihood", ""), owner=params.data.get("owner", ""),
                    review_date=review)
            except ValidationError as error:
                _errors_from(params, error, dates={"review_date": "review"})
        if not params.errors:
            messages.success(request, "Risk added.")
            return redirect(request.path)
    matrix = [(risk_rules.LEVEL_LABELS[i], [risk_rules.LEVEL_LABELS[risk_rules.MATRIX[(i, l)]] for l in risk_rules.LEVELS[::-1]])
              for i in risk_rules.LEVELS[::-1]]
    return render(request, "plans/risks.html", _context(
        plan, role, risks=plan.risks.select_related("owner"), levels=LEVEL_CHOICES, people=_people(plan),
        errors=params.summary(), params=params, matrix=matrix, matrix_columns=[risk_rules.LEVEL_LABELS[l] for l in risk_rules.LEVELS[::-1]],
        matrix_description=risk_rules.MATRIX_DESCRIPTION, level_labels=risk_rules.LEVEL_LABELS,
        review_field=params.date_field("review", legend="Review date"),
    ), status=400 if params.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def risk_edit(request: HttpRequest, pk: int, risk_pk: int) -> HttpResponse:
    """Re-score a risk after review: impact, likelihood, revised scores, mitigations, owner, review date."""
    plan, role = _plan_for(request, pk, role="editor")
    risk = get_object_or_404(Risk.objects.select_related("owner"), pk=risk_pk, plan=plan)
    if request.method == "POST":
        params = Params(request.POST)
    else:
        params = Params(_initial({
            "description": risk.description, "impact": risk.impact, "likelihood": risk.likelihood,
            "revised_impact": risk.revised_impact, "revised_likelihood": risk.revised_likelihood,
            "mitigations": risk.mitigations, "owner": risk.owner.name if risk.owner else "",
            "version": str(risk.version)}, review=risk.review_date))
    conflict = None
    if request.method == "POST":
        review = params.date("review", label="Review date")
        if not params.errors:
            try:
                fields = ("description", "impact", "likelihood", "revised_impact", "revised_likelihood",
                          "mitigations", "owner")
                services.risk_update(risk=risk, user=request.user, review_date=review, version=_sent_version(params),
                                     **{name: params.data.get(name, "") for name in fields})
            except ValidationError as error:
                _errors_from(params, error, dates={"review_date": "review"})
            except services.EditConflict as error:
                conflict = _conflict(params, error, RISK_FIELDS)
        if not params.errors:
            messages.success(request, "Risk saved.")
            return redirect("plans:risks", pk=plan.pk)
    return render(request, "plans/risk_edit.html", _context(
        plan, role, risk=risk, params=params, errors=params.summary(), levels=LEVEL_CHOICES, people=_people(plan),
        review_field=params.date_field("review", legend="Review date"), conflict=conflict,
    ), status=409 if conflict else 400 if params.errors else 200)


# --- boards, meetings and board packs -----------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def boards(request: HttpRequest, pk: int) -> HttpResponse:
    plan, role = _plan_for(request, pk)
    params = Params(request.POST if request.method == "POST" else request.GET)
    if request.method == "POST":
        form = request.POST.get("form", "")
        try:
            if form == "board":
                services.board_create(plan=plan, user=request.user, kind=params.data.get("kind", ""),
                                      name=params.text("name", label="Name"))
            elif form == "member":
                from inspire.web.improve import governance

                board = get_object_or_404(Board, pk=params.data.get("board") or 0, plan=plan)
                governance.member_add(board=board, user=request.user, name=params.text("member-name", label="Name"),
                                      role=params.text("member-role", label="Role"),
                                      board_role=params.data.get("member-board-role", "member"))
            elif form == "meeting":
                board = get_object_or_404(Board, pk=params.data.get("board") or 0, plan=plan)
                when = params.date(f"meeting-{board.pk}", label="Meeting date", required=True)
                if not params.errors:
                    services.meeting_create(board=board, user=request.user, date=when)
            else:
                from inspire.web.improve.governance_views import boards_form

                boards_form(request, params, form, plan)
        except ValidationError as error:
            _errors_from(params, error)
        if not params.errors:
            messages.success(request, "Saved.")
            return redirect(request.path)
    board_list = list(plan.boards.prefetch_related("members", "meetings"))
    for board in board_list:
        board.meeting_field = params.date_field(f"meeting-{board.pk}", legend="Meeting date")
    from inspire.web.improve.governance_views import boards_context

    return render(request, "plans/boards.html", _context(
        plan, role, boards=board_list, kinds=BOARD_KIND_CHOICES, errors=params.summary(), params=params,
        **boards_context(plan, params),
    ), status=400 if params.errors else 200)


def _pack(plan: Plan, meeting: Meeting) -> board_pack.BoardPack:
    from inspire.web.improve.packs import meeting_pack

    return meeting_pack(plan=plan, meeting=meeting)


@login_required
@require_GET
def pack(request: HttpRequest, pk: int, meeting_pk: int, fmt: str = "html") -> HttpResponse:
    plan, role = _plan_for(request, pk)
    meeting = get_object_or_404(Meeting.objects.select_related("board"), pk=meeting_pk, board__plan=plan)
    built = _pack(plan, meeting)
    name = f"{plan.authority.slug}-{meeting.board.kind}-{meeting.date.isoformat()}"
    if fmt == "docx":
        return _download(board_pack.to_docx(built), f"{name}.docx", DOCX)
    if fmt == "pdf":
        return _download(board_pack.to_pdf(built), f"{name}.pdf", "application/pdf")
    from inspire.core.plans import svg
    from inspire.core.plans import timeline as timeline_rules

    counter = iter(range(10_000))
    groups = [{"heading": group.heading, "items": [{
        "item": item, "heading": built.item_heading(item), "other_themes": built.other_themes(item),
        "actions": built.action_rows(item), "milestones": built.milestone_rows(item),
        "measures": built.measure_rows(item), "progress": built.progress_words(item),
        "labels": {kind: f"{kind.capitalize()} of item {item.ref}" for kind in ("actions", "milestones", "measures")},
        "charts": [(m, mark_safe(svg.measure_chart(m, f"measure-chart-{next(counter)}")))
                   for m in built.charted_measures(item)],
    } for item in group.items]} for group in built.theme_groups()]
    return render(request, "plans/pack.html", _context(
        plan, role, pack=built, meeting=meeting, groups=groups, columns=_PACK_COLUMNS,
        rag_chart=mark_safe(svg.rag_counts(built.rag_counts())), heat_map=mark_safe(svg.heat_map(built.heat_cells())),
        heat_description=risk_rules.HEAT_DESCRIPTION, matrix_description=risk_rules.MATRIX_DESCRIPTION,
        exception_score=risk_rules.EXCEPTION_SCORE, timeline_svg=mark_safe(timeline_rules.svg(built.timeline, built.meeting)),
        timeline_rows=timeline_rules.table_rows(built.timeline),
    ))


_PACK_COLUMNS = {name.lower(): getattr(board_pack, name) for name in dir(board_pack) if name.endswith("_COLUMNS")}


# --- import and export --------------------------------------------------------------------------

_SESSION_KEY = "plan_import"


def _parse_upload(name: str, data: bytes, title: str):
    """The uploaded plan, read in a worker process stopped past the reading limits (a Word or Excel
    file built to overload the server is refused, or stopped, with the limit named)."""
    check_package(data, name)  # a bomb is refused here, without starting a worker
    return run_bounded(read_plan_upload, name, data, title, source=name, bounds=reading_bounds())


@login_required
@require_http_methods(["GET", "POST"])
def plan_import(request: HttpRequest, inspection_pk: int) -> HttpResponse:
    """Upload a plan (Word, Excel or CSV), see what will be stored and what could not be placed,
    then confirm. Nothing is stored before confirming; a failing row stores nothing."""
    inspection = get_object_or_404(Inspection.objects.select_related("authority"), pk=inspection_pk)
    if inspection.authority is None:
        raise Http404("The inspection's authority is not known")
    require_role(user=request.user, authority=inspection.authority, role="editor")
    errors: list[tuple[str, str]] = []
    preview = None
    if request.method == "POST" and request.POST.get("form") == "confirm":
        held = request.session.get(_SESSION_KEY)
        if not held or held.get("inspection") != inspection.pk:
            errors.append(("", "Upload the plan again: the preview has expired"))
        else:
            plan_data, notes, unplaced, report = _prepare(inspection, held["name"], base64.b64decode(held["data"]))
            plan = services.plan_store(inspection=inspection, user=request.user, data=plan_data)
            del request.session[_SESSION_KEY]
            messages.success(request, f"Plan imported: {plan.items.count()} items.")
            return redirect("plans:plan_detail", pk=plan.pk)
    elif request.method == "POST":
        upload = request.FILES.get("plan")
        if upload is None:
            errors.append(("plan", "Select a Word, Excel or CSV file"))
        elif upload.size > MAX_IMPORT_BYTES:
            errors.append(("plan", "The file must be smaller than 10 MB"))
        else:
            data = upload.read()
            try:
                plan_data, notes, unplaced, report = _prepare(inspection, upload.name, data)
            except LimitExceeded as error:
                errors.append(("plan", str(error)))  # starts with the file's name, as it is spelt
            except PlanImportError as error:
                if error.errors:
                    errors += [("plan", str(e)) for e in error.errors]
                else:
                    errors.append(("plan", f"{str(error)[0].upper()}{str(error)[1:]}"))
            else:
                request.session[_SESSION_KEY] = {"inspection": inspection.pk, "name": upload.name,
                                                 "data": base64.b64encode(data).decode()}
                preview = {"plan": plan_data, "notes": notes, "unplaced": unplaced, "report": report,
                           "name": upload.name, "new_people": _new_people(inspection, plan_data)}
    return render(request, "plans/import.html", {"inspection": inspection, "errors": errors, "preview": preview,
                                                 "nav_active": "plans:plan_list"},
                  status=400 if errors else 200)


def _prepare(inspection: Inspection, name: str, data: bytes):
    title = f"{inspection.authority.name} improvement plan"
    plan_data, notes, unplaced = _parse_upload(name, data, title)
    plan_data.title = plan_data.title or title
    recommendations = [RecommendationRef(r.section, r.ordinal, r.text) for r in inspection.recommendations.all()]
    report = None
    if any(item.recommendation is None and not item.own for item in plan_data.items):
        report = match_recommendations(plan_data, recommendations)
    else:
        known = {(r.section, r.ordinal) for r in recommendations}
        bad = [i.ref for i in plan_data.items if i.recommendation and i.recommendation not in known]
        if bad:
            raise excel.rows_refused([excel.RowError("Items", None, "recommendation",
                                                     f"item {ref}: the inspection has no such recommendation") for ref in bad])
    if inspection.inspection_start:
        notes = notes + clear_dates_before(plan_data, inspection.inspection_start)
    if report:
        unplaced = unplaced + [f"item {ref}: matches no recommendation of the report; it will be the council's own item"
                               for ref in report.unmatched_items]
        unplaced += [f"{'LSCB' if r.section == 'lscb' else 'Recommendation'} {r.ordinal}: no item of the document answers it; "
                     "it will be an item with no actions yet" for r in report.uncovered]
    return plan_data, notes, unplaced, report


def _new_people(inspection: Inspection, plan_data) -> list[str]:
    names = {a.lead for i in plan_data.items for a in i.actions} | {
        m.owner for i in plan_data.items for a in i.actions for m in a.milestones} | {r.owner for r in plan_data.risks}
    known = set(Person.objects.filter(authority=inspection.authority).values_list("name", flat=True))
    return sorted(n for n in {" ".join(n.split()) for n in names} if n and n not in known)


@login_required
@require_GET
def plan_export(request: HttpRequest, pk: int) -> HttpResponse:
    plan, _ = _plan_for(request, pk)
    data = selectors.plan_data(plan=plan, as_at=date.today())
    return _download(excel.to_xlsx(data), f"{plan.authority.slug}-plan-{plan.pk}.xlsx", XLSX)


@login_required
@require_GET
def tracker_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The tracker councils share: one row per action and milestone, RAG as cell fills, a key."""
    from inspire.core.plans import tracker

    plan, _ = _plan_for(request, pk)
    today = date.today()
    data = selectors.plan_data(plan=plan, as_at=today)
    return _download(tracker.to_xlsx(data, today, plan.deadline_line), f"{plan.authority.slug}-tracker-{plan.pk}.xlsx", XLSX)


@require_GET
def template_download(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt == "xlsx":
        return _download(excel.to_xlsx(None), "inspire-plan-template.xlsx", XLSX)
    return _download(excel.csv_template().encode(), "inspire-plan-template.csv", "text/csv; charset=utf-8")


# --- people and roles -----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def members(request: HttpRequest, slug: str) -> HttpResponse:
    """A council's users and their roles; its admins give and change roles."""
    from django.contrib.auth import get_user_model

    from inspire.web.accounts.models import ROLE_CHOICES, Membership
    from inspire.web.accounts.services import membership_set
    from inspire.web.read.models import Authority

    authority = get_object_or_404(Authority, slug=slug)
    if authority_role(user=request.user, authority=authority) is None:
        raise Http404("Not a council you belong to")
    require_role(user=request.user, authority=authority, role="admin")
    params = Params(request.POST if request.method == "POST" else request.GET)
    if request.method == "POST":
        username = params.text("username", max_length=150, label="Username")
        user = get_user_model().objects.filter(username=username).first() if username else None
        if user is None:
            params.errors["username"] = f"There is no user called '{username}'" if username else "Enter a username"
        else:
            try:
                membership_set(authority=authority, user=user, role=params.data.get("role", ""), by=request.user)
            except ValidationError as error:
                _errors_from(params, error)
        if not params.errors:
            messages.success(request, f"{username} is now {params.data.get('role')} for {authority.name}.")
            return redirect(request.path)
    return render(request, "plans/members.html", {
        "authority": authority, "memberships": Membership.objects.filter(authority=authority).select_related("user"),
        "roles": ROLE_CHOICES, "params": params, "errors": params.summary(), "nav_active": "plans:plan_list",
    }, status=400 if params.errors else 200)


# --- audit trail --------------------------------------------------------------------------------


@login_required
@require_GET
def audit(request: HttpRequest, pk: int, fmt: str = "html") -> HttpResponse:
    plan, role = _plan_for(request, pk, role="admin")
    entries = AuditEntry.objects.filter(plan=plan).select_related("user")
    if fmt == "csv":
        out = io.StringIO()
        writer = csv_writer(out)
        writer.writerow(["when", "who", "action", "object", "object id", "description", "field", "before", "after"])
        for e in entries.order_by("when", "id"):
            writer.writerow([e.when.isoformat(), e.user.get_username() if e.user else "", e.action, e.object_type,
                             e.object_id or "", e.object_repr, e.field, e.before, e.after])
        return _download(out.getvalue().encode(), f"{plan.authority.slug}-plan-{plan.pk}-audit.csv", "text/csv; charset=utf-8")
    return render(request, "plans/audit.html", _context(plan, role, entries=entries[:500], total=entries.count()))
