"""The HTML pages through Django's test client: each page, its 404s, its validation messages,
upload (signed in, checked by content, size-limited, CSRF-protected) and htmx fragments."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from inspire.core.reading.frameworks import FRAMEWORKS
from inspire.web.read.evidence import highlight
from inspire.web.read.models import Inspection
from inspire.web.see.national import grade_distribution
from inspire.web.toolkit.templatetags.inspire import long_date, years_months
from tests.conftest import seed
from tests.web.sample import HTML_ORIGINAL, make_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample(register):
    return make_sample()


@pytest.fixture
def user(db):
    return User.objects.create_user("reader", password="a long enough password")


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def text(response) -> str:
    """The page's visible words, whitespace collapsed (for sentences split over template lines)."""
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(body).split())


# --- every page ------------------------------------------------------------------------------


def test_home_gives_the_counts_and_todays_national_sentence(client, sample):
    response = client.get("/")
    assert response.status_code == 200
    page = text(response)
    assert "Inspire holds 11 reports on 7 of the 156 authorities" in page
    assert grade_distribution(as_at=date.today()).national.sentence() in page


def test_authority_list_filters_by_region_and_name(client, sample):
    everyone = client.get(reverse("authority_list"))
    assert everyone.status_code == 200
    assert "156 authorities" in text(everyone)

    east = client.get(reverse("authority_list"), {"region": "East of England"})
    names = re.findall(r'href="/authorities/([a-z0-9-]+)/"', east.content.decode())
    assert "essex" in names and "suffolk" in names and "kent" not in names

    found = client.get(reverse("authority_list"), {"q": "sex"})
    names = re.findall(r'href="/authorities/([a-z0-9-]+)/"', found.content.decode())
    assert set(names) == {"essex", "east-sussex", "west-sussex", "middlesex"} - {"middlesex"}


def test_authority_page_has_history_chart_neighbours_region_and_recommendations(client, sample):
    response = client.get(reverse("authority_detail", args=["essex"]))
    assert response.status_code == 200
    html = response.content.decode()
    # one timeline over both frameworks: the chart (a line for each area judged twice) and its table
    assert 'role="img"' in html and "Essex: grades over time" in html
    history_chart = html[html.index('id="grades-chart"') : html.index("</svg>", html.index('id="grades-chart"'))]
    assert history_chart.count("<polyline") == 4  # overall, help and protection, children in care, leadership
    history = html[html.index('id="history-table"') :]
    assert (
        history.index("7 October 2019") < history.index("14 January 2014") < history.index("Published 30 November 2006")
    )
    assert "Good (3)" in history and "Staying safe" in history  # APA grades keep their number
    # neighbours, in the register's order, with their latest grades
    neighbours = html[html.index('id="neighbours-table"') : html.index('id="region"')]
    assert "Kent" in neighbours and "West Sussex" in neighbours and "Inadequate" in neighbours
    assert neighbours.index("Essex") < neighbours.index("Kent")
    # region: Essex, Hertfordshire and Suffolk have overall grades in the East of England
    assert "Latest overall grades of the 3 authorities in East of England" in text(response)
    # recommendations, newest first
    recommendations = text(response).split("Recommendations received", 1)[1]
    assert recommendations.index("written plans for children in need") < recommendations.index(
        "child protection plans are visited"
    )


def test_inspection_page_shows_every_value_with_links_to_its_source(client, sample):
    inspection = sample.essex_2019
    response = client.get(reverse("inspection_detail", args=[inspection.pk]))
    assert response.status_code == 200
    page = text(response)
    for expected in (
        "Tara Geere",
        "7 October 2019",
        "18 October 2019",
        "Overall effectiveness",
        "Outstanding",
        "Timeliness of initial health assessments",
        "307,000",
        "The publication date is not stated",
    ):
        assert expected in page, expected
    html = response.content.decode()
    evidence = reverse("inspection_evidence", args=[inspection.pk])
    assert f"{evidence}?key=judgements.overall#quote" in html
    assert f"{evidence}?key=lead_inspector#quote" in html
    assert f"{evidence}?key=facts.children#quote" in html
    assert html.count(f"{evidence}?recommendation=") == 3
    assert reverse("inspection_document", args=[inspection.pk]) in html


def test_inspection_page_shows_each_recommendations_group_and_topic(client, sample):
    page = text(client.get(reverse("inspection_detail", args=[sample.essex_2014.pk])))
    assert "Priority and immediate action: Visits Ensure that all children subject to child protection plans" in page
    assert "Area for improvement Improve the consistency of supervision" in page


