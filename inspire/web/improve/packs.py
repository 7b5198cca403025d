"""Reads for board packs: the plan as recorded on the meeting's date (nothing entered after it
shows: the audit trail says when each part was recorded and what a later change replaced), the
board's decisions and actions arising from earlier meetings, and the narrative of progress."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from inspire.core.plans import board_pack
from inspire.core.plans.as_at import as_recorded, left_out_words
from inspire.core.plans.model import PlanData
from inspire.core.plans.timeline import rows as timeline_rows
from inspire.web.improve import selectors
from inspire.web.improve.models import AuditEntry, Meeting, MeetingAction, MeetingDecision, Plan, PlanNarrative

#: the audit trail's object types for the parts a pack shows
_PARTS = ("PlanItem", "Action", "Milestone", "Measure", "Risk", "MeetingAction")


def _end_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def _recorded_on(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def recorded_plan(*, plan: Plan, day: date, left_out: dict[str, int] | None = None) -> PlanData:
    """The plan as recorded at the end of ``day``, every status derived on that day (``left_out``
    counts the parts recorded later)."""
    data = selectors.plan_data(plan=plan, as_at=day)
    entries = AuditEntry.objects.filter(plan=plan, object_type__in=_PARTS)
    entered: dict[tuple[str, int], date] = {}
    for kind, pk, when in entries.filter(action="create").values_list("object_type", "object_id", "when"):
        key = (kind, pk)
        entered[key] = min(entered.get(key, _recorded_on(when)), _recorded_on(when))
    earlier: dict[tuple[str, int, str], str] = {}
    for kind, pk, name, before in (
        entries.filter(action="update", when__gte=_end_of(day))
        .order_by("when", "id")
        .values_list("object_type", "object_id", "field", "before")
    ):
        earlier.setdefault((kind, pk, name), before)
    for item in data.items:
        item.entered = entered.get(("PlanItem", item.id))
        for action in item.actions:
            action.entered = entered.get(("Action", action.id))
            for milestone in action.milestones:
                milestone.entered = entered.get(("Milestone", milestone.id))
        for measure in item.measures:
            measure.entered = entered.get(("Measure", measure.id))
    for risk in data.risks:
        risk.entered = entered.get(("Risk", risk.id))
    return as_recorded(data, day, earlier, plan.deadline, left_out)


def _arising(meeting: Meeting) -> list[board_pack.ArisingAction]:
    """Actions arising from the board's earlier meetings, with their status as at this one;
    those done or dropped before the last meeting are left out."""
    day = meeting.date
    later = {
        (pk, name): before
        for pk, name, before in AuditEntry.objects.filter(
            object_type="MeetingAction", action="update", when__gte=_end_of(day)
        )
        .order_by("-when", "-id")
        .values_list("object_id", "field", "before")
    }  # ordered newest first: the earliest change wins
    previous = meeting.board.meetings.filter(date__lt=day).order_by("-date").first()
    rows = []
    for action in MeetingAction.objects.filter(
        meeting__board=meeting.board, meeting__date__lt=day, created__lt=_end_of(day)
    ).select_related("meeting"):
        status = later.get((action.pk, "status"), action.status)
        if status != "open" and (previous is None or action.meeting.date < previous.date):
            continue  # closed long ago: the last pack reported it
        rows.append(board_pack.ArisingAction(action.text, action.meeting.date, action.owner, action.due_date, status))
    return rows


def meeting_pack(*, plan: Plan, meeting: Meeting) -> board_pack.BoardPack:
    previous = meeting.board.meetings.filter(date__lt=meeting.date).order_by("-date").first()
    end = _end_of(meeting.date)
    narrative = (
        PlanNarrative.objects.filter(plan=plan, date__lte=meeting.date, created__lt=end)
        .order_by("-date", "-id")
        .first()
    )
    left_out: dict[str, int] = {}
    recorded = recorded_plan(plan=plan, day=meeting.date, left_out=left_out)
    return board_pack.BoardPack(
        plan=recorded,
        board=meeting.board.name,
        meeting=meeting.date,
        left_out=left_out_words(left_out, meeting.date),
        since=previous.date if previous else None,
        members=[_member(m) for m in meeting.board.members.all()],
        deadline=plan.deadline,
        deadline_words=plan.deadline_counts_from,
        decisions_sought=[line.strip() for line in meeting.decisions_sought.splitlines() if line.strip()],
        previous_decisions=[d.text for d in MeetingDecision.objects.filter(meeting=previous, created__lt=end)]
        if previous
        else [],
        actions_arising=_arising(meeting),
        narrative=(narrative.date, narrative.text) if narrative else None,
        timeline=timeline_rows(recorded),
    )


def _member(member) -> str:
    role = member.get_board_role_display() if member.board_role != "member" else ""
    words = ", ".join(w for w in (member.role, role) if w)
    return f"{member.name} ({words})" if words else member.name
