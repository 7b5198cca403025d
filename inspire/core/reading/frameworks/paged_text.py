"""Generic reading helpers used by the SIF, LSCB-review and 2012-13 looked-after-children units.

Everything here is family-neutral: a unit passes its own phrases (as regexes) and tables.

TODO(common): move these into ``frameworks/common.py`` once the shared toolkit settles; they are
kept small and generic so they can move without change.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from inspire.core.reading.dates import parse_date, parse_date_span
from inspire.core.reading.documents import Document
from inspire.core.reading.grades import GRADE_RE, normalise_grade
from inspire.core.reading.record import AuthorityRef, Provenance, Record, SourceInfo
from inspire.core.register import Register

_MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()
_NUMERIC_DATE = re.compile(r"\b([0-3]?\d)/([01]?\d)/((?:19|20)\d\d)\b")
_SPACE = re.compile(r"\s+")
_BOLD = re.compile(r"\*\*")
_NOT_JUDGED = re.compile(r"not\s+judged", re.I)
#: a date line that goes on to the next line: ends with "and", a dash or a bare day
_WRAPS = re.compile(r"(?:\band|[-–—─]|(?<!\d)[0-3]?\d)\s*$")


def phrase(words: str) -> str:
    """A regex source for ``words`` that lets any whitespace (line breaks too) stand between them."""
    return r"\s+".join(words.split())


def squash(text: str) -> str:
    """Whitespace-normalised text, as quotes and recommendation texts are kept."""
    return _SPACE.sub(" ", text).strip()


def _numeric_dates_to_words(text: str) -> str:
    """'12/09/2016' → '12 September 2016' (same length not needed: used on copies only)."""

    def words(match: re.Match[str]) -> str:
        month = int(match.group(2))
        if not 1 <= month <= 12:
            return match.group(0)
        return f"{int(match.group(1))} {_MONTH_NAMES[month - 1]} {match.group(3)}"

    return _NUMERIC_DATE.sub(words, text)


class PagedText:
    """A document's pages joined into one string, remembering where each page starts.

    Regexes run over ``text``; :meth:`provenance` turns a match's span back into page and quote.
    Markdown bold markers (``**``) in text seeds are dropped.
    """

    def __init__(self, document: Document, first_page: int = 0, last_page: int | None = None):
        pages = document.pages[first_page:last_page]
        self.document = document
        self.starts: list[int] = []
        self.numbers: list[int] = []
        chunks = []
        offset = 0
        for page in pages:
            cleaned = _BOLD.sub("", page.text) if "**" in page.text else page.text
            self.starts.append(offset)
            self.numbers.append(page.number)
            chunks.append(cleaned)
            offset += len(cleaned) + 1
        self.text = "\n".join(chunks)

    def page_at(self, position: int) -> int | None:
        if not self.document.paginated or not self.starts:
            return None
        return self.numbers[bisect.bisect_right(self.starts, position) - 1]

    def provenance(self, start: int, end: int) -> Provenance:
        return Provenance(self.page_at(start), squash(self.text[start:end]))

    def page_text(self, index: int) -> str:
        """The text of the ``index``-th page (0-based) of this view."""
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return self.text[start:end]


def new_record(family: str, document: Document) -> Record:
    return Record(
        family=family,
        source=SourceInfo(
            sha256=document.sha256,
            format=document.format,
            pages=len(document.pages),
            filename=document.filename,
        ),
    )


def find_authority(record: Record, text: PagedText, register: Register, head_chars: int = 600) -> None:
    """The first authority named near the start of the report (its title block)."""
    head = text.text[:head_chars]
    found = register.find(head)
    if not found:
        record.warnings.append("the local authority's name was not found in the report's title block")
        return
    _, authority, form = min(found, key=lambda f: f[0])
    record.authority = AuthorityRef(authority.name, authority.ofsted_urn, authority.dfe_la_code)
    record.provenance["authority"] = Provenance(text.page_at(0), form)


def read_date_span(record: Record, text: PagedText, label: re.Pattern[str]) -> None:
    """Inspection start and end from the line after ``label`` (and the next line, if the span wraps)."""
    match = label.search(text.text)
    if not match:
        record.warnings.append("the inspection dates were not found")
        return
    line_end = text.text.find("\n", match.end())
    line_end = len(text.text) if line_end < 0 else line_end
    candidate = text.text[match.end() : line_end]
    span = parse_date_span(_numeric_dates_to_words(candidate))
    if span is None or _WRAPS.search(candidate):
        # the span wraps onto the next line ("19 November-11 December 2013 and 28 – 30 / January 2014")
        next_end = text.text.find("\n", line_end + 1)
        next_end = len(text.text) if next_end < 0 else next_end
        longer = parse_date_span(_numeric_dates_to_words(text.text[match.end() : next_end]))
        if longer is not None:
            span, line_end = longer, next_end
    if span is None:
        record.warnings.append(f"the inspection dates could not be read from {squash(candidate)!r}")
        return
    record.inspection_start, record.inspection_end = span
    quote = text.provenance(match.start(), line_end)
    record.provenance["inspection_start"] = quote
    record.provenance["inspection_end"] = quote


def read_single_date(record: Record, text: PagedText, label: re.Pattern[str], field: str, missing: str | None) -> None:
    """A date printed after ``label`` on the same line (``field`` is a Record attribute)."""
    match = label.search(text.text)
    value = None
    if match:
        line_end = text.text.find("\n", match.end())
        line_end = len(text.text) if line_end < 0 else line_end
        value = parse_date(_numeric_dates_to_words(text.text[match.end() : line_end]))
    if value is None:
        if missing:
            record.warnings.append(missing)
        return
    setattr(record, field, value)
    record.provenance[field] = text.provenance(match.start(), line_end)


def read_name(
    record: Record, text: PagedText, label: re.Pattern[str], titles: re.Pattern[str], field: str = "lead_inspector"
) -> None:
    """A person's name printed after ``label`` on the same line, without titles such as "HMI"."""
    match = label.search(text.text)
    if match:
        line_end = text.text.find("\n", match.end())
        line_end = len(text.text) if line_end < 0 else line_end
        name = titles.sub("", text.text[match.end() : line_end])
        name = squash(name).strip(" ,;:.")
        if name:
            setattr(record, field, name)
            record.provenance[field] = text.provenance(match.start(), line_end)
            return
    record.warnings.append(f"no {field.replace('_', ' ')} is named in the report")


