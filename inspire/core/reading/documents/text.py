"""Plain text, including text extracted from PDFs and Word files (tables as | cells |)."""

from __future__ import annotations

from inspire.core.reading.documents.base import Backend, Page
from inspire.core.reading.errors import CorruptFile, NoText

_ENCODINGS = ("utf-8-sig", "cp1252")


class TextBackend(Backend):
    format = "text"
    paginated = False

    def sniff(self, data: bytes) -> bool:
        sample = data[:8192]
        if b"\x00" in sample:
            return False
        try:
            text = sample.decode("utf-8")
        except UnicodeDecodeError as error:
            # a sample cut in the middle of a multi-byte character is still text
            if error.start < len(sample) - 4:
                try:
                    text = sample.decode("cp1252")
                except UnicodeDecodeError:
                    return False
            else:
                text = sample[: error.start].decode("utf-8")
        printable = sum(ch.isprintable() or ch in "\n\r\t\f" for ch in text)
        return bool(text) and printable / len(text) > 0.97

    def pages(self, data: bytes, source: str) -> tuple[Page, ...]:
        for encoding in _ENCODINGS:
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # pragma: no cover - cp1252 decodes almost anything; kept for clarity
            raise CorruptFile(source, "the text is in an unknown character encoding")
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if not text.strip():
            raise NoText(source)
        # A form feed is a page break (as pdftotext writes them); then the pages are real.
        chunks = text.split("\f")
        return tuple(Page(i + 1, chunk) for i, chunk in enumerate(chunks))
