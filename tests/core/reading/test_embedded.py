"""Finding the Ofsted report inside a council paper, and refusing papers that only discuss one."""

from __future__ import annotations

import io

import docx
import pytest

from inspire.core.reading import read_bytes, read_document
from inspire.core.reading.documents import Document, Page, load_path
from inspire.core.reading.embedded import find_embedded, is_council_paper
from inspire.core.reading.errors import NotAnOfstedReport
from inspire.core.register import default_register
from tests.conftest import CORPUS, corpus_labels, seed
from tests.core.reading.bad_inputs import word_document

SOUTHEND_TITLE = "Southend-on-Sea\n\nInspection of services for children in need"
SOUTHEND_END = "© Crown copyright 2016"


def _southend_parts() -> tuple[str, str, str]:
    """The Cabinet paper's text before the report, the report, and the improvement plan after it."""
    text = seed("004").read_text("utf-8")
    start = text.index(SOUTHEND_TITLE)
    end = text.index(SOUTHEND_END) + len(SOUTHEND_END)
    return text[:start], text[start:end], text[end:]


def _paginated(text: str, lines_per_page: int) -> Document:
    lines = text.split("\n")
    pages = tuple(
        Page(number, "\n".join(lines[i : i + lines_per_page]))
        for number, i in enumerate(range(0, len(lines), lines_per_page), start=1)
    )
    return Document(pages=pages, format="pdf", sha256="0" * 64, filename="cabinet-paper.pdf", paginated=True)


def test_the_span_runs_from_the_reports_cover_to_its_back_matter():
    before, report, after = _southend_parts()
    found = find_embedded(load_path(seed("004")), default_register())
    assert found is not None and found.end_found
    assert found.document.text.strip() == report.strip()


def test_a_report_on_its_own_is_not_embedded():
    assert find_embedded(load_path(seed("000")), default_register()) is None
    assert find_embedded(load_path(seed("003")), default_register()) is None  # letterhead is not a paper


def test_embedded_pages_point_into_the_paper():
    before, report, after = _southend_parts()
    lines_per_page = 40
    document = _paginated(before + report + after, lines_per_page)
    first = before.count("\n") // lines_per_page + 1
    last = (before + report).count("\n") // lines_per_page + 1
    record = read_document(document)
    assert record.source.embedded_pages == (first, last)
    assert record.source.pages == len(document.pages)
    assert 1 < first < last < len(document.pages)
    # provenance page numbers are the paper's own pages, inside the span
    assert first <= record.provenance["lead_inspector"].page <= last
    assert len([r for r in record.recommendations if r.section == "la"]) == 12


def test_a_cabinet_paper_without_its_report_is_refused():
    before, _, after = _southend_parts()
    assert is_council_paper(Document((Page(1, before + after),), "text", "0" * 64, "paper.txt", False))
    with pytest.raises(
        NotAnOfstedReport, match=r"^cabinet-paper\.txt: it is a council paper that discusses an Ofsted inspection"
    ) as error:
        read_bytes((before + after).encode("utf-8"), "cabinet-paper.txt")
    assert str(error.value) == (
        "cabinet-paper.txt: it is a council paper that discusses an Ofsted inspection, "
        "but the report itself is not in it"
    )


def test_a_scrutiny_paper_without_its_report_is_refused():
    text = seed("002").read_text("utf-8")
    start = text.index("East Sussex County Council\n\nInspection of services")
    end = text.index("© Crown copyright 2014") + len("© Crown copyright 2014")
    with pytest.raises(NotAnOfstedReport, match="council paper that discusses an Ofsted inspection"):
        read_bytes((text[:start] + text[end:]).encode("utf-8"), "scrutiny.txt")


