"""Recreating Southend's 2016 improvement plan (seed 004) in a real browser: the report uploaded
and read by Inspire, the plan imported from the council's Word tables, checked page by page
(items, themes, recommendation 1's seven overarching actions with milestones, dates and owners,
the three risks), worked on, and the board pack downloaded as Word and PDF and read back. Each
page passes an axe-core check."""

from __future__ import annotations

import re
from datetime import date

import docx
import pypdfium2
import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.conftest import seed
from tests.core.plans.seed_docs import seed_004_docx
from tests.web.browser.conftest import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long enough password"


@pytest.fixture
def southend_editor(transactional_db):
    from inspire.web.accounts.models import Membership
    from inspire.web.read.models import Authority
    from inspire.web.read.services import register_sync

    register_sync()
    user = User.objects.create_user("southend", password=PASSWORD)
    Membership.objects.create(user=user, authority=Authority.objects.get(name="Southend-on-Sea"), role="admin")
    return user


def fill_date(page, prefix: str, day: int, month: int, year: int) -> None:
    page.locator(f"#{prefix}-day").fill(str(day))
    page.locator(f"#{prefix}-month").fill(str(month))
    page.locator(f"#{prefix}-year").fill(str(year))


def test_recreate_southends_plan_and_produce_the_board_pack(page, southend_editor, tmp_path):
    # every address loaded before the first request, as on a running server: on a loaded machine
    # the live server's first request, importing them all, took longer than the page timeout
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018
    # sign in and upload the committee paper: Inspire reads the embedded Ofsted report
    page.goto("/accounts/login/?next=/upload/")
    page.get_by_label("Username").fill("southend")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Ofsted report").set_input_files(str(seed("004")))
    page.get_by_role("button", name="Upload and read").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("was read and stored")

    # plans: import the council's Word plan for that inspection
    page.get_by_role("link", name="Plans", exact=True).click()
    expect(page.locator("h1")).to_have_text("Improvement plans")
    check_accessibility(page)
    page.get_by_role("link", name=re.compile("^Import a plan for Southend-on-Sea")).click()
    check_accessibility(page)
    plan_file = tmp_path / "Southend improvement plan.docx"
    plan_file.write_bytes(seed_004_docx())
    page.get_by_label("Plan file").set_input_files(str(plan_file))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", name="Check what will be stored")).to_be_visible()
    expect(page.locator("#unplaced")).to_contain_text("LSCB 1: no item of the document answers it")
    expect(page.locator("#preview tbody tr")).to_have_count(14)
    check_accessibility(page)
    page.get_by_role("button", name="Confirm and store the plan").click()

    # the plan page: deadline, themes, items
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Plan imported: 18 items")
    # no date confirmed yet: no deadline, only the words and the way to confirm it
    expect(page.locator("#deadline")).to_have_text(re.compile(r"Deadline not yet known — confirm the publication date"))
    page.locator("#deadline").get_by_role("link", name="Confirm the publication date").click()
    expect(page.locator("#suggestion")).to_have_text("The report states its publication date: 7 July 2016.")
    expect(page.locator("#received-day")).to_have_value("7")
    check_accessibility(page)
    page.get_by_role("button", name="Confirm the date").click()
    expect(page.locator("#deadline")).to_contain_text("14 October 2016")
    expect(page.locator("#deadline")).to_contain_text(
        "70 working days after 7 July 2016, the publication date the report states"
    )
    for code, name in (
        ("A", "Practice and Culture"),
        ("B", "Continuous Improvement"),
        ("C", "Responsive Intervention (right time, right place)"),
        ("D", "Management, Leadership and Governance"),
    ):
        expect(page.locator(f"#theme-{code} caption")).to_have_text(f"Theme {code}: {name}")
    expect(page.locator("#theme-A")).to_contain_text("Improve the quality of management oversight")
    expect(page.locator("#theme-none")).to_contain_text("The LSCB should take action")
    check_accessibility(page)
    # the status on an earlier date (htmx swaps the status part; the address keeps the date)
    fill_date(page, "as_at", 1, 8, 2016)
    page.get_by_role("button", name="Show status on this date").click()
    expect(page.locator("#as-at")).to_have_text("1 August 2016")
    assert "as_at-day=1" in page.url
    expect(page.locator("#plan-rag")).to_contain_text("Red")  # milestones due in July 2016 are overdue

    # recommendation 1: seven overarching actions with their milestones, dates and owners
    page.locator("#theme-A").get_by_role("link", name=re.compile(r"^1 Improve the quality")).click()
    expect(page.locator("h1")).to_have_text("Item 1")
    headings = page.locator("h3[id^=action-]")
    expect(headings).to_have_count(7)
    expect(headings.nth(6)).to_have_text("Action 7: Identify and adopt a model of practice for children's services.")
    seventh = page.locator("table").filter(has_text="Research of options.")
    expect(seventh.locator("tbody tr")).to_have_count(7)
    expect(seventh.locator("tbody tr").nth(2)).to_contain_text("Planning & Engagement Manager")
    expect(seventh.locator("tbody tr").nth(6)).to_contain_text("30 June 2018")
    expect(seventh.locator("tbody tr").nth(6)).to_contain_text("GM – Fieldwork Services")
    check_accessibility(page)

    # work on it: a milestone at risk, a progress update, a measure value
    # with JavaScript, htmx saves the status and swaps just that row
    page.get_by_label("Status of Milestone 7, action 7").select_option("at_risk")
    page.get_by_role("button", name="Save Milestone 7, action 7").click()
    row = page.locator("tr", has_text="Review of Effectiveness of model")
    expect(row.get_by_role("status")).to_have_text("Saved.")
    expect(page.get_by_label("Status of Milestone 7, action 7")).to_have_value("at_risk")
    check_accessibility(page)
    page.get_by_role("link", name="Change Milestone 1, action 7").click()
    expect(page.locator("h1")).to_have_text("Change milestone 1")
    expect(page.get_by_label("Owner")).to_have_value("Head of Children's Services")
    check_accessibility(page)
    page.get_by_label("Status").select_option("complete")
    page.get_by_role("button", name="Save milestone").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Give the evidence of completion")
    check_accessibility(page)
    page.get_by_label("Evidence of completion").fill("Options paper to CSMT, 28 September 2016")
    page.get_by_role("button", name="Save milestone").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Milestone saved")
    page.get_by_role("link", name="Change action 7").click()
    expect(page.locator("h1")).to_have_text("Change action 7")
    check_accessibility(page)
    fill_date(page, "target", 31, 3, 2016)
    page.get_by_role("button", name="Save action").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("31 March 2016 is before the inspection began")
    check_accessibility(page)
    page.get_by_role("link", name="Back to item 1").click()
    fill_date(page, "progress-date", 20, 11, 2016)
    page.get_by_label("Progress and impact", exact=True).fill("CPD programme designed; sessions booked for November.")
    page.get_by_role("button", name="Add update").click()
    expect(page.locator(".govuk-summary-card")).to_contain_text("CPD programme designed")
    page.get_by_role("button", name="Override status").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Give the reason for the override")
    check_accessibility(page)

    # the three risks, scored by the matrix
    page.get_by_role("link", name="Back to the plan").click()
    page.get_by_role("link", name="Risk register").click()
    rows = page.locator("#risk-register tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Action owners not in post")
    expect(rows.nth(0).locator("td").nth(3)).to_have_text("High")
    expect(rows.nth(1).locator("td").nth(3)).to_have_text("Medium")
    expect(rows.nth(1).locator("td").nth(5)).to_contain_text("Low")
    check_accessibility(page)
    page.get_by_role("link", name="Change risk 2").click()
    expect(page.get_by_label("Likelihood", exact=True)).to_have_value("low")
    check_accessibility(page)
    page.get_by_role("link", name="Back to the risk register").click()

    # the council's people and roles (admins), and the audit trail of all the above
    page.get_by_role("link", name="People and roles").click()
    expect(page.locator("#members")).to_contain_text("southend")
    check_accessibility(page)
    page.go_back()
    page.get_by_role("link", name="Audit trail").click()
    expect(page.locator("#audit")).to_contain_text("CPD programme designed")
    check_accessibility(page)

    # governance: the improvement board, a member, a meeting, and its board pack
    page.get_by_role("link", name="Boards and board packs").click()
    page.get_by_label("Kind").select_option("improvement_board")
    page.get_by_label("Name", exact=True).fill("Children's Improvement Board")
    page.get_by_role("button", name="Add board").click()
    # the plan imported from the council's Word paper brought its own boards: work in the new one
    board = page.get_by_role("region", name=re.compile("^Children's Improvement Board"))
    board.get_by_label("Member's name or post").fill("Chief Executive")
    board.get_by_label("Role on the board").fill("Chair")
    board.get_by_role("button", name=re.compile("^Add member")).click()
    board = page.get_by_role("region", name=re.compile("^Children's Improvement Board"))
    board_id = board.get_attribute("aria-labelledby").split("-")[1]
    today = date.today()
    said = f"{today.day} {today:%B %Y}"
    fill_date(page, f"meeting-{board_id}", today.day, today.month, today.year)  # a pack shows what was entered by then
    board.get_by_role("button", name=re.compile("^Add meeting")).click()
    expect(page.get_by_role("region", name=re.compile("^Children's Improvement Board"))).to_contain_text(said)
    check_accessibility(page)

    page.get_by_role("link", name=f"View the pack for {said}").click()
    expect(page.locator("h1")).to_have_text(f"Children's Improvement Board: {said}")
    expect(page.locator("#pack-items")).to_contain_text("CPD programme designed")
    flagged = page.locator("#flagged-milestones")
    expect(flagged).to_contain_text("Milestone 2: Recommendation of model made to CSMT and LSCB.")  # overdue
    expect(flagged).not_to_contain_text("Research of options.")  # completed, with evidence
    expect(page.locator("#high-risks tbody tr")).to_have_count(2)  # high impact, medium likelihood: 15
    expect(page.locator("#pack-risks tbody tr")).to_have_count(3)
    check_accessibility(page)

    with page.expect_download() as word:
        page.get_by_role("link", name="Download as Word").click()
    document = docx.Document(word.value.path())
    cells = [[c.text for c in r.cells] for t in document.tables for r in t.rows]
    seventh = next(
        r
        for r in cells
        if r[1:2]
        == [
            "Milestone 7: Review of Effectiveness of model (to include "
            "methodology of review determined prior to review)."
        ]
    )
    assert seventh[2:4] == ["GM – Fieldwork Services", "30 June 2018"]
    assert any("Planning & Engagement Manager" in r for r in cells)
    assert any("CPD programme designed" in p.text for p in document.paragraphs)
    risk_table = next(
        t for t in document.tables if [c.text for c in t.rows[0].cells][:3] == ["Risk", "Description", "Impact"]
    )
    assert len(risk_table.rows) == 4 and "Resources not available" in risk_table.rows[3].cells[1].text

    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download as PDF").click()
    rendered = pypdfium2.PdfDocument(open(pdf.value.path(), "rb").read())
    text = " ".join(" ".join(rendered[i].get_textpage().get_text_range() for i in range(len(rendered))).split())
    for words in (
        f"Children's Improvement Board: {said}",
        "Identify and adopt a model of practice",
        "30 June 2018",
        "GM – Fieldwork Services",
        "Planning & Engagement Manager",
        "Action owners not in post",
        "Resources not available to progress the improvement plan",
        "Risk register",
        "Overdue",
        "Exceptions",
        "Key: items",
    ):
        assert words in text, words


