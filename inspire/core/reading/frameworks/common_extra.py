"""Reading helpers the 2012-18 units (sif, lscb_review, lac_2012) need beyond ``common.py``.

All are family-neutral and work on :class:`~inspire.core.reading.frameworks.common.Lines`; a unit
passes its own phrases. TODO(common): move these into ``common.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from inspire.core.reading.dates import parse_date
from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks.common import (
    BULLETS,
    Found,
    Line,
    Lines,
    authority_ref,
    document_lines,
    find_authority,
    labelled,
    read_date,
    read_dates,
    read_person,
    squash,
)
from inspire.core.register import Register
from inspire.core.reading.grades import GRADE_RE, normalise_grade
from inspire.core.reading.record import Provenance, Recommendation, Record

def plain_lines(document: Document) -> Lines:
    """The document's lines (as ``common.document_lines``) without the Markdown marks that text
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


def read_cover(
    record: Record,
    text: Lines,
    register: Register,
    *,
    dates: Sequence[str],
    published: Sequence[str],
    lead_inspector: Sequence[str],
) -> None:
    """Inspection dates, the authority (named in the title, before the dates), publication date
    and lead inspector, each from the text after its label; what is missing is warned about."""
    span = read_dates(text, dates)
    if span:
        record.inspection_start, record.inspection_end = span.value  # type: ignore[misc]
        record.provenance["inspection_start"] = record.provenance["inspection_end"] = span.provenance
    else:
        record.warnings.append("inspection dates: not found")
    title_end = labelled(text, dates)
    authority, provenance, warning = find_authority(
        text, register, title=(), end=title_end.start() if title_end else min(len(text.text), 600)
    )
    if authority and provenance:
        record.authority = authority_ref(authority)
        record.provenance["authority"] = provenance
    if warning:
        record.warnings.append(warning)
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


#: a grade as printed, for use inside a unit's own pattern
GRADE = r"(?P<grade>" + GRADE_RE.pattern + r")"

def grade_in(text: Lines, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> Found | None:
    """The grade in the first match of ``pattern`` (which holds :data:`GRADE`) in the text."""
    match = pattern.search(text.text, start, len(text.text) if end is None else end)
    return grade_found(text, match) if match else None


def grade_found(text: Lines, match: re.Match[str]) -> Found:
    """The grade in a match of a pattern holding :data:`GRADE`, quoting the whole match."""
    return Found(normalise_grade(match.group("grade")), text.provenance(match.start(), match.end()))


def record_found(record: Record, field: str, found: Found) -> None:
    """Put a judgement ("judgements.overall") or a top-level field ("published") in the record."""
    if field.startswith("judgements."):
        record.judgements[field.split(".", 1)[1]] = found.value  # type: ignore[assignment]
    else:
        setattr(record, field, found.value)
    record.provenance[field] = found.provenance


# --- lists of items ---------------------------------------------------------------------------

_ENDS_SENTENCE = re.compile(r"[.;:!?)’'\"”]\s*$")
#: SIF paragraphs are numbered through the whole report, so items may be "136."; text from Word
#: may put a bullet before the number ("- 19. Ensure that …")
NUMBERED_RE = re.compile(rf"^(?:[{re.escape(BULLETS)}]\s*)?\(?(\d{{1,3}})[.)]\s+(?=\S)")
#: common's bullets plus the other private-use glyphs PDFs print them as ("\uf02d")
BULLET_RE = re.compile(rf"^[{re.escape(BULLETS)}\uf000-\uf0ff−─―]\s*")


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
    lines = text.lines[first : last + 1]
    items: list[tuple[int | None, list[str]]] = []
    for line in lines:
        body = line.text
        if stop is not None and stop.search(body):
            break
        if skip is not None and skip.search(body):
            continue
        if style is None:
            style = "number" if NUMBERED_RE.match(body) else "bullet" if BULLET_RE.match(body) else None
        starter = (NUMBERED_RE if style == "number" else BULLET_RE).match(body) if style else None
        if starter:
            items.append((line.page, [body[starter.end() :]]))
            continue
        if not items:
            continue  # an introduction ("the local authority should:")
        if _looks_like_heading(body) and _ENDS_SENTENCE.search(items[-1][1][-1]):
            break
        bullet = BULLET_RE.match(body)
        items[-1][1].append(body[bullet.end() :] if bullet else body)
    out = []
    for page, parts in items:
        words = squash(" ".join(parts))
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


# --- facts: counts and rates from "information about this local authority area" --------------

_WORD_NUMBERS = {
    word: value
    for value, word in enumerate(
        "no one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
#: a count as printed: "1,139", "2915", "four", "no"
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + "|".join(_WORD_NUMBERS) + r")\b"


def to_number(text: str) -> int | None:
    text = text.strip().lower()
    if text in _WORD_NUMBERS:
        return _WORD_NUMBERS[text]
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() else None


@dataclass(frozen=True)
class FactPattern:
    """One fact's sentence, in each way it is printed: each pattern has a group ``count`` and may
    have ``rate`` (per 10,000, stored as ``rate_key``) and ``as_at`` (the date it is stated at)."""

    key: str
    patterns: tuple[re.Pattern[str], ...]
    rate_key: str | None = None


def read_facts(record: Record, text: Lines, start: int, end: int, facts: Sequence[FactPattern]) -> None:
    """The facts found between ``start`` and ``end``, each with its provenance; a fact not found
    gets a warning. ``as_at`` is the date the looked-after figure is stated at, else the first
    stated date."""
    as_at: tuple[date, Provenance] | None = None
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
        stated = parse_date(groups["as_at"]) if groups.get("as_at") else None
        if stated and (as_at is None or fact.key == "looked_after"):
            as_at = (stated, provenance)
    if as_at:
        record.facts["as_at"] = as_at[0]
        record.provenance["facts.as_at"] = as_at[1]