def test_a_word_file_about_something_else_is_refused():
    data = word_document(
        "Greenfields Primary School newsletter, spring term",
        "Our Ofsted inspection took place on 4 and 5 March 2025 and the school was judged good.",
        "Inspectors praised the outstanding behaviour of pupils. Thank you to all parents who completed "
        "the Ofsted Parent View survey.",
        "Dates for your diary: sports day is on 14 June 2025.",
    )
    with pytest.raises(NotAnOfstedReport, match=r"^newsletter\.docx: no Ofsted report on a local authority") as error:
        read_bytes(data, "newsletter.docx")
    assert str(error.value) == (
        "newsletter.docx: no Ofsted report on a local authority's children's services was found in it"
    )


def test_a_text_that_mentions_the_frameworks_by_name_is_refused():
    text = (
        "Briefing note for governors\n\n"
        "Ofsted has inspected local authority children's services under several frameworks: the annual "
        "performance assessment, the inspection of safeguarding and looked after children services, the "
        "inspection of local authority arrangements for the protection of children (inspection dates were "
        "announced a day ahead), the single inspection framework and ILACS. This note explains how "
        "the judgements compare.\n"
    )
    with pytest.raises(
        NotAnOfstedReport,
        match=r"^briefing\.txt: no Ofsted report on a local authority\'s children\'s services was found in it$",
    ):
        read_bytes(text.encode("utf-8"), "briefing.txt")


def _committee_pages() -> tuple[list[str], list[str]]:
    """Real council prose to wrap a report in: East Sussex's scrutiny paper (before its report) and
    its action plan (after), each cut into pages of 30 lines."""
    text = seed("002").read_text("utf-8")
    start = text.index("East Sussex County Council\n\nInspection of services")
    end = text.index("© Crown copyright 2014") + len("© Crown copyright 2014")

    def pages(part: str) -> list[str]:
        lines = part.split("\n")
        return ["\n".join(lines[i : i + 30]) for i in range(0, len(lines), 30)]

    return pages(text[:start]), pages(text[end:])


def _first_of_family(family: str) -> str:
    return next(row["report"] for row in corpus_labels() if row["family"] == family)


@pytest.mark.parametrize("family", ["ilacs", "sif", "lac_2012"])
def test_a_real_report_inside_a_council_paper_reads_as_it_does_alone(family):
    """Each family's first labelled corpus PDF, put between a committee paper's pages and an action
    plan's, reads exactly as it does on its own; ``embedded_pages`` points at its pages."""
    alone_document = load_path(CORPUS / _first_of_family(family))
    alone = read_document(alone_document)
    before, after = _committee_pages()
    pages = [*before, *(page.text for page in alone_document.pages), *after]
    paper = Document(
        pages=tuple(Page(number, text) for number, text in enumerate(pages, start=1)),
        format="pdf",
        sha256="1" * 64,
        filename="committee-paper.pdf",
        paginated=True,
    )
    embedded = read_document(paper)
    first = len(before) + 1
    last = len(before) + len(alone_document.pages)
    assert embedded.family == alone.family == family
    assert embedded.authority == alone.authority
    assert (embedded.inspection_start, embedded.inspection_end, embedded.published, embedded.lead_inspector) == (
        alone.inspection_start,
        alone.inspection_end,
        alone.published,
        alone.lead_inspector,
    )
    assert embedded.judgements == alone.judgements
    assert [(r.section, r.ordinal, r.text) for r in embedded.recommendations] == [
        (r.section, r.ordinal, r.text) for r in alone.recommendations
    ]
    assert embedded.facts == alone.facts
    # pages are the paper's: the report's own page n is the paper's page first + n - 1
    shifted = {key: (p.page + first - 1 if p.page else None, p.quote) for key, p in alone.provenance.items()}
    assert {key: (p.page, p.quote) for key, p in embedded.provenance.items()} == shifted
    # 2012-13 reports print their copyright on page 2: their end is their closing table's last row
    assert embedded.source.embedded_pages == (first, last)
    # the one difference: a council paper's file dates are the council's, never a publication estimate
    publication = "publication date: not stated in the report"
    assert [w for w in embedded.warnings if not w.startswith(publication)] == [
        w for w in alone.warnings if not w.startswith(publication)
    ]
    assert embedded.published_estimate is None
    if alone.published is None:
        assert alone.published_estimate is not None
        assert any("inside a council paper" in w for w in embedded.warnings if w.startswith(publication))


