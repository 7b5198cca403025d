"""Page text as the units read it: lines without running headers, footers and page numbers,
joined into one string (so phrases that wrap over lines match) with each position mapped back
to its page for provenance; and the regex helpers every unit's phrases go through."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate, repeat
from operator import add
from typing import NamedTuple

from inspire.core.reading.documents import Document
from inspire.core.reading.record import Provenance

#: Glyphs that start a bullet item in extracted text (PDF private-use bullets included).
BULLETS = "◼•■▪●○◦➢►▶‣⁃\uf06e\uf0a7\uf0b7\uf0d8\uf076\uf0fc-–−─―*"
#: a bullet glyph, including any Symbol-font private-use character PDFs print bullets as
BULLET_RE = re.compile(rf"^\s*[{re.escape(BULLETS)}\uf000-\uf0ff]\s*")
#: "1. ", "(2) ", "136." (SIF paragraphs are numbered through the report), "• 3. " (Word's bulleted numbers)
NUMBERED_RE = re.compile(rf"^\s*(?:[{re.escape(BULLETS)}]\s*)?\(?(\d{{1,3}})[.)](?:\s+|$)")
_WS = re.compile(r"\s+")
_BARE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.I)
_DIGITS = re.compile(r"\d+")


def phrase(text: str) -> str:
    """A regex for a printed phrase: any run of whitespace (line breaks too) between words,
    either apostrophe, optional hyphen-or-space in hyphenated words. Regex syntax in ``text``
    (``(?:...)?``, ``|``) is kept, so a phrase may have optional parts."""
    text = text.replace("'", "['’]")
    text = re.sub(r"(?<=\w)-(?=\w)", r"[-\\s]?", text)
    return re.sub(r" +", r"\\s+", text)


def squash(text: str) -> str:
    """Whitespace normalised to single spaces."""
    return _WS.sub(" ", text).strip()


_PATTERNS: dict[str, re.Pattern] = {}


def compiled(pattern: str) -> re.Pattern:
    """A unit's regex, compiled once (case-insensitive, ``^`` and ``$`` at line ends)."""
    compiled = _PATTERNS.get(pattern)
    if compiled is None:
        compiled = _PATTERNS[pattern] = re.compile(pattern, re.I | re.M)
    return compiled


class Line(NamedTuple):  # a tuple: reports have tens of thousands of lines, made quickly
    page: int | None  # 1-based; None for documents without fixed pages
    text: str  # stripped


def document_lines(document: Document, *, max_pages: int | None = None) -> list[Line]:
    """The document's non-blank lines, without running headers/footers or page numbers.

    A running header or footer is a line near the top or bottom of a page that also appears
    (digits aside, so "2 to 6 December 2024 3" matches "… 4") near the top or bottom of at least
    two other pages.
    """
    pages = document.pages if max_pages is None else document.pages[:max_pages]
    page_lines = [_page_lines(page.text) for page in pages]
    edge = 4
    # each page's lines near its top and bottom, by index, with their digits masked
    masked = [_edges(lines, edge) for lines in page_lines]
    counts = Counter(key for keys in masked for key in set(keys.values()))
    running = {key for key, n in counts.items() if n >= 3}
    numbered = document.paginated
    out: list[Line] = []
    for page, lines, keys in zip(pages, page_lines, masked):
        if len(document.pages) > 2:
            # the first page's top is the report's title, which running headers repeat
            top = range(min(edge, len(lines))) if page.number > 1 else range(0)
            bottom = range(max(0 if page.number > 1 else edge, len(lines) - edge), len(lines))
            drop = {i for i in (*top, *bottom) if keys[i] in running or _BARE_NUMBER.match(lines[i])}
            for i in sorted(drop, reverse=True):
                del lines[i]
        number = page.number if numbered else None
        # tuple.__new__ makes each Line without a Python-level call (tens of thousands a report)
        out.extend(map(tuple.__new__, repeat(Line), zip(repeat(number), lines)))
    return out


def _page_lines(text: str) -> list[str]:
    """A page's non-blank lines, stripped, with runs of white space inside them made one space:
    no pattern then meets a long run (junk lines of thousands of spaces would make some
    patterns backtrack for minutes)."""
    return [squash(s) if "  " in s or "\t" in s else s for s in map(str.strip, text.split("\n")) if s]


def _edges(lines: list[str], edge: int) -> dict[int, str]:
    """The first and last ``edge`` lines, by index, digits masked: a running header or footer is
    matched with digits aside ("2 to 6 December 2024 3" matches "… 4")."""
    indices = {*range(min(edge, len(lines))), *range(max(0, len(lines) - edge), len(lines))}
    return {i: _DIGITS.sub("#", lines[i]) for i in indices}


class Lines:
    """A list of lines joined into one string, so phrases that wrap over lines can be matched,
    with a map back from a position in the string to its line (and so its page)."""

    def __init__(self, lines: Sequence[Line]):
        self.lines = list(lines)
        texts = [line.text for line in self.lines]
        self.text = "\n".join(texts)
        # a line starts after the lines before it and their newlines
        self.starts: list[int] = list(map(add, accumulate(map(len, texts), initial=0), range(len(texts))))

    def line_at(self, position: int) -> int:
        """Index of the line holding character ``position``."""
        return max(0, bisect.bisect_right(self.starts, position) - 1)

    def page_at(self, position: int) -> int | None:
        return self.lines[self.line_at(position)].page if self.lines else None

    def provenance(self, start: int, end: int) -> Provenance:
        return Provenance(self.page_at(start), squash(self.text[start:end]))


def plain_lines(document: Document, *, max_pages: int | None = None) -> Lines:
    """The document's lines (as :func:`document_lines`) without the Markdown marks that text
    extracted from Word carries: bold (``**good**``) and ``| cell |`` table rows, whose cells are
    joined into one line (a word the extraction split over two cells, "Child | ren", is rejoined)."""
    lines = document_lines(document, max_pages=max_pages)
    joined = Lines(lines)
    if "**" not in joined.text and not joined.text.startswith("|") and "\n|" not in joined.text:
        return joined  # PDFs: nothing to clean (no line has "**" or starts with "|")
    out = []
    for line in lines:
        text = line.text.replace("**", "")
        if text.startswith("|"):
            text = _table_row(text)
            if not text:
                continue
        out.append(Line(line.page, text))
    return Lines(out)


_RULE = re.compile(r"^[\s|:-]*$")


def _table_row(text: str) -> str:
    if _RULE.match(text):
        return ""  # the |---|---| rule under a header row
    cells = [cell.strip() for cell in text.strip().strip("|").split("|")]
    joined = ""
    for cell in filter(None, cells):
        glue = "" if joined[-1:].isalpha() and cell[:1].islower() else " "
        joined = f"{joined}{glue}{cell}" if joined else cell
    return joined


_HEAD_CACHE: list[tuple[Document, int, str]] = []


def head_text(document: Document, pages: int) -> str:
    """The text of the first ``pages`` pages (cached: every unit's ``detect`` asks for it)."""
    for cached, count, value in _HEAD_CACHE:
        if cached is document and count == pages:
            return value
    value = "\n".join(page.text for page in document.pages[:pages])
    _HEAD_CACHE.insert(0, (document, pages, value))
    del _HEAD_CACHE[2:]  # the document being detected (and a report embedded in it)
    return value
