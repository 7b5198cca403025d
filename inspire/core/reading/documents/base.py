"""The contract every input-format backend meets."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass


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
