"""The contract every input-format backend meets."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    text: str


@dataclass(frozen=True)
class Document:
    """A document as pages of plain text. Formats without fixed pages (text, HTML, Word) are one page
    per explicit page break, and ``paginated`` is False: provenance then gives no page number."""

    pages: tuple[Page, ...]
    format: str
    sha256: str
    filename: str
    paginated: bool = True
    #: when the file says it was made (a PDF's own /CreationDate, time-zone aware), where it says so
    #: and the backend trusts it; None otherwise (Word, HTML and text copies: see ``Backend.created``)
    created: datetime | None = None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)


class Backend(ABC):
    format: str
    paginated: bool = True

    @abstractmethod
    def sniff(self, data: bytes) -> bool:
        """True when the bytes are of this format (by content, never by file name)."""

    @abstractmethod
    def pages(self, data: bytes, source: str) -> tuple[Page, ...]:
        """The document's pages; raises ReadError subclasses for unusable input."""

    def created(self, data: bytes) -> datetime | None:
        """When the file says it was made, if the format records it in a way worth estimating a
        publication date from. Only PDFs do: Ofsted publishes its reports as PDFs, while a Word,
        HTML or text copy was made by whoever made the copy (a council's Word file is dated when
        the council made it), so their dates are not asked for."""
        return None
