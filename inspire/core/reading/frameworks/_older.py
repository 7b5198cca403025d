"""Small generic helpers used by the older families' units (APA, SLAC, CP 2012).

TODO(common): these are generic (lines with their index and page, headed sections, the sentence
around a match, bulleted lists, lists under timescale sub-headings) and belong in ``frameworks/common.py``; move them there, or replace them by its
equivalents, once the shared toolkit has them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks.common import BULLETS, new_record, squash  # noqa: F401  (new_record: for units)
from inspire.core.reading.record import AuthorityRef, Provenance, Record, Recommendation
from inspire.core.register import Register

_BULLET_RE = re.compile(rf"^[\s{re.escape(BULLETS)}]+")


@dataclass(frozen=True)
class Line:
    index: int
    page: int | None  # None for documents without real pages
    text: str  # stripped of surrounding white space


def lines_of(document: Document) -> list[Line]:
    """The document's non-blank lines, in order, with the page each is on."""
    found: list[Line] = []
    for page in document.pages:
        for raw in page.text.splitlines():
            text = raw.strip()
            if text:
                found.append(Line(len(found), page.number if document.paginated else None, text))
    return found


def note(record: Record, key: str, line: Line, quote: str | None = None) -> None:
    """Record where the value at ``key`` was read."""
    record.provenance[key] = Provenance(line.page, squash(quote or line.text))


def sentence_of(text: str, match: re.Match[str]) -> str:
    """The sentence of ``text`` in which ``match`` lies (the quote for provenance)."""
    begin = max(text.rfind(". ", 0, match.start()) + 2, 0) if ". " in text[: match.start()] else 0
    end = text.find(".", match.end())
    return squash(text[begin : end + 1 if end != -1 else len(text)])


def strip_bullet(text: str) -> str:
    return squash(_BULLET_RE.sub("", text))


def find(lines: Sequence[Line], pattern: re.Pattern[str], start: int = 0, end: int | None = None):
    """The first (line, match) from ``start`` whose text matches ``pattern``, or None."""
    for line in lines[start:end]:
        match = pattern.search(line.text)
        if match:
            return line, match
    return None


def section(lines: Sequence[Line], heading: re.Pattern[str], stop: re.Pattern[str], start: int = 0) -> list[Line]:
    """The lines after the first line that is ``heading`` (matched in full), up to a line that ``stop``
    matches in full."""
    for line in lines[start:]:
        if heading.fullmatch(line.text):
            body = []
            for following in lines[line.index + 1 :]:
                if stop.fullmatch(following.text):
                    break
                body.append(following)
            return body
    return []


def authority_in(text: str, register: Register):
    """The first authority the text names, or None."""
    found = register.find(text)
    return found[0][1] if found else None


def set_authority(record: Record, authority, line: Line) -> None:
    record.authority = AuthorityRef(authority.name, authority.ofsted_urn, authority.dfe_la_code)
    note(record, "authority", line)


def bulleted_items(body: Iterable[Line], skip: re.Pattern[str] | None = None) -> list[tuple[str, Line]]:
    """Items of a list as text extraction prints them: one per bullet or numbered line, with wrapped
    continuation lines joined on. Lines that ``skip`` matches (sub-headings such as "Immediately:")
    are left out."""
    items: list[list] = []
    for line in body:
        if skip and skip.fullmatch(line.text):
            continue
        starts = bool(re.match(rf"^(?:[{re.escape(BULLETS)}]|\d{{1,3}}[.)]\s)", line.text))
        if starts or not items:
            items.append([strip_bullet(re.sub(r"^\d{1,3}[.)]\s+", "", line.text)), line])
        else:
            items[-1][0] = squash(f"{items[-1][0]} {line.text}")
    return [(text, line) for text, line in items if text]


def add_recommendations(record: Record, section_name: str, items: Sequence[tuple[str, Line]]) -> None:
    start = sum(1 for r in record.recommendations if r.section == section_name)
    for offset, (text, line) in enumerate(items, start=1):
        ordinal = start + offset
        record.recommendations.append(Recommendation(section_name, ordinal, text, line.page))
        note(record, f"recommendations.{len(record.recommendations) - 1}", line, text)


# --- lists with timescale sub-headings (2009-13 reports) -------------------------------------------

#: "Immediately:", "Within three months:", "Within 6 months", "In the longer term:"
TIMESCALE = re.compile(
    r"^(?:immediately|within\s+(?:\w+|\d+)\s+(?:days?|weeks?|months?)|in\s+the\s+(?:longer|medium)\s+term|"
    r"longer\s+term)\s*:?$",
    re.I,
)
_ITEM_BULLET = re.compile(rf"^[{re.escape(BULLETS)}]\s*")
_PARAGRAPH_NUMBER = re.compile(r"^\d{1,3}\.?\s+(?=\S)")


def timed_items(text, heading: re.Pattern[str], *, start: int = 0, end: int | None = None):
    """The bulleted items under ``heading`` (a regex matched against a whole line), passing over
    the numbered paragraph that introduces them ("21. In order to improve …, the local authority and
    its partners should take the following action.") and timescale sub-headings ("Within three
    months:"). The list ends at the next numbered paragraph or heading-like line after an item.
    ``text`` is a :class:`~inspire.core.reading.frameworks.common.Lines`; returns (item, Provenance)
    pairs in order and whether the heading was found."""
    stop = len(text.text) if end is None else end
    first = None
    for index, line in enumerate(text.lines):
        if text.starts[index] >= start and text.starts[index] < stop and heading.fullmatch(line.text):
            first = index
            break
    if first is None:
        return [], False
    items: list[list] = []
    for index in range(first + 1, len(text.lines)):
        if text.starts[index] >= stop:
            break
        line = text.lines[index]
        body = line.text
        if TIMESCALE.match(body):
            continue
        bullet = _ITEM_BULLET.match(body)
        if bullet:
            items.append([line.page, [body[bullet.end() :]]])
            continue
        if not items:
            continue  # the introductory paragraph
        if _PARAGRAPH_NUMBER.match(body) or _heading_like(body):
            break
        items[-1][1].append(body)
    return [(squash(" ".join(parts)), Provenance(page, squash(" ".join(parts)))) for page, parts in items], True


def _heading_like(text: str) -> bool:
    return len(text) < 90 and text[:1].isupper() and not re.search(r"[.;,:]$", text)