def test_inspection_without_an_identified_authority_still_shows(client, sample):
    response = client.get(reverse("inspection_detail", args=[sample.unknown.pk]))
    assert response.status_code == 200
    assert "Authority not identified" in text(response)


def test_evidence_page_highlights_the_quote_on_its_page(client, sample):
    inspection = sample.essex_2019
    response = client.get(reverse("inspection_evidence", args=[inspection.pk]), {"key": "lead_inspector"})
    assert response.status_code == 200
    html = response.content.decode()
    # the page text has "Tara   Geere" (extra spaces): the quote is still found and marked
    assert re.search(r'<mark id="quote">Lead inspector: Tara\s+Geere</mark>', html)
    assert "Page 1 of 4" in text(response)

    judgement = client.get(reverse("inspection_evidence", args=[inspection.pk]), {"key": "judgements.children_in_care"})
    assert (
        '<mark id="quote">The experiences and progress of children in care and care leavers | Outstanding</mark>'
        in judgement.content.decode()
    )


def test_evidence_for_a_recommendation(client, sample):
    inspection = sample.essex_2019
    recommendation = inspection.recommendations.get(ordinal=2)
    response = client.get(reverse("inspection_evidence", args=[inspection.pk]), {"recommendation": recommendation.pk})
    assert response.status_code == 200
    assert (
        '<mark id="quote">Timeliness of initial health assessments for children coming into care.</mark>'
        in response.content.decode()
    )
    assert "Page 3 of 4" in text(response)


def test_original_document_is_a_download_with_its_stored_type(client, sample):
    response = client.get(reverse("inspection_document", args=[sample.html_original.pk]))
    assert response.status_code == 200
    assert response.content == HTML_ORIGINAL
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="tower-hamlets-2016.html"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]

    text_file = client.get(reverse("inspection_document", args=[sample.essex_2019.pk]))
    assert text_file["Content-Type"] == "text/plain; charset=utf-8"
    assert text_file["Content-Disposition"].startswith("attachment;")


def test_national_picture_as_at_a_date(client, sample):
    response = client.get(reverse("national"), {"as-at-day": "1", "as-at-month": "1", "as-at-year": "2020"})
    assert response.status_code == 200
    page = text(response)
    # Hertfordshire good, Essex good (2019 replaced 2014), West Sussex inadequate, Suffolk outstanding,
    # Tower Hamlets good (2019 replaced 2016); Kent not until 2022
    assert "Overall effectiveness as at 1 January 2020" in page
    assert "5 inspected: 20% inadequate, 60% good, 20% outstanding" in page
    # transition table: Essex requires improvement → good; Tower Hamlets requires improvement → good
    rows = re.findall(r"From requires improvement.*?</tr>", response.content.decode(), re.S)
    cells = re.findall(r">(\d+)</td>", rows[0])
    assert cells == ["0", "2", "0", "0", "2"]


def test_national_picture_per_area_includes_2026_reports(client, sample):
    response = client.get(
        reverse("national"), {"as-at-day": "1", "as-at-month": "6", "as-at-year": "2026", "area": "help_and_protection"}
    )
    assert response.status_code == 200
    assert "Help and protection as at 1 June 2026" in text(response)
    # Essex, Kent, West Sussex, Suffolk and Somerset (its 2026 judgement counts)
    assert "5 inspected: 20% inadequate, 20% requires improvement, 40% good, 20% outstanding" in text(response)


def test_national_picture_defaults_to_today(client, sample):
    response = client.get(reverse("national"))
    assert response.status_code == 200
    assert f"as at {long_date(date.today())}" in text(response)


