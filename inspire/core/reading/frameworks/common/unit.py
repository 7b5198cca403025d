"""The declarative unit: a :class:`Spec` says everything a family's reports declare (signature
phrases, dates covered, title, judgement table, lists); :class:`DeclarativeFramework` detects and
reads any report from it, and a unit overrides :meth:`~DeclarativeFramework.refine` only for
what its layout adds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from inspire.core.reading.dates import parse_date_span
from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks.base import Framework
from inspire.core.reading.frameworks.common.cover import labels_re, read_cover
from inspire.core.reading.frameworks.common.found import new_record
from inspire.core.reading.frameworks.common.items import ItemList, add_items
from inspire.core.reading.frameworks.common.judgements import read_judgements, record_judgements
from inspire.core.reading.frameworks.common.lines import Lines, compiled, head_text, phrase, plain_lines
from inspire.core.reading.record import Record
from inspire.core.register import Register


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
    #: detection looks at only this many characters of them (the title opens a report: a later
    #: mention, such as another report's account of its previous inspection, is not its title)
    detect_chars: int | None = None


def cover_signatures(title: str) -> tuple[tuple[str, int], ...]:
    """A 2009-13 report's marks, scoring 10: its title starting a line (the cover, not a mention
    in prose), with the cover's dates."""
    return ((r"^[ \t]*" + phrase(title), 8), (phrase("Inspection dates?"), 2))


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
        head = head_text(document, self.spec.detect_pages)[: self.spec.detect_chars]
        score = 0
        reach = sum(weight for _, weight in self.spec.signatures if weight > 0)  # what is still to be had
        for pattern, weight in self.spec.signatures:
            reach -= max(weight, 0)
            if compiled(pattern).search(head):
                score += weight
            if score + reach < self.spec.threshold:
                return 0  # out of reach: the signatures left need not be looked for
        if score < self.spec.threshold:
            return 0
        score += sum(weight for pattern, weight in self.spec.absences if not compiled(pattern).search(head))
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
        text = plain_lines(document, max_pages=spec.pages)
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
            match = compiled(spec.table_start).search(text.text)
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


def _first_day(head: str, labels: Sequence[str]) -> date | None:
    match = labels_re(tuple(labels)).search(head)
    if not match:
        return None
    lines = head[match.end() : match.end() + 200].split("\n")
    for count in (1, 2):
        span = parse_date_span(" ".join(lines[:count]))
        if span:
            return span[0]
    return None
