"""Writes for a plan's governance (seed 004, part three): boards with their terms of reference,
frequency and members in their programme roles; meetings with agenda, the decisions asked for,
minutes, decisions made and actions arising (owner, due date, status), which the next pack
carries; and the plan's narrative of progress to date, dated, optionally for a meeting.

Each function checks the user may change the plan, validates, writes and records the audit
trail in one transaction, as ``services`` does (``audit``: the trail and versioned saves)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from inspire.core.calendar import format_long
from inspire.web.improve.audit import audit_create, audit_entry, require_editor, validate, versioned_update
from inspire.web.improve.models import (
    BOARD_ROLE_CHOICES,
    MEETING_ACTION_STATUS_CHOICES,
    Board,
    BoardMember,
    Meeting,
    MeetingAction,
    MeetingDecision,
    Plan,
    PlanItem,
    PlanNarrative,
)

BOARD_ROLES = dict(BOARD_ROLE_CHOICES)
ACTION_STATUSES = dict(MEETING_ACTION_STATUS_CHOICES)


def board_create(*, plan: Plan, user, kind: str, name: str) -> Board:
    require_editor(plan, user)
    with transaction.atomic():
        board = Board(plan=plan, kind=kind, name=name.strip())
        validate(board)
        board.save()
        audit_create(plan, user, board, ["kind", "name"])
    return board


def board_member_add(*, board: Board, user, name: str, role: str = "") -> BoardMember:
    require_editor(board.plan, user)
    if not name.strip():
        raise ValidationError({"name": "enter the member's name or post"})
    with transaction.atomic():
        member = BoardMember.objects.create(board=board, name=name.strip(), role=role.strip())
        audit_entry(board.plan, user, member, "name", after=member.name, shown=board.name).save()
    return member


def meeting_create(*, board: Board, user, date: date) -> Meeting:
    require_editor(board.plan, user)
    if board.meetings.filter(date=date).exists():
        raise ValidationError({"date": f"{board.name} already meets on {format_long(date)}"})
    with transaction.atomic():
        meeting = Meeting.objects.create(board=board, date=date)
        audit_entry(board.plan, user, meeting, "date", after=date, shown=board.name).save()
    return meeting


def board_update(*, board: Board, user, terms_of_reference: str, frequency: str) -> Board:
    require_editor(board.plan, user)
    with transaction.atomic():
        versioned_update(
            board.plan,
            user,
            board,
            {"terms_of_reference": terms_of_reference.strip(), "frequency": frequency.strip()[:100]},
        )
    return board


def member_add(*, board: Board, user, name: str, role: str = "", board_role: str = "member") -> BoardMember:
    """A member named by name or post, their words for their role, and their programme role."""
    require_editor(board.plan, user)
    if not name.strip():
        raise ValidationError({"name": "enter the member's name or post"})
    if board_role not in BOARD_ROLES:
        raise ValidationError({"board_role": f"choose the member's role: {', '.join(BOARD_ROLES.values()).lower()}"})
    if board_role == "chair" and board.members.filter(board_role="chair").exists():
        raise ValidationError({"board_role": f"{board.name} already has a chair"})
    with transaction.atomic():
        member = BoardMember(board=board, name=name.strip()[:200], role=role.strip()[:200], board_role=board_role)
        validate(member)
        member.save()
        audit_create(board.plan, user, member, ["name", "role", "board_role"])
    return member


def meeting_update(*, meeting: Meeting, user, agenda: str, decisions_sought: str, minutes: str) -> Meeting:
    plan = meeting.board.plan
    require_editor(plan, user)
    with transaction.atomic():
        versioned_update(
            plan,
            user,
            meeting,
            {"agenda": agenda.strip(), "decisions_sought": decisions_sought.strip(), "minutes": minutes.strip()},
        )
    return meeting


def decision_add(*, meeting: Meeting, user, text: str) -> MeetingDecision:
    """A decision the board made, as minuted. Decisions are never edited."""
    plan = meeting.board.plan
    require_editor(plan, user)
    if not text.strip():
        raise ValidationError({"decision": "enter the decision as minuted"})
    if meeting.date > date.today():
        raise ValidationError({"decision": f"the meeting on {format_long(meeting.date)} has not happened yet"})
    with transaction.atomic():
        decision = MeetingDecision.objects.create(meeting=meeting, text=text.strip())
        shown = f"{meeting.board.name}, {format_long(meeting.date)}"
        audit_entry(plan, user, decision, "text", after=decision.text, shown=shown).save()
    return decision


def meeting_action_add(
    *, meeting: Meeting, user, text: str, owner: str = "", due_date: date | None = None
) -> MeetingAction:
    plan = meeting.board.plan
    require_editor(plan, user)
    if not text.strip():
        raise ValidationError({"action": "enter the action arising"})
    if due_date and due_date < meeting.date:
        raise ValidationError({"due": f"{format_long(due_date)} is before the meeting ({format_long(meeting.date)})"})
    with transaction.atomic():
        action = MeetingAction(meeting=meeting, text=text.strip(), owner=owner.strip()[:200], due_date=due_date)
        validate(action)
        action.save()
        audit_create(plan, user, action, ["text", "owner", "due_date", "status"])
    return action


def meeting_action_update(*, action: MeetingAction, user, status: str) -> MeetingAction:
    plan = action.meeting.board.plan
    require_editor(plan, user)
    if status not in ACTION_STATUSES:
        raise ValidationError({"status": f"'{status}' is not a status ({', '.join(ACTION_STATUSES.values()).lower()})"})
    with transaction.atomic():
        versioned_update(plan, user, action, {"status": status})
    return action


def narrative_add(*, plan: Plan, user, day: date, text: str, meeting: Meeting | None = None) -> PlanNarrative:
    """The plan's narrative of progress to date, as at ``day`` (a newer one supersedes it)."""
    require_editor(plan, user)
    if not text.strip():
        raise ValidationError({"narrative": "describe the progress achieved to date"})
    if day > date.today():
        raise ValidationError(
            {"narrative-date": f"{format_long(day)} is in the future: the narrative says what has happened"}
        )
    if meeting is not None and meeting.board.plan_id != plan.pk:
        raise ValidationError({"meeting": "that meeting is not one of this plan's boards"})
    with transaction.atomic():
        narrative = PlanNarrative.objects.create(plan=plan, meeting=meeting, date=day, text=text.strip(), author=user)
        audit_entry(
            plan, user, narrative, "text", after=f"{format_long(day)}: {narrative.text}", shown=plan.title
        ).save()
    return narrative


def item_outcomes_set(*, item: PlanItem, user, outcomes: str, report_refs: str) -> PlanItem:
    """An item's "outcomes to be achieved" and where the report says it, as the plan writes them."""
    require_editor(item.plan, user)
    if len(report_refs.strip()) > 300:
        raise ValidationError({"outcomes-refs": "keep the report references under 300 characters"})
    with transaction.atomic():
        versioned_update(item.plan, user, item, {"outcomes": outcomes.strip(), "report_refs": report_refs.strip()})
    return item
