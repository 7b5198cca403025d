"""Full-text search: matching, ranking, highlighting, filters, paging and hostile queries."""

from __future__ import annotations

import re
from datetime import date

import pytest

from inspire.web.see.search import page_furniture, parse_query, search_pages
from tests.web.factories import make_record, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(register):
    essex = store(
        make_record(
            authority="Essex", family="ilacs", inspection_start=date(2019, 10, 7), judgements={"overall": "outstanding"}
        ),
        pages=[
            "Inspection of Essex children's services. Leaders have a relentless focus on practice.",
            "Private fostering arrangements are well understood. "
            "Care leavers are supported <script>alert(1)</script> well.",
        ],
    )
    kent = store(
        make_record(
            authority="Kent",
            family="sif",
            inspection_start=date(2015, 3, 2),
            judgements={"overall": "good", "lscb": "requires_improvement"},
        ),
        pages=["Kent: children who go missing from home receive return home interviews. Private fostering needs work."],
    )
    leeds = store(
        make_record(
            authority="Leeds", family="ilacs", inspection_start=date(2022, 5, 9), judgements={"overall": "inadequate"}
        ),
        pages=[
            "Leeds: private fostering private fostering private fostering is a strength; fostering panels meet monthly."
        ],
    )
    return {"essex": essex, "kent": kent, "leeds": leeds}


def test_finds_pages_with_highlighted_snippets(pages):
    results = search_pages(query="return home interviews")
    assert results.total == 1
    hit = results.hits[0]
    assert hit.authority_name == "Kent" and hit.page_number == 1 and hit.family == "sif"
    assert "<mark>return</mark> <mark>home</mark> <mark>interviews</mark>" in hit.snippet


def test_ranked_by_relevance(pages):
    results = search_pages(query="private fostering")
    assert results.total == 3
    assert results.hits[0].authority_name == "Leeds"  # the phrase three times on a short page


def test_stemming_matches_word_forms(pages):
    assert search_pages(query="interview").total == 1


def test_phrase_query(pages):
    assert search_pages(query='"fostering arrangements"').total == 1
    assert search_pages(query='"arrangements fostering"').total == 0


def test_filters(pages):
    assert {h.authority_name for h in search_pages(query="fostering", family="ilacs").hits} == {"Essex", "Leeds"}
    assert [h.authority_name for h in search_pages(query="fostering", grade="requires_improvement").hits] == ["Kent"]
    assert [h.authority_name for h in search_pages(query="fostering", region="Yorkshire and the Humber").hits] == [
        "Leeds"
    ]
    assert [
        h.authority_name
        for h in search_pages(query="fostering", date_from=date(2016, 1, 1), date_to=date(2020, 1, 1)).hits
    ] == ["Essex"]
    assert search_pages(query="fostering", grade="good", family="ilacs").total == 0


def test_date_filter_uses_the_publication_date_of_apa_letters(pages):
    store(
        make_record(
            authority="Derby", family="apa", inspection_start=None, inspection_end=None, published=date(2007, 12, 19)
        ),
        pages=["Derby: private fostering is adequate."],
    )
    assert [
        h.authority_name
        for h in search_pages(query="fostering", date_from=date(2007, 1, 1), date_to=date(2008, 1, 1)).hits
    ] == ["Derby"]


def test_paginates(pages):
    first = search_pages(query="fostering", per_page=2)
    second = search_pages(query="fostering", per_page=2, page=2)
    assert (first.total, first.pages, len(first.hits), len(second.hits)) == (3, 2, 2, 1)
    assert first.has_next and not second.has_next
    assert {h.page_id for h in first.hits}.isdisjoint({h.page_id for h in second.hits})


def test_page_text_cannot_inject_html(pages):
    hit = search_pages(query="care leavers").hits[0]
    assert "<mark>Care</mark> <mark>leavers</mark>" in hit.snippet
    assert "<" not in re.sub(r"</?mark>", "", hit.snippet)  # the page's <script> is escaped (or dropped)


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"unbalanced',
        "NEAR(a b)",
        "fostering OR",
        "*",
        "-kent",
        "a:b",
        "(private",
        "AND",
        "''",
        "   ",
        "\x00",
        "col:text",
        "^fostering",
    ],
)
def test_hostile_queries_never_fail(pages, query):
    results = search_pages(query=query)
    assert results.total >= 0


