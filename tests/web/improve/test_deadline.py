"""The deadline is never silently wrong: starting a plan asks first for the date the report was
received, offered from the report (its stated publication date, else the reader's estimate with
its source), and until someone confirms a date no page, pack, export or API answer shows one."""

import io
from datetime import date

import docx
import openpyxl
import pypdfium2
import pytest
from django.urls import reverse

from inspire.core.plans.deadlines import submission_deadline
from inspire.web.improve import received, services
from inspire.web.improve.models import AuditEntry, Plan
from tests.web.factories import make_record, store

pytestmark = pytest.mark.django_db

UNKNOWN = "Deadline not yet known — confirm the publication date"


@pytest.fixture
def ilacs_inspection(register):
    """An ILACS report as they are printed: no publication date, judged inadequate overall."""
    return store(
        make_record(
            authority="Essex",
            family="ilacs",
            inspection_start=date(2024, 10, 14),
            inspection_end=date(2024, 10, 25),
            published=None,
            judgements={"overall": "inadequate", "help_and_protection": "inadequate"},
            recommendations=[("la", "Improve the quality of management oversight.")],
        )
    )


def login(client, users, name="essex_editor"):
    client.force_login(users[name])
    return client


def date_inputs(html: str, prefix: str = "received") -> tuple[str, str, str]:
    import re

    return tuple(
        re.search(rf'name="{prefix}-{part}"[^>]*value="([^"]*)"', html, re.S).group(1)
        for part in ("day", "month", "year")
    )


def test_starting_a_plan_offers_the_stated_publication_date_and_confirms_it(client, southend_inspection, users):
    c = login(client, users, "southend_editor")
    start = reverse("plans:plan_start", args=[southend_inspection.pk])
    page = c.get(start).content.decode()
    assert "The report states its publication date: 7 July 2016." in page
    assert date_inputs(page) == ("7", "7", "2016")
    assert "action plan" in page  # requires improvement overall: not a written statement of action
    response = c.post(start, {"received-day": "7", "received-month": "7", "received-year": "2016"})
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("plans:plan_detail", args=[plan.pk])
    assert (plan.received, plan.received_basis, plan.deadline) == (date(2016, 7, 7), "published", date(2016, 10, 14))
    audited = {(e.field, e.after) for e in AuditEntry.objects.filter(object_type="Plan")}
    assert ("received", "7 July 2016") in audited and ("received_basis", "published") in audited
    html = c.get(response["Location"]).content.decode()
    assert "14 October 2016" in html
    assert "70 working days after 7 July 2016, the publication date the report states (confirmed)" in html


def test_the_readers_estimate_is_offered_with_its_source(client, ilacs_inspection, users):
    ilacs_inspection.published_estimate = date(2024, 11, 29)
    ilacs_inspection.published_estimate_source = "PDF creation date"
    ilacs_inspection.save()
    c = login(client, users)
    start = reverse("plans:plan_start", args=[ilacs_inspection.pk])
    page = c.get(start).content.decode()
    assert "The report states no publication date. Inspire estimated 29 November 2024 from PDF creation date" in page
    assert date_inputs(page) == ("29", "11", "2024")
    assert "written statement of action" in page  # inadequate overall
    c.post(start, {"received-day": "29", "received-month": "11", "received-year": "2024"})
    plan = Plan.objects.get()
    assert (plan.received_basis, plan.deadline) == ("estimate", submission_deadline(date(2024, 11, 29)))
    assert "the publication date estimated by Inspire (confirmed)" in plan.deadline_counts_from


def test_without_a_stated_or_estimated_date_nothing_is_prefilled(client, ilacs_inspection, users):
    c = login(client, users)
    start = reverse("plans:plan_start", args=[ilacs_inspection.pk])
    page = c.get(start).content.decode()
    assert "The report states no publication date, and Inspire could not estimate one." in page
    assert date_inputs(page) == ("", "", "")
    refused = c.post(start, {"received-day": "", "received-month": "", "received-year": ""})
    assert refused.status_code == 400 and "Enter date the report was received" in refused.content.decode()
    early = c.post(start, {"received-day": "1", "received-month": "10", "received-year": "2024"})
    assert (
        early.status_code == 400
        and "1 October 2024 is before the inspection ended (25 October 2024)" in early.content.decode()
    )
    assert not Plan.objects.exists()
    c.post(start, {"without": "1"})
    plan = Plan.objects.get()
    assert plan.received is None and plan.deadline is None and plan.deadline_counts_from == UNKNOWN


