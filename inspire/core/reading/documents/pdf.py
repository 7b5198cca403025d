"""PDF text through pypdfium2 (PDFium)."""

from __future__ import annotations

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


class PdfBackend(Backend):
    format = "pdf"

    def sniff(self, data: bytes) -> bool:
        # The header may follow a little junk; PDF readers accept it within the first KB.
        return b"%PDF-" in data[:1024]

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
