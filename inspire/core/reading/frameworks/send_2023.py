"""Area SEND inspections under the framework that started in January 2023 (Ofsted with the CQC).

"Area SEND inspection of <area> Local Area Partnership", "Inspection dates: …", then an
"Inspection outcome" in one of three set wordings (1: typically positive experiences and
outcomes; 2: inconsistent experiences and outcomes; 3: widespread and/or systemic failings) and
the next inspection it brings ("A monitoring inspection will be carried out within approximately
18 months. The next full reinspection will be within approximately three years."). Its items are
"Areas for priority action" (outcome 3: a table, each row an action with its "Responsible body",
kept as the item's ``agency``) and "Areas for improvement" (paragraphs, or a table like the
priority one). The inspection team table names a lead inspector for each inspectorate. The
report sets no date for the partnership's priority action plan, and the record says so.
"""

from __future__ import annotations

import re

from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks.common import (
    DeclarativeFramework,
    Lines,
    Spec,
    authority_ref,
    find_authority,
    new_record,
    phrase,
    read_dates,
    squash,
)
from inspire.core.reading.frameworks.common.area import (
    LineMarks,
    Paragraphs,
    add_area_items,
    inspectorates_in,
    line_marks,
    section_lines,
    sentence_at,
)
from inspire.core.reading.frameworks.common.items import NO_ITEMS
from inspire.core.reading.frameworks.common.lines import BULLET_RE, Line, plain_lines
from inspire.core.reading.record import Provenance, Record
from inspire.core.register import Register

TITLE = r"Area\s+SEND\s+inspection\s+of\b"
AUTHORITY_TITLES = (r"Area\s+SEND\s+inspection\s+of\s+(?P<name>[\s\S]{2,120}?)\s+Local\s+Area\s+Partnership",)
SIGNATURES = (
    (TITLE, 6),
    (phrase("Inspection outcome"), 2),
    (phrase("local area partnership"), 2),
)
#: the three outcomes: number → (the words that tell it, the record's wording)
OUTCOMES = {
    "1": (
        r"typically\s+(?:lead\s+to\s+)?positive\s+experiences\s+and\s+outcomes",
        "typically positive experiences and outcomes",
    ),
    "2": (r"inconsistent\s+experiences\s+and\s+outcomes", "inconsistent experiences and outcomes"),
    "3": (r"widespread\s+and/or\s+systemic\s+failings", "widespread and/or systemic failings"),
}
OUTCOME_HEADING = re.compile(r"^Inspection\s+outcome\s*$", re.I | re.M)
#: "A monitoring inspection will be carried out within approximately 18 months", "The next full (area SEND)
#: (re)inspection will be (take place) within approximately three years"
MONITORING = re.compile(
    r"monitoring\s+inspection\s+will\s+(?:be\s+carried\s+out|take\s+place|be)\s+within\s+(?P<when>(?:approximately\s+)?\w+\s+months)",
    re.I,
)
FULL = re.compile(
    r"next\s+full\s+(?:area\s+SEND\s+)?(?:re)?inspection\s+will\s+(?:be|take\s+place)\s+within\s+"
    r"(?P<when>(?:approximately\s+)?\w+\s+years)",
    re.I,
)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "twelve": 12, "eighteen": 18}

PRIORITY_HEADINGS = (r"Areas?\s+for\s+priority\s+actions?",)
IMPROVEMENT_HEADINGS = (r"Areas?\s+for\s+improvement",)
SECTION_ENDS = (
    r"Areas?\s+for\s+improvement\s*$",
    r"Local\s+area\s+partnership\s+details",
    r"Information\s+about\s+this\s+inspection",
    r"Inspection\s+team",
)
TABLE_HEADER = re.compile(r"^Responsible\s+bod(?:y|ies)\b", re.I)
LEAD = re.compile(r"lead\s+inspector", re.I)
_PERSON_TITLE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)", re.I)

SPEC = Spec(
    family="send_2023",
    title="Area SEND inspection (2023 framework)",
    signatures=SIGNATURES,
    threshold=8,
    authority_titles=AUTHORITY_TITLES,
    pages=None,
)


