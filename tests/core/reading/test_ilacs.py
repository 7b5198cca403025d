"""The ILACS units on real corpus reports, chosen by their labels (never by file name)."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest

from inspire.core.calendar import format_long
from inspire.core.reading import read_bytes, read_document, read_path
from inspire.core.reading.documents import Document, Page, load_path
from inspire.core.reading.frameworks import detect
from tests.conftest import CORPUS, corpus_labels, corpus_recommendations

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not available")


def _labelled(family: str, predicate) -> dict:
    rows = sorted((r for r in corpus_labels() if r["family"] == family and predicate(r)), key=lambda r: r["report"])
    assert rows, "no such report in the corpus"
    return rows[0]


def _days(row: dict) -> int:
    return (date.fromisoformat(row["inspection_end"]) - date.fromisoformat(row["inspection_start"])).days


def test_before_2023_children_in_care_and_care_leavers_are_one_judgement():
    label = _labelled("ilacs", lambda r: r["inspection_start"] < "2023-01-01")
    record = read_path(CORPUS / label["report"])
    assert record.judgements["children_in_care"] == label["children_in_care"]
    assert "care_leavers" not in record.judgements
    assert "care leavers" in record.provenance["judgements.children_in_care"].quote
    assert not [w for w in record.warnings if w.startswith("judgements.")]


def test_from_2023_care_leavers_are_judged_on_their_own():
    label = _labelled("ilacs", lambda r: r["inspection_start"] >= "2023-06-01")
    record = read_path(CORPUS / label["report"])
    assert record.judgements["care_leavers"] == label["care_leavers"]
    assert record.provenance["judgements.care_leavers"].page == 1


def test_an_inspection_over_two_visits_runs_from_the_first_day_to_the_last():
    label = _labelled("ilacs", lambda r: r["inspection_start"] and _days(r) > 30)
    record = read_path(CORPUS / label["report"])
    assert (record.inspection_start.isoformat(), record.inspection_end.isoformat()) == (
        label["inspection_start"],
        label["inspection_end"],
    )
    assert " and " in record.provenance["inspection_start"].quote


def test_a_report_that_names_no_lead_inspector_says_so():
    label = _labelled("ilacs", lambda r: not r["lead_inspector"])
    record = read_path(CORPUS / label["report"])
    assert record.lead_inspector is None
    assert "lead inspector: not named" in record.warnings


def test_april_2026_form_has_no_overall_judgement_and_cross_referenced_improvements():
    recommendations = corpus_recommendations()
    label = _labelled("ilacs_2026", lambda r: r["report"] in recommendations)
    record = read_path(CORPUS / label["report"])
    assert record.family == "ilacs_2026"
    assert "overall" not in record.judgements
    assert set(record.judgements) == {"leadership", "help_and_protection", "children_in_care", "care_leavers"}
    assert record.recommendations and all(
        re.search(r"national\s+framework", r.text, re.I) for r in record.recommendations
    )
    # ILACS reports state no publication date: the PDF's creation date stands for it, with a warning
    assert record.published is None and record.published_estimate_source == "PDF creation date"
    assert record.warnings == [
        f"publication date: not stated in the report; estimated as {format_long(record.published_estimate)} "
        "from the PDF's creation date — check it against Ofsted's website"
    ]


def _without_dates(document: Document) -> Document:
    pages = tuple(Page(p.number, re.sub(r"Inspection dates:[^\n]*\n", "", p.text)) for p in document.pages)
    return Document(pages=pages, format=document.format, sha256=document.sha256, filename=document.filename)


@pytest.mark.parametrize(("family", "after"), [("ilacs", "2024-01-01"), ("ilacs_2026", "2026-04-01")])
def test_without_its_dates_the_form_is_told_by_the_overall_effectiveness_row(family, after):
    label = _labelled(family, lambda r: r["inspection_start"] >= after)
    document = _without_dates(load_path(CORPUS / label["report"]))
    assert detect(document).family == family
    record = read_document(document)
    assert record.inspection_start is None and "inspection dates: not found" in record.warnings


def test_a_report_saved_as_word_reads_the_same_way():
    """Word keeps the table as cells and drops the bullet glyphs: the list is still read."""
    word = docx.Document()
    word.add_paragraph("Inspection of Kingston upon Thames local authority children’s services")
    word.add_paragraph("Inspection dates: 2 to 6 December 2024")
    word.add_paragraph("Lead inspector: Nicki Shaw, His Majesty’s Inspector")
    table = word.add_table(rows=0, cols=2)
    for label, grade in [
        ("Judgement", "Grade"),
        ("The impact of leaders on social work practice with children and families", "Outstanding"),
        ("The experiences and progress of children who need help and protection", "Good"),
        ("The experiences and progress of children in care", "Outstanding"),
        ("The experiences and progress of care leavers", "Requires improvement to be good"),
        ("Overall effectiveness", "Outstanding"),
    ]:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, grade
    word.add_paragraph("Children living in Kingston upon Thames receive outstanding services.")
    word.add_paragraph("What needs to improve?")
    word.add_paragraph("Clarity of pre-proceedings letters for parents.", style="List Bullet")
    word.add_paragraph(
        "The quality of supervision at the front door, so that decisions are timely.", style="List Bullet"
    )
    word.add_paragraph("The experiences and progress of children who need help and protection: good")
    word.add_paragraph("1. Children and families benefit from early help.")
    data = io.BytesIO()
    word.save(data)

    record = read_bytes(data.getvalue(), "kingston.docx")
    assert (record.family, record.authority.name, record.inspection_start, record.lead_inspector) == (
        "ilacs",
        "Kingston upon Thames",
        date(2024, 12, 2),
        "Nicki Shaw",
    )
    assert record.judgements == {
        "leadership": "outstanding",
        "help_and_protection": "good",
        "children_in_care": "outstanding",
        "care_leavers": "requires_improvement",
        "overall": "outstanding",
    }
    assert [r.text for r in record.recommendations] == [
        "Clarity of pre-proceedings letters for parents.",
        "The quality of supervision at the front door, so that decisions are timely.",
    ]
    assert record.provenance["judgements.overall"].page is None and record.published_estimate is None
    assert record.warnings == [
        "publication date: not stated in the report; not estimated: a Word document's own dates are those of "
        "whoever made the copy, not Ofsted's — check it against Ofsted's website"
    ]


def test_a_report_saved_as_a_web_page_reads_the_same_way():
    page = """<!DOCTYPE html><html><head><title>Ofsted</title></head><body>
    <h1>Inspection of Cumberland local authority children’s services</h1>
    <p>Inspection dates: 7 to 18 October 2024</p>
    <p>Lead inspector: Lisa Walsh, His Majesty’s Inspector</p>
    <table><tr><th>Judgement</th><th>Grade</th></tr>
    <tr><td>The impact of leaders on social work practice with children and families</td>
        <td>Requires improvement to be good</td></tr>
    <tr><td>The experiences and progress of children who need help and protection</td><td>Good</td></tr>
    <tr><td>The experiences and progress of children in care</td><td>Good</td></tr>
    <tr><td>The experiences and progress of care leavers</td><td>Good</td></tr>
    <tr><td>Overall effectiveness</td><td>Good</td></tr></table>
    <p>Children in Cumberland are helped.</p>
    <h2>What needs to improve?</h2>
    <ul><li>The quality of supervision.</li><li>The timeliness of assessments for
    disabled children.</li></ul>
    <h2>The experiences and progress of children who need help and protection: good</h2>
    <ol><li>Children benefit.</li></ol></body></html>"""
    record = read_bytes(page.encode("utf-8"), "cumberland.html")
    assert (record.family, record.authority.ofsted_urn, record.inspection_end) == (
        "ilacs",
        "2733690",
        date(2024, 10, 18),
    )
    assert record.judgements["leadership"] == "requires_improvement" and record.judgements["overall"] == "good"
    assert [r.text for r in record.recommendations] == [
        "The quality of supervision.",
        "The timeliness of assessments for disabled children.",
    ]
    assert record.warnings == [
        "publication date: not stated in the report; not estimated: a web page carries no date of Ofsted's "
        "publication — check it against Ofsted's website"
    ]
