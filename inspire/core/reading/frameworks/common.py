"""The shared reading toolkit every framework unit is built from.

A unit is mostly data: a :class:`Spec` naming the phrases that mark its family, the labels of
its judgement table, the headings of its recommendation lists and the labels of its dates and
lead inspector. :class:`DeclarativeFramework` reads any report from such a spec; a unit
subclasses it only for what is truly specific to its layout (override :meth:`refine`).

The reading functions work on :class:`Lines`: the document's lines with running page
headers/footers and page numbers removed, each knowing its page. Every value found is recorded
with a :class:`~inspire.core.reading.record.Provenance`; every value looked for and not found,
or found more than once with different readings, gives a warning instead of a guess.

Sections, in order: phrases and lines; values found and the record; the cover (dates,
authority, publication date, lead inspector); judgements; lists of recommendations; facts;
the declarative unit; detection. Units whose layout needs their own reading (sif, lac_2012)
call these functions directly.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from inspire.core.reading.dates import parse_date, parse_date_span
from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks.base import Framework
from inspire.core.reading.grades import GRADE_RE, normalise_grade
from inspire.core.reading.record import AuthorityRef, Provenance, Recommendation, Record, SourceInfo
from inspire.core.register import Authority, Register

# --------------------------------------------------------------------------------------------
# Phrases and lines
# --------------------------------------------------------------------------------------------

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


def _compiled(pattern: str) -> re.Pattern:
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
    page_lines = [[_tidy(s) for s in (raw.strip() for raw in page.text.split("\n")) if s] for page in pages]
    edge = 4
    counts: Counter[str] = Counter()
    for lines in page_lines:
        counts.update({_DIGITS.sub("#", s) for s in lines[:edge] + lines[-edge:]})
    running = {key for key, n in counts.items() if n >= 3}
    numbered = document.paginated
    out: list[Line] = []
    for page, lines in zip(pages, page_lines):
        keep = list(lines)
        if len(document.pages) > 2:
            # the first page's top is the report's title, which running headers repeat
            top = [i for i in range(min(edge, len(keep))) if _is_running(keep[i], running)] if page.number > 1 else []
            first_bottom = max(0 if page.number > 1 else edge, len(keep) - edge)
            bottom = [i for i in range(first_bottom, len(keep)) if _is_running(keep[i], running)]
            drop = set(top) | set(bottom)
            keep = [s for i, s in enumerate(keep) if i not in drop]
        number = page.number if numbered else None
        out.extend(Line(number, s) for s in keep)
    return out


def _tidy(line: str) -> str:
    """A line with runs of white space inside it made one space: no pattern then meets a long
    run (junk lines of thousands of spaces would make some patterns backtrack for minutes)."""
    return squash(line) if "  " in line or "\t" in line else line


def _is_running(text: str, running: set[str]) -> bool:
    return bool(_BARE_NUMBER.match(text)) or _DIGITS.sub("#", text) in running


class Lines:
    """A list of lines joined into one string, so phrases that wrap over lines can be matched,
    with a map back from a position in the string to its line (and so its page)."""

    def __init__(self, lines: Sequence[Line]):
        self.lines = list(lines)
        self.starts: list[int] = []
        position = 0
        for line in self.lines:
            self.starts.append(position)
            position += len(line.text) + 1
        self.text = "\n".join(line.text for line in self.lines)

    def line_at(self, position: int) -> int:
        """Index of the line holding character ``position``."""
        return max(0, bisect.bisect_right(self.starts, position) - 1)

    def page_at(self, position: int) -> int | None:
        return self.lines[self.line_at(position)].page if self.lines else None

    def provenance(self, start: int, end: int) -> Provenance:
        return Provenance(self.page_at(start), squash(self.text[start:end]))


def plain_lines(document: Document) -> Lines:
    """The document's lines (as :func:`document_lines`) without the Markdown marks that text
    extracted from Word carries: bold (``**good**``) and ``| cell |`` table rows, whose cells are
    joined into one line (a word the extraction split over two cells, "Child | ren", is rejoined)."""
    lines = document_lines(document)
    if not any("**" in line.text or line.text.startswith("|") for line in lines):
        return Lines(lines)  # PDFs: nothing to clean
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

# --------------------------------------------------------------------------------------------
# Values found, and putting them in the record
# --------------------------------------------------------------------------------------------

@dataclass
class Found:
    """A value read from the document, with where it was read."""

    value: object
    provenance: Provenance


def new_record(family: str, document: Document) -> Record:
    return Record(
        family=family,
        source=SourceInfo(
            sha256=document.sha256, format=document.format, pages=len(document.pages), filename=document.filename
        ),
    )


def record_found(record: Record, field: str, found: Found) -> None:
    """Put a judgement ("judgements.overall") or a top-level field ("published") in the record."""
    if field.startswith("judgements."):
        record.judgements[field.split(".", 1)[1]] = found.value  # type: ignore[assignment]
    else:
        setattr(record, field, found.value)
    record.provenance[field] = found.provenance

# --------------------------------------------------------------------------------------------
# The cover: inspection dates, authority, publication date, lead inspector
# --------------------------------------------------------------------------------------------

_INSPECTOR_TITLES = re.compile(
    r"(?:,|\s)\s*(?:(?:His|Her|Their)\s+Majesty['’]s\s+Inspector(?:\s+\(HMI\))?|HMI\b|Ofsted\s+Inspector|"
    r"Social\s+Care\s+Regulatory\s+Inspector|Senior\s+HMI).*$",
    re.I | re.S,
)
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,4}$")


def labelled(text: Lines, labels: Sequence[str], *, start: int = 0, end: int | None = None) -> re.Match | None:
    """The first match of any of ``labels`` (phrases ending in their colon, if any) in the text."""
    pattern = _labels_re(tuple(labels))
    return pattern.search(text.text, start, len(text.text) if end is None else end)


_LABEL_CACHE: dict[tuple[str, ...], re.Pattern] = {}


def _labels_re(labels: tuple[str, ...]) -> re.Pattern:
    pattern = _LABEL_CACHE.get(labels)
    if pattern is None:
        pattern = re.compile(r"(?:" + "|".join(phrase(label) for label in labels) + r")(?![a-z])\s*:?[ \t]*", re.I)
        _LABEL_CACHE[labels] = pattern
    return pattern


def _value_after(text: Lines, match: re.Match, *, lines: int = 1) -> tuple[str, int]:
    """The text after a label: the rest of its line, and the next ``lines - 1`` lines."""
    index = text.line_at(match.start())
    rest = text.lines[index].text[match.end() - text.starts[index] :]
    extra = [line.text for line in text.lines[index + 1 : index + lines]]
    last = min(index + lines - 1, len(text.lines) - 1)
    return " ".join([rest, *extra]).strip(), text.starts[last] + len(text.lines[last].text)


#: a date line that goes on to the next line: it ends with "and", "to", a dash or a bare day
_WRAPS = re.compile(r"(?:\band|\bto|[-–—─,]|(?<!\d)[0-3]?\d)\s*$")


def read_dates(text: Lines, labels: Sequence[str], *, end: int | None = None) -> Found | None:
    """The inspection's first and last days from e.g. "Inspection dates: 2 to 6 December 2024"."""
    match = labelled(text, labels, end=end)
    if not match:
        return None
    best = None
    for lines in (1, 2, 3):  # a span may wrap ("… 2013 and 28 – 30\nJanuary 2014")
        value, stop = _value_after(text, match, lines=lines)
        span = parse_date_span(value)
        if span:
            best = Found(span, text.provenance(match.start(), stop))
            if not _WRAPS.search(value):
                break
    return best


