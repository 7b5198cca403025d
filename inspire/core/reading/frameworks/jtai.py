"""Joint targeted area inspection letters (JTAI, 2016 on): Ofsted with the CQC, HMICFRS and (to
2019) HMI Probation, one local area, one theme.

A letter, not a report: dated at its top, addressed to the area's leaders (council, health,
police), titled "Joint targeted area inspection of the multi-agency response to <theme> in
<area>" (2016-20; where the title's theme is the generic "abuse and neglect", the theme is the
"deep dive" focus the letter states) or "Joint targeted area inspection of <area>" with the theme
in its first sentence (2022 on). Its dates are in a sentence ("Between 24 and 28 September 2018,
Ofsted …"; "This inspection took place from 6 to 10 February 2023"); two 2016 letters give no
year, which is then the letter's own. Its items are "Areas for priority action" and "Areas for
improvement" / "What needs to improve?", addressed to the partnership (section ``area``); its
"Next steps" set the date for the written statement of action. It names no lead inspector (the
inspectorates' directors sign it), no outcome and no graded judgement.
"""

from __future__ import annotations

import re

from inspire.core.reading.dates import FULL_DATE, parse_date, parse_date_span
from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks.common import (
    DeclarativeFramework,
    ItemList,
    Lines,
    Spec,
    authority_ref,
    find_authority,
    new_record,
    phrase,
    squash,
)
from inspire.core.reading.frameworks.common.area import (
    LineMarks,
    add_area_items,
    bulleted_items,
    inspectorates_in,
    line_marks,
    section_lines,
    sentence_at,
    stated_deadline,
)
from inspire.core.reading.frameworks.common.lines import compiled, plain_lines
from inspire.core.reading.record import Provenance, Record
from inspire.core.register import Register

TITLE = r"Joint\s+targeted\s+area\s+inspection\s+of\b"
#: the title names the theme and then the area (2016-20) or only the area (2022 on)
AUTHORITY_TITLES = (
    r"Joint\s+targeted\s+area\s+inspection\s+of\s+the\s+multi-?\s?agency\s+response\s+to\s+[\s\S]{0,200}?"
    r"\bin\s+(?P<name>(?:(?!\bin\b)[^\n])+?)\s*$",
    r"Joint\s+targeted\s+area\s+inspection\s+of\s+(?!the\s+multi)(?P<name>[^\n]+?)\s*$",
)
SIGNATURES = (
    (TITLE, 6),
    (phrase("multi-agency response to"), 2),
    (r"\bJTAI\b|joint\s+inspection\s+of\s+the\s+multi", 2),
    (r"^[ \t]*Dear\b", 1),
)

#: the dates' sentence: "Between 24 and 28 September 2018, Ofsted …", "This inspection took place from 6 to 10
#: February 2023."
DATES = re.compile(
    r"(?:^|(?<=[.\n]\s)|(?<=\n))(?:Between\s+(?P<between>[^,]{5,60}?),|This\s+(?:joint\s+)?inspection\s+took\s+place\s+"
    r"(?:from|between)\s+(?P<from>[^.]{5,60}?)\.)",
    re.I | re.M,
)
#: the theme: in the first sentence (2022 on) or in the title (2016-20)
THEME_SENTENCE = re.compile(r"\(JTAI\)\s+of\s+the\s+multi-?\s?agency\s+response\s+to\s+", re.I)
THEME_TITLE = re.compile(TITLE + r"\s+the\s+multi-?\s?agency\s+response\s+to\s+", re.I)
DEEP_DIVE = re.compile(r"deep[\s-]+dive['’]?\s+(?:focus\s+)?(?:on|into)\s+(?:the\s+response\s+to\s+)?", re.I)
#: a title's theme ends at the line that starts the letter's first sentence
TITLE_END = re.compile(r"\n(?=Between\b|This\s+(?:letter|inspection|joint)\b|From\b|During\b|On\b)", re.I)
GENERIC_THEME = "abuse and neglect"
#: words around an area's name: "in the Royal Borough of Windsor and Maidenhead", "in Derby City"
_AREA_WORDS = r"(?:the\s+)?(?:(?:royal|london)\s+borough\s+of\s+|city\s+of\s+)?"
_AREA_TAIL = r"(?:\s+(?:metropolitan\s+)?(?:borough|city|county|district))?(?:\s+council)?"

