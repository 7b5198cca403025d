"""Annual performance assessment letters (2005-08): grades 1-4, 4 best.

A letter from Ofsted (with CSCI) to the director of children's services. Its summary table
grades the council's children's services, its capacity to improve and (to 2006) social care;
the outcome areas are graded in the table (2007-08) or in words under their headings
("The authority's contribution to outcomes in this area is good"). It names no inspection
dates and no lead inspector. Grades are kept as numbers (``Record.grades``) and as words.
"""

from __future__ import annotations

import re

from inspire.core.reading.dates import FULL_DATE, parse_date
from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks.base import Framework
from inspire.core.reading.frameworks.common import (
    BULLETS,
    Line,
    add_recommendations,
    authority_ref,
    head_text,
    new_record,
    squash,
)
from inspire.core.reading.grades import APA_NUMBERS, APA_WORDS
from inspire.core.reading.record import Provenance, Record
from inspire.core.register import Register

_GRADE_WORD = r"(outstanding|excellent|good|adequate|inadequate)"

TITLE = re.compile(
    r"^(?P<year>(?:19|20)\d\d)\s+annual\s+performance\s+assessment\s+of\s+"
    r"(?:services\s+for\s+children\s+and\s+young\s+people|children'?s\s+services)\s+in\s+(?P<authority>.+)$",
    re.I,
)

#: the outcome areas: key → their name, a heading of its own (2005-06) or a row of the table (2007-08)
OUTCOME_HEADINGS = {
    "being_healthy": r"being\s+healthy",
    "staying_safe": r"staying\s+safe",
    "enjoying_and_achieving": r"enjoying\s+and\s+achieving",
    "making_a_positive_contribution": r"making\s+a\s+positive\s+contribution",
    "achieving_economic_wellbeing": r"achieving\s+economic\s+well-?\s?being",
}
#: rows of the summary table: key → the row's label (its grade is the figure after it)
SUMMARY_ROWS = {
    "overall": r"(?:the\s+contribution\s+of\s+the\s+local\s+authority'?s\s+children'?s\s+services"
    r"|overall\s+effectiveness\s+of\s+children'?s\s+services)",
    "capacity_to_improve": r"(?:the\s+council'?s\s+overall\s+capacity\s+to\s+improve|capacity\s+to\s+improve)",
    "social_care": r"the\s+contribution\s+of\s+the\s+local\s+authority'?s\s+social\s+care\s+services",
    **OUTCOME_HEADINGS,
}
OUTCOME_SENTENCE = re.compile(rf"contribution\s+to\s+outcomes\s+in\s+this\s+area\s+is\s+{_GRADE_WORD}\b", re.I)

#: sentences that grade a judgement in words anywhere in the letter
WORD_SENTENCES = {
    "management_of_services": re.compile(
        rf"\bmanagement\s+of\s+(?:the|its|children'?s)\s+services?\b[^.]{{0,80}}?\bis\s+{_GRADE_WORD}\b", re.I
    ),
}

COMBINED_MANAGEMENT = re.compile(r"including\s+the\s+management\s+of\s+children'?s\s+services", re.I)
SUMMARY_STOP = re.compile(r"^(?:grade\s+service\s+descriptors|grade\s+descriptors|summary)\b", re.I)
SUMMARY_LINES = 30  # the table is never longer
SUMMARY_ROW = 300  # characters: a longer line is the prose after the table
#: a grade figure standing on its own ("… young people. 3"), not part of "14-19" or "2006"
STANDALONE_GRADE = re.compile(r"(?<![\w.,/-])([1-4])(?![\w.,/%-])")
HEADINGS = re.compile(
    r"(?:" + "|".join(OUTCOME_HEADINGS.values()) + r"|the\s+council'?s\s+management\s+of.*"
    r"|key\s+strengths\s+and\s+areas\s+for\s+(?:improvement|development).*|aspects\s+for\s+focus.*"
    r"|yours\s+(?:sincerely|faithfully).*)",
    re.I,
)
IMPROVEMENT_COLUMN = re.compile(r"^key\s+strengths\t+\s*(?:key\s+)?areas\s+for\s+(?:improvement|development)\s*$", re.I)
IMPROVEMENT_LIST = re.compile(r"(?:key\s+)?areas\s+for\s+(?:improvement|development):?", re.I)
NOTHING = re.compile(r"^[^:]*:\s*(?:none|n/a)\.?$", re.I)


