"""The contract every input-format backend meets."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    text: str
    #: offsets in ``text`` of the hyphens PDFium marks as line-break hyphens: a word broken at a
    #: line's end by a hyphen, printed as "-" in ``text``; the area families' items drop them
    #: (``frameworks/common/area.py``). Empty for formats that do not mark them.
    break_hyphens: frozenset[int] = frozenset()


class Layout(ABC):
    """Where a document's lines are printed, measured only when a reader asks (most reports are
    read without it, and measuring costs about a quarter of reading a PDF's text)."""

    @abstractmethod
    def line_steps(self, pages: Sequence[Page]) -> dict[int, tuple[float | None, ...]]:
        """For each page (by number), for each line of its text (``text.split("\\n")``), how far
        below the line before it it is printed, in units of the page's usual line spacing (1.0
        within a paragraph, 1.4 or more where a report spaces its paragraphs); None where not
        measured."""


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
    #: the printed layout, for formats that have one (PDF); None for a part cut from a document
    layout: Layout | None = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    def line_steps(self) -> dict[int, tuple[float | None, ...]]:
        """``Layout.line_steps`` of every page where the layout is known; {} otherwise."""
        return self.layout.line_steps(self.pages) if self.layout is not None else {}


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

    def layout(self, data: bytes) -> Layout | None:
        """The document's printed layout, measured lazily (None for formats without pages)."""
        return None
