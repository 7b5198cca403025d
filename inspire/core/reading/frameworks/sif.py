"""The single inspection framework (2013-18): "Inspection of services for children in need of help
and protection, children looked after and care leavers", usually combined with the "Review of the
effectiveness of the local safeguarding children board".

Page 1 states the dates, the publication date, the overall judgement and a table of the four
areas (adoption and care leavers as 2.1 and 2.2); the LSCB's judgement is stated on page 1 (2013-15)
or at the head of the LSCB section. The local authority's recommendations ("What does the local
authority need to improve?": priority actions then areas for improvement, or "Recommendations")
come before the LSCB section; the LSCB's own come within it. Paragraphs are numbered through the
whole report, so items are re-numbered 1..n per section.
"""

from __future__ import annotations

import re

from inspire.core.reading.documents import Document
from inspire.core.reading.frameworks.base import Framework
from inspire.core.reading.frameworks.paged_text import (
    GRADE,
    NUMBER,
    FactPattern,
    PagedText,
    find_authority,
    grade_in,
    grade_table,
    items_in,
    new_record,
    phrase,
    read_date_span,
    read_facts,
    read_name,
    read_single_date,
)
from inspire.core.reading.record import Recommendation, Record
from inspire.core.register import Register

_I = re.I | re.M

TITLE = re.compile(
    r"(?:Re-?)?inspection\s+of\s+services\s+for\s+children\s+in\s+need\s+of\s+help\s+and\s+protection,?\s+"
    r"children\s+looked\s+after\s+and\s+care\s+leavers",
    re.I,
)
#: where the title is looked for: the report's opening
TITLE_CHARS = 1500

DATES = re.compile(r"Inspection\s+dates?\s*:?", re.I)
PUBLISHED = re.compile(r"Report\s+published\s*:?", re.I)
LEAD_INSPECTOR = re.compile(r"^[ \t]*Lead\s+inspector\s*:", _I)
TITLES = re.compile(
    r"\(?\b(?:Senior\s+)?HMI\b\)?|,?\s*(?:Senior\s+)?Her\s+Majesty['’]s\s+(?:Inspector|Inspector\s+\(HMI\))\b", re.I
)

OVERALL = re.compile(
    r"(?:overall\s+judgement\s+is|Children['’]s\s+services?\s+(?:in|on|at)\b)[\s\S]{0,160}?" + GRADE, re.I
)
#: a row of the judgement table is numbered "1.", "2.1" (the number is not relied on: one report misprints it)
_ROW = r"\d(?:\.\d)?\.?\s*"
AREAS = (
    ("help_and_protection", re.compile(_ROW + phrase("Children who need help and protection"), re.I)),
    ("children_in_care", re.compile(_ROW + phrase("Children looked after and achieving permanence"), re.I)),
    ("adoption", re.compile(_ROW + phrase("Adoption performance"), re.I)),
    ("care_leavers", re.compile(_ROW + phrase("Experiences and progress of care leavers"), re.I)),
    ("leadership", re.compile(_ROW + phrase("Leadership, management and governance"), re.I)),
)
#: "The effectiveness of the Local Safeguarding Children Board (LSCB) is good",
#: "The Local Safeguarding Children Board requires improvement", "The LSCB is inadequate"
LSCB_JUDGEMENT = re.compile(
    r"^[ \t]*(?:the\s+)?(?:effectiveness\s+of\s+the\s+)?(?:local\s+safeguarding\s+children\s+board|LSCB)\b"
    r"(?:\s*\(LSCB\))?(?:\s+(?:is|are))?\s+" + GRADE,
    _I,
)

#: a heading that opens (or divides) a list of recommendations, alone on its line
RECOMMENDATIONS = re.compile(
    r"^[ \t]*(?:What\s+does\s+the\s+local\s+authority\s+need\s+to\s+improve\??|Recommendations?|"
    r"Priority\s+and\s+immediate\s+action|Areas\s+for\s+improvement|Priority\s+actions?)[ \t]*:?[ \t]*$",
    _I,
)
SUBHEADING = re.compile(
    r"^(?:What\s+does\s+the\s+local\s+authority\s+need\s+to\s+improve\??|Recommendations?|"
    r"Priority\s+and\s+immediate\s+action|Areas\s+for\s+improvement|Priority\s+actions?)\s*:?$"
    r"|^There\s+are\s+no\s+(?:areas\s+(?:for|of)\s+)?priority",
    re.I,
)
#: "There are no areas of priority action." is printed as a numbered item but is none
NOT_AN_ITEM = re.compile(r"^There\s+are\s+no\b", re.I)
#: headings that follow a list of recommendations
AFTER_RECOMMENDATIONS = re.compile(
    r"^(?:Information\s+about\s+this|Summary\s+for\s+children|Inspection\s+(?:judgements|findings)|"
    r"Key\s+strengths|Executive\s+summary|The\s+local\s+authority$|Contents$)",
    re.I,
)