def test_plan_pages_work_without_javascript(no_js_page, southend_editor):
    from inspire.web.improve import received
    from inspire.web.read.uploads import report_upload

    inspection = report_upload(content=seed("004").read_bytes(), filename=seed("004").name).inspection
    plan = received.plan_start(inspection=inspection, user=southend_editor, received=inspection.published)
    page = no_js_page
    page.goto(f"/accounts/login/?next=/plans/{plan.pk}/")
    page.get_by_label("Username").fill("southend")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("#deadline")).to_contain_text("14 October 2016")
    fill_date(page, "as_at", 1, 8, 2016)
    page.get_by_role("button", name="Show status on this date").click()
    expect(page.locator("#as-at")).to_have_text("1 August 2016")
    page.get_by_label("Code").fill("A")
    page.get_by_label("Theme name").fill("Practice and Culture")
    page.get_by_role("button", name="Add theme").click()
    expect(page.locator("#theme-A caption")).to_have_text("Theme A: Practice and Culture")


def test_starting_a_plan_asks_for_the_date_first(page, southend_editor):
    """An ILACS-style report that states no publication date: nothing is pre-filled, the page says
    so; started without a date the plan shows no deadline; confirmed, it shows one and what it
    counts from."""
    from inspire.web.read.models import Inspection
    from inspire.web.read.uploads import report_upload

    inspection = report_upload(content=seed("004").read_bytes(), filename=seed("004").name).inspection
    Inspection.objects.filter(pk=inspection.pk).update(published=None)  # as ILACS reports print none
    page.goto("/accounts/login/?next=/plans/")
    page.get_by_label("Username").fill("southend")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name=re.compile("^Start a plan for Southend-on-Sea")).click()
    expect(page.locator("h1")).to_have_text("Start a plan: when was the report published?")
    expect(page.locator("#suggestion")).to_contain_text(
        "The report states no publication date, and Inspire could not estimate one."
    )
    expect(page.locator("#received-day")).to_have_value("")
    check_accessibility(page)
    page.get_by_role("button", name="Confirm the date and start the plan").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter date the report was received")
    check_accessibility(page)
    page.get_by_role("button", name="Start without a date for now").click()
    expect(page.locator("#deadline")).to_have_text(re.compile("Deadline not yet known — confirm the publication date"))
    expect(page.locator("#received-date")).to_have_text("Not yet confirmed")
    check_accessibility(page)
    page.get_by_role("link", name="Plans", exact=True).click()
    expect(page.locator("table").first).to_contain_text("Deadline not yet known — confirm the publication date")
    page.go_back()
    page.locator("#deadline").get_by_role("link", name="Confirm the publication date").click()
    fill_date(page, "received", 7, 7, 2016)
    page.get_by_role("button", name="Confirm the date").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Submission deadline: 14 October 2016")
    expect(page.locator("#deadline")).to_contain_text(
        "70 working days after 7 July 2016, the date the council received the report"
    )
    check_accessibility(page)


