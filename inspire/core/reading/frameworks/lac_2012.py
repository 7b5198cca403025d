"""Inspections of services for looked after children (2012-13): "Inspection of looked after
children services".

The cover states the dates, the "Reporting inspector" and the publication date; each judgement
is printed as "Grade 4 (inadequate)" under its section heading and again in the closing "Record
of main findings" table, which is what is read. The "Areas for improvement" are bullets grouped
under "Immediately:", "Within three months:" and "Within six months:", kept in that order as
the council's (``la``) items. "Service information" states how many children were looked after
at the time of the inspection.

Judgement keys: ``overall`` (overall effectiveness), ``capacity_to_improve``,
``outcomes_for_looked_after_children``, ``quality_of_provision``, ``leadership_and_management``.
"""

from __future__ import annotations

import re

from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks.base import Framework
from inspire.core.reading.frameworks.common import (
    NUMBER,
    FactPattern,
    add_recommendations,
    head_text,
    items_in,
    new_record,
    phrase,
    plain_lines,
    read_cover,
    read_facts,
    read_judgements,
    record_judgements,
)
from inspire.core.reading.record import Record
from inspire.core.register import Register

TITLE = re.compile(phrase("Inspection of looked after children services"), re.I)
#: the title opens the cover; later pages repeat it as a running header
DETECT_CHARS = 1000
DATES = ("Inspection dates", "Inspection date")
PUBLISHED = ("Published:",)
LEAD_INSPECTOR = ("Reporting inspector", "Lead inspector")

#: the closing table of judgements
TABLE_START = re.compile(r"^Record\s+of\s+main\s+findings$", re.I | re.M)
TABLE = (
    ("Overall effectiveness", "overall"),
    ("Capacity to improve", "capacity_to_improve"),
    ("Outcomes for looked after children and young people", "outcomes_for_looked_after_children"),
    ("Quality of provision", "quality_of_provision"),
    ("Leadership and management", "leadership_and_management"),
)
#: how far past its heading the table is read
TABLE_CHARS = 600

RECOMMENDATIONS = re.compile(r"^Areas\s+for\s+improvement:?$", re.I | re.M)
#: the time-scale sub-headings within the list
SUBHEADING = re.compile(r"^(?:Immediately|Within\s+\w+\s+months?)\s*:?$", re.I)
#: the section headings that may follow the list
AFTER_RECOMMENDATIONS = re.compile(
    r"^(?:Outcomes\s+for\s+looked\s+after|Quality\s+of\s+provision|Leadership\s+and\s+management|"
    r"Capacity\s+to\s+improve|Overall\s+effectiveness|Grade\s+\d|Record\s+of\s+main\s+findings)",
    re.I,
)

SERVICE_INFORMATION = re.compile(r"^Service\s+information$", re.I | re.M)
SERVICE_INFORMATION_CHARS = 5000
FACTS = (
    FactPattern(
        "looked_after",
        (
            re.compile(
                rf"At\s+the\s+time\s+of\s+the\s+inspection,?\s+(?:there\s+were\s+)?(?P<count>{NUMBER})\s+"
                r"(?:looked\s+after\s+children|children(?:\s+and\s+young\s+people)?\s+were\s+being\s+looked\s+after)",
                re.I,
            ),
        ),
    ),
)


class LookedAfterChildren2012(Framework):
    family = "lac_2012"
    title = "Inspection of looked after children services (2012-13)"

    def detect(self, document: Document) -> int:
        return 10 if TITLE.search(head_text(document, 1), 0, DETECT_CHARS) else 0

    def read(self, document: Document, register: Register) -> Record:
        record = new_record(self.family, document)
        text = plain_lines(document)
        read_cover(record, text, register, dates=DATES, published=PUBLISHED, lead_inspector=LEAD_INSPECTOR)

        table = TABLE_START.search(text.text)
        if table:
            found, warnings = read_judgements(text, TABLE, start=table.end(), end=table.end() + TABLE_CHARS)
            record_judgements(record, found, warnings, expected=[key for _, key in TABLE])
        else:
            record.warnings.append("judgements: no 'Record of main findings' table found")

        heading = RECOMMENDATIONS.search(text.text)
        if heading:
            items = items_in(
                text, heading.end() + 1, len(text.text), skip=SUBHEADING, stop=AFTER_RECOMMENDATIONS, style="bullet"
            )
            add_recommendations(record, "la", items)
        else:
            record.warnings.append("recommendations (la): no list headed 'Areas for improvement' found")

        service = SERVICE_INFORMATION.search(text.text)
        if service:
            read_facts(record, text, service.end(), service.end() + SERVICE_INFORMATION_CHARS, FACTS)
        return record


FRAMEWORK = LookedAfterChildren2012()
