"""The 2009 inspection of progress after a special joint area review (Ofsted, the CQC and HM
Inspectorate of Constabulary): "Inspection of progress made in the provision of safeguarding
services in <area>", published in 2009 after the review of November 2008.

Its cover states the publication date ("Published: 3 July 2009") and no inspection dates; it
makes a judgement on progress in words, not a grade. Its items are the bullets under "Priorities
for further improvement" (kind ``improvement``, section ``area``); the contents page's entry of
that heading is passed over (no items follow it).
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
    record_found,
)
from inspire.core.reading.frameworks.common.area import (
    LineMarks,
    add_area_items,
    bulleted_items,
    inspectorates_in,
    line_marks,
    section_lines,
)
from inspire.core.reading.frameworks.common.cover import read_date
from inspire.core.reading.frameworks.common.lines import plain_lines
from inspire.core.reading.record import Record
from inspire.core.register import Register

TITLE = r"Inspection\s+of\s+progress\s+made\s+in\s+the\s+provision\s+of\s+safeguarding\s+services"
AUTHORITY_TITLES = (TITLE + r"\s+in\s+(?:the\s+)?(?P<name>[^\n]+(?:\n[^\n]+)?)",)
SIGNATURES = (
    (r"^[ \t]*" + TITLE, 6),
    (phrase("joint area review"), 2),
    (phrase("Published"), 1),
)
PRIORITIES = (r"Priorities\s+for\s+further\s+improvement",)
ENDS = (r"Key\s+findings\b", r"Annex\b", r"Summary\s+of\b")

SPEC = Spec(
    family="jar_2009",
    title="Joint area review progress inspection (2009)",
    signatures=SIGNATURES,
    threshold=8,
    authority_titles=AUTHORITY_TITLES,
    pages=None,
    detect_pages=4,
)


class JointAreaReviewProgress(DeclarativeFramework):
    spec = SPEC

    def read(self, document: Document, register: Register) -> Record:
        text = plain_lines(document)
        record = new_record(self.family, document)
        record.warnings.append("inspection dates: the report states none")
        authority, provenance, warning = find_authority(
            text, register, title=AUTHORITY_TITLES, end=min(len(text.text), 600)
        )
        if authority and provenance:
            record.authority = authority_ref(authority)
            record.provenance["authority"] = provenance
        if warning:
            record.warnings.append(warning)
        published = read_date(text, ("Published",))
        if published:
            record_found(record, "published", published)
        else:
            record.warnings.append("publication date: not stated")
        record.inspectorates = inspectorates_in(text.text[:1500])
        _items(record, text, line_marks(document))
        record.warnings.append("plan deadline: the report sets no date for the partnership's plan (none is assumed)")
        return record


def _items(record: Record, text: Lines, marks: LineMarks) -> None:
    """The first "Priorities for further improvement" with items after it (not the contents entry)."""
    start = 0
    heading = re.compile(r"^[ \t]*(?:" + "|".join(PRIORITIES) + r")", re.I | re.M)
    while True:
        lines, found = section_lines(text, PRIORITIES, ENDS, start=start)
        if not found:
            record.warnings.append("recommendations (area): no list headed 'Priorities for further improvement' found")
            return
        items = bulleted_items(lines, marks=marks) if lines else []
        if items:
            add_area_items(record, "improvement", [(words, provenance, None) for words, provenance in items])
            return
        match = heading.search(text.text, start)
        start = match.end() if match else len(text.text)


FRAMEWORK = JointAreaReviewProgress()