def test_governance_pages(page, southend_editor):
    """A board with its terms of reference, frequency and programme roles; a meeting's agenda,
    decisions asked for, minutes, decision and action arising; the narrative; the next pack."""
    from datetime import timedelta

    from inspire.web.improve import received, services
    from inspire.web.read.uploads import report_upload

    inspection = report_upload(content=seed("004").read_bytes(), filename=seed("004").name).inspection
    plan = received.plan_start(inspection=inspection, user=southend_editor, received=inspection.published)
    board = services.board_create(plan=plan, user=southend_editor, kind="improvement_board", name="Improvement Board")
    today = date.today()
    first = services.meeting_create(board=board, user=southend_editor, date=today - timedelta(days=14))
    second = services.meeting_create(board=board, user=southend_editor, date=today)
    page.goto(f"/accounts/login/?next=/plans/{plan.pk}/boards/")
    page.get_by_label("Username").fill("southend")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("Change the terms of reference and how often Improvement Board meets").click()
    page.get_by_label("Terms of reference").fill("To scrutinise and challenge progress against the plan.")
    page.get_by_label("How often it meets").fill("Bi-monthly")
    page.get_by_role("button", name="Save terms of Improvement Board").click()
    expect(page.locator(f"#board-{board.pk}-terms")).to_contain_text("Bi-monthly")
    page.get_by_label("Member's name or post").fill("Simon Leftley")
    page.get_by_label("Role on the board, in the council's words").fill("Corporate Director for People")
    page.get_by_label("Programme role").select_option("sponsor")
    page.get_by_role("button", name=re.compile("^Add member")).click()
    expect(page.locator(f"#board-{board.pk}-members")).to_contain_text("Sponsor")
    fill_date(page, "narrative-date", today.day, today.month, today.year)
    page.get_by_label("Progress achieved to date").fill("A Practice Lead is in post.")
    page.get_by_role("button", name="Add the narrative").click()
    expect(page.locator("#narrative-heading + p + .govuk-summary-card")).to_contain_text("A Practice Lead is in post.")
    check_accessibility(page)

    page.get_by_role("link", name=re.compile(rf"^{first.date.day} {first.date:%B %Y}\s?: agenda")).click()
    expect(page.locator("h1")).to_have_text(f"Improvement Board: {first.date.day} {first.date:%B %Y}")
    page.get_by_label("Agenda").fill("1. Terms of reference\n2. Performance report")
    page.get_by_label("Decisions the board is asked for").fill("Agree the terms of reference.")
    page.get_by_label("Minutes").fill("The board agreed its terms of reference.")
    page.get_by_role("button", name="Save agenda and minutes").click()
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the decision as minuted")
    check_accessibility(page)
    page.get_by_label("Decision, as minuted").fill("Terms of reference agreed.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("#decisions")).to_contain_text("Terms of reference agreed.")
    page.get_by_label("Action", exact=True).fill("Report on agency staff")
    page.get_by_label("Owner").fill("Head of Children's Services")
    fill_date(page, "due", today.day, today.month, today.year)
    page.get_by_role("button", name="Add the action").click()
    expect(page.locator("#actions-arising")).to_contain_text("Report on agency staff")
    check_accessibility(page)

    page.goto(f"/plans/{plan.pk}/meetings/{second.pk}/pack/")
    expect(page.locator("#pack-decisions")).to_contain_text("Terms of reference agreed.")
    expect(page.locator("#actions-arising")).to_contain_text("Report on agency staff")
    expect(page.locator("#pack-narrative")).to_contain_text("A Practice Lead is in post.")
    check_accessibility(page)


def test_priority_timeline_page(page, southend_editor):
    """Set an overarching action's start and outcome dates; the plan page and the timeline page
    draw it as a bar (an accessible SVG) with the same dates in the table behind it."""
    from inspire.web.improve import received, services
    from inspire.web.read.uploads import report_upload

    inspection = report_upload(content=seed("004").read_bytes(), filename=seed("004").name).inspection
    plan = received.plan_start(inspection=inspection, user=southend_editor, received=inspection.published)
    theme = services.theme_create(plan=plan, user=southend_editor, code="A", name="Practice and Culture")
    item = plan.items.get(ref="1")
    services.item_update(item=item, user=southend_editor, theme_codes=[theme.code])
    action = services.action_create(
        item=item, user=southend_editor, text="Audit the decisions made to take no further action."
    )
    services.milestone_create(
        action=action,
        user=southend_editor,
        text="Auditor completes three months of audits.",
        target_date=date(2016, 10, 31),
    )
    page.goto(f"/accounts/login/?next=/plans/{plan.pk}/timeline/")
    page.get_by_label("Username").fill("southend")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Priority timeline")
    expect(page.locator("#timeline-table")).to_contain_text("No start date set: not drawn")
    fill_date(page, f"start-{action.pk}", 1, 9, 2016)
    fill_date(page, f"outcome-{action.pk}", 1, 8, 2016)
    page.get_by_role("button", name="Save dates of item 1, action 1").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("1 August 2016 is before the start (1 September 2016)")
    check_accessibility(page)
    fill_date(page, f"outcome-{action.pk}", 31, 12, 2016)
    page.get_by_role("button", name="Save dates of item 1, action 1").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Timeline saved.")
    chart = page.get_by_role("img", name="Priority timeline")
    expect(chart).to_be_visible()
    expect(chart.locator("rect")).to_have_count(2)  # the theme and its action
    row = page.locator("#timeline-table tr", has_text="1.1 Audit the decisions")
    expect(row).to_contain_text("1 September 2016")
    expect(row).to_contain_text("31 December 2016")
    expect(row).to_contain_text("Milestone 1: 31 October 2016")
    check_accessibility(page)
    page.get_by_role("link", name="Plan", exact=True).click()
    expect(page.get_by_role("img", name="Priority timeline").locator("rect")).to_have_count(2)
    check_accessibility(page)