def test_search_finds_highlighted_snippets(client, sample):
    response = client.get(reverse("search"), {"q": "health assessments"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 page found" in text(response)
    assert "<mark>health</mark> <mark>assessments</mark>" in html
    assert reverse("inspection_detail", args=[sample.essex_2019.pk]) in html


def test_search_filters(client, sample):
    kept = client.get(reverse("search"), {"q": "Essex", "family": "sif"})
    assert "1 page found" in text(kept)
    none = client.get(reverse("search"), {"q": "Essex", "region": "London"})
    assert "No pages match" in text(none)
    dated = client.get(reverse("search"), {"q": "Essex", "from-day": "1", "from-month": "1", "from-year": "2019"})
    assert reverse("inspection_detail", args=[sample.essex_2019.pk]) in dated.content.decode()
    assert reverse("inspection_detail", args=[sample.essex_2014.pk]) not in dated.content.decode()


def test_search_without_words_invites_a_query(client, sample):
    response = client.get(reverse("search"))
    assert response.status_code == 200
    assert "Enter words to find" in text(response)


def test_login_page(client, user):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    wrong = client.post(reverse("login"), {"username": "reader", "password": "wrong"})
    assert "There is a problem" in text(wrong)
    right = client.post(
        reverse("login"), {"username": "reader", "password": "a long enough password", "next": "/upload/"}
    )
    assert right.status_code == 302 and right["Location"] == "/upload/"
    out = client.post(reverse("logout"))
    assert out.status_code == 302
    assert client.get(reverse("upload")).status_code == 302


# --- htmx: one URL, the whole page or its fragment ---------------------------------------------


def test_htmx_requests_get_just_the_fragment(client, sample):
    params = {"as-at-day": "1", "as-at-month": "1", "as-at-year": "2020"}
    whole = client.get(reverse("national"), params)
    part = client.get(reverse("national"), params, HTTP_HX_REQUEST="true")
    assert "<html" in whole.content.decode()
    fragment = part.content.decode()
    assert "<html" not in fragment and 'id="national-results"' in fragment
    assert "5 inspected: 20% inadequate, 60% good, 20% outstanding" in text(part)
    assert "HX-Request" in part["Vary"]
    # what changed is announced through the page's status region
    assert re.search(
        r'<div id="live-status" hx-swap-oob="innerHTML">Overall effectiveness as at 1 January 2020: 5 inspected',
        fragment,
    )

    search = client.get(reverse("search"), {"q": "Essex"}, HTTP_HX_REQUEST="true")
    assert "<html" not in search.content.decode() and 'id="search-results"' in search.content.decode()
    authorities = client.get(reverse("authority_list"), {"q": "Kent"}, HTTP_HX_REQUEST="true")
    assert "<html" not in authorities.content.decode() and "1 authority" in text(authorities)


def test_htmx_fragment_carries_the_error_summary(client, sample):
    part = client.get(
        reverse("national"), {"as-at-day": "30", "as-at-month": "2", "as-at-year": "2020"}, HTTP_HX_REQUEST="true"
    )
    assert part.status_code == 400
    assert 'hx-swap-oob="true"' in part.content.decode()
    assert "As at date must be a real date" in text(part)


# --- 404s ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/no-such-page/",
        "/authorities/nowhere-on-earth/",
        "/inspections/987654/",
        "/inspections/987654/document/",
        "/inspections/987654/evidence/?key=judgements.overall",
    ],
)
def test_unknown_addresses_give_the_404_page(client, sample, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in text(response)
    assert "Traceback" not in response.content.decode()


def test_unknown_provenance_gives_404(client, sample):
    evidence = reverse("inspection_evidence", args=[sample.essex_2019.pk])
    assert client.get(evidence, {"key": "judgements.adoption"}).status_code == 404
    assert client.get(evidence, {"key": "nonsense"}).status_code == 404
    assert client.get(evidence).status_code == 404
    other = sample.essex_2014.recommendations.first()
    assert client.get(evidence, {"recommendation": other.pk}).status_code == 404
    assert client.get(evidence, {"recommendation": "x"}).status_code == 404


# --- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, month, year, message",
    [
        ("31", "2", "2019", "As at date must be a real date"),
        ("1", "", "2019", "As at date must include a month"),
        ("", "", "2019", "As at date must include a day and a month"),
        ("1", "1", "19", "Year must include 4 numbers"),
        ("a", "1", "2019", "As at date must be a real date"),
        ("1", "1", "1999", "As at date must be in 2000 or later"),
    ],
)
def test_national_date_is_checked(client, sample, day, month, year, message):
    response = client.get(reverse("national"), {"as-at-day": day, "as-at-month": month, "as-at-year": year})
    assert response.status_code == 400
    page = text(response)
    assert "There is a problem" in page and message in page
    assert page.startswith("Error:")


def test_national_date_cannot_be_in_the_future(client, sample):
    tomorrow = date.today() + timedelta(days=1)
    response = client.get(
        reverse("national"), {"as-at-day": tomorrow.day, "as-at-month": tomorrow.month, "as-at-year": tomorrow.year}
    )
    assert response.status_code == 400
    assert "As at date must be today or in the past" in text(response)


