"""An estimate of the publication date where a report states none (ILACS reports never do).

Ofsted makes each report's PDF a few days before it publishes it: over the 84 corpus reports that
state their publication date, the PDF's own creation date was 0 to 4 days before it for 73 of them
(figures in docs/RECORD.md). So a PDF's creation date, where it is plausible, is recorded as
``published_estimate`` with its source and a warning asking the reader to check it. It is never
taken from the file name, never from a Word, HTML or text copy (their dates are the copy's), and
never from a council paper (its PDF is the council's).
"""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from inspire.core.calendar import format_long
from inspire.core.reading.documents import Document
from inspire.core.reading.record import Record

SOURCE = "PDF creation date"

#: A creation date later than this after the inspection's last day is taken for a re-saved file, not
#: the published one. Corpus: stated publication 35 to 133 days after the last day; creation dates
#: 21 to 131 days after it, except files re-made 137 and 220 days after publication (183 and 280
#: days after the inspection) and one ILACS file 252 days after.
LATEST_AFTER_END = timedelta(days=150)

_CHECK = "check it against Ofsted's website"
_ENGLAND = ZoneInfo("Europe/London")

_COPY = {
    "docx": "a Word document's own dates are those of whoever made the copy, not Ofsted's",
    "html": "a web page carries no date of Ofsted's publication",
    "text": "a text file carries no date of its own",
}


def estimate_published(record: Record, document: Document, *, embedded: bool = False) -> None:
    """Set ``record.published_estimate`` from ``document``'s creation date where the report states
    no publication date and that date is plausible; say in a warning what was done, or why not."""
    if record.published is not None:
        return
    stated = "publication date: not stated in the report"
    if embedded:
        record.warnings.append(
            f"{stated}; not estimated: the report is inside a council paper, whose file dates are the council's "
            f"— {_CHECK}"
        )
        return
    if document.format != "pdf":
        reason = _COPY.get(document.format, "the file carries no date to estimate it from")
        record.warnings.append(f"{stated}; not estimated: {reason} — {_CHECK}")
        return
    if document.created is None:
        record.warnings.append(f"{stated}; not estimated: the PDF gives no creation date — {_CHECK}")
        return
    created = document.created.astimezone(_ENGLAND).date()
    problem = implausible(created, record.inspection_end)
    if problem:
        record.warnings.append(
            f"{stated}; not estimated: the PDF's creation date, {format_long(created)}, {problem} — {_CHECK}"
        )
        return
    record.published_estimate = created
    record.published_estimate_source = SOURCE
    record.warnings.append(f"{stated}; estimated as {format_long(created)} from the PDF's creation date — {_CHECK}")


def implausible(created: date, inspection_end: date | None) -> str | None:
    """Why a creation date cannot stand for the publication date, in words; None when it can."""
    if inspection_end is None:
        return "cannot be checked against the inspection dates, which were not found"
    if created < inspection_end:
        return f"is before the inspection's last day ({format_long(inspection_end)})"
    if created > inspection_end + LATEST_AFTER_END:
        return (
            f"is {(created - inspection_end).days} days after the inspection's last day "
            f"({format_long(inspection_end)}), more than the {LATEST_AFTER_END.days} days a report takes to be "
            "published: the file was probably re-made later"
        )
    return None
