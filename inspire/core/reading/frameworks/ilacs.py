"""Inspections of local authority children's services (ILACS), January 2018 to March 2026.

Four graded judgements and overall effectiveness on the first page; until early 2023 children
in care and care leavers were judged together (recorded as ``children_in_care``), after that
separately. "What needs to improve?" lists the areas for improvement (section ``la``).
"""

from __future__ import annotations

from datetime import date

from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks.common import DeclarativeFramework, ItemList, Lines, Spec, phrase
from inspire.core.reading.record import Record
from inspire.core.register import Register

#: The report's title: "Inspection of Kingston upon Thames local authority children's services".
AUTHORITY_TITLES = (
    r"Inspection\s+of\s+(?P<name>[\s\S]+?)\s+(?:local\s+authority\s+)?children['’]s\s+(?:social\s+care\s+)?services",
    r"Inspection\s+of\s+(?P<name>[\s\S]+?)\s+Children\s+and\s+Families\s+Trust",
)

#: The judgement table (longer labels before the shorter ones they begin with).
JUDGEMENTS = (
    ("The impact of leaders on (?:social work )?practice with children and families", "leadership"),
    ("The experiences and progress of children who need help and protection", "help_and_protection"),
    ("The experiences and progress of children in care and care leavers", "children_in_care"),
    ("The experiences and progress of children in care", "children_in_care"),
    ("The experiences and progress of (?:children )?care leavers", "care_leavers"),
    ("Overall effectiveness", "overall"),
)

SIGNATURES = (
    (phrase("The experiences and progress of children"), 4),
    (phrase("The impact of leaders on"), 3),
    (phrase("local authority children's services|children's social care services"), 1),
    (phrase("Inspection dates"), 1),
)

#: the table's last row until March 2026 (the April 2026 form has none)
OVERALL_ROW = r"^\s*Overall\s+effectiveness\b"

#: "What needs to improve?" runs until the first judgement's section.
WHAT_NEEDS_TO_IMPROVE = ItemList(
    section="la",
    headings=(r"What\s+needs\s+to\s+improve(?:\s+in\s+this\s+local\s+authority)?\s*[?:]?",),
    ends=(phrase("The experiences and progress of"), phrase("The impact of leaders on")),
    name="What needs to improve?",
)

SPEC = Spec(
    family="ilacs",
    title="Inspection of local authority children's services (ILACS, 2018 to March 2026)",
    signatures=(*SIGNATURES, (OVERALL_ROW, 1)),
    threshold=8,
    inspected_from=date(2017, 10, 1),
    inspected_to=date(2026, 3, 31),
    authority_titles=AUTHORITY_TITLES,
    judgements=JUDGEMENTS,
    expected=("overall", "leadership", "help_and_protection", "children_in_care"),
    table_start=r"^\s*Judgement\s+Grade",
    recommendations=(WHAT_NEEDS_TO_IMPROVE,),
)


class Ilacs(DeclarativeFramework):
    spec = SPEC

    def refine(self, record: Record, document: Document, text: Lines, register: Register) -> None:
        warn_if_care_leavers_missing(record)


def warn_if_care_leavers_missing(record: Record) -> None:
    """Once children in care are judged on their own (2023 on), care leavers have a judgement too."""
    quote = record.provenance.get("judgements.children_in_care")
    separate = quote is not None and "care leavers" not in quote.quote.lower()
    if separate and "care_leavers" not in record.judgements:
        if not any(w.startswith("judgements.care_leavers:") for w in record.warnings):
            record.warnings.append("judgements.care_leavers: not found")


FRAMEWORK = Ilacs()