AREA_INFORMATION = re.compile(r"^[ \t]*Information\s+about\s+this\s+(?:local\s+authority\s+)?area\d?[ \t]*$", _I)
#: how far past its heading "information about this local authority area" is read
AREA_INFORMATION_CHARS = 8000

_AT = r"At\s+(?P<as_at>[^,]{4,30}),\s*"
_RATE = r"(?:\s*\(a\s+rate\s+of\s+(?P<rate>\d[\d.,]*)\s+per\s+10,000)?"
FACTS = (
    FactPattern(
        "children_under_18",
        re.compile(
            rf"(?P<count>{NUMBER})\s+children\s+and\s+young\s+people\s+under\s+the\s+age\s+of\s+18", re.I
        ),
    ),
    FactPattern(
        "children_in_need",
        re.compile(
            _AT + rf"(?P<count>{NUMBER})\s+children\s+(?:had\s+been|have\s+been|were|are)\s+identified\s+"
            r"through\s+assessment[^.]{0,60}?in\s+need\s+of\s+a\s+specialist\s+children['’]s\s+service" + _RATE,
            re.I,
        ),
        "children_in_need_rate",
    ),
    FactPattern(
        "child_protection_plans",
        re.compile(
            _AT + rf"(?P<count>{NUMBER})\s+children(?:\s+and\s+young\s+people)?\s+(?:were|are)\s+(?:the\s+)?"
            r"subject\s+of\s+(?:a\s+)?child\s+protection\s+plans?" + _RATE,
            re.I,
        ),
        "child_protection_rate",
    ),
    FactPattern(
        "looked_after",
        re.compile(
            _AT + rf"(?P<count>{NUMBER})\s+children(?:\s+and\s+young\s+people)?\s+(?:are|were)\s+(?:being\s+)?"
            r"looked\s+after\s+by\s+the\s+local\s+authority" + _RATE,
            re.I,
        ),
        "looked_after_rate",
    ),
)


def read_recommendations(record: Record, text: PagedText, section: str, start: int, end: int) -> int | None:
    """The items of the first list of recommendations between ``start`` and ``end``, as ``section``.
    Returns where the list's heading is, or None when there is none."""
    heading = RECOMMENDATIONS.search(text.text, start, end)
    if not heading:
        return None
    found = items_in(text, heading.end(), end, skip=SUBHEADING, stop=AFTER_RECOMMENDATIONS, exclude=NOT_AN_ITEM)
    first = len([r for r in record.recommendations if r.section == section])
    for ordinal, item in enumerate(found, start=first + 1):
        record.recommendations.append(Recommendation(section, ordinal, item.text, text.page_at(item.position)))
        record.provenance[f"recommendations.{len(record.recommendations) - 1}"] = text.provenance(
            item.position, item.position + len(item.text)
        )
    return heading.start()


class SingleInspectionFramework(Framework):
    family = "sif"
    title = "Single inspection framework (2013-18)"

    def detect(self, document: Document) -> int:
        head = document.pages[0].text[:TITLE_CHARS] if document.pages else ""
        if len(head) < TITLE_CHARS and len(document.pages) > 1:
            head += "\n" + document.pages[1].text[: TITLE_CHARS - len(head)]
        return 10 if TITLE.search(head) else 0

    def read(self, document: Document, register: Register) -> Record:
        record = new_record(self.family, document)
        text = PagedText(document)
        find_authority(record, text, register)
        read_date_span(record, text, DATES)
        read_single_date(record, text, PUBLISHED, "published", "the report does not state its publication date")
        read_name(record, text, LEAD_INSPECTOR, TITLES)

        table = AREAS[0][1].search(text.text)
        overall_end = table.start() if table else None
        overall = OVERALL.search(text.text, 0, overall_end or len(text.text))
        if overall:
            grade_in(record, text, "overall", OVERALL, start=overall.start())
        else:
            record.warnings.append("the overall judgement was not found")
        grade_table(record, text, AREAS, start=table.start() if table else 0)

        la_heading = RECOMMENDATIONS.search(text.text)
        lscb_start = None
        if la_heading:
            lscb = LSCB_JUDGEMENT.search(text.text, la_heading.end())
            lscb_start = lscb.start() if lscb else None
        if grade_in(record, text, "lscb", LSCB_JUDGEMENT) is None and lscb_start is None:
            if re.search(r"Review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+safeguarding", text.text[:TITLE_CHARS], re.I):
                record.warnings.append("the LSCB's judgement was not found")

        end = len(text.text)
        if read_recommendations(record, text, "la", 0, lscb_start or end) is None:
            record.warnings.append("no recommendations to the local authority were found")
        if lscb_start is not None and read_recommendations(record, text, "lscb", lscb_start, end) is None:
            record.warnings.append("no recommendations to the LSCB were found")

        area = AREA_INFORMATION.search(text.text)
        if area:
            read_facts(record, text, area.end(), area.end() + AREA_INFORMATION_CHARS, FACTS)
        else:
            record.warnings.append("the section 'Information about this local authority area' was not found")
        return record


FRAMEWORK = SingleInspectionFramework()
