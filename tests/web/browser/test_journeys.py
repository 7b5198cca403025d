"""A person's path through Inspire in real headless Chromium, with an axe-core check on each page:
find an authority, open an inspection, follow a value to its quote, search, change the national
date, download both exports, upload a report."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.contrib.auth.models import User
from openpyxl import load_workbook
from playwright.sync_api import expect

from inspire.core.reading.frameworks import FRAMEWORKS
from tests.conftest import seed
from tests.web.browser.conftest import check_accessibility
from tests.web.sample import make_sample

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long enough password"


@pytest.fixture
def sample(transactional_db):
    from inspire.web.read.services import register_sync

    register_sync()
    return make_sample()


def test_find_an_authority_open_an_inspection_and_follow_a_value_to_its_quote(page, sample):
    page.goto("/")
    check_accessibility(page)
    page.get_by_role("link", name="Find an authority").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Authorities")
    check_accessibility(page)

    # htmx narrows the list as the name is typed (no page load)
    page.get_by_label("Authority name").fill("Essex")
    expect(page.locator("#authority-count")).to_contain_text("1 authority")
    assert "q=Essex" in page.url  # the filtered list has its own address
    page.get_by_role("link", name="Essex", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Essex")
    expect(page.locator("svg#grades-chart")).to_be_visible()
    check_accessibility(page)

    page.get_by_role("link", name="7 October 2019 to 18 October 2019").click()
    expect(page.locator("h1")).to_have_text("Essex")
    expect(page.locator("#judgements-table")).to_contain_text("Outstanding")
    check_accessibility(page)

    page.get_by_role("link", name=re.compile(r"^Page 2\W+overall effectiveness$")).click()
    expect(page.locator("h1")).to_contain_text("Overall effectiveness judgement: where it comes from")
    expect(page.locator("mark#quote")).to_have_text("Overall effectiveness | Good")
    check_accessibility(page)

    # the original document downloads; it is never shown as a page of Inspire
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download the original report")).click()
    assert download.value.suggested_filename == "essex-2019.txt"
    assert "Overall effectiveness | Good" in open(download.value.path(), encoding="utf-8").read()


def test_search_the_reports(page, sample):
    page.goto("/")
    page.get_by_role("link", name="Search", exact=True).click()
    check_accessibility(page)
    page.get_by_label("Words to find").fill("health assessments")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#result-count")).to_have_text("1 page found")
    expect(page.locator(".inspire-snippet mark").first).to_have_text("health")
    assert re.search(r"q=health(\+|%20)assessments", page.url)
    check_accessibility(page)

    # a hit opens its page of the report with the words marked
    page.get_by_role("link", name=re.compile(r"^page 3\W+of the report on Essex")).click()
    expect(page.locator("mark#quote")).to_have_text("health")
    check_accessibility(page)
    page.go_back()

    # a filter applies straight away with JavaScript (htmx), keeping the query
    page.get_by_label("Type of report").select_option("sif")
    expect(page.locator("#search-results")).to_contain_text("No pages match")
    assert "family=sif" in page.url

    # a wrong date is explained in the error summary
    page.locator("#from-day").fill("31")
    page.locator("#from-month").fill("2")
    page.locator("#from-year").fill("2020")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Start date must be a real date")
    check_accessibility(page)


def test_change_the_national_date_and_download_both_exports(page, sample):
    page.goto("/national/")
    expect(page.locator("#sentence")).to_contain_text("inspected")
    check_accessibility(page)

    page.locator("#as-at-day").fill("1")
    page.locator("#as-at-month").fill("1")
    page.locator("#as-at-year").fill("2020")
    page.get_by_role("button", name="Show the picture").click()
    expect(page.locator("#sentence")).to_have_text("5 inspected: 20% inadequate, 60% good, 20% outstanding")
    expect(page.locator("#headline")).to_contain_text("as at 1 January 2020")
    expect(page.locator("#live-status")).to_contain_text("as at 1 January 2020: 5 inspected")  # announced
    assert "as-at-year=2020" in page.url
    check_accessibility(page)

    # an impossible date: the error summary says what is wrong, the figures go
    page.locator("#as-at-day").fill("30")
    page.locator("#as-at-month").fill("2")
    page.get_by_role("button", name="Show the picture").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("As at date must be a real date")
    expect(page.locator("#sentence")).to_have_count(0)
    expect(page).to_have_title(re.compile(r"^Error: National picture"))
    check_accessibility(page)

    with page.expect_download() as summary:
        page.get_by_role("link", name="Summary as CSV").click()
    assert summary.value.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(open(summary.value.path(), encoding="utf-8-sig").read())))
    assert any("Essex" in row for row in rows[1:])

    with page.expect_download() as history:
        page.get_by_role("link", name="History as Excel").click()
    assert history.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(open(history.value.path(), "rb").read())).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert values.count("Essex") == 3  # 2019, 2014 and the 2006 letter


def test_national_picture_works_without_javascript(no_js_page, sample):
    page = no_js_page
    page.goto("/national/")
    page.locator("#as-at-day").fill("1")
    page.locator("#as-at-month").fill("1")
    page.locator("#as-at-year").fill("2020")
    page.get_by_role("button", name="Show the picture").click()
    expect(page.locator("#sentence")).to_have_text("5 inspected: 20% inadequate, 60% good, 20% outstanding")


def test_sign_in_and_upload_a_report(page, sample, live_server):
    User.objects.create_user("reader", password=PASSWORD)
    page.goto("/")
    page.get_by_role("link", name="Upload", exact=True).click()
    # signing in first
    expect(page.locator("h1")).to_have_text("Sign in")
    check_accessibility(page)
    page.get_by_label("Username").fill("reader")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check_accessibility(page)
    page.get_by_label("Username").fill("reader")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.locator("h1")).to_have_text("Upload a report")
    check_accessibility(page)
    # a web page saved as .pdf is refused, and why is said
    page.get_by_label("Ofsted report").set_input_files(
        files=[
            {
                "name": "report.pdf",
                "mimeType": "application/pdf",
                "buffer": b"<!DOCTYPE html><html><body>Report not found</body></html>",
            }
        ]
    )
    page.get_by_role("button", name="Upload and read").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "report.pdf: the file is named .pdf but contains an HTML page"
    )
    check_accessibility(page)

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def sign_in(page) -> None:
    User.objects.create_user("reader", password=PASSWORD)
    page.goto("/accounts/login/?next=/upload/")
    page.get_by_label("Username").fill("reader")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Upload a report")


@pytest.mark.skipif(not FRAMEWORKS, reason="the report readers are not on this branch yet (merge main)")
def test_upload_a_real_report(page, sample):
    sign_in(page)
    path = seed("001")
    page.get_by_label("Ofsted report").set_input_files(str(path))
    page.get_by_role("button", name="Upload and read").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("was read and stored")
    expect(page.locator("h1")).to_have_text("Essex")
    check_accessibility(page)


def test_error_pages_and_filters_without_javascript(no_js_page, page, sample):
    page.goto("/authorities/nowhere-on-earth/")
    expect(page.locator("h1")).to_have_text("Page not found")
    check_accessibility(page)

    no_js_page.goto("/authorities/")
    no_js_page.get_by_label("Region").select_option("East of England")
    no_js_page.get_by_role("button", name="Show authorities").click()
    expect(no_js_page.locator("#authority-count")).to_contain_text("authorities in East of England")
    assert "region=East+of+England" in no_js_page.url

    no_js_page.goto("/search/?q=Essex")
    expect(no_js_page.locator("#result-count")).to_contain_text("found")


def test_pages_on_a_phone_sized_screen(browser, live_server, sample):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 800}, locale="en-GB")
    page = context.new_page()
    try:
        for path in (
            "/",
            "/authorities/essex/",
            f"/inspections/{sample.essex_2019.pk}/",
            "/national/",
            "/search/?q=Essex",
        ):
            page.goto(path)
            check_accessibility(page)
        # the menu folds behind a button, which opens it
        page.get_by_role("button", name="Menu").click()
        expect(page.get_by_role("link", name="National picture")).to_be_visible()
    finally:
        context.close()


def test_neighbours_table_fits_a_laptop_screen(browser, live_server, sample):
    """At 1280px every column of the statistical-neighbours table is in view (none clipped), with
    the widest grades in every column; on a phone the table scrolls sideways in its own region."""
    from datetime import date

    from tests.web.factories import make_record, store

    store(
        make_record(
            authority="Gloucestershire",
            family="ilacs",
            inspection_start=date(2022, 2, 7),
            inspection_end=date(2022, 2, 18),
            judgements={
                "overall": "requires_improvement",
                "help_and_protection": "requires_improvement",
                "children_in_care": "requires_improvement",
                "care_leavers": "outstanding",
                "leadership": "requires_improvement",
            },
            filename="gloucestershire-2022.txt",
        )
    )
    widths = {}
    for width in (1280, 375):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": 900}, locale="en-GB"
        )
        page = context.new_page()
        try:
            page.goto("/authorities/essex/")
            expect(page.locator("#neighbours-table th", has_text="Leadership")).to_be_visible()
            widths[width] = page.evaluate(
                "() => { const t = document.querySelector('#neighbours-table'); "
                "return [t.scrollWidth, t.parentElement.clientWidth]; }"
            )
        finally:
            context.close()
    table, room = widths[1280]
    assert table <= room, f"the table is {table}px wide in {room}px"
    table, room = widths[375]
    assert table > room  # scrolls sideways on a phone (the region is focusable, checked by axe on the phone test)
