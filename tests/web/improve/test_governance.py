"""Governance: boards with terms of reference, frequency and members in programme roles;
meetings with agenda, decisions asked for, minutes, decisions and actions arising that appear in
the next pack; the plan's dated narrative of progress. Every change audited, viewers refused."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from inspire.web.improve import governance, received, services
from inspire.web.improve.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(southend_inspection, users):
    editor = users["southend_editor"]
    plan = received.plan_start(inspection=southend_inspection, user=editor, received=southend_inspection.published)
    return services.board_create(plan=plan, user=editor, kind="improvement_board", name="Improvement Board")


def test_board_terms_frequency_and_programme_roles(board, users):
    editor = users["southend_editor"]
    governance.board_update(
        board=board, user=editor, terms_of_reference="Scrutinise progress against the plan.", frequency="Bi-monthly"
    )
    governance.member_add(board=board, user=editor, name="Chief Executive", board_role="chair")
    governance.member_add(
        board=board, user=editor, name="Simon Leftley", role="Corporate Director for People", board_role="sponsor"
    )
    governance.member_add(board=board, user=editor, name="John O'Loughlin", board_role="programme_executive")
    governance.member_add(board=board, user=editor, name="Mike Bennett", board_role="programme_manager")
    with pytest.raises(ValidationError, match="already has a chair"):
        governance.member_add(board=board, user=editor, name="Leader of the Council", board_role="chair")
    with pytest.raises(ValidationError, match="choose the member's role"):
        governance.member_add(board=board, user=editor, name="Someone", board_role="boss")
    with pytest.raises(PermissionDenied, match="viewer"):
        governance.board_update(board=board, user=users["southend_viewer"], terms_of_reference="", frequency="")
    board.refresh_from_db()
    assert (board.terms_of_reference, board.frequency) == ("Scrutinise progress against the plan.", "Bi-monthly")
    assert [m.get_board_role_display() for m in board.members.all()] == [
        "Chair",
        "Sponsor",
        "Programme executive",
        "Programme manager",
    ]
    audited = set(AuditEntry.objects.filter(plan=board.plan).values_list("field", "after"))
    assert ("frequency", "Bi-monthly") in audited and ("board_role", "programme_manager") in audited


def test_decisions_and_actions_arising_appear_in_the_next_pack(client, board, users):
    editor = users["southend_editor"]
    today = date.today()
    first = services.meeting_create(board=board, user=editor, date=today - timedelta(days=14))
    second = services.meeting_create(board=board, user=editor, date=today)
    governance.meeting_update(
        meeting=first,
        user=editor,
        agenda="1. Terms of reference",
        minutes="Agreed.",
        decisions_sought="Agree the terms of reference.",
    )
    governance.decision_add(meeting=first, user=editor, text="Terms of reference agreed.")
    open_action = governance.meeting_action_add(
        meeting=first, user=editor, text="Report on agency staff", owner="Head of Children's Services", due_date=today
    )
    done = governance.meeting_action_add(meeting=first, user=editor, text="Circulate the minutes", owner="Clerk")
    governance.meeting_action_update(action=done, user=editor, status="done")
    with pytest.raises(ValidationError, match="is before the meeting"):
        governance.meeting_action_add(meeting=second, user=editor, text="Late", due_date=today - timedelta(days=30))
    future = services.meeting_create(board=board, user=editor, date=today + timedelta(days=60))
    with pytest.raises(ValidationError, match="has not happened yet"):
        governance.decision_add(meeting=future, user=editor, text="Decided in advance")
    governance.narrative_add(
        plan=board.plan, user=editor, day=today, meeting=second, text="A Practice Lead is in post."
    )
    client.force_login(users["southend_viewer"])
    page = client.get(reverse("plans:pack", args=[board.plan.pk, second.pk])).content.decode()
    assert "Terms of reference agreed." in page and "Report on agency staff" in page
    assert "Circulate the minutes" in page  # closed since the last meeting: reported once
    assert "A Practice Lead is in post." in page
    first_pack = client.get(reverse("plans:pack", args=[board.plan.pk, first.pk])).content.decode()
    assert "Agree the terms of reference." in first_pack and "Report on agency staff" not in first_pack
    governance.meeting_action_update(action=open_action, user=editor, status="done")
    meeting_page = client.get(reverse("plans:meeting", args=[board.plan.pk, second.pk])).content.decode()
    assert "Report on agency staff" in meeting_page and 'name="form" value="decision"' not in meeting_page  # viewer


def test_the_narrative_is_never_dated_in_the_future(board, users):
    with pytest.raises(ValidationError, match="is in the future"):
        governance.narrative_add(
            plan=board.plan, user=users["southend_editor"], day=date.today() + timedelta(days=1), text="Not yet"
        )
    with pytest.raises(ValidationError, match="describe the progress"):
        governance.narrative_add(plan=board.plan, user=users["southend_editor"], day=date.today(), text=" ")


def test_seed_004_imported_from_word_keeps_its_governance_timeline_and_outcomes(client, southend_inspection, users):
    """Seed 004's own plan from Word: each item linked to its recommendation, with its outcomes,
    report references, timeline dates, owners and milestone dates; the boards with their roles."""
    from inspire.core.plans.matching import RecommendationRef, match_recommendations
    from inspire.core.plans.word_import import read_plan
    from tests.core.plans.seed_docs import seed_004_docx

    data = read_plan(seed_004_docx(), title="Southend improvement plan").plan
    match_recommendations(
        data, [RecommendationRef(r.section, r.ordinal, r.text) for r in southend_inspection.recommendations.all()]
    )
    plan = services.plan_store(inspection=southend_inspection, user=users["southend_editor"], data=data)
    for number in range(1, 13):
        item = plan.items.get(ref=str(number))
        assert item.recommendation.ordinal == number and item.recommendation.section == "la"
        assert item.outcomes and item.report_refs.startswith(("Paragraph", "Page"))
    ten = plan.items.get(ref="10").actions.get(ordinal=1)
    assert (ten.start_date, ten.outcome_by) == (date(2016, 12, 1), date(2017, 3, 31))
    milestone = plan.items.get(ref="1").actions.get(ordinal=7).milestones.get(ordinal=7)
    assert (milestone.owner.name, milestone.target_date) == ("GM – Fieldwork Services", date(2018, 6, 30))
    assert sorted(plan.items.filter(recommendation__isnull=True).values_list("ref", flat=True)) == ["EDUCATION", "MISC"]
    board = plan.boards.get(kind="improvement_board")
    assert board.frequency == "bi-monthly"
    assert board.members.get(board_role="sponsor").name == "Simon Leftley"
    assert plan.boards.get(kind="scrutiny_panel").members.count() == 6
    # the whole imported plan's pack, its 59-row timeline in page-sized parts, in every format
    meeting = services.meeting_create(board=board, user=users["southend_editor"], date=date.today())
    client.force_login(users["southend_viewer"])
    for fmt, kind in (("pdf", "application/pdf"), ("docx", "application/vnd.openxmlformats")):
        response = client.get(reverse("plans:pack_download", args=[plan.pk, meeting.pk, fmt]))
        assert response.status_code == 200 and response["Content-Type"].startswith(kind), fmt
    assert client.get(reverse("plans:pack", args=[plan.pk, meeting.pk])).status_code == 200
