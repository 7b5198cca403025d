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


def search_joined(lines: Sequence[Line], pattern: re.Pattern[str]):
    """The first match of ``pattern`` in the lines joined by spaces (so a sentence may wrap), as
    (the line where the match starts, match, joined text), or None."""
    text = " ".join(line.text for line in lines)
    match = pattern.search(text)
    if not match:
        return None
    position = 0
    for line in lines:
        position += len(line.text) + 1
        if position > match.start():
            return line, match, text
    return None  # pragma: no cover - a match lies within the joined lines


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


def add_recommendations(record: Record, section_name: str, items: Sequence[tuple[str, Line | Provenance]]) -> None:
    """Append items (text, and the Line or Provenance it was read from) to the record's section."""
    start = sum(1 for r in record.recommendations if r.section == section_name)
    for offset, (text, where) in enumerate(items, start=1):
        record.recommendations.append(Recommendation(section_name, start + offset, text, where.page))
        record.provenance[f"recommendations.{len(record.recommendations) - 1}"] = Provenance(where.page, text)


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
    """The bulleted items under the first line from ``start`` that is ``heading`` (matched against
    the whole line), passing over the numbered paragraph that introduces them ("21. In order to
    improve …, the local authority and its partners should take the following action.") and
    timescale sub-headings ("Within three months:"). The list ends at the next numbered paragraph
    or heading-like line after an item. ``text`` is a
    :class:`~inspire.core.reading.frameworks.common.Lines`. Returns the (item, Provenance) pairs in
    order and the position just past the heading (None when there is no such heading)."""
    stop = len(text.text) if end is None else end
    first = next(
        (i for i, line in enumerate(text.lines) if start <= text.starts[i] < stop and heading.fullmatch(line.text)),
        None,
    )
    if first is None:
        return [], None
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
    found = [(squash(" ".join(parts)), Provenance(page, squash(" ".join(parts)))) for page, parts in items]
    return found, text.starts[first] + len(text.lines[first].text)


def add_timed_lists(record: Record, text, heading: re.Pattern[str], lists: int) -> None:
    """The council's (``la``) items of the first ``lists`` non-empty lists under ``heading`` (one
    per service judged), in order; headings with no items (a contents entry) are passed over."""
    position, read = 0, 0
    while read < lists:
        items, position = timed_items(text, heading, start=position)
        if position is None:
            break
        if items:
            read += 1
            add_recommendations(record, "la", [(words, provenance) for words, provenance in items])
    if read < lists:
        name = heading.pattern.replace("\\s+", " ")
        record.warnings.append(f"recommendations (la): {read} of the {lists} '{name}' lists were found")


def _heading_like(text: str) -> bool:
    return len(text) < 90 and text[:1].isupper() and not re.search(r"[.;,:]$", text)
