"""Layouts of area reports the first area rules misread, each on the real report that shows it:
a word broken at a line's end by a hyphen PDFium marks, paragraphs told apart only by the space
between them, a footnote at the foot of the list's page, a strengths list after the areas for
improvement, numbered paragraphs, and an inspection team table with two lead inspectors a row."""

from __future__ import annotations

import pickle

import pytest

from inspire.core.reading import read_document
from inspire.core.reading.documents import load_document, load_path
from tests.conftest import SHARED

REPORTS = SHARED / "corpus" / "area" / "reports"


def _record(name: str):
    return read_document(load_path(REPORTS / name))


def _items(record, kind: str = "improvement") -> list[str]:
    return [item.text for item in record.recommendations if item.kind == kind]


def test_a_line_break_hyphen_stays_in_the_page_and_leaves_the_area_item(shared):
    """PDFium marks "decision-" / "making" as a line-break hyphen: the page's text keeps it (so
    every quote is on its page) and records where it is; the area item drops it, as the labelled
    area reports do; a hyphen printed at a line's end that PDFium does not mark stays."""
    document = load_path(REPORTS / "198cf3b8e703.pdf")
    page = document.pages[7]
    assert "inform decision-making processes" in page.text
    assert page.break_hyphens and all(page.text[offset] == "-" for offset in page.break_hyphens)
    record = read_document(document)
    recording = next(text for text in _items(record) if text.startswith("Recording of discussions"))
    assert "to inform decisionmaking processes" in recording
    assert "multiagency intervention" in recording
    assert "at some multi-agency strategy meetings" in recording  # hyphenated within a line: kept


def test_paragraphs_spaced_apart_are_separate_items(shared):
    """West Sussex's areas for improvement are paragraphs whose last lines reach the margin: only
    the space printed between them tells one from the next."""
    document = load_path(REPORTS / "2a0f756738d6.pdf")
    page = document.pages[5]
    steps = dict(zip(map(str.strip, page.text.split("\n")), document.line_steps()[6]))
    assert steps["Health leaders should act immediately to ensure that children identified as at high risk"] >= 1.25
    assert steps[
        "of aspiration are fully assessed, including access to video-fluoroscopy as necessary."
    ] == pytest.approx(1, abs=0.1)
    items = _items(read_document(document))
    assert len(items) == 5
    assert items[1] == (
        "Health leaders should act immediately to ensure that children identified as at high risk of aspiration "
        "are fully assessed, including access to video-fluoroscopy as necessary."
    )


def test_without_the_printed_spacing_an_item_that_may_be_two_is_reported(shared):
    """The same report as a text file (a line per printed line, as a PDF-to-text tool saves it)
    has no spacing: item 2 ends at the margin and item 3 begins a sentence on the next line, so the
    two stay one item, and the record says so, in words, rather than staying silent. The PDF,
    whose spacing shows the paragraphs, raises no such doubt."""
    pdf = load_path(REPORTS / "2a0f756738d6.pdf")
    assert not [w for w in read_document(pdf).warnings if "may be two items" in w]
    text = "\n\f".join(page.text for page in pdf.pages).encode()
    record = read_document(load_document(text, "west-sussex-send.txt"))
    items = _items(record)
    assert len(items) == 4
    assert items[1].startswith("Health leaders should act immediately") and "Leaders across the partnership" in items[1]
    doubts = [w for w in record.warnings if "may be two items" in w]
    assert doubts == [
        "Areas for improvement: item 2 may be two items. A sentence ends at the end of a line "
        "('… including access to video-fluoroscopy as necessary.') and the next line starts another ('Leaders "
        "across the partnership should work …'), and this copy of the report does not show whether a new paragraph "
        "starts there: check it against the report"
    ]


def test_a_document_sent_to_another_process_keeps_its_measured_layout_not_its_bytes(shared):
    """A reading worker measures, then sends the document back: the copy keeps the measures, and
    the PDF's bytes (already sent beside it) are not sent a second time."""
    document = load_path(REPORTS / "2a0f756738d6.pdf")
    measured = document.line_steps()
    copy = pickle.loads(pickle.dumps(document))
    assert copy.line_steps() == measured
    assert (REPORTS / "2a0f756738d6.pdf").read_bytes()[:4000] not in pickle.dumps(document)
    unmeasured = pickle.loads(pickle.dumps(load_path(REPORTS / "2a0f756738d6.pdf")))
    assert unmeasured.line_steps() == {}


def test_a_footnote_at_the_foot_of_the_lists_page_is_not_part_of_its_last_item(shared):
    items = _items(_record("e439be1e891b.pdf"))
    assert items[-1] == "Contingency planning for children in care who are not able to return to their birth families."


def test_a_strengths_list_after_the_areas_for_improvement_is_not_read_as_more_of_them(shared):
    items = _items(_record("9d610eb47a88.pdf"))
    assert len(items) == 5
    assert items[-1] == "The quality and effectiveness of the LSP’s multi-agency audits."


def test_numbered_paragraphs_are_one_item_each(shared):
    items = _items(_record("de879ce31334.pdf"))
    assert [text.split(" ", 1)[0] for text in items] == ["1.", "2.", "3.", "4."]


@pytest.mark.parametrize(
    ("name", "leads"),
    [
        ("cef275a375e9.pdf", ["Sue Eastwood", "Kaye Goodfellow", "Lesley Perry"]),  # two people a row
        ("de879ce31334.pdf", ["Rebecca Sharples", "Andrea Crosby-Josephs"]),  # "lead" / "inspector" wrapped
        ("06130a6f0f2a.pdf", ["Una Buckley", "Lesley Perry"]),  # "Una Buckley, HMI, Ofsted Lead inspector"
    ],
)
def test_every_lead_inspector_in_the_team_table(shared, name, leads):
    record = _record(name)
    assert record.lead_inspectors == leads
    assert record.provenance["lead_inspectors"].quote.startswith("Ofsted Care Quality Commission")


def test_a_lead_inspector_without_a_readable_name_is_reported():
    from inspire.core.reading.frameworks.common.lines import Line, Lines
    from inspire.core.reading.frameworks.send_2023 import _lead_inspectors
    from inspire.core.reading.record import Record, SourceInfo

    team = [
        "Inspection team",
        "Ofsted Care Quality Commission",
        "Sue Eastwood, Ofsted HMI Lead inspector",
        "CQC Lead inspector",
    ]
    record = Record(family="send_2023", source=SourceInfo(sha256="0" * 64, format="text", pages=8, filename="team.txt"))
    _lead_inspectors(record, Lines([Line(8, text) for text in team]))
    assert record.lead_inspectors == ["Sue Eastwood"]
    assert any("1 more 'lead inspector'" in warning and "no name" in warning for warning in record.warnings)