def test_national_area_must_be_known(client, sample):
    response = client.get(reverse("national"), {"area": "<script>"})
    assert response.status_code == 400
    assert "Select a judgement from the list" in text(response)
    assert "<script>" not in response.content.decode().split('id="main-content"')[1]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "good", "page": "two"}, "Page must be a whole number, 1 or more"),
        ({"q": "good", "page": "0"}, "Page must be a whole number, 1 or more"),
        ({"q": "good", "page": "50"}, "Page must be 1 or less: there are 1 pages of results"),
        ({"q": "good", "family": "novel"}, "Select a type of report from the list"),
        ({"q": "good", "grade": "brilliant"}, "Select a grade from the list"),
        ({"q": "good", "region": "Atlantis"}, "Select a region from the list"),
        ({"q": "x" * 201}, "Search words must be 200 characters or fewer"),
        ({"q": "good\x00"}, "Search words must not contain a null character"),
        (
            {
                "q": "good",
                "from-day": "1",
                "from-month": "1",
                "from-year": "2020",
                "to-day": "1",
                "to-month": "1",
                "to-year": "2019",
            },
            "End date must be the same as or after the start date",
        ),
    ],
)
def test_search_parameters_are_checked(client, sample, params, message):
    response = client.get(reverse("search"), params)
    assert response.status_code == 400
    assert message in text(response)


def test_regions_are_listed_once_each(client, sample):
    html = client.get(reverse("authority_list")).content.decode()
    assert html.count('<option value="North West"') == 1
    cumbria = client.get(reverse("authority_list"), {"region": "North West", "q": "Cumbria"})
    assert "1 authority in North West" in text(cumbria)


def test_authority_region_is_checked(client, sample):
    response = client.get(reverse("authority_list"), {"region": "Narnia"})
    assert response.status_code == 400
    assert "Select a region from the list" in text(response)


# --- upload ------------------------------------------------------------------------------------