#: a grade as printed, for use inside a unit's own pattern as ``(?P<grade>...)``
GRADE = r"(?P<grade>" + GRADE_RE.pattern + r")"


def grade_in(record: Record, text: PagedText, key: str, pattern: re.Pattern[str], *, start: int = 0) -> int | None:
    """The grade in the first match of ``pattern`` (which holds :data:`GRADE`) at or after ``start``.
    Returns where the match begins, or None (with no judgement recorded)."""
    match = pattern.search(text.text, start)
    if not match:
        return None
    record.judgements[key] = normalise_grade(match.group("grade")) or ""
    record.provenance[f"judgements.{key}"] = text.provenance(match.start(), match.end())
    return match.start()


def grade_after(
    record: Record, text: PagedText, key: str, label: re.Pattern[str], *, start: int = 0, window: int = 160
) -> int | None:
    """The grade printed just after the first ``label`` at or after ``start``. Returns where it ends."""
    match = label.search(text.text, start)
    if not match:
        return None
    found = GRADE_RE.search(text.text, match.end(), match.end() + window)
    if not found:
        return None
    record.judgements[key] = normalise_grade(found.group(0)) or ""
    record.provenance[f"judgements.{key}"] = text.provenance(match.start(), found.end())
    return found.end()


def grade_table(record: Record, text: PagedText, rows: Sequence[tuple[str, re.Pattern[str]]], *, start: int = 0) -> None:
    """Grades from a table of (judgement key, row label): each row's grade lies between its label
    and the next row's label ("Requires\\nimprovement" may wrap). A row printed "Not judged" is left
    out; a row not found, or with no grade, gets a warning."""
    found: list[tuple[str, re.Match[str]]] = []
    position = start
    for key, label in rows:
        match = label.search(text.text, position)
        if match:
            found.append((key, match))
            position = match.end()
        else:
            record.warnings.append(f"the {key.replace('_', ' ')} judgement was not found")
    for index, (key, match) in enumerate(found):
        end = found[index + 1][1].start() if index + 1 < len(found) else match.end() + 60
        cell = text.text[match.end() : end]
        grade = GRADE_RE.search(cell)
        if grade and not _NOT_JUDGED.search(cell[: grade.start()]):
            record.judgements[key] = normalise_grade(grade.group(0)) or ""
            record.provenance[f"judgements.{key}"] = text.provenance(match.start(), match.end() + grade.end())
        elif not _NOT_JUDGED.search(cell):
            record.warnings.append(f"the {key.replace('_', ' ')} judgement has no grade beside it")


