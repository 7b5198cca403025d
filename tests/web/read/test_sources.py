"""One inspection, however many files: a second file of a stored inspection is another source of it."""

from __future__ import annotations

import dataclasses
import html
import re
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inspire.core.reading import read_bytes
from inspire.core.reading.compare import record_differences
from inspire.core.reading.record import Recommendation
from inspire.web.read.models import Inspection, InspectionSource, SourceDocument
from inspire.web.read.services import inspection_store, inspections_store
from tests.web.report_copies import copies, labelled_ilacs_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def four_files(shared, register):
    """A corpus ILACS report as its PDF and as Word, HTML and text copies: (name, bytes) each."""
    pdf = labelled_ilacs_pdf()
    return [(pdf.name, pdf.read_bytes()), *((f"copy{suffix}", data) for suffix, data in copies(pdf).items())]


def _store(name: str, data: bytes):
    from inspire.core.reading.documents import load_document
    from inspire.core.reading.reader import read_document

    document = load_document(data, name)
    return inspection_store(record=read_document(document), document=document, content=data)


def text(response) -> str:
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.unescape(body).split())


def test_the_same_report_as_pdf_docx_html_and_txt_is_one_inspection_with_four_sources(four_files):
    results = [_store(name, data) for name, data in four_files]
    inspection = Inspection.objects.get()
    assert [r.inspection.pk for r in results] == [inspection.pk] * 4
    assert [(r.created, r.added_source, r.source_number) for r in results] == [
        (True, False, 1),
        (False, True, 2),
        (False, True, 3),
        (False, True, 4),
    ]
    sources = list(inspection.sources.order_by("added", "pk").select_related("document"))
    assert [s.document.format for s in sources] == ["pdf", "docx", "html", "text"]
    assert sources[0].document_id == inspection.document_id  # the PDF stays the primary
    assert SourceDocument.objects.count() == 4
    # the values are the PDF's; each copy's differences are what its own reading differs in
    pdf_record = read_bytes(four_files[0][1], four_files[0][0]).to_json()
    assert {j.area: j.grade for j in inspection.judgements.all()} == pdf_record["judgements"]
    assert inspection.recommendations.count() == len(pdf_record["recommendations"])
    for source in sources[1:]:
        assert source.differences == record_differences(inspection.record, source.record)
    # said in words
    name = four_files[1][0]
    assert results[1].message(name) == f"{name}: already stored as {inspection}; added as a second source."
    assert results[3].message("copy.txt").endswith("added as a fourth source.")


def test_copies_in_one_batch_are_one_inspection_too(four_files):
    from inspire.core.reading.documents import load_document
    from inspire.core.reading.reader import read_document

    reports = []
    for name, data in four_files[:3]:
        document = load_document(data, name)
        reports.append((read_document(document), document, data))
    results = inspections_store([*reports, reports[0]])
    assert Inspection.objects.count() == 1 and InspectionSource.objects.count() == 3
    assert [(r.created, r.added_source) for r in results] == [
        (True, False),
        (False, True),
        (False, True),
        (False, False),
    ]
    assert [r.source_number for r in results[:3]] == [1, 2, 3]


def test_a_copy_that_reads_differently_is_kept_with_its_differences_shown(four_files, client):
    first = _store(*four_files[0])
    record = read_bytes(four_files[3][1], "copy.txt")
    judgements = dict(record.judgements)
    area = next(iter(judgements))
    judgements[area] = "inadequate" if judgements[area] != "inadequate" else "good"
    changed = dataclasses.replace(
        record,
        judgements=judgements,
        lead_inspector="Someone Else",
        recommendations=[
            *record.recommendations[:-1],
            Recommendation("la", len(record.recommendations), "A different last item.", None),
        ],
    )
    from inspire.core.reading.documents import load_document

    document = load_document(four_files[3][1], "copy.txt")
    second = inspection_store(record=changed, document=document, content=four_files[3][1])
    assert second.inspection.pk == first.inspection.pk and second.differences == 3
    assert "it reads 3 values differently" in second.message("copy.txt")
    source = InspectionSource.objects.get(document__sha256=document.sha256)
    assert [d["field"] for d in source.differences] == [
        "lead_inspector",
        f"judgements.{area}",
        f"recommendations.la.{len(record.recommendations)}",
    ]
    page = client.get(reverse("inspection_detail", args=[first.inspection.pk]))
    words = text(page)
    assert "This inspection was read from 2 files" in words
    assert f"{four_files[0][0]} (download) Values read from this file PDF" in words
    assert "copy.txt (download) text file" in words and "3 values" in words
    assert "What copy.txt reads differently" in words
    assert f"Lead inspector {first.inspection.lead_inspector} Someone Else" in words
    assert "A different last item." in words
    # each file can be downloaded from the page; another inspection's source cannot
    link = reverse("inspection_source_document", args=[first.inspection.pk, source.pk])
    assert link in page.content.decode()
    download = client.get(link)
    assert download.status_code == 200 and download.content == four_files[3][1]
    assert "attachment" in download["Content-Disposition"]
    assert (
        client.get(reverse("inspection_source_document", args=[first.inspection.pk + 1, source.pk])).status_code == 404
    )


