"""Inspections of safeguarding and looked after children services (2009-12).

One report judges two services, each with its own overall effectiveness, capacity for improvement
and sub-judgements: safeguarding (keys ``safeguarding_*``) and services for looked after children
(keys ``lac_*``); see docs/RECORD.md. There is no single overall judgement, so ``overall`` is not
set. Grades are read from the "Record of main findings" table at the end of the report, or, where
it is missing, from the grades printed under the section headings ("Grade 3 (adequate)"). Each
service has its own "Areas for improvement" (bulleted, under timescales such as "Within three
months:"); both are the council's (section ``la``), safeguarding first.

Built from the published layout; no report of this family is in the development corpus.
"""

from __future__ import annotations

import re

from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks import _older as kit
from inspire.core.reading.frameworks.common import (
    DeclarativeFramework,
    Lines,
    Spec,
    phrase,
    read_judgements,
)
from inspire.core.reading.record import Record
from inspire.core.register import Register

#: rows shared by both services' blocks: (label, key suffix)
_COMMON_ROWS = (
    ("Overall effectiveness", "overall"),
    ("Capacity (?:for|to) improve(?:ment)?", "capacity"),
    ("Quality of provision", "quality_of_provision"),
    ("Ambition and prioritisation", "ambition_and_prioritisation"),
    ("Leadership and management", "leadership_and_management"),
    ("Performance management and quality assurance", "performance_management"),
    ("Partnership working", "partnership_working"),
    ("Equality and diversity", "equality_and_diversity"),
    ("Value for money", "value_for_money"),
)
SAFEGUARDING_ROWS = (
    (
        "Children and young people are safe(?:: (?:the )?effectiveness of services in taking reasonable steps "
        "to ensure that children and young people are safe)?",
        "are_safe",
    ),
    ("Children and young people feel safe", "feel_safe"),
    ("The contribution of health agencies to keeping children and young people safe", "health_contribution"),
    *_COMMON_ROWS,
)
LAC_ROWS = (
    ("Being healthy", "being_healthy"),
    ("Staying safe", "staying_safe"),
    ("Enjoying and achieving", "enjoying_and_achieving"),
    ("Making a positive contribution(?:, including user engagement)?", "positive_contribution"),
    ("(?:Achieving )?economic well-being", "economic_wellbeing"),
    *_COMMON_ROWS,
)
#: the blocks of the record table (and of the report's body), in order: (heading, key prefix, rows)
BLOCKS = (
    (r"Safeguarding services", "safeguarding", SAFEGUARDING_ROWS),
    (r"Services for looked after children(?: and (?:young people|care leavers))?", "lac", LAC_ROWS),
)
EXPECTED = ("safeguarding_overall", "safeguarding_capacity", "lac_overall", "lac_capacity")

RECORD_TABLE = re.compile(r"^\s*Record\s+of\s+main\s+findings\s*:?\s*$", re.I | re.M)
AREAS_FOR_IMPROVEMENT = re.compile(r"Areas\s+for\s+improvement", re.I)

SPEC = Spec(
    family="slac",
    title="Inspection of safeguarding and looked after children services (2009-12)",
    # the title starting its line (the cover), with the cover's dates: not a mention in prose
    signatures=((r"^[ \t]*" + phrase("Inspection of safeguarding and looked after children services"), 8), (phrase("Inspection dates?"), 2)),
    threshold=10,
    date_labels=("Inspection dates", "Dates of inspection", "Inspection date"),
    lead_labels=("Reporting inspector", "Lead inspector"),
    published_labels=("Published",),
    pages=None,
)


class Slac(DeclarativeFramework):
    spec = SPEC

    def refine(self, record: Record, document: Document, text: Lines, register: Register) -> None:
        table = RECORD_TABLE.search(text.text)
        if table:
            self._judgements(record, text, table.end(), len(text.text))
        else:
            record.warnings.append("judgements: no 'Record of main findings' table; grades read from the sections")
            self._judgements(record, text, _body_start(text), len(text.text))
        for key in EXPECTED:
            if key not in record.judgements:
                record.warnings.append(f"judgements.{key}: not found")
        kit.add_timed_lists(record, text, AREAS_FOR_IMPROVEMENT, lists=len(BLOCKS))

    def _judgements(self, record: Record, text: Lines, start: int, end: int) -> None:
        """Each block's rows, read between its heading and the next block's."""
        heads = []
        position = start
        for heading, prefix, rows in BLOCKS:
            match = re.compile(rf"^\s*{phrase(heading)}\s*$", re.I | re.M).search(text.text, position, end)
            if match is None:
                record.warnings.append(f"judgements: no block headed {heading!r} found")
                continue
            heads.append((match, prefix, rows))
            position = match.end()
        for index, (match, prefix, rows) in enumerate(heads):
            block_end = heads[index + 1][0].start() if index + 1 < len(heads) else end
            # labels start their line: the same words in a paragraph are not a row
            table = tuple((rf"(?<=\n){label}", f"{prefix}_{suffix}") for label, suffix in rows)
            found, warnings = read_judgements(text, table, start=match.end(), end=block_end)
            for key, value in found.items():
                record.judgements[key] = value.value
                record.provenance[f"judgements.{key}"] = value.provenance
            record.warnings.extend(warnings)


def _body_start(text: Lines) -> int:
    """Past the contents page: the first grade printed in the report's body."""
    grade = re.search(r"Grade\s+[1-4]\s*\(", text.text, re.I)
    if not grade:
        return 0
    line = text.line_at(grade.start())
    return text.starts[max(line - 3, 0)]


FRAMEWORK = Slac()
