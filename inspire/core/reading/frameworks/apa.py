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
from inspire.core.reading.frameworks import _older as kit
from inspire.core.reading.frameworks.base import Framework
from inspire.core.reading.grades import APA_NUMBERS, APA_WORDS
from inspire.core.reading.record import Record
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
        head = "\n".join(page.text for page in document.pages[:3])[:20000]
        if not re.search(r"annual\s+performance\s+assessment", head, re.I):
            return 0
        return 10 if _title(kit.lines_of(document)[:80]) else 0

    def read(self, document: Document, register: Register) -> Record:
        record = kit.new_record(self.family, document)
        lines = kit.lines_of(document)
        title = _title(lines)
        start = title[0].index if title else 0
        if title:
            line, match = title
            record.facts["apa_year"] = int(match.group("year"))
            kit.note(record, "facts.apa_year", line)
            authority = kit.authority_in(match.group("authority"), register)
            if authority:
                kit.set_authority(record, authority, line)
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

    def _published(self, record: Record, lines: list[kit.Line], start: int) -> None:
        """The letter's date: a line that is only a date, above the title."""
        for line in reversed(lines[:start]):
            match = FULL_DATE.fullmatch(line.text.strip(" ,."))
            if match:
                record.published = parse_date(line.text)
                kit.note(record, "published", line)
                return
        record.warnings.append("publication date: the date of the letter was not found")

    def _summary(self, record: Record, lines: list[kit.Line], start: int) -> None:
        """Rows of the summary table: a row starts with its label and may wrap over lines (PDF text);
        its grade is the first figure 1-4 standing on its own after the label."""
        table = kit.find(lines, re.compile(r"^areas\s+for\s+judgement", re.I), start)
        if not table:
            return
        rows: list[tuple[str, list[kit.Line]]] = []
        for line in lines[table[0].index + 1 : table[0].index + 1 + SUMMARY_LINES]:
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

    def _outcomes(self, record: Record, lines: list[kit.Line], start: int) -> None:
        for key, heading in OUTCOME_HEADINGS.items():
            if key in record.grades:
                continue
            found = kit.search_joined(kit.section(lines, re.compile(heading, re.I), HEADINGS, start), OUTCOME_SENTENCE)
            if found:
                line, match, text = found
                self._grade(record, key, _number(match.group(1)), line, kit.sentence_of(text, match))

    def _sentences(self, record: Record, lines: list[kit.Line], start: int) -> None:
        for key, sentence in WORD_SENTENCES.items():
            found = kit.search_joined(lines[start:], sentence)
            if found and key not in record.grades:
                line, match, text = found
                self._grade(record, key, _number(match.group(1)), line, kit.sentence_of(text, match))

    def _grade(self, record: Record, key: str, number: int, line: kit.Line, quote: str | None = None) -> None:
        record.grades[key] = number
        record.judgements[key] = APA_WORDS[number]
        kit.note(record, f"judgements.{key}", line, quote)

    def _improvements(self, record: Record, lines: list[kit.Line], start: int) -> None:
        """The "key areas for improvement" column of the strengths table, one item per outcome area,
        or a list under an "areas for improvement/development" heading."""
        column = kit.find(lines, IMPROVEMENT_COLUMN, start)
        items: list[tuple[str, kit.Line]] = []
        if column:
            for line in lines[column[0].index + 1 :]:
                if "\t" not in line.text:
                    if re.search(r"[a-z]", line.text, re.I):
                        break
                    continue
                cell = kit.strip_bullet(line.text.split("\t")[-1])
                if cell and not NOTHING.match(cell):
                    items.append((cell, line))
        else:
            body = kit.section(lines, IMPROVEMENT_LIST, HEADINGS, start)
            items = kit.bulleted_items(body)
        if not items:
            record.warnings.append("recommendations (la): no areas for improvement found in the letter")
        kit.add_recommendations(record, "la", items)


def _title(lines: list[kit.Line]) -> tuple[kit.Line, re.Match[str]] | None:
    """The letter's heading, which PDF text may wrap over two lines."""
    for line, following in zip(lines, [*lines[1:], None]):
        match = TITLE.match(line.text)
        if not match and following is not None and re.search(r"annual\s+performance", line.text, re.I):
            match = TITLE.match(f"{line.text} {following.text}")
        if match:
            return line, match
    return None


def _untagged(text: str) -> str:
    """Text without the <i>…</i> tags some extractions leave."""
    return re.sub(r"</?\w+>", "", text)


def _number(word: str) -> int:
    word = word.lower()
    return APA_NUMBERS["outstanding" if word == "excellent" else word]


FRAMEWORK = ApaFramework()