def test_parse_query_keeps_words_and_phrases():
    assert parse_query('care "return home" -x NEAR(').phrases == (("care",), ("return", "home"), ("x",), ("NEAR",))
    assert not parse_query('" * ( )')
    assert len(parse_query("word " * 500).phrases) == 20


def test_index_follows_page_changes(pages):
    from inspire.web.read.models import DocumentPage

    page = DocumentPage.objects.get(document=pages["kent"].document, number=1)
    page.text = "Kent: a new phrase about kinship carers."
    page.save()
    assert search_pages(query="return home interviews").total == 0
    assert search_pages(query="kinship carers").hits[0].authority_name == "Kent"
    pages["kent"].document.delete()
    assert search_pages(query="kinship carers").total == 0


def test_the_database_has_its_search_index(db):
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'inspections_page_fts'")
        else:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname = 'inspections_page_text_tsv'")
        assert cursor.fetchone() is not None


def test_a_page_past_the_end_still_counts(pages):
    results = search_pages(query="fostering", page=5, per_page=2)
    assert (results.total, results.hits) == (3, [])


def test_finds_text_of_a_real_report(register):
    """Essex 2019 (seed 001) read by the reader, stored, and found by words on its pages."""
    from inspire.core.reading import read_document
    from inspire.core.reading.documents import load_path
    from inspire.web.read.services import inspection_store
    from tests.conftest import seed

    path = seed("001")
    document = load_path(path)
    stored = inspection_store(record=read_document(document), document=document, content=path.read_bytes()).inspection
    results = search_pages(query='"private fostering team"')
    assert results.total >= 1
    hit = results.hits[0]
    assert (hit.inspection_id, hit.authority_name) == (stored.pk, "Essex")
    page_text = stored.document.pages.get(number=hit.page_number).text
    assert "private fostering team" in " ".join(page_text.split())
    assert "private fostering team" in " ".join(re.findall(r"<mark>(.*?)</mark>", hit.snippet)).lower()
    assert search_pages(query="fostering", family="sif").total == 0


def test_relevance_falls_and_huge_pages_are_harmless(pages):
    hits = search_pages(query="private fostering").hits
    assert [h.relevance for h in hits] == sorted((h.relevance for h in hits), reverse=True)
    assert hits[0].relevance > 0
    assert search_pages(query="fostering", page=10**30).hits == []


@pytest.mark.parametrize(
    "pages, page_number",
    [
        # the printed page number on a line of its own (SIF and older reports)
        (["Cover.", "33\ncertain circumstances, children are placed out of area."], 2),
        # ILACS: a running header whose second line ends in the page number
        (
            [
                "Inspection of Medway local authority children’s services\n17 to 28 July 2023 1\nSummary.",
                "Inspection of Medway local authority children’s services\n17 to 28 July 2023 2\n"
                "certain circumstances, children are placed out of area.",
            ],
            2,
        ),
    ],
)
def test_snippets_leave_out_running_headers_and_page_numbers(register, pages, page_number):
    store(make_record(authority="Medway", family="ilacs", inspection_start=date(2023, 7, 17)), pages=pages)
    hit = search_pages(query="circumstances").hits[0]
    assert hit.page_number == page_number
    assert hit.snippet.startswith("certain <mark>circumstances</mark>, children")


@pytest.mark.parametrize(
    "head, number, furniture",
    [
        ("33\ncertain circumstances", 33, "33"),
        ("4\ncertain circumstances", 5, "4"),  # a report inside a council paper prints its own numbers
        (
            "Inspection of Medway\n17 to 28 July 2023 2\nWhat needs to improve",
            2,
            "Inspection of Medway\n17 to 28 July 2023 2",
        ),
        ("12 children were placed out of area.\nMore text.", 1, ""),  # body text starting with a number
        ("Inspection of Medway\n17 to 28 July 2023 2\nWhat needs to improve", 3, ""),  # not this page's number
        ("", 1, ""),
    ],
)
def test_page_furniture(head, number, furniture):
    assert page_furniture(head, number) == furniture


def test_a_match_only_in_the_running_header_keeps_it(register):
    store(
        make_record(authority="Medway", family="ilacs", inspection_start=date(2023, 7, 17)),
        pages=["Inspection of Medway local authority children’s services\n17 to 28 July 2023 1\nSummary of findings."],
    )
    assert "<mark>Medway</mark>" in search_pages(query="Medway").hits[0].snippet