def read_date(text: Lines, labels: Sequence[str], *, end: int | None = None) -> Found | None:
    """One whole date after a label ("Publication date: 14 October 2016")."""
    match = labelled(text, labels, end=end)
    if not match:
        return None
    for lines in (1, 2):
        value, stop = _value_after(text, match, lines=lines)
        day = parse_date(value)
        if day:
            return Found(day, text.provenance(match.start(), stop))
    return None


def read_person(text: Lines, labels: Sequence[str], *, end: int | None = None) -> Found | None:
    """A person's name after a label, without titles ("Lead inspector: Nicki Shaw, His Majesty's
    Inspector" → "Nicki Shaw"). A title on the next line is dropped too."""
    match = labelled(text, labels, end=end)
    if not match:
        return None
    value, stop = _value_after(text, match, lines=1)
    name = squash(_INSPECTOR_TITLES.sub("", squash(value))).rstrip(",;. ")
    if not name:
        return None
    if not _NAME.match(name):
        return None
    return Found(name, text.provenance(match.start(), stop))


#: Words around an authority's name in a report title that are not part of the name.
_COUNCIL_WORDS = re.compile(
    r"\b(?:the|royal\s+borough\s+of|(?:metropolitan\s+)?(?:borough|district|county|city)?\s*council|"
    r"metropolitan\s+borough|city\s+of|city|county|children\s+and\s+families\s+trust|council)\b",
    re.I,
)


