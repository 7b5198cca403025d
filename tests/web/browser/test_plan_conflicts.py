"""Someone else saves first: in a real browser, the refused save's page (the action form, and the
milestone row htmx swaps) says so in plain words, shows their change and keeps what was typed,
and passes an axe-core check."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.conftest import seed
from tests.web.browser.conftest import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long enough password"


@pytest.fixture
def plan_and_editors(transactional_db):
    from inspire.web.accounts.models import Membership
    from inspire.web.accounts.services import person_get_or_create
    from inspire.web.improve import services
    from inspire.web.read.models import Authority
    from inspire.web.read.services import register_sync
    from inspire.web.read.uploads import report_upload

    register_sync()
    southend = Authority.objects.get(name="Southend-on-Sea")
    editors = []
    for name in ("dana", "sam"):
        user = User.objects.create_user(name, password=PASSWORD)
        Membership.objects.create(user=user, authority=southend, role="editor")
        editors.append(user)
    inspection = report_upload(content=seed("004").read_bytes(), filename=seed("004").name).inspection
    plan = services.plan_create(inspection=inspection, created_by=editors[0])
    person_get_or_create(authority=southend, name="Head of Children's Services")
    action = services.action_create(
        item=plan.items.get(ref="1"), user=editors[0], text="Identify and adopt a model of practice."
    )
    services.milestone_create(
        action=action, user=editors[0], text="Research of options.", target_date=date(2016, 9, 30)
    )
    return plan, action, editors


def test_a_stale_save_shows_the_other_change_and_keeps_what_was_typed(page, plan_and_editors):
    from inspire.web.improve import services
    from inspire.web.improve.models import Action, Milestone

    plan, action, (dana, sam) = plan_and_editors
    page.goto(f"/accounts/login/?next=/plans/{plan.pk}/actions/{action.pk}/")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Change action 1")
    page.get_by_label("Lead").select_option("Head of Children's Services")
    page.get_by_label("Timescale as written").fill("Quarterly from March 2017")
    # while Sam types, Dana saves new words
    services.action_update(action=Action.objects.get(pk=action.pk), user=dana, text="Adopt Signs of Safety.")
    page.get_by_role("button", name="Save action").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Someone else changed this action while you were editing it")
    expect(page.locator("#conflict")).to_contain_text("dana saved it on")
    expect(page.locator("#conflict")).to_contain_text("Adopt Signs of Safety.")
    expect(page.get_by_label("Lead")).to_have_value("Head of Children's Services")
    expect(page.get_by_label("Timescale as written")).to_have_value("Quarterly from March 2017")
    check_accessibility(page)
    summary.get_by_role("link").click()
    expect(page.locator("#conflict")).to_be_focused()
    page.get_by_label("Overarching action").fill("Adopt Signs of Safety.")
    page.get_by_role("button", name="Save action").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Action saved")
    stored = Action.objects.get(pk=action.pk)
    assert (stored.text, stored.lead.name, stored.timescale) == (
        "Adopt Signs of Safety.",
        "Head of Children's Services",
        "Quarterly from March 2017",
    )

    # the milestone row, saved by htmx, after Dana marked it at risk
    milestone = Milestone.objects.get(action=action)
    services.milestone_update(milestone=milestone, user=dana, status="at_risk")
    page.get_by_label("Status of Milestone 1, action 1").select_option("on_track")
    page.get_by_role("button", name="Save Milestone 1, action 1").click()
    row = page.locator(f"#milestone-{milestone.pk}")
    expect(row).to_contain_text("Someone else changed this milestone while you were editing it")
    expect(row).to_contain_text("dana saved it on")
    expect(page.get_by_label("Status of Milestone 1, action 1")).to_have_value("on_track")
    check_accessibility(page)
    page.get_by_role("button", name="Save Milestone 1, action 1").click()
    expect(row.get_by_role("status")).to_have_text("Saved.")
    milestone.refresh_from_db()
    assert milestone.status == "on_track"
