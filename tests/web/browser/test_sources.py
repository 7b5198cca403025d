"""Uploading a second file of an inspection in Chromium: it is said, listed as a source, and the
page passes axe-core."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.web.browser.conftest import check_accessibility
from tests.web.browser.test_journeys import sign_in
from tests.web.report_copies import copies, labelled_ilacs_pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def authorities(transactional_db):
    from inspire.web.read.services import register_sync

    register_sync()


def test_upload_a_pdf_then_its_word_copy_and_see_both_sources(page, authorities, shared):
    pdf = labelled_ilacs_pdf()
    sign_in(page)
    page.get_by_label("Ofsted report").set_input_files(str(pdf))
    page.get_by_role("button", name="Upload and read").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("was read and stored")

    page.goto("/upload/")
    page.get_by_label("Ofsted report").set_input_files(
        files=[{"name": "report copy.docx", "mimeType": DOCX, "buffer": copies(pdf)[".docx"]}]
    )
    page.get_by_role("button", name="Upload and read").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        re.compile(r"report copy\.docx: already stored as .+; added as a second source\.")
    )
    rows = page.locator("#sources-table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text(pdf.name)
    expect(rows.nth(0)).to_contain_text("Values read from this file")
    expect(rows.nth(1)).to_contain_text("report copy.docx")
    expect(rows.nth(1)).to_contain_text("Word document")
    check_accessibility(page)
    with page.expect_download() as download:
        rows.nth(1).get_by_role("link").click()
    assert download.value.suggested_filename == "report copy.docx"