def find_authority(
    text: Lines, register: Register, *, title: Sequence[str], end: int | None = None
) -> tuple[Authority | None, Provenance | None, str | None]:
    """The authority a report is about: (authority, provenance, warning).

    First the name in the report's title (each of ``title`` is a regex with a group ``name``,
    matched in the text up to ``end``), then the one authority the title area names, then (for a
    text without its cover) the one authority the opening names, with a warning saying so.
    """
    area_end = min(len(text.text) if end is None else end, _TITLE_CHARS)
    for pattern in title:
        for match in _compiled(pattern).finditer(text.text, 0, area_end):
            name = squash(match.group("name"))
            authority = _authority_from_name(register, name)
            if authority:
                return authority, text.provenance(match.start(), match.end()), None
    found = {a.ofsted_urn: a for _, a, _ in register.find(text.text[:area_end])}
    if len(found) == 1:
        authority = next(iter(found.values()))
        return authority, _quote_name(text, authority, 0, area_end), None
    if len(found) > 1:
        names = ", ".join(sorted(a.name for a in found.values()))
        return None, None, f"authority: the title area names more than one authority ({names})"
    # No title (text copied from a report without its cover): the one authority its opening names.
    opening_end = text.starts[min(_OPENING_LINES, len(text.lines) - 1)] if text.lines else 0
    found = {a.ofsted_urn: a for _, a, _ in register.find(text.text[:opening_end])}
    if len(found) == 1:
        authority = next(iter(found.values()))
        return (
            authority,
            _quote_name(text, authority, 0, opening_end),
            f"authority: no title names it; {authority.name} is the only authority the report's opening names",
        )
    return None, None, "authority: no local authority named in the report's title"


_OPENING_LINES = 60
#: a title area is never longer than this (bounds the search on documents that are not reports)
_TITLE_CHARS = 1500


def _authority_from_name(register: Register, name: str) -> Authority | None:
    authority = register.lookup(name)
    if authority:
        return authority
    stripped = squash(_COUNCIL_WORDS.sub(" ", name))
    authority = register.lookup(stripped) if stripped else None
    if authority:
        return authority
    found = {a.ofsted_urn: a for _, a, _ in register.find(name)}
    return next(iter(found.values())) if len(found) == 1 else None


def _quote_name(text: Lines, authority: Authority, start: int, end: int) -> Provenance:
    for form in sorted(authority.names, key=len, reverse=True):
        match = re.search(phrase(re.escape(form).replace(r"\ ", " ")), text.text[start:end], re.I)
        if match:
            return text.provenance(start + match.start(), start + match.end())
    return text.provenance(start, min(end, start + 80))


def authority_ref(authority: Authority) -> AuthorityRef:
    return AuthorityRef(name=authority.name, ofsted_urn=authority.ofsted_urn, dfe_la_code=authority.dfe_la_code)