def _prose_pdf(pages: list[list[str]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    drawing = canvas.Canvas(buffer, pagesize=A4)
    for lines in pages:
        for row, line in enumerate(lines):
            drawing.drawString(50, 800 - 14 * row, line)
        drawing.showPage()
    drawing.save()
    return buffer.getvalue()


def test_a_real_pdf_committee_paper():
    """A PDF made as councils make them: their own pages, then the Ofsted report's PDF pages, then
    their plan. Read through the PDF backend, the report is found on the paper's pages 3 to n+2."""
    import pypdfium2 as pdfium

    report_path = CORPUS / _first_of_family("sif")
    paper = pdfium.PdfDocument.new()
    paper.import_pages(
        pdfium.PdfDocument(
            _prose_pdf(
                [
                    ["Agenda Item 7", "Report of the Director of Children's Services", "to", "Cabinet"],
                    [
                        "1. Purpose of report",
                        "Members are asked to note the inspection report at Appendix 1,",
                        "which judged the council's services inadequate in places.",
                    ],
                ]
            )
        )
    )
    report = pdfium.PdfDocument(str(report_path))
    paper.import_pages(report)
    paper.import_pages(
        pdfium.PdfDocument(_prose_pdf([["Appendix 2", "Improvement plan", "1. Audit the decisions made on contacts."]]))
    )
    buffer = io.BytesIO()
    paper.save(buffer)
    record = read_bytes(buffer.getvalue(), "cabinet-paper.pdf")
    alone = read_document(load_path(report_path))
    assert record.source.format == "pdf"
    assert record.source.pages == len(report) + 3
    assert record.source.embedded_pages == (3, len(report) + 2)
    assert record.family == "sif"
    assert record.judgements == alone.judgements
    assert [r.text for r in record.recommendations] == [r.text for r in alone.recommendations]
    assert "Audit the decisions" not in " ".join(r.text for r in record.recommendations)


def test_a_title_with_its_dates_on_the_same_line():
    before, report, after = _southend_parts()
    flattened = report.replace(
        "care leavers\n\nand\n\nReview of the effectiveness of the Local Safeguarding Children "
        "Board¹\n\nInspection date:",
        "care leavers and Review of the effectiveness of the Local Safeguarding Children Board¹ Inspection date:",
    )
    assert flattened != report
    found = find_embedded(
        Document((Page(1, before + flattened + after),), "text", "0" * 64, "p.txt", False), default_register()
    )
    assert found is not None
    assert found.document.text.startswith("Southend-on-Sea\n\nInspection of services for children in need")
    assert found.document.text.rstrip().endswith(SOUTHEND_END)


def test_a_word_committee_paper():
    """The Southend Cabinet paper as a Word document (one paragraph per line, a page break before
    the appendix): the embedded report is found and read as from the text seed."""
    before, report, after = _southend_parts()
    document = docx.Document()
    for line in before.split("\n"):
        document.add_paragraph(line)
    document.add_page_break()
    for line in (report + after).split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    record = read_bytes(buffer.getvalue(), "cabinet-paper.docx")
    from_text = read_bytes(seed("004").read_bytes(), "cabinet-paper.txt")
    assert record.source.format == "docx"
    assert record.family == "sif"
    assert record.judgements == from_text.judgements
    assert [(r.section, r.text) for r in record.recommendations] == [
        (r.section, r.text) for r in from_text.recommendations
    ]
    assert len([r for r in record.recommendations if r.section == "la"]) == 12


def test_a_paper_that_left_out_the_copyright_line():
    before, report, after = _southend_parts()
    report = report.replace(SOUTHEND_END, "")
    found = find_embedded(
        Document((Page(1, before + report + after),), "text", "0" * 64, "p.txt", False), default_register()
    )
    assert found is not None and found.end_found
    assert found.document.text.rstrip().endswith(
        "This publication is available at www.gov.uk/government/organisations/ofsted."
    )
