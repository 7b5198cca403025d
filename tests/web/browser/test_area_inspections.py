"""Area inspections in real headless Chromium, with axe-core on each page: an authority with
ILACS, SIF, JTAI and area SEND inspections shows all of them on its timeline, each kind in its own
shape; the SEND inspection's page; a plan started from its priority actions."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.web.browser.conftest import check_accessibility
from tests.web.test_area_inspections import LANCASHIRE, store_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long enough password"


@pytest.fixture
def lancashire(transactional_db):
    from inspire.web.accounts.models import Membership
    from inspire.web.read.models import Authority
    from inspire.web.read.services import register_sync

    register_sync()
    stored = {family: store_file(path) for family, path in LANCASHIRE.items()}
    user = User.objects.create_user("lancashire", password=PASSWORD)
    Membership.objects.create(user=user, authority=Authority.objects.get(name="Lancashire"), role="editor")
    return stored


def test_an_authority_shows_ilacs_sif_jtai_and_send_on_one_timeline(page, lancashire):
    page.goto("/authorities/lancashire/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Lancashire")
    timeline = page.locator("svg#timeline-chart")
    expect(timeline).to_be_visible()
    # one marker per inspection, each kind in its own shape (and colour)
    expect(timeline.locator("g.inspire-timeline__circle")).to_have_count(1)  # ILACS
    expect(timeline.locator("g.inspire-timeline__square")).to_have_count(1)  # SIF
    expect(timeline.locator("g.inspire-timeline__triangle")).to_have_count(1)  # JTAI
    expect(timeline.locator("g.inspire-timeline__diamond")).to_have_count(1)  # area SEND
    colours = {
        timeline.locator(f"g.inspire-timeline__{shape} > *").get_attribute("fill")
        for shape in ("circle", "square", "triangle", "diamond")
    }
    assert len(colours) == 4
    for name in (
        "ILACS (2018 on)",
        "SIF and LSCB reviews (2013-18)",
        "Joint targeted area inspection",
        "Area SEND inspection",
    ):
        expect(timeline).to_contain_text(name)
    expect(page.locator("#history-table")).to_contain_text("Area SEND inspection (from 2023)")
    expect(page.locator("#history-table")).to_contain_text("Joint targeted area inspection (JTAI, from 2016)")
    check_accessibility(page)

    page.get_by_role("link", name="9 December 2024 to 13 December 2024").click()
    expect(page.locator("#inspection-facts")).to_contain_text("3: widespread and/or systemic failings")
    expect(page.locator("#priority-items")).to_have_text("Areas for priority action")
    check_accessibility(page)
    page.get_by_role("link", name=re.compile(r"^Where this comes from\W+inspection outcome$")).click()
    expect(page.locator("mark#quote")).to_contain_text("widespread and/or systemic failings")
    check_accessibility(page)


def test_start_a_plan_from_a_send_inspections_priority_actions(page, lancashire):
    page.goto("/accounts/login/?next=/plans/")
    page.get_by_label("Username").fill("lancashire")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Improvement plans")
    check_accessibility(page)
    page.get_by_role(
        "button", name="Start a plan from its priority actions for Lancashire: Area SEND inspection"
    ).click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("areas for priority action")
    expect(page.locator("#deadline")).to_contain_text("None stated")
    expect(page.locator("#deadline")).to_contain_text("The report sets no date for the partnership's plan")
    expect(page.get_by_role("link", name="Priority 3")).to_be_visible()
    expect(page.locator("body")).to_contain_text("Owner: ")
    check_accessibility(page)
