"""Indicators in real headless Chromium, with an axe-core check on each page: from the authority
to its indicator dashboard, an indicator's page, signing in to see the cases behind a figure, and
importing an Annex A return."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from inspire.core.indicators import CATALOGUE
from inspire.core.indicators.generator import generate
from inspire.core.indicators.published import MEASURES
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
    from inspire.web.measure import services
    from inspire.web.read.models import Authority
    from inspire.web.read.services import register_sync

    register_sync()
    authority = Authority.objects.get(name="Essex")
    services.annex_a_import(authority=authority, content=workbook.read_bytes(), filename=workbook.name)
    services.comparators_import(
        text="time_period,area_code,indicator,value\n2025,E92000001,re_referrals,22.4\n2025,E,re_referrals,21.0\n"
    )
    return authority


def _sign_in(page, next_url: str) -> None:
    from inspire.web.accounts.models import Membership
    from inspire.web.read.models import Authority

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
    expect(page.locator("#members-only")).to_contain_text("shown only to signed-in members of Essex")
    expect(page.locator("svg#trend-re_referrals")).to_have_count(0)  # Annex A figures: members only
    check_accessibility(page)

    page.get_by_role("link", name="Re-referrals within 12 months").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Re-referrals within 12 months")
    expect(page.locator("#members-only")).to_be_visible()
    check_accessibility(page)

    _sign_in(page, "/authorities/essex/indicators/")
    expect(page.locator("svg#trend-re_referrals")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("link", name="Re-referrals within 12 months").click()
    expect(page.locator("svg#indicator-chart")).to_be_visible()
    expect(page.locator("#values-table tbody tr")).to_have_count(4)
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


#: each comparator column's right edge, each sparkline's box, and whether its end markers lie inside it
_LAYOUT = """() => {
  const container = document.querySelector('.govuk-width-container').getBoundingClientRect();
  const headers = [...document.querySelectorAll('.inspire-dashboard-table thead th')].map(th => ({
    text: th.textContent.trim(), right: th.getBoundingClientRect().right}));
  const sparklines = [...document.querySelectorAll('svg.inspire-sparkline')].map(svg => {
    const box = svg.getBoundingClientRect();
    const inside = [...svg.querySelectorAll('circle, text')].every(e => {
      const r = e.getBoundingClientRect();
      return r.left >= box.left - 0.5 && r.right <= box.right + 0.5 \
&& r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
    });
    return {width: box.width, inside, labels: svg.querySelectorAll('text').length};
  });
  return {containerRight: container.right, headers, sparklines, pageWidth: document.documentElement.scrollWidth};
}"""


def test_the_dashboard_fits_the_page(page, essex, tmp_path):
    from inspire.web.measure import services
    from tests.web.factories import make_record, store

    store(
        make_record(authority="Essex", facts={"looked_after": 1_139, "looked_after_rate": 38.4, "as_at": "2014-01-31"})
    )
    services.report_figures_sync(authority=essex)
    _sign_in(page, "/authorities/essex/indicators/")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    layout = page.evaluate(_LAYOUT)
    page.screenshot(path=tmp_path / "dashboard-1280.png", full_page=True)
    comparators = [h for h in layout["headers"] if h["text"] in ("England", "Region", "Neighbours", "Quartile")]
    themes = {i.theme for i in CATALOGUE.values()} | {m.theme for m in MEASURES.values() if m.indicator is None}
    assert len(comparators) == 4 * len(themes)  # every theme's table
    assert all(h["right"] <= min(layout["containerRight"], 1280) for h in comparators), comparators
    assert layout["sparklines"] and all(
        s["width"] <= 160 and s["inside"] and s["labels"] == 2 for s in layout["sparklines"]
    )
    assert layout["pageWidth"] <= 1280

    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    page.screenshot(path=tmp_path / "dashboard-375.png", full_page=True)
    layout = page.evaluate(_LAYOUT)
    assert layout["pageWidth"] <= 375  # the tables scroll in their own regions, not the page
    assert all(s["inside"] for s in layout["sparklines"])
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


@pytest.mark.parametrize("name", ["Barnsley", "Camden", "Cornwall"])
def test_a_fresh_installation_shows_every_indicator_against_the_shipped_comparators(page, transactional_db, name):
    """What `inspire setup` leaves (the database prepared, nothing else): England, the region, the
    neighbours and the quartile of every published indicator, for any authority."""
    from inspire.web.read.ingest import database_prepare
    from inspire.web.read.models import Authority

    database_prepare()
    slug = Authority.objects.get(name=name).slug
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"/authorities/{slug}/indicators/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Performance indicators")
    expect(page.locator("#comparators-note")).to_contain_text(
        "year ending 31 March 2025; year ending 30 September 2025"
    )
    for measure in MEASURES.values():
        cells = page.locator(f'tr[data-indicator="{measure.indicator or measure.id}"] td')
        expect(cells).to_have_count(6)
        for index in (2, 3, 4):  # England, region, neighbours: a figure with its unit
            expect(cells.nth(index)).to_have_text(
                re.compile(r"^\d[\d,.]*(%| per 10,000 children| cases per social worker)$")
            )
        expect(cells.nth(5)).to_have_text(re.compile(r"(quartile\)?|quarter); ranked \d+ of \d+$|^Not ranked: "))
    check_accessibility(page)

    page.get_by_role("link", name="Social worker turnover").click()
    expect(page.locator("#reading")).to_contain_text(re.compile(r"England"))
    expect(page.locator("svg#indicator-chart g[data-series]")).to_have_count(2)
    check_accessibility(page)
    page.go_back()
    page.get_by_role("link", name="Children looked after per 10,000 children").click()
    expect(page.locator("#neighbours-table tbody tr")).to_have_count(10)
    expect(page.locator("#published-table tbody tr")).to_have_count(10)
    check_accessibility(page)
