"""The national picture's charts, drill-down, official figures, reconciliation and themes in real
headless Chromium, with axe-core on every page and each chart's table alternative checked."""

from __future__ import annotations

import pytest

from tests.web.browser.conftest import check_accessibility
from tests.web.sample import make_sample

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sample(transactional_db):
    from inspire.web.read.services import register_sync

    register_sync()
    return make_sample()


def _charts_have_tables(page, pairs):
    for chart, table in pairs:
        svg = page.locator(f"svg#{chart}")
        assert svg.get_attribute("role") == "img"
        assert svg.get_attribute("aria-labelledby") == f"{chart}-title {chart}-desc"
        assert page.locator(f"table#{table}").count() == 1, f"{chart} has no table alternative"


def test_national_charts_drill_down_and_official_pages(page, sample):
    page.goto("/national/?as-at-day=1&as-at-month=1&as-at-year=2025")
    _charts_have_tables(
        page,
        [("regions-chart", "distribution-table"), ("share-chart", "share-table"), ("flow-chart", "transitions-table")],
    )
    assert "local authorities" in page.locator("#coverage").inner_text()
    check_accessibility(page)
    page.locator("#distribution-table tfoot a").first.click()
    page.wait_for_url("**/national/authorities/**")
    assert page.locator("#behind-table tbody tr").count() >= 1
    check_accessibility(page)
    page.goto("/national/official/?as-at-day=31&as-at-month=3&as-at-year=2025")
    assert page.locator("#official-shares").count() == 1
    check_accessibility(page)
    page.goto("/national/reconciliation/")
    assert "not stored" in page.content()
    check_accessibility(page)


def test_themes_similar_and_authority_comparison(page, sample):
    page.goto("/themes/")
    assert page.locator("#themes-table tbody tr").count() >= 1
    check_accessibility(page)
    page.locator("#themes-table tbody a").first.click()
    page.wait_for_url("**/themes/*/")
    check_accessibility(page)
    page.locator("a", has_text="similar elsewhere").first.click()
    page.wait_for_url("**/similar/")
    check_accessibility(page)
    page.goto("/authorities/essex/")
    _charts_have_tables(page, [("peers-chart", "peers-table")])
    check_accessibility(page)