class Send2023(DeclarativeFramework):
    spec = SPEC

    def read(self, document: Document, register: Register) -> Record:
        text = plain_lines(document)
        record = new_record(self.family, document)
        span = read_dates(text, ("Inspection dates",))
        if span:
            record.inspection_start, record.inspection_end = span.value  # type: ignore[misc]
            record.provenance["inspection_start"] = record.provenance["inspection_end"] = span.provenance
        else:
            record.warnings.append("inspection dates: not found")
        authority, provenance, warning = find_authority(
            text, register, title=AUTHORITY_TITLES, end=min(len(text.text), 800)
        )
        if authority and provenance:
            record.authority = authority_ref(authority)
            record.provenance["authority"] = provenance
        if warning:
            record.warnings.append(warning)
        _outcome(record, text)
        _next_inspection(record, text)
        _lead_inspectors(record, text)
        record.inspectorates = inspectorates_in(text.text[:3000]) or ["Ofsted", "CQC"]
        _items(record, text, line_marks(document))
        record.warnings.append("plan deadline: the report sets no date for the partnership's plan (none is assumed)")
        return record


def _outcome(record: Record, text: Lines) -> None:
    heading = OUTCOME_HEADING.search(text.text)
    start = heading.end() if heading else 0
    window = text.text[start : start + 600]
    found = [(number, re.search(words, window, re.I)) for number, (words, _) in OUTCOMES.items()]
    found = [(number, match) for number, match in found if match]
    if len(found) != 1:
        record.warnings.append(
            "outcome: not found"
            if not found
            else "outcome: the report's outcome sentence matches more than one outcome"
        )
        return
    number, match = found[0]
    record.outcome, record.outcome_wording = number, OUTCOMES[number][1]
    sentence_start = start + max(window.rfind(".", 0, match.start()) + 1, 0)
    while sentence_start < len(text.text) and text.text[sentence_start] in " \n":
        sentence_start += 1
    _, provenance = sentence_at(text, sentence_start)
    record.provenance["outcome"] = provenance


def _when(words: str) -> str:
    """ "approximately three years" → "approximately 3 years"."""
    return re.sub(
        r"\b(" + "|".join(_NUMBERS) + r")\b", lambda m: str(_NUMBERS[m.group(1).lower()]), squash(words), flags=re.I
    )


def _next_inspection(record: Record, text: Lines) -> None:
    head = text.text[: min(len(text.text), 5000)]
    parts, quote = [], []
    monitoring = MONITORING.search(head)
    if monitoring:
        parts.append(f"monitoring inspection within {_when(monitoring.group('when'))}")
        quote.append(monitoring)
    full = FULL.search(head)
    if full:
        parts.append(f"full inspection within {_when(full.group('when'))}")
        quote.append(full)
    if not parts:
        record.warnings.append("next inspection: not stated")
        return
    record.next_inspection = "; ".join(parts)
    record.provenance["next_inspection"] = text.provenance(quote[0].start(), quote[-1].end())


def _lead_inspectors(record: Record, text: Lines) -> None:
    """The people the inspection team table calls lead inspector. The table's two columns
    (Ofsted, CQC) come out row by row, and a role may wrap ("Ofsted HMI lead" / "inspector"), so
    the rows are read as one text: each "lead inspector" belongs to the name just before it
    ("Janet Fraser, Ofsted HMI (social care) Lesley Perry, CQC Lead inspector": Lesley Perry)."""
    team = re.search(r"^Inspection\s+team\s*$", text.text, re.I | re.M)
    if not team:
        record.warnings.append("lead inspectors: no inspection team table found")
        return
    first = text.line_at(team.end()) + 1
    rows = text.lines[first : first + 12]
    words = " ".join(line.text for line in rows)
    names, last, unnamed = [], -1, 0
    for match in LEAD.finditer(words):
        name = _named_before(words[: match.start()])
        if name is None or name in names:  # no name, or the one an earlier role already took
            unnamed += 1
        else:
            names.append(name)
            last = len(words[: match.end()].split(" "))
    if unnamed and names:
        record.warnings.append(
            f"lead inspectors: {unnamed} more 'lead inspector' in the inspection team table with no name "
            "Inspire could read; check the table"
        )
    if not names:
        record.warnings.append("lead inspectors: none named in the inspection team table")
        return
    record.lead_inspectors = names
    quoted, count = [], 0
    for line in rows:  # the rows up to the last lead inspector's
        quoted.append(line.text)
        count += len(line.text.split(" "))
        if count >= last:
            break
    record.provenance["lead_inspectors"] = Provenance(rows[0].page, squash(" ".join(quoted)))


