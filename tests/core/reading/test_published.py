"""The publication date estimated from a PDF's own creation date, where the report states none."""

from __future__ import annotations

import io
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import docx
import pytest

from inspire.core.reading import read_bytes, read_document
from inspire.core.reading.documents import Document, load_path
from inspire.core.reading.documents.pdf import PdfBackend, pdf_date
from inspire.core.reading.published import LATEST_AFTER_END, SOURCE, implausible
from tests.conftest import CORPUS, corpus_labels

CHECK = "check it against Ofsted's website"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("D:20250128162315+00'00'", datetime(2025, 1, 28, 16, 23, 15, tzinfo=UTC)),
        ("D:20250512094753+01'00'", datetime(2025, 5, 12, 8, 47, 53, tzinfo=UTC)),
        ("D:20240101120000Z", datetime(2024, 1, 1, 12, tzinfo=UTC)),
        ("D:20240101", datetime(2024, 1, 1, tzinfo=UTC)),
        ("D:2016", None),  # a year is not a day
        ("D:20251399", None),
        ("", None),
        ("yesterday", None),
    ],
)
def test_pdf_dates_are_read_with_their_offset(written, expected):
    assert pdf_date(written) == expected


def _ilacs_pdf() -> Document:
    label = next(row for row in corpus_labels() if row["family"] == "ilacs" and row["inspection_end"])
    return load_path(CORPUS / label["report"])


def test_an_ilacs_pdf_gets_its_creation_date_as_the_estimate_in_the_english_day():
    document = _ilacs_pdf()
    record = read_document(document)
    assert record.published is None
    created = document.created.astimezone(ZoneInfo("Europe/London")).date()
    assert (record.published_estimate, record.published_estimate_source) == (created, SOURCE)
    assert record.to_json()["published_estimate"] == created.isoformat()
    assert record.inspection_end <= created <= record.inspection_end + LATEST_AFTER_END
    assert any(
        w.startswith("publication date: not stated in the report; estimated as ") and w.endswith(CHECK)
        for w in record.warnings
    )


def test_an_evening_creation_in_british_summer_time_is_the_next_day_in_england():
    document = _ilacs_pdf()
    late = datetime.combine(document_end(document) + timedelta(days=40), datetime.min.time(), tzinfo=UTC)
    late = late.replace(hour=23, minute=30)  # 00:30 the next day in England in summer, 23:30 in winter
    record = read_document(_with_created(document, late))
    expected = late.astimezone(ZoneInfo("Europe/London")).date()
    assert record.published_estimate == expected


def document_end(document: Document) -> date:
    return read_document(document).inspection_end


def _with_created(document: Document, created: datetime | None, **changes) -> Document:
    return Document(
        pages=document.pages,
        format=changes.get("format", document.format),
        sha256=document.sha256,
        filename=changes.get("filename", document.filename),
        paginated=document.paginated,
        created=created,
    )


def test_a_missing_creation_date_is_said_and_the_file_name_is_never_used():
    document = _with_created(_ilacs_pdf(), None, filename="ilacs report published 21 November 2024.pdf")
    record = read_document(document)
    assert record.published_estimate is None and record.published_estimate_source is None
    assert "publication date: not stated in the report; not estimated: the PDF gives no creation date — " + CHECK in (
        record.warnings
    )


@pytest.mark.parametrize(
    ("days_after_end", "words"),
    [(-3, "is before the inspection's last day"), (LATEST_AFTER_END.days + 1, "days after the inspection's last day")],
)
def test_an_implausible_creation_date_is_said_and_no_estimate_made(days_after_end, words):
    document = _ilacs_pdf()
    end = document_end(document)
    created = datetime.combine(end + timedelta(days=days_after_end), datetime.min.time().replace(hour=12), UTC)
    record = read_document(_with_created(document, created))
    assert record.published_estimate is None
    (warning,) = [w for w in record.warnings if w.startswith("publication date")]
    assert "not estimated: the PDF's creation date" in warning and words in warning and warning.endswith(CHECK)


def test_without_inspection_dates_the_creation_date_cannot_be_checked():
    assert (
        implausible(date(2024, 11, 21), None) == "cannot be checked against the inspection dates, which were not found"
    )
    assert implausible(date(2024, 11, 21), date(2024, 10, 4)) is None


def test_a_word_copy_is_never_dated_by_its_own_properties():
    """A Word file's "created" is when whoever made it made it (a council officer, a converter)."""
    text = "\n".join(page.text for page in _ilacs_pdf().pages)
    word = docx.Document()
    for line in text.splitlines():
        word.add_paragraph(line)
    word.core_properties.created = datetime(2025, 1, 20, 10, 0)
    buffer = io.BytesIO()
    word.save(buffer)
    record = read_bytes(buffer.getvalue(), "report.docx")
    assert record.family == "ilacs" and record.published_estimate is None
    assert any("a Word document's own dates are those of whoever made the copy" in w for w in record.warnings)


def test_a_stated_publication_date_is_kept_and_nothing_estimated():
    label = next(row for row in corpus_labels() if row["family"] == "sif" and row["published"])
    record = read_document(load_path(CORPUS / label["report"]))
    assert record.published == date.fromisoformat(label["published"])
    assert record.published_estimate is None and not [w for w in record.warnings if w.startswith("publication date")]


def test_creation_dates_against_stated_publication_dates_over_the_corpus(corpus_summary):
    """Every corpus PDF that states its publication date: how far its creation date is from it, and
    whether the plausibility bound turns away the files re-made long after publication."""
    differences: list[int] = []
    kept: list[int] = []
    for label in corpus_labels():
        if not (label["published"] and label["inspection_end"]):
            continue
        data = (CORPUS / label["report"]).read_bytes()
        created = PdfBackend().created(data)
        assert created is not None, label["report"]
        day = created.astimezone(ZoneInfo("Europe/London")).date()
        difference = (day - date.fromisoformat(label["published"])).days
        differences.append(difference)
        if implausible(day, date.fromisoformat(label["inspection_end"])) is None:
            kept.append(difference)
    near = sum(-4 <= d <= 0 for d in differences)
    assert len(differences) >= 80
    assert near / len(differences) >= 0.85  # made 0 to 4 days before publication
    assert all(d <= 60 for d in kept)  # the bound turns away files re-made months after publication
    counts = Counter(differences)
    corpus_summary(
        "publication estimate: PDF creation date minus stated publication date (days), "
        f"{len(differences)} reports: "
        + ", ".join(f"{d:+d}: {counts[d]}" for d in sorted(counts))
        + f"; within 0-4 days before: {near}; estimates the bound keeps: {len(kept)}, "
        f"largest error {max(map(abs, kept))} days"
    )