def read_cover(
    record: Record,
    text: Lines,
    register: Register,
    *,
    dates: Sequence[str],
    lead_inspector: Sequence[str],
    published: Sequence[str] = (),
    titles: Sequence[str] = (),
) -> None:
    """Inspection dates, the authority (named in the title, before the dates: ``titles`` as in
    :func:`find_authority`), publication date (for families that state one: ``published`` labels)
    and lead inspector, each from the text after its label; what is missing is warned about."""
    span = read_dates(text, dates)
    if span:
        record.inspection_start, record.inspection_end = span.value  # type: ignore[misc]
        record.provenance["inspection_start"] = record.provenance["inspection_end"] = span.provenance
    else:
        record.warnings.append("inspection dates: not found")
    label = labelled(text, dates)
    authority, provenance, warning = find_authority(
        text, register, title=titles, end=label.start() if label else _cover_end(text)
    )
    if authority and provenance:
        record.authority = authority_ref(authority)
        record.provenance["authority"] = provenance
    if warning:
        record.warnings.append(warning)
    if published:
        found = read_date(text, published)
        if found:
            record_found(record, "published", found)
        else:
            record.warnings.append("publication date: not stated")
    found = read_person(text, lead_inspector)
    if found:
        record_found(record, "lead_inspector", found)
    else:
        record.warnings.append("lead inspector: not named")


def _cover_end(text: Lines) -> int:
    """Without a dates label to end it, a cover is at most its first 12 lines or 600 characters."""
    if not text.lines:
        return 0
    last = min(12, len(text.lines)) - 1
    return min(text.starts[last] + len(text.lines[last].text), 600)

# --------------------------------------------------------------------------------------------
# Judgements
# --------------------------------------------------------------------------------------------

#: a grade as printed, for use inside a unit's own pattern
GRADE = r"(?P<grade>" + GRADE_RE.pattern + r")"


