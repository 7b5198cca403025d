"""The shared reading toolkit every framework unit is built from.

A unit is mostly data: a :class:`Spec` naming the phrases that mark its family, the labels of
its judgement table, the headings of its recommendation lists and the labels of its dates and
lead inspector. :class:`DeclarativeFramework` reads any report from such a spec; a unit
subclasses it only for what is truly specific to its layout (override :meth:`refine`).

The reading functions work on :class:`Line` s: the document's lines with running page
headers/footers and page numbers removed, each knowing its page. Every value found is recorded
with a :class:`~inspire.core.reading.record.Provenance`; every value looked for and not found,
or found more than once with different readings, gives a warning instead of a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

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


@dataclass(frozen=True)
class Line:
    page: int | None  # 1-based; None for documents without fixed pages
    text: str  # stripped


def document_lines(document: Document, *, max_pages: int | None = None) -> list[Line]:
    """The document's non-blank lines, without running headers/footers or page numbers.

    A running header or footer is a line near the top or bottom of a page that also appears
    (digits aside, so "2 to 6 December 2024 3" matches "… 4") near the top or bottom of at least
    two other pages.
    """
    pages = document.pages if max_pages is None else document.pages[:max_pages]
    page_lines = [[s for s in (raw.strip() for raw in page.text.split("\n")) if s] for page in pages]
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
        low, high = 0, len(self.starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.starts[middle] <= position:
                low = middle
            else:
                high = middle - 1
        return low

    def page_at(self, position: int) -> int | None:
        return self.lines[self.line_at(position)].page if self.lines else None

    def provenance(self, start: int, end: int) -> Provenance:
        return Provenance(self.page_at(start), squash(self.text[start:end]))


# --------------------------------------------------------------------------------------------
# Labelled values: dates, lead inspector, publication date
# --------------------------------------------------------------------------------------------

_INSPECTOR_TITLES = re.compile(
    r"(?:,|\s)\s*(?:(?:His|Her|Their)\s+Majesty['’]s\s+Inspector(?:\s+\(HMI\))?|HMI\b|Ofsted\s+Inspector|"
    r"Social\s+Care\s+Regulatory\s+Inspector|Senior\s+HMI).*$",
    re.I | re.S,
)
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,4}$")


@dataclass
class Found:
    """A value read from the document, with where it was read."""

    value: object
    provenance: Provenance


def labelled(text: Lines, labels: Sequence[str], *, start: int = 0, end: int | None = None) -> re.Match | None:
    """The first match of any of ``labels`` (phrases ending in their colon, if any) in the text."""
    pattern = _labels_re(tuple(labels))
    return pattern.search(text.text, start, len(text.text) if end is None else end)


_LABEL_CACHE: dict[tuple[str, ...], re.Pattern] = {}


def _labels_re(labels: tuple[str, ...]) -> re.Pattern:
    pattern = _LABEL_CACHE.get(labels)
    if pattern is None:
        pattern = re.compile(r"(?:" + "|".join(phrase(label) for label in labels) + r")\s*:?[ \t]*", re.I)
        _LABEL_CACHE[labels] = pattern
    return pattern


def _value_after(text: Lines, match: re.Match, *, lines: int = 1) -> tuple[str, int]:
    """The text after a label: the rest of its line, and the next ``lines - 1`` lines."""
    index = text.line_at(match.start())
    first = text.lines[index].text
    rest = first[match.end() - text.starts[index]:]
    extra = [line.text for line in text.lines[index + 1 : index + lines]]
    value = " ".join([rest, *extra]).strip()
    end = text.starts[min(index + lines - 1, len(text.lines) - 1)] + len(text.lines[min(index + lines - 1, len(text.lines) - 1)].text)
    return value, end


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
    name = squash(_INSPECTOR_TITLES.sub("", value)).rstrip(",;. ")
    if not name:
        return None
    if not _NAME.match(name):
        return None
    return Found(name, text.provenance(match.start(), stop))


# --------------------------------------------------------------------------------------------
# The authority
# --------------------------------------------------------------------------------------------

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
    matched in the text up to ``end``), then any single authority named in the title area.
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


_PATTERNS: dict[str, re.Pattern] = {}


def _compiled(pattern: str, flags: int = re.I | re.M) -> re.Pattern:
    compiled = _PATTERNS.get(pattern)
    if compiled is None:
        compiled = _PATTERNS[pattern] = re.compile(pattern, flags)
    return compiled


def authority_ref(authority: Authority) -> AuthorityRef:
    return AuthorityRef(name=authority.name, ofsted_urn=authority.ofsted_urn, dfe_la_code=authority.dfe_la_code)


# --------------------------------------------------------------------------------------------
# Judgement tables
# --------------------------------------------------------------------------------------------


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


_TERMINAL = re.compile(r"[.;:)]['’”]?$")
_FOOTNOTE_MARK = re.compile(r"^\d{1,2}$")  # a heading's footnote number, on a line of its own
_FOOTNOTE_TAIL = re.compile(r"(?<=[a-z.)’'])\d{1,2}$")


def read_items(text: Lines, spec: ItemList, *, start: int = 0, end: int | None = None) -> tuple[list[tuple[str, Provenance]], bool]:
    """The items of the list under ``spec``'s heading: (text, provenance) in order, and whether
    the heading was found.

    An item starts at a bullet or a number; lines after it continue it (over page breaks, since
    running headers are gone) until the next item, an end line, or a line that reads as a new
    paragraph (capitalised after an item that ended a sentence). In a numbered list, bullets
    are nested points of the numbered item and belong to it.
    """
    heading = _heading_re(spec.headings).search(text.text, start, len(text.text) if end is None else end)
    if not heading:
        return [], False
    ends = _compiled("|".join(f"(?:{e})" for e in spec.ends)) if spec.ends else None
    intro = _compiled(spec.intro) if spec.intro else None
    first = text.line_at(heading.end() - 1) + 1
    items: list[list[Line]] = []
    style: str | None = None  # "bullet" or "number", from the first item
    for line in text.lines[first : first + spec.max_lines]:
        body = line.text
        if ends and ends.match(body):
            break
        bullet = BULLET_RE.match(body)
        number = NUMBERED_RE.match(body)
        marker = "bullet" if bullet else "number" if number else None
        if style is None:
            if (intro and intro.match(body)) or _FOOTNOTE_MARK.match(body):
                continue
            if marker is None and not ends:
                break
            # a list whose bullet glyphs were lost in extraction is read line by line to its end
            style = marker or "plain"
        if marker and marker == style:
            items.append([Line(line.page, body[(bullet or number).end():])])
            continue
        previous = items[-1][-1].text if items else ""
        sentence_over = not items or (_TERMINAL.search(previous.rstrip()) and body[:1].isupper())
        if style == "plain" and marker is None and sentence_over:
            items.append([Line(line.page, body)])
            continue
        if marker is None and sentence_over:
            break
        if marker == "bullet":  # a nested point of a numbered item
            body = body[bullet.end():]
        items[-1].append(Line(line.page, body))
    out = []
    for item in items:
        words = squash(" ".join(part.text for part in item))
        words = _FOOTNOTE_TAIL.sub("", words)
        out.append((words, Provenance(item[0].page, words)))
    return out, True


_HEADINGS: dict[tuple[str, ...], re.Pattern] = {}


def _heading_re(headings: tuple[str, ...]) -> re.Pattern:
    pattern = _HEADINGS.get(headings)
    if pattern is None:
        alternatives = "|".join(f"(?:{h})" for h in headings)
        pattern = _HEADINGS[headings] = re.compile(rf"^[ \t]*(?:{alternatives})[ \t]*\d{{0,2}}[ \t]*$", re.I | re.M)
    return pattern


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
        dates = read_dates(text, spec.date_labels)
        area_end = _title_area_end(text, dates)
        read_header(record, text, register, spec, dates=dates, title_end=area_end)
        table_start = 0
        if spec.table_start:
            match = _compiled(spec.table_start).search(text.text)
            table_start = match.start() if match else 0
        table_end = min(len(text.text), table_start + spec.table_chars)
        found, warnings = read_judgements(text, spec.judgements, start=table_start, end=table_end)
        for key, value in found.items():
            record.judgements[key] = value.value
            record.provenance[f"judgements.{key}"] = value.provenance
        record.warnings.extend(warnings)
        for key in spec.expected:
            if key not in record.judgements and not any(w.startswith(f"judgements.{key}:") for w in warnings):
                record.warnings.append(f"judgements.{key}: not found")
        for items in spec.recommendations:
            add_items(record, text, items)
        self.refine(record, document, text, register)
        return record

    def refine(self, record: Record, document: Document, text: Lines, register: Register) -> None:
        """What a unit's layout needs beyond its spec (nothing by default)."""


