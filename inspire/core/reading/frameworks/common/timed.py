"""The timed lists of 2009-13 reports: "Areas for improvement" with timescale sub-headings
("Immediately:", "Within three months:"), one list per service judged."""

from __future__ import annotations

import re

from inspire.core.reading.frameworks.common.items import add_recommendations, collect
from inspire.core.reading.frameworks.common.lines import Lines
from inspire.core.reading.record import Record

#: "Immediately:", "Within three months:", "In the longer term:": 2009-13 lists' timescale sub-headings
TIMESCALE = re.compile(
    r"^(?:immediately|within\s+(?:\w+|\d+)\s+(?:days?|weeks?|months?)|in\s+the\s+(?:longer|medium)\s+term|"
    r"longer\s+term)\s*:?$",
    re.I,
)
#: the heading of a 2009-13 report's timed lists
AREAS_FOR_IMPROVEMENT = re.compile(r"Areas\s+for\s+improvement", re.I)
#: a timed list ends at the next numbered paragraph or a heading-like line (short, capitalised,
#: not ending in punctuation), even after an item that did not end its sentence
_TIMED_LIST_END = re.compile(r"^(?:\d{1,3}\.?\s+(?=\S)|[A-Z].{0,88}(?<![.;,:]))$")


def add_timed_lists(
    record: Record, text: Lines, heading: re.Pattern[str] = AREAS_FOR_IMPROVEMENT, *, lists: int = 1
) -> None:
    """The council's (``la``) bulleted items of the first ``lists`` non-empty lists under a line
    that is ``heading`` (one list per service judged, in order), passing over the numbered
    paragraph that introduces each ("21. In order to improve …, the local authority and its
    partners should take the following action.") and its timescale sub-headings. A heading with
    no items after it (a contents entry) is passed over."""
    read = 0
    headings = (i for i, line in enumerate(text.lines) if heading.fullmatch(line.text))
    for index in headings:
        if read == lists:
            break
        items = collect(text.lines[index + 1 :], skip=TIMESCALE, style="bullet", ends=_TIMED_LIST_END)
        if items:
            read += 1
            add_recommendations(record, "la", items)
    if read < lists:
        name = heading.pattern.replace("\\s+", " ")
        record.warnings.append(f"recommendations (la): {read} of the {lists} '{name}' lists were found")
