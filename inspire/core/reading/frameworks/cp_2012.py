"""Inspections of local authority arrangements for the protection of children (2012-13).

The cover states the dates, the lead inspector and the publication date. Four judgements:
overall effectiveness (``overall``), the effectiveness of the help and protection provided to
children, young people, families and carers (``help_and_protection``), the quality of practice
(``quality_of_practice``) and leadership and governance (``leadership_and_governance``). They are
read from the closing "Record of main findings" table, or, where it is missing, from the section
headings that print each grade. "Areas for improvement" are bullets under timescales
("Immediately:", "Within three months:"), the council's (``la``) items.

Built from the published layout; no report of this family is in the development corpus.
"""

from __future__ import annotations

from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks.common import (
    DeclarativeFramework,
    Lines,
    Spec,
    add_timed_lists,
    cover_signatures,
    main_findings,
    read_judgements,
    record_judgements,
)
from inspire.core.reading.record import Record
from inspire.core.register import Register

#: a row starts its line and is not a contents entry (which ends in a page number)
_ROW = r"(?<=\n)(?![^\n]*\s\d{{1,3}}[^\S\n]*(?:\n|$)){}"
JUDGEMENTS = tuple(
    (_ROW.format(label), key)
    for label, key in (
        ("Overall effectiveness", "overall"),
        (
            "The effectiveness of (?:the )?help and protection(?: provided to children, young people, "
            "families and carers)?",
            "help_and_protection",
        ),
        ("The quality of practice", "quality_of_practice"),
        ("(?:The effectiveness of )?leadership and governance", "leadership_and_governance"),
    )
)
EXPECTED = ("overall", "help_and_protection", "quality_of_practice", "leadership_and_governance")

SPEC = Spec(
    family="cp_2012",
    title="Inspection of local authority arrangements for the protection of children (2012-13)",
    signatures=cover_signatures("Inspection of local authority arrangements for the protection of children"),
    threshold=10,
    lead_labels=("Lead inspector", "Reporting inspector"),
    published_labels=("Published",),
    pages=None,
)


class ChildProtection2012(DeclarativeFramework):
    spec = SPEC

    def refine(self, record: Record, document: Document, text: Lines, register: Register) -> None:
        found, warnings = read_judgements(text, JUDGEMENTS, start=main_findings(record, text) or 0)
        record_judgements(record, found, warnings, expected=EXPECTED)
        add_timed_lists(record, text)


FRAMEWORK = ChildProtection2012()
