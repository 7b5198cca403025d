"""PDF text through pypdfium2 (PDFium)."""

from __future__ import annotations

import ctypes
import re
import statistics
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

import pypdfium2 as pdfium

from inspire.core.reading.documents.base import Backend, Layout, Page
from inspire.core.reading.errors import CorruptFile, EncryptedFile, NoText

# PDFium's text has CRLF line ends and a few characters that read better normalised: soft hyphens
# and NULs go, and the hyphen PDFium marks as a line-break hyphen ("\x02" or U+FFFE) is a hyphen
# whose offset the page keeps (``Page.break_hyphens``). (``str.replace`` per character, not
# ``str.translate``: on non-ASCII text translate looks up every character, about 0.6 CPU s over the
# corpus against a few hundredths.)
_REMOVE = ("\r", "\u00ad", "\x00")
_BREAK_HYPHENS = re.compile("[\x02\ufffe]")


def _normalised(text: str) -> tuple[str, frozenset[int]]:
    """The page's text and the offsets of its line-break hyphens."""
    for old in _REMOVE:
        text = text.replace(old, "")
    if "\x02" not in text and "\ufffe" not in text:
        return text, frozenset()
    breaks = frozenset(match.start() for match in _BREAK_HYPHENS.finditer(text))
    return _BREAK_HYPHENS.sub("-", text), breaks


def _line_key(text: str) -> str:
    """A line's first letters without spaces, to pair the two texts PDFium gives of one page."""
    return re.sub(r"\s+", "", text)[:6]


def _line_steps(textpage, text: str) -> tuple[float | None, ...]:
    """For each line of ``text`` (the page's bounded text), the distance from the previous
    line's baseline to its own, over the page's median such distance (see ``Layout.line_steps``).

    The bounded text has no character positions; PDFium's full text (``get_text_range``) has one
    character per character index, so each of its lines' first character gives a baseline
    (``FPDFText_GetCharOrigin``). The two texts break lines alike except around a raised
    footnote mark, so lines are paired by their first letters, looking a few lines ahead."""
    full = textpage.get_text_range()
    baselines: list[tuple[str, float]] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    position = 0
    for part in full.split("\r\n"):
        stripped = part.lstrip()
        if stripped.strip():
            pdfium.raw.FPDFText_GetCharOrigin(textpage, position + len(part) - len(stripped), x, y)
            baselines.append((_line_key(_normalised(stripped)[0]), y.value))
        position += len(part) + 2
    lines = text.split("\n")
    distances: list[tuple[int, float]] = []
    following, previous = 0, None
    for index, line in enumerate(lines):
        key = _line_key(line)
        if not key:
            continue
        match = next((j for j in range(following, min(following + 4, len(baselines))) if baselines[j][0] == key), None)
        if match is None:
            previous = None  # not paired: neither this line's step nor the next one's is known
            continue
        baseline = baselines[match][1]
        if previous is not None:
            distances.append((index, previous - baseline))
        previous, following = baseline, match + 1
    usual = statistics.median([d for _, d in distances if d > 0] or [0])
    steps: list[float | None] = [None] * len(lines)
    if usual > 0:
        for index, distance in distances:
            steps[index] = round(distance / usual, 2)
    return tuple(steps)


class PdfLayout(Layout):
    """Line spacing measured from the PDF's bytes when first asked (``pages`` has already opened
    the same bytes, so opening them again cannot fail).

    A copy sent to another process (a reading worker's result) keeps what was measured but not the
    bytes: the worker has already read the document, and the bytes travel beside it anyway; a page
    not measured before the copy was made is then not measured (its lines' steps are unknown)."""

    def __init__(self, data: bytes):
        self._data: bytes | None = data
        self._steps: dict[int, tuple[float | None, ...]] = {}

    def __getstate__(self) -> dict:
        return {"_data": None, "_steps": self._steps}

    def line_steps(self, pages: Sequence[Page]) -> dict[int, tuple[float | None, ...]]:
        wanted = [page for page in pages if page.number not in self._steps]
        if wanted and self._data is None:
            return {page.number: self._steps[page.number] for page in pages if page.number in self._steps}
        if wanted:
            pdf = pdfium.PdfDocument(self._data)
            try:
                for page in wanted:
                    textpage = pdf[page.number - 1].get_textpage()
                    self._steps[page.number] = _line_steps(textpage, page.text)
                    textpage.close()
            finally:
                pdf.close()
        return {page.number: self._steps[page.number] for page in pages}


#: Every PDF ends with this marker (perhaps followed by a line end or a little padding).
_END_MARKER = b"%%EOF"


def _has_end_marker(data: bytes) -> bool:
    return _END_MARKER in data[-1024:]


def _truncated(source: str) -> CorruptFile:
    return CorruptFile(
        source, "the PDF is truncated: it stops before its end (no %%EOF marker), so the download or copy is incomplete"
    )


#: A PDF date (PDF 32000-1, 7.9.4): D:YYYYMMDDHHmmSS then Z or +HH'mm' / -HH'mm'; all after
#: the year optional. Without an offset the time is taken as UTC (a day's error at most).
_PDF_DATE = re.compile(
    r"(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?"
)


def pdf_date(value: str) -> datetime | None:
    """A PDF date string as an aware datetime; None when it is not one (empty, no day, not a real date)."""
    match = _PDF_DATE.fullmatch(value.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, _, sign, offset_hours, offset_minutes = match.groups()
    if not day:  # a year or a month alone is no day to count from
        return None
    try:
        offset = timedelta(hours=int(offset_hours or 0), minutes=int(offset_minutes or 0))
        zone = timezone(-offset if sign == "-" else offset)
        return datetime(
            int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0), int(second or 0), tzinfo=zone
        )
    except ValueError:  # month 13, hour 25, an offset of a day or more
        return None


class PdfBackend(Backend):
    format = "pdf"

    def sniff(self, data: bytes) -> bool:
        # The header may follow a little junk; PDF readers accept it within the first KB.
        return b"%PDF-" in data[:1024]

    def created(self, data: bytes) -> datetime | None:
        """The PDF's /CreationDate from its document information (None when absent or unreadable).
        Called after ``pages`` has opened the same bytes, so it cannot fail on a damaged file."""
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            return None
        try:
            return pdf_date(pdf.get_metadata_value("CreationDate"))
        finally:
            pdf.close()

    def layout(self, data: bytes) -> PdfLayout:
        return PdfLayout(data)

    def pages(self, data: bytes, source: str) -> tuple[Page, ...]:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            message = str(error)
            if "password" in message.lower():
                raise EncryptedFile(source) from None
            if not _has_end_marker(data):
                raise _truncated(source) from None
            reason = message.partition("(PDFium: ")[2].rstrip(".)").lower() or message
            raise CorruptFile(source, f"the PDF is damaged and cannot be opened (PDFium: {reason})") from None
        if not _has_end_marker(data):
            # PDFium recovers what it can from a cut file; a partial report must not pass as whole.
            pdf.close()
            raise _truncated(source)
        try:
            pages = []
            for index in range(len(pdf)):
                try:
                    page = pdf[index]
                    textpage = page.get_textpage()
                    text, breaks = _normalised(textpage.get_text_bounded())
                    textpage.close()
                    page.close()
                except pdfium.PdfiumError as error:
                    raise CorruptFile(source, f"page {index + 1} of the PDF cannot be read ({error})") from None
                pages.append(Page(index + 1, text, breaks))
        finally:
            pdf.close()
        if not any(p.text.strip() for p in pages):
            raise NoText(source)
        return tuple(pages)