def new_record(family: str, document: Document) -> Record:
    return Record(
        family=family,
        source=SourceInfo(
            sha256=document.sha256, format=document.format, pages=len(document.pages), filename=document.filename
        ),
    )


def read_header(
    record: Record,
    text: Lines,
    register: Register,
    spec: Spec,
    *,
    dates: Found | None = None,
    title_end: int | None = None,
) -> None:
    """Authority, inspection dates, publication date and lead inspector into ``record``."""
    if dates is None:
        dates = read_dates(text, spec.date_labels)
    if dates:
        record.inspection_start, record.inspection_end = dates.value
        record.provenance["inspection_start"] = record.provenance["inspection_end"] = dates.provenance
    else:
        record.warnings.append("inspection dates: not found")
    authority, provenance, warning = find_authority(text, register, title=spec.authority_titles, end=title_end)
    if authority:
        record.authority = authority_ref(authority)
        record.provenance["authority"] = provenance
    if warning:
        record.warnings.append(warning)
    if spec.published_labels:
        published = read_date(text, spec.published_labels)
        if published:
            record.published = published.value
            record.provenance["published"] = published.provenance
        else:
            record.warnings.append("publication date: not found")
    lead = read_person(text, spec.lead_labels)
    if lead:
        record.lead_inspector = lead.value
        record.provenance["lead_inspector"] = lead.provenance
    else:
        record.warnings.append("lead inspector: not named")