def test_upload_needs_a_signed_in_user(client, sample):
    response = client.get(reverse("upload"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    posted = client.post(reverse("upload"), {"report": SimpleUploadedFile("r.txt", b"text")})
    assert posted.status_code == 302 and Inspection.objects.count() == 11


def test_upload_form(signed_in):
    response = signed_in.get(reverse("upload"))
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in response.content.decode()
    assert "csrfmiddlewaretoken" in response.content.decode()


@pytest.mark.parametrize(
    "filename, content, message",
    [
        (None, None, "Select a report to upload"),
        ("empty.pdf", b"", "The selected file is empty"),
        (
            "report.pdf",
            b"<!DOCTYPE html><html><body>Report not found</body></html>",
            "report.pdf: the file is named .pdf but contains an HTML page",
        ),
        (
            "noise.bin",
            bytes(range(256)) * 8,
            "noise.bin: the file is not a PDF, Word (.docx), HTML or plain-text document",
        ),
        (
            "letter.txt",
            b"Dear resident, the bins will be collected on Tuesday.\n",
            "letter.txt: no Ofsted report on a local authority's children's services was found in it",
        ),
    ],
)
def test_upload_explains_what_is_wrong(signed_in, register, filename, content, message):
    data = {} if filename is None else {"report": SimpleUploadedFile(filename, content)}
    response = signed_in.post(reverse("upload"), data)
    assert response.status_code == 400
    page = text(response)
    assert "There is a problem" in page and message in page
    assert Inspection.objects.count() == 0


def test_upload_shows_the_hint_for_the_error(signed_in, register):
    response = signed_in.post(
        reverse("upload"), {"report": SimpleUploadedFile("r.docx", b"plain words, not a Word file\n")}
    )
    assert "r.docx: the file is named .docx but contains plain text" in text(response)


def test_upload_is_size_limited(signed_in, register, settings):
    settings.INSPIRE_MAX_UPLOAD_BYTES = 1024
    response = signed_in.post(reverse("upload"), {"report": SimpleUploadedFile("big.txt", b"a" * 5000)})
    assert response.status_code == 400
    assert "The selected file must be smaller than" in text(response)
    assert Inspection.objects.count() == 0


def test_upload_needs_the_csrf_token(user, register):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(reverse("upload"), {"report": SimpleUploadedFile("r.txt", b"text")})
    assert response.status_code == 403
    assert "Your form has expired" in text(response)


@pytest.mark.skipif(not FRAMEWORKS, reason="the report readers are not on this branch yet (merge main)")
def test_upload_reads_and_stores_a_real_report(signed_in, register):
    path = seed("001")
    response = signed_in.post(
        reverse("upload"), {"report": SimpleUploadedFile(path.name, path.read_bytes())}, follow=True
    )
    assert response.status_code == 200
    inspection = Inspection.objects.get()
    assert inspection.authority.name == "Essex" and inspection.document.uploaded_by.username == "reader"
    assert f"{path.name} was read and stored" in text(response)
    again = signed_in.post(
        reverse("upload"), {"report": SimpleUploadedFile("copy.txt", path.read_bytes())}, follow=True
    )
    assert "was already stored" in text(again) and Inspection.objects.count() == 1


# --- pieces --------------------------------------------------------------------------------


def test_dates_are_written_the_gov_uk_way():
    assert long_date(date(2016, 10, 14)) == "14 October 2016"
    assert long_date("2019-03-01") == "1 March 2019"
    assert long_date(None) == ""


def test_waits_in_years_and_months():
    assert years_months(12) == "12 days"
    assert years_months(400) == "1 year 1 month"
    assert years_months(365 * 3) == "2 years 11 months"


def test_highlight_escapes_the_page_and_marks_the_quote_across_spacing():
    marked, found = highlight("<b>Overall</b>\n effectiveness:\tGood", "effectiveness: good")
    assert found
    assert marked == '&lt;b&gt;Overall&lt;/b&gt;\n <mark id="quote">effectiveness:\tGood</mark>'
    plain, found = highlight("nothing here", "Good")
    assert not found and plain == "nothing here"


def test_error_pages_are_gov_uk_styled(rf, db):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied, SuspiciousOperation
    from django.views.defaults import bad_request, permission_denied, server_error

    request = rf.get("/")
    request.user = AnonymousUser()
    for response, status, heading in (
        (server_error(request), 500, "Sorry, there is a problem with the service"),
        (permission_denied(request, PermissionDenied()), 403, "You cannot do that"),
        (bad_request(request, SuspiciousOperation()), 400, "There is a problem with the request"),
    ):
        assert response.status_code == status
        assert f'<h1 class="govuk-heading-xl">{heading}</h1>' in response.content.decode()
        assert "govuk-template" in response.content.decode()


def test_cached_pages_change_when_a_report_is_stored(client, sample):
    from tests.web.factories import make_record, store

    before = client.get(reverse("authority_detail", args=["kent"]))
    assert "Reports stored 1" in text(before)
    store(
        make_record(
            authority="Kent",
            family="sif",
            inspection_start=date(2015, 3, 2),
            inspection_end=date(2015, 3, 25),
            judgements={"overall": "inadequate"},
            filename="kent-2015.txt",
        )
    )
    after = client.get(reverse("authority_detail", args=["kent"]))
    assert "Reports stored 2" in text(after)


def test_search_hit_opens_its_page_with_the_words_marked(client, sample):
    response = client.get(reverse("search"), {"q": "health assessments"})
    link = re.search(
        r'href="(/inspections/\d+/evidence/\?page=3&amp;q=health%20assessments#quote)"', response.content.decode()
    )
    assert link, "each hit links to its page"
    page = client.get(html.unescape(link.group(1)).split("#")[0])
    assert page.status_code == 200
    marked = page.content.decode()
    assert '<mark id="quote">health</mark> <mark>assessments</mark>' in marked
    assert "Page 3 of the report" in text(page)
    evidence = reverse("inspection_evidence", args=[sample.essex_2019.pk])
    assert client.get(evidence, {"page": "99"}).status_code == 404
    assert client.get(evidence, {"page": "x"}).status_code == 404


@pytest.mark.parametrize("odd", ["²", "٣", "9" * 40, "-1", " 1 ", "1.5", "\x00", "1e3", "💥"])
def test_odd_numbers_in_the_address_are_refused_not_crashed_on(client, sample, odd):
    for params in (
        {"as-at-day": odd, "as-at-month": "1", "as-at-year": "2020"},
        {"as-at-day": "1", "as-at-month": "1", "as-at-year": odd},
    ):
        assert client.get(reverse("national"), params).status_code in (200, 400)
    assert client.get(reverse("search"), {"q": "good", "page": odd}).status_code in (200, 400)
    evidence = reverse("inspection_evidence", args=[sample.essex_2019.pk])
    assert client.get(evidence, {"page": odd}).status_code in (200, 404)


@pytest.mark.parametrize("path", ["/authorities/", "/national/", "/search/"])
def test_any_query_parameters_give_a_page_not_an_error(client, sample, path):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    names = st.sampled_from(
        [
            "q",
            "region",
            "area",
            "family",
            "grade",
            "page",
            "as-at-day",
            "as-at-month",
            "as-at-year",
            "from-day",
            "from-month",
            "from-year",
            "to-day",
            "to-month",
            "to-year",
        ]
    )

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.dictionaries(names, st.text(max_size=30), max_size=6))
    def check(params):
        assert client.get(path, params).status_code in (200, 400)

    check()


def test_evidence_without_page_numbers_finds_the_page_holding_the_quote(client, register):
    from inspire.core.reading.record import Provenance
    from tests.web.factories import make_record, store

    record = make_record(authority="Kent", judgements={"overall": "good", "leadership": "good"}, filename="kent.docx")
    record.provenance["judgements.overall"] = Provenance(None, "Overall effectiveness: Good")
    record.provenance["judgements.leadership"] = Provenance(None, "words that are nowhere")
    inspection = store(record, pages=["Kent children's services", "Judgements\nOverall effectiveness: Good\n"])
    evidence = reverse("inspection_evidence", args=[inspection.pk])

    found = client.get(evidence, {"key": "judgements.overall"})
    assert '<mark id="quote">Overall effectiveness: Good</mark>' in found.content.decode()
    missing = client.get(evidence, {"key": "judgements.leadership"})
    assert "were not found exactly as written" in text(missing)
    assert "Kent children's services" in text(missing)  # the first page, for want of a better one


def test_authority_with_nothing_stored(client, sample):
    response = client.get(reverse("authority_detail", args=["rutland"]))
    assert response.status_code == 200
    page = text(response)
    assert "Inspire holds no reports on Rutland yet" in page
    assert "No recommendations are stored for Rutland" in page
    assert "<svg" not in response.content.decode()


def test_inspection_in_the_2026_form_has_no_overall_judgement(client, sample):
    response = client.get(reverse("inspection_detail", args=[sample.somerset_2026.pk]))
    assert response.status_code == 200
    page = text(response)
    assert "Inspection of local authority children's services (from April 2026)" in page
    assert "Overall effectiveness" not in page.split("Judgements", 1)[1].split("Recommendations", 1)[0]


def test_last_inspected_is_the_day_the_inspection_ended_on_both_lists(client, sample):
    """The authorities list and the national picture's time since inspection give the same day:
    Essex's latest inspection ran from 7 to 18 October 2019."""
    listing = text(client.get(reverse("authority_list"), {"q": "Essex"}))
    assert "Last inspection ended" in listing
    assert "18 October 2019" in listing and "7 October 2019" not in listing
    national = client.get(
        reverse("national"), {"as-at-day": "1", "as-at-month": "1", "as-at-year": "2021"}
    ).content.decode()
    waits = national[national.index('id="waits-table"') :]
    essex = re.search(r">Essex</a></th>\s*<td[^>]*>(.*?)</td>", waits, re.S).group(1)
    assert "18 October 2019" in essex


def test_recommendation_provenance_is_named_by_its_ordinal_not_its_index(client, register):
    """``recommendations.<index>`` is 0-based over the whole list (docs/RECORD.md); the page names
    the recommendation as the report numbers it, within its section."""
    from inspire.web.read.uploads import report_upload

    path = seed("004")  # Southend 2016: 12 recommendations for the council, then 4 for the LSCB
    inspection = report_upload(content=path.read_bytes(), filename=path.name).inspection
    listed = inspection.record["recommendations"]
    first_lscb = next(i for i, r in enumerate(listed) if r["section"] == "lscb")
    url = reverse("inspection_evidence", args=[inspection.pk])
    first = text(client.get(url, {"key": "recommendations.0"}))
    assert "Recommendation 1: where it comes from" in first and "Recommendation 0" not in first
    assert "Recommendation 12: where it comes from" in text(
        client.get(url, {"key": f"recommendations.{first_lscb - 1}"})
    )
    assert "LSCB recommendation 1: where it comes from" in text(
        client.get(url, {"key": f"recommendations.{first_lscb}"})
    )
    assert client.get(url, {"key": f"recommendations.{len(listed)}"}).status_code == 404
    assert client.get(url, {"key": "recommendations.x"}).status_code == 404


def test_a_null_character_in_an_authority_search_is_refused_not_sent_to_the_database(client, sample):
    """PostgreSQL refuses NUL in text outright; found by the property test above on PostgreSQL."""
    response = client.get(reverse("authority_list"), {"q": "Es\x00sex"})
    assert response.status_code == 400
    assert "Authority name must not contain a null character" in text(response)