def test_the_old_start_button_leads_to_the_date_first(client, ilacs_inspection, users):
    response = login(client, users).post(reverse("plans:plan_new"), {"inspection": ilacs_inspection.pk})
    assert response["Location"] == reverse("plans:plan_start", args=[ilacs_inspection.pk])
    assert not Plan.objects.exists()


def test_a_plan_without_a_confirmed_date_never_shows_a_deadline(client, ilacs_inspection, users):
    editor = users["essex_editor"]
    plan = received.plan_start(inspection=ilacs_inspection, user=editor, received=None)
    services.action_create(
        item=plan.items.get(), user=editor, text="Audit management oversight.", target_date=date(2024, 12, 20)
    )
    board = services.board_create(plan=plan, user=editor, kind="improvement_board", name="Improvement Board")
    meeting = services.meeting_create(board=board, user=editor, date=date(2025, 1, 15))
    # the dates a guess would give: counted from the inspection's last day, or from its first
    guesses = [
        f"{d.day} {d:%B %Y}" for d in (submission_deadline(date(2024, 10, 25)), submission_deadline(date(2024, 10, 14)))
    ]
    c = login(client, users)

    def check(text: str, where: str):
        text = " ".join(text.split())
        assert not any(g in text for g in guesses), where
        assert "not yet known" in text and "confirm the publication date" in text, where

    check(c.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode(), "plan page")
    check(c.get(reverse("plans:plan_list")).content.decode(), "list of plans")
    check(c.get(reverse("plans:pack", args=[plan.pk, meeting.pk])).content.decode(), "pack page")
    word = docx.Document(io.BytesIO(c.get(reverse("plans:pack_download", args=[plan.pk, meeting.pk, "docx"])).content))
    check("\n".join(p.text for p in word.paragraphs), "Word pack")
    pdf = pypdfium2.PdfDocument(c.get(reverse("plans:pack_download", args=[plan.pk, meeting.pk, "pdf"])).content)
    check(" ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))), "PDF pack")
    for answer in (c.get("/api/plans").json()[0], c.get(f"/api/plans/{plan.pk}").json()):
        assert answer["deadline"] is None and answer["received"] is None
        assert answer["deadline_counts_from"] == UNKNOWN
    book = openpyxl.load_workbook(io.BytesIO(c.get(reverse("plans:plan_export", args=[plan.pk])).content))
    cells = " ".join(str(v) for ws in book for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    assert not any(g in cells for g in guesses)


def test_confirming_later_and_correcting(client, ilacs_inspection, users):
    plan = received.plan_start(inspection=ilacs_inspection, user=users["essex_editor"], received=None)
    confirm = reverse("plans:plan_received", args=[plan.pk])
    viewer_page = (
        login(client, users, "essex_editor").get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    )
    assert f'href="{confirm}"' in viewer_page
    future = client.post(
        confirm, {"received-day": "1", "received-month": "1", "received-year": str(date.today().year + 1)}
    )
    assert future.status_code == 400 and "is in the future" in future.content.decode()
    client.post(
        confirm, {"received-day": "2", "received-month": "12", "received-year": "2024", "version": plan.version}
    )
    plan.refresh_from_db()
    assert (plan.received, plan.received_basis) == (date(2024, 12, 2), "entered")
    assert plan.deadline_counts_from.startswith("70 working days after 2 December 2024, the date the council received")
    client.post(
        confirm, {"received-day": "3", "received-month": "12", "received-year": "2024", "version": plan.version}
    )
    changes = AuditEntry.objects.filter(plan=plan, field="received").order_by("id")
    assert [(e.before, e.after) for e in changes] == [("", "2 December 2024"), ("2 December 2024", "3 December 2024")]


def test_only_editors_confirm_the_date(client, southend_inspection, users):
    plan = received.plan_start(inspection=southend_inspection, user=users["southend_editor"], received=None)
    c = login(client, users, "southend_viewer")
    assert c.get(reverse("plans:plan_received", args=[plan.pk])).status_code == 403
    assert c.get(reverse("plans:plan_start", args=[southend_inspection.pk])).status_code == 403
    assert login(client, users, "essex_editor").get(reverse("plans:plan_received", args=[plan.pk])).status_code == 404
