"""Boards, their members and meetings (the boards page's forms in :data:`BOARD_FORMS`, with the
governance forms of ``governance_views``), and a meeting's board pack as a page, Word or PDF."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods

from inspire.core.plans import board_pack
from inspire.core.plans import risk as risk_rules
from inspire.web.improve import governance, governance_views, services
from inspire.web.improve.models import BOARD_KIND_CHOICES, Board, Meeting, Plan
from inspire.web.improve.pages import DOCX, context, download, errors_from, plan_for
from inspire.web.toolkit.forms import NamedForms
from inspire.web.toolkit.params import Params

#: the boards page's forms: a board, a member, a meeting, and the governance forms
BOARD_FORMS = NamedForms()


@BOARD_FORMS.form("board")
def _board(request: HttpRequest, params: Params, plan: Plan) -> None:
    services.board_create(
        plan=plan, user=request.user, kind=params.data.get("kind", ""), name=params.text("name", label="Name")
    )


@BOARD_FORMS.form("member")
def _member(request: HttpRequest, params: Params, plan: Plan) -> None:
    board = get_object_or_404(Board, pk=params.data.get("board") or 0, plan=plan)
    governance.member_add(
        board=board,
        user=request.user,
        name=params.text("member-name", label="Name"),
        role=params.text("member-role", label="Role"),
        board_role=params.data.get("member-board-role", "member"),
    )


@BOARD_FORMS.form("meeting")
def _meeting(request: HttpRequest, params: Params, plan: Plan) -> None:
    board = get_object_or_404(Board, pk=params.data.get("board") or 0, plan=plan)
    when = params.date(f"meeting-{board.pk}", label="Meeting date", required=True)
    if not params.errors:
        services.meeting_create(board=board, user=request.user, date=when)


BOARD_FORMS.include(governance_views.BOARD_FORMS)


@login_required
@require_http_methods(["GET", "POST"])
def boards(request: HttpRequest, pk: int) -> HttpResponse:
    plan, role = plan_for(request, pk)
    params = Params(request.POST if request.method == "POST" else request.GET)
    if request.method == "POST":
        form = request.POST.get("form", "")
        try:
            BOARD_FORMS.handle(form, request, params, plan)
        except ValidationError as error:
            errors_from(params, error)
        if not params.errors:
            messages.success(request, "Saved.")
            return redirect(request.path)
    board_list = list(plan.boards.prefetch_related("members", "meetings"))
    for board in board_list:
        board.meeting_field = params.date_field(f"meeting-{board.pk}", legend="Meeting date")
    return render(
        request,
        "plans/boards.html",
        context(
            plan,
            role,
            boards=board_list,
            kinds=BOARD_KIND_CHOICES,
            errors=params.summary(),
            params=params,
            **governance_views.boards_context(plan, params),
        ),
        status=400 if params.errors else 200,
    )


def _pack(plan: Plan, meeting: Meeting) -> board_pack.BoardPack:
    from inspire.web.improve.packs import meeting_pack

    return meeting_pack(plan=plan, meeting=meeting)


@login_required
@require_GET
def pack(request: HttpRequest, pk: int, meeting_pk: int, fmt: str = "html") -> HttpResponse:
    plan, role = plan_for(request, pk)
    meeting = get_object_or_404(Meeting.objects.select_related("board"), pk=meeting_pk, board__plan=plan)
    built = _pack(plan, meeting)
    name = f"{plan.authority.slug}-{meeting.board.kind}-{meeting.date.isoformat()}"
    if fmt == "docx":
        return download(board_pack.to_docx(built), f"{name}.docx", DOCX)
    if fmt == "pdf":
        return download(board_pack.to_pdf(built), f"{name}.pdf", "application/pdf")
    from inspire.core.plans import svg
    from inspire.core.plans import timeline as timeline_rules

    counter = iter(range(10_000))
    groups = [
        {
            "heading": group.heading,
            "items": [
                {
                    "item": item,
                    "heading": built.item_heading(item),
                    "other_themes": built.other_themes(item),
                    "actions": built.action_rows(item),
                    "milestones": built.milestone_rows(item),
                    "measures": built.measure_rows(item),
                    "progress": built.progress_words(item),
                    "labels": {
                        kind: f"{kind.capitalize()} of item {item.ref}"
                        for kind in ("actions", "milestones", "measures")
                    },
                    "charts": [
                        (m, mark_safe(svg.measure_chart(m, f"measure-chart-{next(counter)}")))
                        for m in built.charted_measures(item)
                    ],
                }
                for item in group.items
            ],
        }
        for group in built.theme_groups()
    ]
    return render(
        request,
        "plans/pack.html",
        context(
            plan,
            role,
            pack=built,
            meeting=meeting,
            groups=groups,
            columns=_PACK_COLUMNS,
            rag_chart=mark_safe(svg.rag_counts(built.rag_counts())),
            heat_map=mark_safe(svg.heat_map(built.heat_cells())),
            heat_description=risk_rules.HEAT_DESCRIPTION,
            matrix_description=risk_rules.MATRIX_DESCRIPTION,
            exception_score=risk_rules.EXCEPTION_SCORE,
            timeline_svg=mark_safe(timeline_rules.svg(built.timeline, built.meeting)),
            timeline_rows=timeline_rules.table_rows(built.timeline),
        ),
    )


_PACK_COLUMNS = {name.lower(): getattr(board_pack, name) for name in dir(board_pack) if name.endswith("_COLUMNS")}