def grade_in(text: Lines, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> Found | None:
    """The grade in the first match of ``pattern`` (which holds :data:`GRADE`) in the text."""
    match = pattern.search(text.text, start, len(text.text) if end is None else end)
    return grade_found(text, match) if match else None


def grade_found(text: Lines, match: re.Match[str]) -> Found:
    """The grade in a match of a pattern holding :data:`GRADE`, quoting the whole match."""
    return Found(normalise_grade(match.group("grade")), text.provenance(match.start(), match.end()))


def read_judgements(
    text: Lines,
    table: Sequence[tuple[str, str]],
    *,
    start: int = 0,
    end: int | None = None,
    reach: int = 3,
) -> tuple[dict[str, Found], list[str]]:
    """Judgements from a table of (label phrase → key) rows, in the text from ``start`` to ``end``.

    Each label's grade is the first grade phrase after it, before the next label and within
    ``reach`` lines, so labels and grades that wrap over lines (as PDF text does) read correctly.
    List longer labels before shorter ones they begin with ("children in care and care leavers"
    before "children in care"). The first row found for a key with a clear grade wins.
    A grade followed by a line that is only another grade is not taken: the grades were printed
    as a column after the labels, and which is whose cannot be told.
    Returns the judgements found and warnings (a label with no grade, or an unclear one).
    """
    if not table:  # a unit that reads its judgements itself (in refine) declares none
        return {}, []
    pattern = _table_re(tuple(table))
    stop = len(text.text) if end is None else end
    matches = [m for m in pattern.finditer(text.text, start, stop)]
    found: dict[str, Found] = {}
    problems: dict[str, str] = {}  # the first problem with a key never found
    for i, match in enumerate(matches):
        key = table[int(match.lastgroup[1:])][1]
        if key in found:
            continue
        line = text.line_at(match.end())
        limit_line = min(line + reach, len(text.lines) - 1)
        limit = text.starts[limit_line] + len(text.lines[limit_line].text)
        segment_end = min(limit, matches[i + 1].start() if i + 1 < len(matches) else stop)
        grade = GRADE_RE.search(text.text, match.end(), max(segment_end, match.end()))
        if not grade:
            problems.setdefault(key, f"judgements.{key}: no grade found after {squash(match.group(0))!r}")
            continue
        after = text.line_at(grade.end()) + 1
        if after < len(text.lines) and _GRADE_LINE.match(text.lines[after].text):
            problems.setdefault(
                key, f"judgements.{key}: grades printed in a column after {squash(match.group(0))!r}: which is its own is unclear"
            )
            continue
        found[key] = Found(normalise_grade(grade.group(0)), text.provenance(match.start(), grade.end()))
    return found, [problem for key, problem in problems.items() if key not in found]


_GRADE_LINE = re.compile(rf"^(?:{GRADE_RE.pattern})\W*$", re.I)
_TABLES: dict[tuple[tuple[str, str], ...], re.Pattern] = {}


def _table_re(table: tuple[tuple[str, str], ...]) -> re.Pattern:
    pattern = _TABLES.get(table)
    if pattern is None:
        alternatives = "|".join(f"(?P<k{i}>{phrase(label)})" for i, (label, _) in enumerate(table))
        pattern = _TABLES[table] = re.compile(rf"(?:{alternatives})\b", re.I)
    return pattern


def record_judgements(
    record: Record,
    found: dict[str, Found],
    warnings: Sequence[str],
    *,
    expected: Sequence[str] = (),
    not_judged: Sequence[str] = (),
) -> None:
    """Put what :func:`read_judgements` found in the record, with its warnings; an ``expected``
    key neither found nor warned about is warned about, unless the report says it was
    ``not_judged``."""
    for key, value in found.items():
        record_found(record, f"judgements.{key}", value)
    skipped = tuple(f"judgements.{key}:" for key in not_judged)
    record.warnings.extend(w for w in warnings if not (skipped and w.startswith(skipped)))
    for key in expected:
        if key in record.judgements or key in not_judged:
            continue
        if not any(w.startswith(f"judgements.{key}:") for w in record.warnings):
            record.warnings.append(f"judgements.{key}: not found")

# --------------------------------------------------------------------------------------------
# Lists of recommendations
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ItemList:
    """Where a list of recommendations is: the ``section`` ("la" or "lscb") it belongs to, the
    regexes of its heading (matched against a whole line, a footnote digit allowed) and of the
    lines that end it, and an optional regex for an introductory line to skip ("The local
    authority should:")."""

    section: str
    headings: tuple[str, ...]
    ends: tuple[str, ...] = ()
    intro: str | None = None
    #: at most this many lines are read after the heading
    max_lines: int = 200
    #: the heading as printed, for warnings ("What needs to improve?"); else the first regex
    name: str = ""


_FOOTNOTE_MARK = re.compile(r"^\d{1,2}$")  # a heading's footnote number, on a line of its own
_FOOTNOTE = re.compile(r"^(\d{1,2})\s+[A-Z]")  # a footnote: its number, then its text
_NO_PAGE = object()
#: a footnote number printed after an item's full stop ("… their plan for permanence.3")
_FOOTNOTE_TAIL = re.compile(r"(?<=[.)’'])\d{1,2}$")
_ENDS_SENTENCE = re.compile(r"[.;:!?)’'\"”]\s*$")


def read_items(text: Lines, spec: ItemList, *, start: int = 0, end: int | None = None) -> tuple[list[tuple[str, Provenance]], bool]:
    """The items of the list under ``spec``'s heading: (text, provenance) in order, and whether
    the heading was found. The items are read as :func:`items_in` reads them, ending at a line
    that one of ``spec.ends`` begins; with ends given, a list whose bullet glyphs were lost in
    extraction is read line by line. A footnote on the heading ("What needs to improve?1") is
    left out where it interrupts an item at the foot of a page.
    """
    stop = len(text.text) if end is None else end
    heading = _heading_re(spec.headings).search(text.text, start, stop)
    if not heading:
        return [], False
    first = text.line_at(heading.end() - 1) + 1
    lines = text.lines[first : first + spec.max_lines]
    if end is not None:
        lines = [line for index, line in enumerate(lines, first) if text.starts[index] < stop]
    ends = _compiled("^(?:" + "|".join(f"(?:{e})" for e in spec.ends) + ")") if spec.ends else None
    items = _collect(
        lines,
        stop=ends,
        skip=_compiled(spec.intro) if spec.intro else None,
        plain=bool(spec.ends),
        notes={heading.group("note")} - {""},
    )
    return items, True


_HEADINGS: dict[tuple[str, ...], re.Pattern] = {}


def _heading_re(headings: tuple[str, ...]) -> re.Pattern:
    pattern = _HEADINGS.get(headings)
    if pattern is None:
        alternatives = "|".join(f"(?:{h})" for h in headings)
        pattern = _HEADINGS[headings] = re.compile(
            rf"^[ \t]*(?:{alternatives})[ \t]*(?P<note>\d{{0,2}})[ \t]*$", re.I | re.M
        )
    return pattern


def add_items(record: Record, text: Lines, items: ItemList, *, start: int = 0, end: int | None = None) -> None:
    """Append the list's items to ``record.recommendations`` (numbered within their section)."""
    found, heading = read_items(text, items, start=start, end=end)
    if not heading:
        record.warnings.append(f"recommendations ({items.section}): no list headed {(items.name or items.headings[0])!r} found")
        return
    if not found:
        record.warnings.append(f"recommendations ({items.section}): the list under its heading is empty")
    add_recommendations(record, items.section, found)


def items_in(
    text: Lines,
    start: int,
    end: int,
    *,
    skip: re.Pattern[str] | None = None,
    stop: re.Pattern[str] | None = None,
    exclude: re.Pattern[str] | None = None,
    style: str | None = None,
) -> list[tuple[str, Provenance]]:
    """The numbered or bulleted items on the lines from ``start`` to ``end``.

    ``style`` ("number" or "bullet") is what starts an item; by default the first marker found
    decides. Bullets under a numbered item are part of it. Lines matching ``skip`` (sub-headings such as
    "Areas for improvement" between two runs of items) are passed over; a line matching ``stop``,
    or a short heading-like line after an item that ended a sentence, ends the list. Items whose
    text matches ``exclude`` ("There are no areas for priority action") are dropped.
    """
    first, last = text.line_at(start), text.line_at(max(start, end - 1))
    return _collect(text.lines[first : last + 1], skip=skip, stop=stop, exclude=exclude, style=style)


def _collect(
    lines: Sequence[Line],
    *,
    skip: re.Pattern[str] | None = None,
    stop: re.Pattern[str] | None = None,
    exclude: re.Pattern[str] | None = None,
    style: str | None = None,
    plain: bool = False,
    notes: set[str] | None = None,
) -> list[tuple[str, Provenance]]:
    """The one list reader under :func:`items_in` and :func:`read_items`. Lines before the first
    item are an introduction, passed over, unless ``plain``: then the list has lost its glyphs and
    each line that starts a sentence starts an item. ``notes`` are footnote numbers whose text,
    met at the foot of a page, is left out."""
    notes = set(notes or ())
    items: list[tuple[int | None, list[str]]] = []
    footnote_page: object = _NO_PAGE
    for line in lines:
        body = line.text
        if line.page == footnote_page:
            continue
        if stop is not None and stop.search(body):
            break
        if skip is not None and skip.search(body):
            continue
        if not items and _FOOTNOTE_MARK.match(body):
            notes.add(body)  # the heading's footnote number, on a line of its own
            continue
        note = _FOOTNOTE.match(body)
        if note and note.group(1) in notes and line.page is not None:
            footnote_page = line.page  # the rest of this page is the footnote
            continue
        if style is None:
            style = "number" if NUMBERED_RE.match(body) else "bullet" if BULLET_RE.match(body) else None
            if style is None and plain:
                style = "plain"
        starter = (NUMBERED_RE if style == "number" else BULLET_RE).match(body) if style in ("number", "bullet") else None
        if starter:
            items.append((line.page, [body[starter.end() :]]))
            continue
        sentence_over = not items or _ENDS_SENTENCE.search(items[-1][1][-1])
        if style == "plain" and sentence_over and body[:1].isupper():
            items.append((line.page, [body]))
            continue
        if not items:
            continue  # an introduction ("the local authority should:")
        if _looks_like_heading(body) and sentence_over:
            break
        bullet = BULLET_RE.match(body)
        items[-1][1].append(body[bullet.end() :] if bullet else body)
    out = []
    for page, parts in items:
        words = _FOOTNOTE_TAIL.sub("", squash(" ".join(parts)))
        if words and not (exclude is not None and exclude.search(words)):
            out.append((words, Provenance(page, words)))
    return out


def _looks_like_heading(line: str) -> bool:
    return len(line) < 70 and not _ENDS_SENTENCE.search(line) and line[:1].isupper()


def add_recommendations(record: Record, section: str, items: Sequence[tuple[str, Provenance]]) -> None:
    """Append items to the record, numbered 1..n within their section."""
    ordinal = sum(1 for r in record.recommendations if r.section == section)
    for words, provenance in items:
        ordinal += 1
        record.recommendations.append(Recommendation(section, ordinal, words, provenance.page))
        record.provenance[f"recommendations.{len(record.recommendations) - 1}"] = provenance

# --------------------------------------------------------------------------------------------
# Facts: counts and rates from "information about this local authority area"
# --------------------------------------------------------------------------------------------

_WORD_NUMBERS = {
    word: value
    for value, word in enumerate(
        "no one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
#: a count as printed: "1,139", "2915", "four", "no"; a footnote mark may cling to a grouped
#: number ("42,6163" is 42,616 and footnote 3), never a number's tail on its own
NUMBER = r"(?<![\d,.])(?:\d{1,3}(?:,\d{3})+\d?|\d+|" + "|".join(_WORD_NUMBERS) + r")\b"
_FOOTNOTED = re.compile(r"(\d{1,3}(?:,\d{3})+)\d")


def to_number(text: str) -> int | None:
    text = text.strip().lower()
    if text in _WORD_NUMBERS:
        return _WORD_NUMBERS[text]
    footnoted = _FOOTNOTED.fullmatch(text)
    digits = (footnoted.group(1) if footnoted else text).replace(",", "")
    return int(digits) if digits.isdigit() else None


@dataclass(frozen=True)
class FactPattern:
    """One fact's sentence, in each way it is printed: each pattern has a group ``count`` and may
    have ``rate`` (per 10,000, stored as ``rate_key``) and ``as_at`` (the date it is stated at)."""

    key: str
    patterns: tuple[re.Pattern[str], ...]
    rate_key: str | None = None


def read_facts(
    record: Record, text: Lines, start: int, end: int, facts: Sequence[FactPattern], *, as_at_of: str = "looked_after"
) -> None:
    """The facts found between ``start`` and ``end``, each with its provenance; a fact not found
    gets a warning. ``as_at`` is the date the ``as_at_of`` figure is stated at (figures of one
    section may be of different dates; a date without its day, "the end of February 2014", is
    not guessed at)."""
    for fact in facts:
        match = next((m for m in (p.search(text.text, start, end) for p in fact.patterns) if m), None)
        count = to_number(match.group("count")) if match else None
        if match is None or count is None:
            record.warnings.append(f"facts.{fact.key}: not found")
            continue
        provenance = text.provenance(match.start(), match.end())
        record.facts[fact.key] = count
        record.provenance[f"facts.{fact.key}"] = provenance
        groups = match.groupdict()
        if fact.rate_key and groups.get("rate"):
            record.facts[fact.rate_key] = float(groups["rate"].replace(",", "").rstrip("."))
            record.provenance[f"facts.{fact.rate_key}"] = provenance
        if fact.key == as_at_of and groups.get("as_at"):
            stated = parse_date(groups["as_at"])
            if stated:
                record.facts["as_at"] = stated
                record.provenance["facts.as_at"] = provenance
            else:
                record.warnings.append(f"facts.as_at: {squash(groups['as_at'])!r} is not a whole date")

# --------------------------------------------------------------------------------------------
# The declarative unit
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Spec:
    """Everything a unit declares about its family."""

    family: str
    title: str
    #: (regex, weight) marks of the family in its first pages; negative weights count against
    signatures: tuple[tuple[str, int], ...]
    #: at least this score from signatures, or the document is not of this family
    threshold: int
    #: (regex, weight) marks of the family by their absence ("no overall effectiveness row")
    absences: tuple[tuple[str, int], ...] = ()
    #: inspections that started in [from, to] (either open) are of this family
    inspected_from: date | None = None
    inspected_to: date | None = None
    #: regexes with a group ``name`` for the authority in the report title
    authority_titles: tuple[str, ...] = ()
    date_labels: tuple[str, ...] = ("Inspection dates", "Dates of inspection", "Inspection date")
    lead_labels: tuple[str, ...] = ("Lead inspector",)
    published_labels: tuple[str, ...] = ()
    #: (label phrase, judgement key), longer labels first
    judgements: tuple[tuple[str, str], ...] = ()
    #: judgement keys a report of this family always has: a missing one is warned about
    expected: tuple[str, ...] = ()
    #: the judgement table starts at this regex (else at the first label)
    table_start: str | None = None
    #: the judgement table ends within this many characters of its start
    table_chars: int = 3000
    recommendations: tuple[ItemList, ...] = ()
    #: how many pages hold the title, table and recommendations (None: all)
    pages: int | None = 4
    #: how many pages detection looks at
    detect_pages: int = 3


class DeclarativeFramework(Framework):
    """A framework read entirely from its :class:`Spec`; override :meth:`refine` for the rest."""

    spec: Spec

    @property
    def family(self) -> str:  # type: ignore[override]
        return self.spec.family

    @property
    def title(self) -> str:  # type: ignore[override]
        return self.spec.title

    def detect(self, document: Document) -> int:
        head = head_text(document, self.spec.detect_pages)
        score = sum(weight for pattern, weight in self.spec.signatures if _compiled(pattern).search(head))
        if score < self.spec.threshold:
            return 0
        score += sum(weight for pattern, weight in self.spec.absences if not _compiled(pattern).search(head))
        if self.spec.inspected_from or self.spec.inspected_to:
            start = _first_day(head, self.spec.date_labels)
            if start is None:
                return score
            if self.spec.inspected_from and start < self.spec.inspected_from:
                return 0
            if self.spec.inspected_to and start > self.spec.inspected_to:
                return 0
            return score + 1
        return score

    def read(self, document: Document, register: Register) -> Record:
        spec = self.spec
        text = Lines(document_lines(document, max_pages=spec.pages))
        record = new_record(spec.family, document)
        read_cover(
            record,
            text,
            register,
            dates=spec.date_labels,
            published=spec.published_labels,
            lead_inspector=spec.lead_labels,
            titles=spec.authority_titles,
        )
        table_start = 0
        if spec.table_start:
            match = _compiled(spec.table_start).search(text.text)
            table_start = match.start() if match else 0
        table_end = min(len(text.text), table_start + spec.table_chars)
        found, warnings = read_judgements(text, spec.judgements, start=table_start, end=table_end)
        record_judgements(record, found, warnings, expected=spec.expected)
        for items in spec.recommendations:
            add_items(record, text, items)
        self.refine(record, document, text, register)
        return record

    def refine(self, record: Record, document: Document, text: Lines, register: Register) -> None:
        """What a unit's layout needs beyond its spec (nothing by default)."""

# --------------------------------------------------------------------------------------------
# Detection helpers
# --------------------------------------------------------------------------------------------

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


def _first_day(head: str, labels: Sequence[str]) -> date | None:
    match = _labels_re(tuple(labels)).search(head)
    if not match:
        return None
    lines = head[match.end() : match.end() + 200].split("\n")
    for count in (1, 2):
        span = parse_date_span(" ".join(lines[:count]))
        if span:
            return span[0]
    return None


__all__ = [
    "BULLETS",
    "BULLET_RE",
    "NUMBERED_RE",
    "DeclarativeFramework",
    "Found",
    "ItemList",
    "Line",
    "Lines",
    "Spec",
    "add_items",
    "authority_ref",
    "document_lines",
    "find_authority",
    "head_text",
    "labelled",
    "new_record",
    "phrase",
    "read_date",
    "read_dates",
    "read_items",
    "read_judgements",
    "read_person",
    "squash",
    "FactPattern",
    "GRADE",
    "NUMBER",
    "add_recommendations",
    "grade_found",
    "grade_in",
    "items_in",
    "plain_lines",
    "read_cover",
    "read_facts",
    "record_found",
    "record_judgements",
    "to_number",
]