PRIORITY = ItemList(
    section="area",
    headings=(r"Areas?\s+for\s+priority\s+actions?",),
    ends=(r"Areas?\s+for\s+improvement\b", r"What\s+needs\s+to\s+improve", r"Next\s+steps\b"),
    name="Areas for priority action",
)
IMPROVEMENT = ItemList(
    section="area",
    headings=(r"Areas?\s+for\s+improvement", r"What\s+needs\s+to\s+improve\s*\??"),
    ends=(
        r"Next\s+steps\b",
        r"Strengths\b",
        r"[A-Z][\w’'-]*\s+(?:[\w’'-]+\s+){0,3}strengths\s*$",  # "Key strengths", "Early help strengths"
        r"Main\s+findings\s*$",
        r"(?:Case|Practice)\s+[Ss]tud(?:y|ies)\b",
    ),
    name="Areas for improvement",
)

SPEC = Spec(
    family="jtai",
    title="Joint targeted area inspection (JTAI, 2016 on)",
    signatures=SIGNATURES,
    threshold=8,
    authority_titles=AUTHORITY_TITLES,
    pages=None,
)


class Jtai(DeclarativeFramework):
    spec = SPEC

    def read(self, document: Document, register: Register) -> Record:
        text = plain_lines(document)
        record = new_record(self.family, document)
        _letter(record, text)
        _dates(record, text)
        _authority(record, text, register)
        _theme(record, text, register)
        _items(record, text, line_marks(document, flush_ends=False))
        deadline, warning = stated_deadline(text)
        if deadline:
            record.plan_deadline = deadline.value[0]  # type: ignore[index]
            record.provenance["plan_deadline"] = deadline.provenance
        if warning:
            record.warnings.append(warning)
        return record


def _letter(record: Record, text: Lines) -> None:
    """The date at the letter's top and the addressees between it and "Dear …"."""
    for index, line in enumerate(text.lines[:8]):
        match = FULL_DATE.fullmatch(line.text.strip())
        if match:
            record.letter_date = parse_date(line.text)
            record.provenance["letter_date"] = Provenance(line.page, line.text)
            for addressee in text.lines[index + 1 : index + 30]:
                if re.match(r"Dear\b", addressee.text):
                    break
                if addressee.text[:1].islower() or addressee.text[:1] in "(&" or not record.addressees:
                    if record.addressees and (addressee.text[:1].islower() or addressee.text[:1] in "(&"):
                        record.addressees[-1] = squash(f"{record.addressees[-1]} {addressee.text}")
                        continue
                record.addressees.append(squash(addressee.text))
            return
    record.warnings.append("letter date: no date at the top of the letter")


def _dates(record: Record, text: Lines) -> None:
    match = DATES.search(text.text, 0, min(len(text.text), 6000))
    if not match:
        record.warnings.append("inspection dates: not found")
        return
    words = squash(match.group("between") or match.group("from"))
    span = parse_date_span(words)
    provenance = text.provenance(match.start(), match.end())
    if span is None and record.letter_date and _yearless(words):
        span = _yearless(words, record.letter_date.year)
        if span and span[1] > record.letter_date:
            span = _yearless(words, record.letter_date.year - 1)
        if span:
            record.warnings.append(
                f"inspection dates: the letter gives no year ({words!r}); the year is the letter's own "
                f"({record.letter_date.year})"
            )
    if span is None:
        record.warnings.append(f"inspection dates: {words!r} is not a span of dates")
        return
    record.inspection_start, record.inspection_end = span
    record.provenance["inspection_start"] = record.provenance["inspection_end"] = provenance
    sentence, _ = sentence_at(text, match.start(), limit=900)
    following, _ = sentence_at(text, match.start() + len(sentence) + 1, limit=600)
    record.inspectorates = inspectorates_in(sentence) or inspectorates_in(following)
    if record.inspectorates:
        record.provenance["inspectorates"] = (
            provenance
            if inspectorates_in(sentence)
            else text.provenance(match.start() + len(sentence) + 1, match.start() + len(sentence) + 1 + len(following))
        )


