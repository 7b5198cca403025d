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

import re

from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks import _older as kit
from inspire.core.reading.frameworks.common import DeclarativeFramework, Lines, Spec, phrase, read_judgements
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
RECORD_TABLE = re.compile(r"^\s*Record\s+of\s+main\s+findings\s*:?\s*$", re.I | re.M)
AREAS_FOR_IMPROVEMENT = re.compile(r"Areas\s+for\s+improvement", re.I)

SPEC = Spec(
    family="cp_2012",
    title="Inspection of local authority arrangements for the protection of children (2012-13)",
    # the title starting its line (the cover), with the cover's dates: not a mention in prose
    signatures=((r"^[ \t]*" + phrase("Inspection of local authority arrangements for the protection of children"), 8), (phrase("Inspection dates?"), 2)),
    threshold=10,
    date_labels=("Inspection dates", "Dates of inspection", "Inspection date"),
    lead_labels=("Lead inspector", "Reporting inspector"),
    published_labels=("Published",),
    pages=None,
)


class ChildProtection2012(DeclarativeFramework):
    spec = SPEC

    def refine(self, record: Record, document: Document, text: Lines, register: Register) -> None:
        table = RECORD_TABLE.search(text.text)
        if not table:
            record.warnings.append("judgements: no 'Record of main findings' table; grades read from the sections")
        found, warnings = read_judgements(text, JUDGEMENTS, start=table.end() if table else 0)
        for key, value in found.items():
            record.judgements[key] = value.value
            record.provenance[f"judgements.{key}"] = value.provenance
        record.warnings.extend(warnings)
        for key in EXPECTED:
            if key not in record.judgements and not any(w.startswith(f"judgements.{key}:") for w in warnings):
                record.warnings.append(f"judgements.{key}: not found")
        kit.add_timed_lists(record, text, AREAS_FOR_IMPROVEMENT, lists=1)


FRAMEWORK = ChildProtection2012()
