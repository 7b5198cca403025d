"""Indicators in real headless Chromium, with an axe-core check on each page: from the authority
to its indicator dashboard, an indicator's page, signing in to see the cases behind a figure, and
importing an Annex A return."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from inspire.core.indicators.generator import generate
from tests.web.browser.conftest import check_accessibility

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long enough password"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = tmp_path_factory.mktemp("annex") / "essex-annex-a.xlsx"
    generate(path, seed=5, contacts=2_000)
    return path


@pytest.fixture
def essex(transactional_db, workbook):
    from inspire.web.indicators import services
    from inspire.web.inspections.models import Authority
    from inspire.web.inspections.services import register_sync

    register_sync()
    authority = Authority.objects.get(name="Essex")
    services.annex_a_import(authority=authority, content=workbook.read_bytes(), filename=workbook.name)
    services.comparators_import(text="time_period,area_code,indicator,value\n2025,E92000001,re_referrals,22.4\n2025,E,re_referrals,21.0\n")
    return authority


def _sign_in(page, next_url: str) -> None:
    from inspire.web.accounts.models import Membership
    from inspire.web.inspections.models import Authority

    user = User.objects.create_user("analyst", password=PASSWORD)
    Membership.objects.create(user=user, authority=Authority.objects.get(name="Essex"), role="editor")
    page.goto(f"/accounts/login/?next={next_url}")
    page.get_by_label("Username").fill("analyst")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_dashboard_indicator_page_and_the_cases_behind_a_figure(page, essex):
    page.goto("/authorities/essex/")
    page.get_by_role("link", name="Performance indicators of Essex").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance indicators")
    expect(page.locator("svg#trend-re_referrals")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="Re-referrals within 12 months").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Re-referrals within 12 months")
    expect(page.locator("svg#indicator-chart")).to_be_visible()
    expect(page.locator("#values-table tbody tr")).to_have_count(4)
    expect(page.get_by_text("The cases are shown only to signed-in members of Essex")).to_be_visible()
    check_accessibility(page)

    _sign_in(page, "/authorities/essex/indicators/re_referrals/")
    expect(page.locator("#cases-table")).to_be_visible()
    check_accessibility(page)

    # any period: recomputed from the stored case lists
    page.get_by_role("group", name="Start of the period").get_by_label("Day").fill("1")
    page.get_by_role("group", name="Start of the period").get_by_label("Month").fill("7")
    page.get_by_role("group", name="Start of the period").get_by_label("Year").fill("2024")
    page.get_by_role("group", name="End of the period").get_by_label("Day").fill("31")
    page.get_by_role("group", name="End of the period").get_by_label("Month").fill("8")
    page.get_by_role("group", name="End of the period").get_by_label("Year").fill("2024")
    page.get_by_role("button", name="Show the cases").click()
    expect(page.locator("#cases-summary")).to_contain_text("1 July 2024 to 31 August 2024")
    check_accessibility(page)


def test_import_an_annex_a_return(page, essex, workbook):
    _sign_in(page, "/authorities/essex/indicators/import/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Import an Annex A return")
    check_accessibility(page)
    page.get_by_role("button", name="Import the return").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select an Annex A workbook to import")
    check_accessibility(page)

    page.get_by_label("Annex A workbook").set_input_files(str(workbook))
    page.get_by_role("button", name="Import the return").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Import of {workbook.name}")
    expect(page.locator("#problems-table")).to_contain_text("no child ID")
    expect(page.locator("#left-out-table")).to_be_visible()
    check_accessibility(page)