def _yearless(words: str, year: int | None = None):
    """ "16 May and 20 May" with the year added (None without a year: whether the words are such a span)."""
    if year is None:
        return bool(re.search(r"\b[0-3]?\d\s+[A-Z][a-z]+", words)) and not re.search(r"\b(?:19|20)\d\d\b", words)
    return parse_date_span(f"{words} {year}")


def _authority(record: Record, text: Lines, register: Register) -> None:
    title = compiled(TITLE).search(text.text, 0, min(len(text.text), 4000))
    end = TITLE_END.search(text.text, title.end()) if title else None
    area_end = end.start() if end else (title.end() + 300 if title else None)
    # the title area: the letter's title, and not the addressees' organisations above it
    authority, provenance, warning = _find_in_title(text, register, title.start() if title else 0, area_end)
    if authority and provenance:
        record.authority = authority_ref(authority)
        record.provenance["authority"] = provenance
    if warning:
        record.warnings.append(warning)


def _find_in_title(text: Lines, register: Register, start: int, end: int | None):
    sub = Lines(text.lines[text.line_at(start) :])
    length = (end - text.starts[text.line_at(start)]) if end is not None else None
    authority, provenance, warning = find_authority(sub, register, title=SPEC.authority_titles, end=length)
    if authority is None:
        # a title naming no area (Greenwich 2018's): the area the letter's first sentence names
        first, _ = sentence_at(text, end or start, limit=500)
        found = {a.ofsted_urn: a for _, a, _ in register.find(first)}
        if len(found) == 1:
            authority = next(iter(found.values()))
            provenance = text.provenance(end or start, (end or start) + len(first))
            warning = f"authority: the title names no area; {authority.name} is the area its first sentence names"
    return authority, provenance, warning


def _theme(record: Record, text: Lines, register: Register) -> None:
    head = text.text[: min(len(text.text), 8000)]
    sentence = THEME_SENTENCE.search(head)
    if sentence:
        words, _ = sentence_at(text, sentence.end())
        theme, start, end = (
            _without_area(words.rstrip("."), record, register),
            sentence.start(),
            sentence.end() + len(words),
        )
    else:
        title = THEME_TITLE.search(head)
        if not title:
            record.warnings.append("theme: not found")
            return
        stop = TITLE_END.search(head, title.end())
        end = stop.start() if stop else title.end() + 200
        theme, start = _without_area(squash(head[title.end() : end]), record, register), title.start()
    if theme == GENERIC_THEME:
        dive = DEEP_DIVE.search(head)
        if dive:
            words, _ = sentence_at(text, dive.end())
            theme, start, end = (
                _without_area(words.rstrip("."), record, register),
                dive.start(),
                dive.end() + len(words),
            )
    theme = re.sub(r"\s*\([^)]*\)", "", theme).replace("’", "'").strip(" .,").lower()
    record.theme = theme
    record.provenance["theme"] = text.provenance(start, end)


def _without_area(words: str, record: Record, register: Register) -> str:
    """The theme without "in <area>" (the area's name, and the council words around it)."""
    words = re.sub(r"(?<=[A-Za-z])\d{1,2}(?=\s|$)", "", words)  # a footnote mark ("in York.1")
    names = []
    if record.authority:
        authority = register.lookup(record.authority.name)
        names = sorted(authority.names if authority else (record.authority.name,), key=len, reverse=True)
    for name in names:
        spelled = r"[\s-]+".join(re.escape(word) for word in re.split(r"[\s-]+", name))
        pattern = rf"\s+in\s+{_AREA_WORDS}{spelled}{_AREA_TAIL}(?=\W|$)"
        stripped, count = re.subn(pattern, "", words, count=1, flags=re.I)
        if count:
            return squash(stripped)
    return squash(words)


def _items(record: Record, text: Lines, marks: LineMarks) -> None:
    for kind, spec in (("priority", PRIORITY), ("improvement", IMPROVEMENT)):
        lines, heading = section_lines(text, spec.headings, spec.ends)
        found = bulleted_items(lines, marks=marks, what=spec.name, warnings=record.warnings)
        if not heading:
            if kind == "improvement":
                record.warnings.append(f"recommendations (area): no list headed {spec.name!r} found")
            continue
        add_area_items(record, kind, [(words, provenance, None) for words, provenance in found])


FRAMEWORK = Jtai()
