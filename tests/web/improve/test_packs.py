"""Board packs as at the meeting's date: nothing entered after the meeting shows — not an
override, a progress update, a changed milestone status or a new risk — and the pack says what
it leaves out. Decisions sought, the last meeting's decisions and open actions arising appear."""

import io
from datetime import UTC, date, datetime

import docx
import pypdfium2
import pytest
from django.urls import reverse

from inspire.web.accounts.services import person_get_or_create
from inspire.web.improve import received, services
from inspire.web.improve.models import (
    AuditEntry,
    MeasureValue,
    MeetingAction,
    MeetingDecision,
    PlanNarrative,
    ProgressUpdate,
    RagOverride,
)

pytestmark = pytest.mark.django_db

MEETING = date(2016, 12, 6)
BEFORE = datetime(2016, 11, 30, 12, tzinfo=UTC)


def backdate_everything(plan) -> None:
    """As if everything so far had been entered on 30 November 2016, before the meeting."""
    AuditEntry.objects.filter(plan=plan).update(when=BEFORE)
    ProgressUpdate.objects.filter(item__plan=plan).update(created=BEFORE)
    RagOverride.objects.filter(item__plan=plan).update(created=BEFORE)
    MeasureValue.objects.filter(measure__item__plan=plan).update(created=BEFORE)
    MeetingDecision.objects.filter(meeting__board__plan=plan).update(created=BEFORE)
    MeetingAction.objects.filter(meeting__board__plan=plan).update(created=BEFORE)
    PlanNarrative.objects.filter(plan=plan).update(created=BEFORE)


@pytest.fixture
def meeting(southend_inspection, users):
    editor = users["southend_editor"]
    plan = received.plan_start(inspection=southend_inspection, user=editor, received=southend_inspection.published)
    person_get_or_create(authority=plan.authority, name="Head of Children's Services")
    item = plan.items.get(ref="1")
    action = services.action_create(item=item, user=editor, text="Identify and adopt a model of practice.")
    services.milestone_create(
        action=action,
        user=editor,
        text="Research of options.",
        owner="Head of Children's Services",
        target_date=date(2017, 3, 31),
        status="on_track",
    )
    services.progress_add(item=item, user=editor, date=date(2016, 11, 20), text="Options paper drafted.")
    board = services.board_create(plan=plan, user=editor, kind="improvement_board", name="Children's Improvement Board")
    first = services.meeting_create(board=board, user=editor, date=date(2016, 10, 7))
    MeetingDecision.objects.create(meeting=first, text="Terms of reference agreed.")
    MeetingAction.objects.create(
        meeting=first, text="Report on agency staff", owner="Head of Children's Services", due_date=date(2016, 12, 1)
    )
    meeting = services.meeting_create(board=board, user=editor, date=MEETING)
    meeting.decisions_sought = "Agree the revised Quality Assurance Framework."
    meeting.save()
    PlanNarrative.objects.create(plan=plan, date=date(2016, 12, 1), text="A Practice Lead is in post.")
    backdate_everything(plan)
    return meeting


def pack_texts(client, plan, meeting):
    page = client.get(reverse("plans:pack", args=[plan.pk, meeting.pk])).content.decode()
    word = docx.Document(
        io.BytesIO(client.get(reverse("plans:pack_download", args=[plan.pk, meeting.pk, "docx"])).content)
    )
    word_text = "\n".join(
        [p.text for p in word.paragraphs] + [c.text for t in word.tables for r in t.rows for c in r.cells]
    )
    pdf = pypdfium2.PdfDocument(client.get(reverse("plans:pack_download", args=[plan.pk, meeting.pk, "pdf"])).content)
    pdf_text = " ".join(" ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).split())
    return {"page": page, "Word": word_text, "PDF": pdf_text}


def test_nothing_entered_after_the_meeting_shows_in_its_pack(client, meeting, users):
    plan = meeting.board.plan
    editor = users["southend_editor"]
    item = plan.items.get(ref="1")
    milestone = item.actions.get().milestones.get()
    client.force_login(users["southend_viewer"])
    before = pack_texts(client, plan, meeting)
    for where, text in before.items():
        assert "Options paper drafted." in text and "On track" in text, where
        assert "Agree the revised Quality Assurance Framework." in text, where
        assert "Terms of reference agreed." in text and "Report on agency staff" in text, where
        assert "A Practice Lead is in post." in text, where
    # entered today, long after the 2016 meeting
    services.rag_override_set(item=item, user=editor, rag="green", reason="OVERRIDE ENTERED LATER")
    services.progress_add(item=item, user=editor, date=date(2016, 12, 2), text="UPDATE ENTERED LATER")
    services.milestone_update(milestone=milestone, user=editor, status="at_risk")
    services.risk_create(plan=plan, user=editor, description="RISK ENTERED LATER", impact="H", likelihood="H")
    after = pack_texts(client, plan, meeting)
    for where, text in after.items():
        for later in ("OVERRIDE ENTERED LATER", "UPDATE ENTERED LATER", "RISK ENTERED LATER"):
            assert later not in text, (where, later)
        assert "Options paper drafted." in text and "On track" in text and "At risk" not in text, where
        assert (
            "Recorded after 6 December 2016, so left out of this pack: 1 progress update, 1 status override, 1 risk."
        ) in " ".join(text.split()), where
    # a pack for a meeting after those entries shows them
    today = services.meeting_create(board=meeting.board, user=editor, date=date.today())
    now = pack_texts(client, plan, today)["page"]
    assert "UPDATE ENTERED LATER" in now and "RISK ENTERED LATER" in now
    assert '31 March 2017</td><td class="govuk-table__cell">Overdue' in now  # at risk, and now past its date
    assert "Item 1 — Green" in now  # the override in force