def add_items(record: Record, text: Lines, items: ItemList, *, start: int = 0, end: int | None = None) -> None:
    """Append the list's items to ``record.recommendations`` (numbered within their section)."""
    found, heading = read_items(text, items, start=start, end=end)
    if not heading:
        record.warnings.append(f"recommendations ({items.section}): no list headed {(items.name or items.headings[0])!r} found")
        return
    if not found:
        record.warnings.append(f"recommendations ({items.section}): the list under its heading is empty")
    ordinal = sum(1 for r in record.recommendations if r.section == items.section)
    for words, provenance in found:
        ordinal += 1
        record.recommendations.append(Recommendation(items.section, ordinal, words, provenance.page))
        record.provenance[f"recommendations.{len(record.recommendations) - 1}"] = provenance


def _title_area_end(text: Lines, dates: Found | None) -> int:
    """The title area: up to the inspection dates, else the first 12 lines."""
    if dates is not None:
        match = re.search(re.escape(dates.provenance.quote[:20]), text.text)
        if match:
            return match.start()
    index = min(12, len(text.lines)) - 1
    return text.starts[index] + len(text.lines[index].text) if index >= 0 else 0


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
    del _HEAD_CACHE[8:]
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


def any_of(patterns: Iterable[str]) -> str:
    """One regex matching any of ``patterns``."""
    return "|".join(f"(?:{p})" for p in patterns)


__all__ = [
    "BULLETS",
    "DeclarativeFramework",
    "Found",
    "ItemList",
    "Line",
    "Lines",
    "Spec",
    "add_items",
    "any_of",
    "authority_ref",
    "document_lines",
    "find_authority",
    "head_text",
    "labelled",
    "new_record",
    "phrase",
    "read_date",
    "read_dates",
    "read_header",
    "read_items",
    "read_judgements",
    "read_person",
    "squash",
]