class ApaFramework(Framework):
    family = "apa"
    title = "Annual performance assessment (2005-08)"

    def detect(self, document: Document) -> int:
        """The letter's heading marks it; a mere mention of the assessment does not."""
        head = head_text(document, 3)[:20000]
        if not re.search(r"annual\s+performance\s+assessment", head, re.I):
            return 0
        return 10 if _title(_lines(document)[:80]) else 0

    def read(self, document: Document, register: Register) -> Record:
        record = new_record(self.family, document)
        lines = _lines(document)
        title = _title(lines)
        start = title[0] if title else 0
        if title:
            line, match = lines[start], title[1]
            record.facts["apa_year"] = int(match.group("year"))
            _note(record, "facts.apa_year", line)
            named = register.find(match.group("authority"))
            if named:
                record.authority = authority_ref(named[0][1])
                _note(record, "authority", line)
        if record.authority is None:
            record.warnings.append("authority: no local authority named in the letter's heading")
        self._published(record, lines, start)
        record.warnings.append("inspection dates: annual performance assessment letters state none")
        record.warnings.append("lead inspector: annual performance assessment letters name none")
        self._summary(record, lines, start)
        self._outcomes(record, lines, start)
        self._sentences(record, lines, start)
        for key in ("overall", "capacity_to_improve", *OUTCOME_HEADINGS, "management_of_services"):
            if key not in record.grades:
                record.warnings.append(f"judgements.{key}: not found")
        self._improvements(record, lines, start)
        return record

    def _published(self, record: Record, lines: list[Line], start: int) -> None:
        """The letter's date: a line that is only a date, above the title."""
        for line in reversed(lines[:start]):
            match = FULL_DATE.fullmatch(line.text.strip(" ,."))
            if match:
                record.published = parse_date(line.text)
                _note(record, "published", line)
                return
        record.warnings.append("publication date: the date of the letter was not found")

    def _summary(self, record: Record, lines: list[Line], start: int) -> None:
        """Rows of the summary table: a row starts with its label and may wrap over lines (PDF text);
        its grade is the first figure 1-4 standing on its own after the label."""
        table = _find(lines, re.compile(r"^areas\s+for\s+judgement", re.I), start)
        if table is None:
            return
        rows: list[tuple[str, list[Line]]] = []
        for line in lines[table + 1 : table + 1 + SUMMARY_LINES]:
            text = _untagged(line.text)
            if SUMMARY_STOP.match(text) or len(text) > SUMMARY_ROW:
                break
            key = next((k for k, label in SUMMARY_ROWS.items() if re.match(rf"^{label}\b", text, re.I)), None)
            if key:
                rows.append((key, [line]))
            elif rows:
                rows[-1][1].append(line)
        for key, row in rows:
            if key in record.grades:
                continue
            text = " ".join(_untagged(line.text) for line in row)
            label = re.match(SUMMARY_ROWS[key], text, re.I)
            grade = STANDALONE_GRADE.search(text, label.end())
            if not grade:
                record.warnings.append(f"judgements.{key}: no grade found in its summary row")
                continue
            # the quote is the row as printed, up to the line with its grade
            upto = next(i for i, line in enumerate(row) if STANDALONE_GRADE.search(_untagged(line.text)))
            quote = " ".join(line.text for line in row[: upto + 1])
            self._grade(record, key, int(grade.group(1)), row[0], quote)
            if key == "capacity_to_improve" and COMBINED_MANAGEMENT.search(text):
                # 2007-08: "Capacity to improve, including the management of children's services"
                self._grade(record, "management_of_services", int(grade.group(1)), row[0], quote)

    def _outcomes(self, record: Record, lines: list[Line], start: int) -> None:
        for key, heading in OUTCOME_HEADINGS.items():
            if key in record.grades:
                continue
            found = _search_joined(_section(lines, re.compile(heading, re.I), HEADINGS, start), OUTCOME_SENTENCE)
            if found:
                line, match, text = found
                self._grade(record, key, _number(match.group(1)), line, _sentence_of(text, match))

    def _sentences(self, record: Record, lines: list[Line], start: int) -> None:
        for key, sentence in WORD_SENTENCES.items():
            found = _search_joined(lines[start:], sentence)
            if found and key not in record.grades:
                line, match, text = found
                self._grade(record, key, _number(match.group(1)), line, _sentence_of(text, match))

    def _grade(self, record: Record, key: str, number: int, line: Line, quote: str | None = None) -> None:
        record.grades[key] = number
        record.judgements[key] = APA_WORDS[number]
        _note(record, f"judgements.{key}", line, quote)

    def _improvements(self, record: Record, lines: list[Line], start: int) -> None:
        """The "key areas for improvement" column of the strengths table, one item per outcome area,
        or a list under an "areas for improvement/development" heading."""
        column = _find(lines, IMPROVEMENT_COLUMN, start)
        items: list[tuple[str, Line]] = []
        if column is not None:
            for line in lines[column + 1 :]:
                if "\t" not in line.text:
                    if re.search(r"[a-z]", line.text, re.I):
                        break
                    continue
                cell = _strip_bullet(line.text.split("\t")[-1])
                if cell and not NOTHING.match(cell):
                    items.append((cell, line))
        else:
            items = _bulleted_items(_section(lines, IMPROVEMENT_LIST, HEADINGS, start))
        if not items:
            record.warnings.append("recommendations (la): no areas for improvement found in the letter")
        add_recommendations(record, "la", [(text, Provenance(line.page, text)) for text, line in items])


