"""The cover: inspection dates, the authority, the publication date and the lead inspector,
each read after its label (or, for the authority, from the report's title)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from inspire.core.reading.dates import parse_date, parse_date_span
from inspire.core.reading.frameworks.common.found import Found, record_found
from inspire.core.reading.frameworks.common.lines import Lines, compiled, phrase, squash
from inspire.core.reading.record import AuthorityRef, Provenance, Record
from inspire.core.register import Authority, Register

_INSPECTOR_TITLES = re.compile(
    r"(?:,|\s)\s*\(?(?:(?:His|Her|Their)\s+Majesty['’]s\s+Inspector(?:\s+\(HMI\))?|HMI\b|Ofsted\s+Inspector|"
    r"Social\s+Care\s+Regulatory\s+Inspector|Senior\s+HMI).*$",
    re.I | re.S,
)
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Za-z][\w'’.-]*){0,4}$")
#: "Lead inspector on site: Jane Smith": the words between the label and its colon
_ON_SITE = re.compile(r"^(?:\(?on[\s-]+site\)?)\s*:?\s*", re.I)
#: a second label on the same line ("… Report author: John Doe") ends the value
_NEXT_LABEL = re.compile(r"\s+(?:Report\s+author|Deputy\s+lead\s+inspector|Team\s+inspectors?)\b.*$", re.I | re.S)
#: two people named after one label: "A, His Majesty's Inspector, and B, His Majesty's Inspector"
_AND = re.compile(r"\band\b", re.I)  # no one name holds "and": two people, or not a name
_TWO_PEOPLE = re.compile(r",?\s+and\s+|\s*;\s*|\s*&\s*", re.I)


def labelled(text: Lines, labels: Sequence[str], *, start: int = 0, end: int | None = None) -> re.Match | None:
    """The first match of any of ``labels`` (phrases ending in their colon, if any) in the text."""
    pattern = labels_re(tuple(labels))
    return pattern.search(text.text, start, len(text.text) if end is None else end)


_LABEL_CACHE: dict[tuple[str, ...], re.Pattern] = {}


def labels_re(labels: tuple[str, ...]) -> re.Pattern:
    pattern = _LABEL_CACHE.get(labels)
    if pattern is None:
        # a label in the plural ("Lead inspectors:") is the same label
        alternatives = "|".join(phrase(label) for label in labels)
        pattern = re.compile(r"(?:" + alternatives + r")(?:s\b)?(?![a-z])\s*:?[ \t]*", re.I)
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
    Inspector" → "Nicki Shaw"; "Jane Smith (HMI)" → "Jane Smith"). A title on the next line is
    dropped too, and so are the words "on site" ("Lead inspector on site: X") and a label that
    follows on the line ("Report author: Y"). Two leads named after one label ("Lead inspectors:
    A, His Majesty's Inspector, and B, His Majesty's Inspector") are recorded as "A and B"."""
    pattern = labels_re(tuple(labels))
    # the first label followed by a name (a plural label can also be met in prose before it)
    for match in itertools.islice(pattern.finditer(text.text, 0, len(text.text) if end is None else end), 5):
        value, stop = _value_after(text, match, lines=1)
        value = _NEXT_LABEL.sub("", _ON_SITE.sub("", squash(value)))
        names = [_person(part) for part in _parts(value)]
        if names and all(names):
            return Found(" and ".join(names), text.provenance(match.start(), stop))  # type: ignore[arg-type]
    return None


def _parts(value: str) -> list[str]:
    """One or two people: split at "and" only where each side, titles dropped, is a name
    ("Lead inspectors: A, His Majesty's Inspector, and B, His Majesty's Inspector")."""
    parts = _TWO_PEOPLE.split(value, maxsplit=1)
    if len(parts) == 2 and all(_person(part) for part in parts):
        return parts
    return [value]


def _person(value: str) -> str | None:
    """A name without its titles ("Nicki Shaw, His Majesty's Inspector", "X (HMI)"), else None."""
    name = squash(_INSPECTOR_TITLES.sub("", squash(value))).rstrip(",;. ")
    return name if name and _NAME.match(name) and not _AND.search(name) else None


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
        for match in compiled(pattern).finditer(text.text, 0, area_end):
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
    short = _short_form(text, register, title, area_end)
    if short is not None:
        return short
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


def _short_form(
    text: Lines, register: Register, title: Sequence[str], end: int
) -> tuple[Authority | None, Provenance | None, str | None] | None:
    """A short form of a register name in the title ("Newcastle City Council" for Newcastle upon
    Tyne): the name a title pattern holds, else a line of the title area, council words
    stripped, that starts exactly one authority's name. Starting several is a warning naming them
    (never a choice); None when no line is a short form."""
    candidates = [
        (squash(m.group("name")), m.start(), m.end()) for p in title for m in compiled(p).finditer(text.text, 0, end)
    ]
    for index, line in enumerate(text.lines[:_TITLE_LINES]):
        if text.starts[index] >= end:
            break
        candidates.append((line.text, text.starts[index], text.starts[index] + len(line.text)))
    for name, start, stop in candidates:
        stripped = squash(_COUNCIL_WORDS.sub(" ", name))
        if not stripped or len(stripped.split()) > 3:
            continue
        matches = register.starting_with(stripped)
        if len(matches) == 1:
            return matches[0], text.provenance(start, stop), None
        if len(matches) > 1:
            names = ", ".join(a.name for a in matches)
            return None, None, f"authority: the report calls it '{stripped}', which could be any of {names}; not chosen"
    return None


#: a short form of an authority's name is looked for on the title area's first lines
_TITLE_LINES = 6
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
