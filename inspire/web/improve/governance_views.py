"""Governance pages: the boards page's extra forms (:data:`BOARD_FORMS`: terms of reference and
frequency, the narrative of progress to date) and a meeting's page (:data:`MEETING_FORMS`: agenda,
decisions asked for, minutes, decisions made, actions arising)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from inspire.web.improve import governance
from inspire.web.improve.models import (
    BOARD_ROLE_CHOICES,
    MEETING_ACTION_STATUS_CHOICES,
    Board,
    Meeting,
    MeetingAction,
    Plan,
)
from inspire.web.improve.pages import context, errors_from, plan_for
from inspire.web.toolkit.forms import NamedForms
from inspire.web.toolkit.params import Params

#: the boards page's governance forms (included in ``board_views.BOARD_FORMS``)
BOARD_FORMS = NamedForms()


@BOARD_FORMS.form("terms")
def _terms(request: HttpRequest, params: Params, plan: Plan) -> None:
    board = get_object_or_404(Board, pk=params.data.get("board") or 0, plan=plan)
    governance.board_update(
        board=board,
        user=request.user,
        terms_of_reference=params.data.get(f"terms-{board.pk}", ""),
        frequency=params.text(f"frequency-{board.pk}", max_length=100, label="Frequency"),
    )


@BOARD_FORMS.form("narrative")
def _narrative(request: HttpRequest, params: Params, plan: Plan) -> None:
    day = params.date("narrative-date", label="Date of the narrative", required=True, latest=None)
    meeting = Meeting.objects.filter(board__plan=plan, pk=params.data.get("narrative-meeting") or 0).first()
    if not params.errors:
        governance.narrative_add(
            plan=plan, user=request.user, day=day, meeting=meeting, text=params.data.get("narrative", "")
        )


def boards_context(plan: Plan, params: Params) -> dict:
    return {
        "board_roles": BOARD_ROLE_CHOICES,
        "narratives": plan.narratives.select_related("meeting__board").order_by("-date", "-id"),
        "meetings": Meeting.objects.filter(board__plan=plan).select_related("board").order_by("date"),
        "narrative_field": params.date_field("narrative-date", legend="Progress as at", hint="For example, 1 12 2016"),
    }


#: a meeting page's forms
MEETING_FORMS = NamedForms()


@MEETING_FORMS.form("record")
def _record(request: HttpRequest, params: Params, plan: Plan, meeting: Meeting) -> None:
    governance.meeting_update(
        meeting=meeting,
        user=request.user,
        agenda=params.data.get("agenda", ""),
        decisions_sought=params.data.get("decisions_sought", ""),
        minutes=params.data.get("minutes", ""),
    )


@MEETING_FORMS.form("decision")
def _decision(request: HttpRequest, params: Params, plan: Plan, meeting: Meeting) -> None:
    governance.decision_add(meeting=meeting, user=request.user, text=params.data.get("decision", ""))


@MEETING_FORMS.form("action", dates={"due": "due"})
def _meeting_action(request: HttpRequest, params: Params, plan: Plan, meeting: Meeting) -> None:
    due = params.date("due", label="Due date")
    if not params.errors:
        governance.meeting_action_add(
            meeting=meeting,
            user=request.user,
            text=params.data.get("action", ""),
            owner=params.text("owner", label="Owner"),
            due_date=due,
        )


@MEETING_FORMS.form("action-status")
def _action_status(request: HttpRequest, params: Params, plan: Plan, meeting: Meeting) -> None:
    action = get_object_or_404(MeetingAction, pk=params.data.get("arising") or 0, meeting__board__plan=plan)
    governance.meeting_action_update(action=action, user=request.user, status=params.data.get("status", ""))


@login_required
@require_http_methods(["GET", "POST"])
def meeting_detail(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    plan, role = plan_for(request, pk)
    meeting = get_object_or_404(Meeting.objects.select_related("board"), pk=meeting_pk, board__plan=plan)
    params = Params(request.POST if request.method == "POST" else request.GET)
    if request.method == "POST":
        form = request.POST.get("form", "")
        try:
            MEETING_FORMS.handle(form, request, params, plan, meeting)
        except ValidationError as error:
            errors_from(params, error, dates={"due": "due"})
        if not params.errors:
            messages.success(request, "Saved.")
            return redirect(request.path)
    arising = MeetingAction.objects.filter(
        meeting__board=meeting.board, meeting__date__lte=meeting.date
    ).select_related("meeting")
    return render(
        request,
        "plans/meeting.html",
        context(
            plan,
            role,
            meeting=meeting,
            params=params,
            errors=params.summary(),
            decisions=meeting.decisions.all(),
            arising=arising,
            statuses=MEETING_ACTION_STATUS_CHOICES,
            due_field=params.date_field("due", legend="Due date", hint="For example, 1 12 2016"),
            record={
                name: params.data.get(name, getattr(meeting, name))
                for name in ("agenda", "decisions_sought", "minutes")
            },
        ),
        status=400 if params.errors else 200,
    )