# --- numbered and bulleted items ---------------------------------------------------------------

_NUMBERED = re.compile(r"^\s*(\d{1,3})[.)]\s+(?=\S)")
_BULLET = re.compile(r"^\s*[\uf000-\uf0ff•●▪■◦○·\-–−─―]+\s*")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_ENDS_SENTENCE = re.compile(r"[.;:!?)’'\"”]\s*$")


@dataclass(frozen=True)
class Item:
    text: str
    position: int  # offset in the PagedText where the item starts


def items_in(
    text: PagedText,
    start: int,
    end: int,
    *,
    skip: re.Pattern[str] | None = None,
    stop: re.Pattern[str] | None = None,
    exclude: re.Pattern[str] | None = None,
) -> list[Item]:
    """The numbered (or, where none is numbered, bulleted) items between ``start`` and ``end``.

    Bullets under a numbered item are part of it. Lines matching ``skip`` (sub-headings, running
    headers) are passed over; a line matching ``stop``, or a short heading-like line after a
    finished item, ends the list. Items whose text matches ``exclude`` are dropped.
    """
    block = text.text[start:end]
    lines: list[tuple[int, str]] = []
    offset = start
    for line in block.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    numbered = any(_NUMBERED.match(line) for _, line in lines)
    items: list[list] = []  # [position, parts]
    for position, line in lines:
        stripped = line.strip()
        if not stripped or _PAGE_NUMBER.match(stripped):
            continue
        if stop is not None and stop.search(stripped):
            break
        if skip is not None and skip.search(stripped):
            continue
        starter = _NUMBERED.match(line) if numbered else _BULLET.match(line)
        if starter:
            items.append([position, [line[starter.end() :]]])
            continue
        if not items:
            continue  # preamble before the first item ("the local authority should:")
        previous = items[-1][1][-1]
        if _looks_like_heading(stripped) and _ENDS_SENTENCE.search(previous):
            break
        bullet = _BULLET.match(line)
        items[-1][1].append(line[bullet.end() :] if bullet else line)
    joined = [Item(_join(parts), position) for position, parts in items]
    return [item for item in joined if item.text and not (exclude and exclude.search(item.text))]


def _looks_like_heading(line: str) -> bool:
    return len(line) < 70 and not _ENDS_SENTENCE.search(line) and line[:1].isupper() and not _BULLET.match(line)


def _join(parts: Iterable[str]) -> str:
    text = squash(" ".join(parts))
    # a word hyphenated across lines by the PDF ("multi-\nagency") keeps its hyphen, as printed
    return text


# --- counts ----------------------------------------------------------------------------------

_WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "no one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + "|".join(_WORD_NUMBERS) + r")"


def to_number(text: str) -> int | None:
    text = text.strip().lower()
    if text in _WORD_NUMBERS:
        return _WORD_NUMBERS[text]
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else None


def to_rate(text: str | None) -> float | None:
    if not text:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


@dataclass(frozen=True)
class FactPattern:
    """One fact sentence: ``pattern`` has a group ``count`` and optionally ``rate`` and ``as_at``."""

    key: str
    pattern: re.Pattern[str]
    rate_key: str | None = None


def read_facts(record: Record, text: PagedText, start: int, end: int, patterns: Sequence[FactPattern]) -> None:
    """Counts (and rates per 10,000) from "information about this local authority area".

    ``as_at`` is the date the looked-after figure is stated at, else the first fact's date.
    """
    as_at: tuple[date, int, int] | None = None
    for fact in patterns:
        match = fact.pattern.search(text.text, start, end)
        if not match:
            continue
        count = to_number(match.group("count"))
        if count is None:
            continue
        record.facts[fact.key] = count
        record.provenance[f"facts.{fact.key}"] = text.provenance(match.start(), match.end())
        groups = match.groupdict()
        rate = to_rate(groups.get("rate"))
        if fact.rate_key and rate is not None:
            record.facts[fact.rate_key] = rate
            record.provenance[f"facts.{fact.rate_key}"] = text.provenance(match.start(), match.end())
        stated = groups.get("as_at")
        when = parse_date(_numeric_dates_to_words(stated)) if stated else None
        if when and (as_at is None or fact.key == "looked_after"):
            as_at = (when, match.start(), match.end())
    if as_at:
        record.facts["as_at"] = as_at[0]
        record.provenance["facts.as_at"] = text.provenance(as_at[1], as_at[2])