#: words of the table that are not a person's name
_NOT_NAME = {"Ofsted", "CQC", "HMI", "Care", "Quality", "Commission", "Inspector", "Lead", "Inspection", "Team"}


_NAME_THEN_COMMA = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+),")


def _named_before(words: str) -> str | None:
    """The person named last before a role: "… Una Buckley, HMI, Ofsted " → "Una Buckley"."""
    for match in reversed(list(_NAME_THEN_COMMA.finditer(words))):
        tokens = match.group(1).split()
        while tokens and tokens[0] in _NOT_NAME:
            tokens.pop(0)
        while tokens and tokens[-1] in _NOT_NAME:  # "Dave Gilkerson HMI, Ofsted"
            tokens.pop()
        person = _PERSON_TITLE.sub("", " ".join(tokens))
        if len(person.split()) >= 2:
            return person
    return None


#: the lists as the report heads them, for warnings
LIST_NAMES = {"priority": "Areas for priority action", "improvement": "Areas for improvement"}


def _items(record: Record, text: Lines, marks: LineMarks) -> None:
    for kind, headings in (("priority", PRIORITY_HEADINGS), ("improvement", IMPROVEMENT_HEADINGS)):
        ends = SECTION_ENDS if kind == "priority" else SECTION_ENDS[1:]
        lines, found = section_lines(text, headings, ends)
        if not found:
            if kind == "improvement":
                record.warnings.append("recommendations (area): no list headed 'Areas for improvement' found")
            continue
        if lines and TABLE_HEADER.match(lines[0].text):
            items = table_rows(lines[1:], marks)
        else:
            paragraphs = Paragraphs(lines, marks=marks)
            items = [(words, provenance, None) for words, provenance in paragraphs.items()]
            record.warnings += paragraphs.doubts(LIST_NAMES[kind])
        add_area_items(record, kind, [item for item in items if not NO_ITEMS.match(item[0])])


def table_rows(lines: list[Line], marks: LineMarks | None = None) -> list[tuple[str, Provenance, str | None]]:
    """The rows of a "Responsible body | action" table as extracted: each row's body cell (a few
    short lines) then its action (full-width lines). A row starts where a line after the end of a
    sentence is short (the body column is narrow) and the action's first full line follows; a body
    cell printed on the action's first line ("Plymouth City Council Plymouth City Council leaders
    should …") is told by a body seen in an earlier row."""
    lengths = sorted(len(line.text) for line in lines)
    width = lengths[int(len(lengths) * 0.8)] if lengths else 0
    rows: list[tuple[list[Line], list[Line]]] = []
    bodies: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        boundary = not rows or _sentence_over(rows[-1][1])
        if boundary and len(line.text) < width * 0.62 and not BULLET_RE.match(line.text):
            body = []
            while (
                index < len(lines) and len(lines[index].text) < width * 0.62 and not BULLET_RE.match(lines[index].text)
            ):
                body.append(lines[index])
                index += 1
            if index >= len(lines):
                break
            rows.append((body, [lines[index]]))
            bodies.append(squash(" ".join(b.text for b in body)))
            index += 1
            continue
        if boundary:
            prefix = next((b for b in sorted(bodies, key=len, reverse=True) if line.text.startswith(b + " ")), None)
            prefix = prefix or _repeated_opening(line.text)
            if prefix:
                rest = line.text[len(prefix) + 1 :]
                rows.append(([Line(line.page, prefix)], [Line(line.page, rest)]))
                index += 1
                continue
        if rows:
            rows[-1][1].append(line)
        else:
            rows.append(([], [line]))
        index += 1
    out = []
    for body, action in rows:
        words, provenance = Paragraphs(action, marks=marks).joined()
        out.append((words, provenance, squash(" ".join(b.text for b in body)).rstrip(".") or None))
    return out


def _repeated_opening(text: str) -> str | None:
    """A one-line body cell printed on the same line as its action, which names it again:
    "Plymouth City Council Plymouth City Council leaders should …" → "Plymouth City Council"."""
    words = text.split(" ")
    for count in range(2, 7):
        if words[:count] == words[count : 2 * count]:
            return " ".join(words[:count])
    return None


def _sentence_over(action: list[Line]) -> bool:
    last = action[-1].text
    return bool(re.search(r"[.;!?)’'\"”]\s*$", last))


FRAMEWORK = Send2023()
