"""``inspection_store``: a read report is stored whole or not at all, and once per file content."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from django.db import IntegrityError, connection

from inspire.core.reading.documents import load_path
from inspire.core.reading.record import AuthorityRef, Provenance, Recommendation, Record, SourceInfo
from inspire.core.register import default_register
from inspire.web.read.models import DocumentPage, Inspection, Judgement, SourceDocument
from inspire.web.read.models import Recommendation as StoredRecommendation
from inspire.web.read.services import inspection_store, inspections_store, register_sync
from inspire.web.see.search import search_pages
from tests.conftest import seed

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def essex_2014(shared):
    """A real document (the Essex 2014 seed) and a record of it, made here so storage is tested on its own."""
    path = seed("000")
    document = load_path(path)
    essex = default_register().lookup("Essex")
    record = Record(
        family="sif",
        source=SourceInfo(
            sha256=document.sha256, format=document.format, pages=len(document.pages), filename=path.name
        ),
        authority=AuthorityRef(essex.name, essex.ofsted_urn, essex.dfe_la_code),
        inspection_start=date(2014, 1, 14),
        inspection_end=date(2014, 2, 5),
        judgements={"overall": "good", "help_and_protection": "good"},
        recommendations=[
            Recommendation("la", 1, "Improve the quality of plans.", 3),
            Recommendation("la", 2, "Make sure that return home interviews take place.", 3),
        ],
        provenance={"judgements.overall": Provenance(1, "Overall judgement: Good")},
        warnings=["publication date not stated"],
    )
    register_sync()
    return path, document, record


def counts():
    return (
        SourceDocument.objects.count(),
        DocumentPage.objects.count(),
        Inspection.objects.count(),
        Judgement.objects.count(),
        StoredRecommendation.objects.count(),
    )


def test_stores_the_document_its_pages_and_what_was_read(essex_2014):
    path, document, record = essex_2014
    result = inspection_store(record=record, document=document, content=path.read_bytes())
    assert result.created
    stored = Inspection.objects.get()
    assert stored.authority.name == "Essex"
    assert (stored.family, stored.inspection_start, stored.inspection_end) == (
        "sif",
        date(2014, 1, 14),
        date(2014, 2, 5),
    )
    assert stored.document.content == path.read_bytes()
    assert stored.document.sha256 == document.sha256
    assert [p.text for p in stored.document.pages.order_by("number")] == [p.text for p in document.pages]
    assert {(j.area, j.grade, j.page, j.quote) for j in stored.judgements.all()} == {
        ("overall", "good", 1, "Overall judgement: Good"),
        ("help_and_protection", "good", None, ""),
    }
    assert [r.text for r in stored.recommendations.order_by("ordinal")] == [r.text for r in record.recommendations]
    assert stored.record == record.to_json()
    assert stored.warnings == ["publication date not stated"]


def test_the_same_file_twice_is_stored_once(essex_2014):
    path, document, record = essex_2014
    first = inspection_store(record=record, document=document, content=path.read_bytes())
    second = inspection_store(record=record, document=document, content=path.read_bytes())
    assert (first.created, second.created) == (True, False)
    assert second.inspection.pk == first.inspection.pk
    assert counts() == (1, len(document.pages), 1, 2, 2)


def test_all_or_nothing_a_failure_part_way_stores_nothing(essex_2014):
    path, document, record = essex_2014
    # Two recommendations with the same ordinal break a constraint after the document, its pages,
    # the inspection and its judgements were written: all of them must be rolled back.
    record.recommendations.append(Recommendation("la", 2, "A duplicate ordinal.", 4))
    with pytest.raises(IntegrityError, match="(?i)unique constraint"):  # as SQLite and PostgreSQL both say it
        inspection_store(record=record, document=document, content=path.read_bytes())
    assert counts() == (0, 0, 0, 0, 0)
    # and the same file can then be stored once its record is right
    record.recommendations.pop()
    assert inspection_store(record=record, document=document, content=path.read_bytes()).created


def test_a_batch_stores_each_report_once_and_rolls_back_only_the_one_refused(essex_2014):
    path, document, record = essex_2014
    content = path.read_bytes()
    other = dataclasses.replace(document, sha256="0" * 64)  # another file, of another inspection (later dates)
    duplicate = Recommendation("la", 2, "A duplicate ordinal.", 4)
    refused = dataclasses.replace(
        record,
        inspection_start=date(2017, 3, 6),
        inspection_end=date(2017, 3, 29),
        recommendations=[*record.recommendations, duplicate],
    )
    results = inspections_store([(record, document, content), (refused, other, content), (record, document, content)])
    assert isinstance(results[1], IntegrityError)
    assert (results[0].created, results[2].created) == (True, False)
    assert results[0].inspection.pk == results[2].inspection.pk == Inspection.objects.get().pk
    assert counts() == (1, len(document.pages), 1, 2, 2)
    # the pages stored are in the search index, and only they
    hits = search_pages(query="return home interviews").hits
    assert hits and {hit.document_id for hit in hits} == {results[0].inspection.document_id}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM inspections_page_fts_docsize")
            assert cursor.fetchone()[0] == DocumentPage.objects.count()
