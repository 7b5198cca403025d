"""Input formats: one backend per format behind one contract, chosen by content, not file name.

``load_document(data, source)`` sniffs the bytes, picks the backend and returns a
:class:`Document` of pages of plain text, or raises a :class:`~inspire.core.reading.errors.ReadError`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from inspire.core.limits import LimitExceeded, check_package
from inspire.core.reading.documents.base import Backend, Document, Page
from inspire.core.reading.documents.docx import DocxBackend
from inspire.core.reading.documents.html import HtmlBackend
from inspire.core.reading.documents.pdf import PdfBackend
from inspire.core.reading.documents.text import TextBackend
from inspire.core.reading.errors import EmptyFile, FileTooLarge, OverLimit, UnsupportedFormat, WrongContent

__all__ = ["Document", "Page", "load_document", "load_path", "MAX_BYTES", "BACKENDS"]

#: The largest file read as one report. Real reports are under 5 MB; committee papers under 30 MB.
MAX_BYTES = 50 * 1024 * 1024

#: Tried in this order; the first whose ``sniff`` accepts the bytes reads them.
BACKENDS: tuple[Backend, ...] = (PdfBackend(), DocxBackend(), HtmlBackend(), TextBackend())

_EXTENSION_FORMAT = {".pdf": "pdf", ".docx": "docx", ".htm": "html", ".html": "html", ".txt": "text", ".md": "text"}


def load_path(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Document:
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise FileTooLarge(path.name, size, max_bytes)
    return load_document(path.read_bytes(), path.name, max_bytes=max_bytes)


def load_document(data: bytes, source: str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read ``data`` (named ``source`` in messages) into a :class:`Document`."""
    if len(data) > max_bytes:
        raise FileTooLarge(source, len(data), max_bytes)
    backend = backend_for(data, source)
    try:
        check_package(data, source)  # a .docx that unpacks to gigabytes is refused before parsing
    except LimitExceeded as error:
        raise OverLimit(error.source, error.detail) from None
    pages = backend.pages(data, source)
    return Document(
        pages=pages,
        format=backend.format,
        sha256=hashlib.sha256(data).hexdigest(),
        filename=source,
        paginated=backend.paginated or len(pages) > 1,
        created=backend.created(data),
        layout=backend.layout(data),
    )


def backend_for(data: bytes, source: str) -> Backend:
    """The backend that reads ``data``, chosen by content; a file whose name claims another format
    (a PDF named .docx, a web error page saved as .pdf) is refused. Ingest checks this before it
    skips a file as already stored, so every way in refuses the same files."""
    if not data:
        raise EmptyFile(source)
    backend = next((b for b in BACKENDS if b.sniff(data)), None)
    claimed = _EXTENSION_FORMAT.get(Path(source).suffix.lower())
    if backend is None:
        if claimed == "pdf":
            raise WrongContent(source, "the file is named .pdf but is not a PDF (it does not start with %PDF)")
        if claimed == "docx":
            if data.startswith(b"PK\x03\x04"):
                raise WrongContent(source, "the file is named .docx but is a zip archive without a Word document in it")
            raise WrongContent(source, "the file is named .docx but is not a Word document (not a .docx zip package)")
        raise UnsupportedFormat(source, "the file is not a PDF, Word (.docx), HTML or plain-text document")
    if claimed and claimed != backend.format:
        described = {
            "html": "an HTML page (often a web error page saved in place of the report)",
            "text": "plain text",
            "pdf": "a PDF",
            "docx": "a Word document",
        }
        raise WrongContent(
            source,
            f"the file is named {Path(source).suffix.lower()} but contains {described[backend.format]}",
        )
    return backend