def test_the_api_and_exports_list_the_inspection_once_with_its_sources(four_files, client):
    for name, data in four_files:
        _store(name, data)
    inspection = Inspection.objects.get()
    listed = client.get("/api/inspections").json()
    assert listed["count"] == 1
    detail = client.get(f"/api/inspections/{inspection.pk}").json()
    assert [(s["format"], s["primary"]) for s in detail["sources"]] == [
        ("pdf", True),
        ("docx", False),
        ("html", False),
        ("text", False),
    ]
    assert detail["document"]["sha256"] == detail["sources"][0]["sha256"]
    history = client.get("/exports/history.csv").content.decode("utf-8-sig").strip().splitlines()
    assert len(history) == 2  # the header and one inspection
    assert client.get("/api/judgements?limit=100").json()["count"] == inspection.judgements.count()


def test_a_report_without_dates_is_never_matched_and_says_so(four_files):
    record = read_bytes(four_files[3][1], "copy.txt")
    from inspire.core.reading.documents import load_document

    undated = dataclasses.replace(record, inspection_start=None, inspection_end=None)
    first_document = load_document(four_files[3][1], "copy.txt")
    second_document = load_document(four_files[1][1], "copy.docx")
    first = inspection_store(record=undated, document=first_document, content=four_files[3][1])
    second = inspection_store(record=undated, document=second_document, content=four_files[1][1])
    assert first.created and second.created and first.inspection.pk != second.inspection.pk
    assert second.unmatched == "the report gives no inspection dates"
    assert (
        "It could not be matched against the inspections already stored (the report gives no inspection dates): "
        "if another file of the same inspection is stored, it is now listed twice."
    ) in second.message("copy.docx")
    no_authority = dataclasses.replace(record, authority=None, inspection_end=None)
    assert (
        inspection_store(
            record=no_authority, document=load_document(four_files[2][1], "copy.html"), content=four_files[2][1]
        ).unmatched
        == "the report gives no authority and no last day of the inspection"
    )


def test_upload_of_a_second_file_says_it_was_added_as_a_second_source(four_files, client):
    user = User.objects.create_user("reader", password="a long enough password")
    client.force_login(user)
    pdf_name, pdf = four_files[0]
    client.post(reverse("upload"), {"report": SimpleUploadedFile(pdf_name, pdf)}, follow=True)
    name, data = four_files[1]
    response = client.post(reverse("upload"), {"report": SimpleUploadedFile(name, data)}, follow=True)
    inspection = Inspection.objects.get()
    assert f"{name}: already stored as {inspection}; added as a second source." in text(response)
    assert response.redirect_chain[-1][0] == reverse("inspection_detail", args=[inspection.pk])
    assert inspection.sources.count() == 2


def test_published_estimate_is_shown_as_an_estimate(four_files, client):
    first = _store(*four_files[0])
    inspection = Inspection.objects.get()
    assert inspection.published is None and inspection.published_estimate is not None
    words = text(client.get(reverse("inspection_detail", args=[first.inspection.pk])))
    from inspire.core.calendar import format_long

    assert (
        f"Published (estimated) {format_long(inspection.published_estimate)}, estimated from the PDF creation "
        "date: the report does not state it — check it against Ofsted's website"
    ) in words
    assert date(2018, 1, 1) < inspection.published_estimate


@pytest.mark.django_db(transaction=True)
def test_a_file_stored_while_another_stores_the_same_inspection_joins_it(four_files, monkeypatch):
    """Two uploads of one inspection at once: the second's match ran before the first committed, so
    the database's identity constraint refuses it; storing again finds the inspection and joins it."""
    from inspire.web.read import services

    first = _store(*four_files[0])
    real_identity = services._identity
    calls = []

    def missed_once(record, authority_ids):
        calls.append(record)
        key, why = real_identity(record, authority_ids)
        return (None, why) if len(calls) == 1 else (key, why)  # the first look finds nothing to match

    monkeypatch.setattr(services, "_identity", missed_once)
    second = _store(*four_files[3])
    assert len(calls) == 2
    assert second.added_source and second.inspection.pk == first.inspection.pk
    assert Inspection.objects.count() == 1 and InspectionSource.objects.count() == 2
