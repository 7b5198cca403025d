"""PDF text through pypdfium2 (PDFium)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pypdfium2 as pdfium

from inspire.core.reading.documents.base import Backend, Page
from inspire.core.reading.errors import CorruptFile, EncryptedFile, NoText

# PDFium's text has CRLF line ends and a few characters that read better normalised: the
# hyphen PDFium marks as a line-break hyphen ("\x02" or U+FFFE) is a hyphen; soft hyphens and
# NULs go. (``str.replace`` per character, not ``str.translate``: on non-ASCII text translate
# looks up every character, about 0.6 CPU s over the corpus against a few hundredths.)
_REPLACE = (("\r", ""), ("\x02", "-"), ("\ufffe", "-"), ("\u00ad", ""), ("\x00", ""))


def _normalised(text: str) -> str:
    for old, new in _REPLACE:
        text = text.replace(old, new)
    return text


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
                    text = textpage.get_text_bounded()
                    textpage.close()
                    page.close()
                except pdfium.PdfiumError as error:
                    raise CorruptFile(source, f"page {index + 1} of the PDF cannot be read ({error})") from None
                pages.append(Page(index + 1, _normalised(text)))
        finally:
            pdf.close()
        if not any(p.text.strip() for p in pages):
            raise NoText(source)
        return tuple(pages)