def _lines(document: Document) -> list[Line]:
    """The letter's non-blank lines with their pages, as printed: unlike the shared toolkit's
    lines, tabs are kept (the 2006 strengths table's columns are tab-separated) and nothing is
    taken for a running header (letters have none)."""
    number = document.paginated
    return [
        Line(page.number if number else None, text)
        for page in document.pages
        for text in (raw.strip() for raw in page.text.splitlines())
        if text
    ]


def _title(lines: list[Line]) -> tuple[int, re.Match[str]] | None:
    """The letter's heading (its line's index and match), which PDF text may wrap over two lines."""
    for index, (line, following) in enumerate(zip(lines, [*lines[1:], None])):
        match = TITLE.match(line.text)
        if not match and following is not None and re.search(r"annual\s+performance", line.text, re.I):
            match = TITLE.match(f"{line.text} {following.text}")
        if match:
            return index, match
    return None


def _note(record: Record, key: str, line: Line, quote: str | None = None) -> None:
    """Record where the value at ``key`` was read."""
    record.provenance[key] = Provenance(line.page, squash(quote or line.text))


def _find(lines: list[Line], pattern: re.Pattern[str], start: int = 0) -> int | None:
    """The index of the first line from ``start`` that ``pattern`` matches."""
    return next((i for i in range(start, len(lines)) if pattern.search(lines[i].text)), None)


def _section(lines: list[Line], heading: re.Pattern[str], stop: re.Pattern[str], start: int = 0) -> list[Line]:
    """The lines after the first line from ``start`` that is ``heading`` (matched in full), up to a
    line that ``stop`` matches in full."""
    for index in range(start, len(lines)):
        if heading.fullmatch(lines[index].text):
            body = []
            for following in lines[index + 1 :]:
                if stop.fullmatch(following.text):
                    break
                body.append(following)
            return body
    return []


def _search_joined(lines: list[Line], pattern: re.Pattern[str]) -> tuple[Line, re.Match[str], str] | None:
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


def _sentence_of(text: str, match: re.Match[str]) -> str:
    """The sentence of ``text`` in which ``match`` lies (the quote for provenance)."""
    begin = max(text.rfind(". ", 0, match.start()) + 2, 0) if ". " in text[: match.start()] else 0
    end = text.find(".", match.end())
    return squash(text[begin : end + 1 if end != -1 else len(text)])


_LEADING_BULLETS = re.compile(rf"^[\s{re.escape(BULLETS)}]+")


def _strip_bullet(text: str) -> str:
    return squash(_LEADING_BULLETS.sub("", text))


def _bulleted_items(body: list[Line]) -> list[tuple[str, Line]]:
    """A 2007-08 letter's list: one item per bullet or numbered line (the first line starts one
    even without), with wrapped continuation lines joined on."""
    items: list[list] = []
    for line in body:
        starts = bool(re.match(rf"^(?:[{re.escape(BULLETS)}]|\d{{1,3}}[.)]\s)", line.text))
        if starts or not items:
            items.append([_strip_bullet(re.sub(r"^\d{1,3}[.)]\s+", "", line.text)), line])
        else:
            items[-1][0] = squash(f"{items[-1][0]} {line.text}")
    return [(text, line) for text, line in items if text]


def _untagged(text: str) -> str:
    """Text without the <i>…</i> tags some extractions leave."""
    return re.sub(r"</?\w+>", "", text)


def _number(word: str) -> int:
    word = word.lower()
    return APA_NUMBERS["outstanding" if word == "excellent" else word]


FRAMEWORK = ApaFramework()
