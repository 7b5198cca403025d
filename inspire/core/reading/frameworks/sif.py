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
from inspire.core.reading.frameworks.common import (
    GRADE,
    NUMBER,
    NUMBERED_RE,
    DeclarativeFramework,
    FactPattern,
    Lines,
    Spec,
    add_recommendations,
    grade_found,
    grade_in,
    items_in,
    phrase,
    read_facts,
    read_judgements,
    record_found,
    record_judgements,
)
from inspire.core.reading.record import Record
from inspire.core.register import Register

_I = re.I | re.M

TITLE = re.compile(
    phrase(
        "(?:Re-?)?inspection of services for children in need of help and protection,? "
        "children looked after and care leavers"
    ),
    re.I,
)
SPEC = Spec(
    family="sif",
    title="Single inspection framework (2013-18)",
    signatures=((TITLE.pattern, 10),),
    threshold=10,
    # the title opens the first pages
    detect_pages=2,
    detect_chars=1500,
    date_labels=("Inspection dates", "Inspection date"),
    published_labels=("Report published",),
    # not "Deputy lead inspector:"; the look-behind comes after "Lead" because a pattern that
    # opens with one is tried at every character of the report (its lead inspector is at the end)
    lead_labels=(r"Lead(?<!deputy.lead) inspectors?(?: on site)?:",),
    pages=None,
)

#: "The overall judgement is …", "Children's services in Essex are good", or without the
#: authority's name, "Children's services require improvement to be good"
OVERALL = re.compile(
    r"(?:overall\s+judgement\s+is|Children['’]s\s+services?\s+(?:in|on|at)\b|"
    r"Children['’]s\s+services?\s+(?=(?:are|is|require|requires)\s))[\s\S]{0,160}?" + GRADE,
    re.I,
)
#: the table of the four areas (rows numbered "1." … "3."; a misprinted number is tolerated)
AREAS = (
    (r"\d\.?\s*Children who need help and protection", "help_and_protection"),
    (r"\d\.?\s*Children looked after and achieving permanence", "children_in_care"),
    (r"\d\.\d\.?\s*Adoption performance", "adoption"),
    (r"\d\.\d\.?\s*Experiences and progress of care leavers", "care_leavers"),
    (r"\d\.?\s*Leadership, management and governance", "leadership"),
)
TABLE_START = re.compile(phrase(AREAS[0][0]), re.I)
#: a row printed "Not judged" (a council looking after no children) has no grade and needs no warning
NOT_JUDGED = tuple((re.compile(phrase(label) + r"\s+Not\s+judged", re.I), key) for label, key in AREAS)
#: how far after its first row the table is read
TABLE_CHARS = 1500
#: "The effectiveness of the Local Safeguarding Children Board (LSCB) is good",
#: "The Local Safeguarding Children Board requires improvement", "The LSCB is inadequate", "The
#: effectiveness of the Swindon Safeguarding Children Board (SSCB) is good" (the board's own name)
LSCB_JUDGEMENT = re.compile(
    r"^(?:the\s+)?(?:effectiveness\s+of\s+the\s+)?(?:local|(?:[A-Z][\w'’&-]*\s+){1,3}?)?\s*"
    r"(?:safeguarding\s+children\s+board|LSCB)\b(?:\s*\([A-Z]{3,6}\))?"
    r"(?:\s*\(LSCB\))?(?:\s+(?:is|are))?\s+" + GRADE,
    _I,
)
#: a combined report says so in its title; only then is a missing LSCB judgement worth a warning
COMBINED = re.compile(phrase("Review of the effectiveness of the local safeguarding children board"), re.I)

_LIST_HEADINGS = (
    r"What\s+does\s+the\s+local\s+authority\s+need\s+to\s+improve\??|Recommendations?|"
    r"Priority\s+and\s+immediate\s+action|Areas\s+for\s+improvement|Priority\s+actions?"
)
#: the headings as printed, for warnings
LA_LIST_NAMES = "'What does the local authority need to improve?', 'Recommendations' or 'Areas for improvement'"
LSCB_LIST_NAMES = "'Recommendations' or 'Areas for improvement'"
#: a heading that opens a list of recommendations, alone on its line
RECOMMENDATIONS = re.compile(rf"^(?:{_LIST_HEADINGS})\s*:?$", _I)
#: lines inside a list that are not items: its sub-headings
SUBHEADING = re.compile(rf"^(?:{_LIST_HEADINGS})\s*:?$", re.I)
#: the heading of the LSCB section's findings, which follow its recommendations
FINDINGS = re.compile(r"^Inspection\s+findings\b", _I)
#: headings that follow a list of recommendations
AFTER_RECOMMENDATIONS = re.compile(
    r"^(?:Information\s+about\s+this|Summary\s+for\s+children|Inspection\s+(?:judgements?|findings)|"
    r"Key\s+strengths|Executive\s+summary|The\s+local\s+authority$|Contents$)",
    re.I,
)

#: where "Information about this local authority area" starts: its heading (printed with a
#: footnote mark, or misprinted "…authority are") or its first sub-heading
AREA_INFORMATION = re.compile(
    r"^(?:Information\s+about\s+this\s+(?:local\s+authority(?:\s+area?)?|area)|Children\s+living\s+in\s+this\s+area|"
    r"Child\s+protection\s+in\s+this\s+area)\d?$",
    _I,
)
#: how far past its heading the area's facts are looked for
AREA_INFORMATION_CHARS = 8000

_AT = r"\bAt\s+(?P<as_at>[^,.]{4,60}),\s*"
_CHILDREN = r"children(?:\s+and\s+young\s+people)?"
_RATE = r"(?:\s*\(a\s+rate\s+of\s+(?P<rate>\d[\d.,]*)\s+per\s+10,000)?"
#: "354 children and young people per 10,000 population (2,042)": the rate first, the count after
_RATE_THEN_COUNT = rf"(?P<rate>\d[\d.,]*)\s+{_CHILDREN}\s+per\s+10,000(?:\s+population)?\s+\((?P<count>{NUMBER})\)"
_IN_NEED = r"in\s+need\s+of\s+a\s+specialist\s+children['’]s\s+service"
_PLAN = r"subject\s+of\s+(?:a\s+)?child\s+protection\s+plans?"
_LOOKED_AFTER = r"looked\s+after\s+by\s+the\s+(?:local\s+authority|LA)\b"


def _facts(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in patterns)


FACTS = (
    FactPattern(
        "children_under_18",
        _facts(
            rf"(?P<count>{NUMBER})\s+{_CHILDREN}\s+under\s+the\s+age\s+of\s+18",
            rf"(?P<count>{NUMBER})\s+{_CHILDREN}\s+in\s+[^.]{{0,40}}?aged\s+(?:between\s+)?0\s*(?:-|–|to)\s*17",
        ),
    ),
    FactPattern(
        "children_in_need",
        _facts(
            _AT + rf"(?P<count>{NUMBER})\s+{_CHILDREN}\b[^.]{{0,120}}?(?:had\s+been|have\s+been|were|are)\s+"
            rf"identified[^.]{{0,80}}?{_IN_NEED}" + _RATE,
            _AT + rf"assessment\s+had\s+identified\s+(?P<count>{NUMBER})\s+children[^.]{{0,40}}?{_IN_NEED}" + _RATE,
            _AT + _RATE_THEN_COUNT + rf"\s+(?:had\s+been|have\s+been|were)\s+identified[^.]{{0,80}}?{_IN_NEED}",
        ),
        "children_in_need_rate",
    ),
    FactPattern(
        "child_protection_plans",
        _facts(
            _AT + rf"(?P<count>{NUMBER})\s+{_CHILDREN}\s+(?:were|are)\s+(?:the\s+)?{_PLAN}" + _RATE,
            _AT + _RATE_THEN_COUNT + rf"\s+(?:were|are)\s+(?:the\s+)?{_PLAN}",
        ),
        "child_protection_rate",
    ),
    FactPattern(
        "looked_after",
        _facts(
            _AT
            + rf"(?P<count>{NUMBER})\s+(?:{_CHILDREN}\s+)?(?:\([^)]{{0,40}}\)\s+)?(?:are|were)\s+(?:being\s+)?"
            + _LOOKED_AFTER
            + _RATE,
            _AT + rf"the\s+local\s+authority\s+(?:is|was)\s+looking\s+after\s+(?P<count>{NUMBER})\s+children" + _RATE,
        ),
        "looked_after_rate",
    ),
)


def read_list(record: Record, text: Lines, section: str, start: int, end: int) -> bool:
    """The items of the first list of recommendations between ``start`` and ``end``, as ``section``."""
    heading = RECOMMENDATIONS.search(text.text, start, end)
    if not heading:
        return False
    # from the heading's own line, so that a list headed "Areas for improvement" has its group
    problems: list[str] = []
    found = items_in(text, heading.start(), end, skip=SUBHEADING, stop=AFTER_RECOMMENDATIONS, problems=problems)
    add_recommendations(record, section, found)
    warn_list(record, section, problems)
    return True


def warn_list(record: Record, section: str, problems: list[str]) -> None:
    """Each problem the list's own numbering shows, as a warning naming the section."""
    for problem in problems:
        record.warnings.append(f"recommendations ({section}): {problem}; check the report")


def read_lscb_list(record: Record, text: Lines, section: re.Match[str], end: int) -> None:
    """The LSCB's recommendations: the numbered items under its list heading, ending at its
    findings ("Inspection findings – the Local Safeguarding Children Board"), whose paragraphs are
    never recommendations.

    PDF extraction can put the heading out of reading order, after the findings began (at the
    foot of the page it is printed on). Its list is then the run of numbered items ending at the
    findings heading on the heading's own page, provided nothing introduces that run (a summary's
    "requires improvement because:" points are numbered too): else it cannot be told, and is warned.
    """
    findings = FINDINGS.search(text.text, section.end(), end)
    stop = findings.start() if findings else end
    if read_list(record, text, "lscb", section.start(), stop):
        return
    late = RECOMMENDATIONS.search(text.text, stop, end) if findings else None
    if late is None:
        record.warnings.append(f"recommendations (lscb): no list headed {LSCB_LIST_NAMES} found")
        return
    page = text.page_at(late.start())
    first = text.line_at(section.end()) + 1
    while first < len(text.lines) and text.lines[first].page != page:
        first += 1
    run = text.lines[first : text.line_at(stop)]
    lead = next((i for i, line in enumerate(run) if NUMBERED_RE.match(line.text)), None)
    if lead is None or any(line.text.endswith(":") for line in run[:lead]):
        record.warnings.append(
            f"recommendations (lscb): the heading {late.group(0).strip()!r} is out of place, after the findings, "
            "and its list cannot be told from them"
        )
        return
    problems: list[str] = []
    add_recommendations(record, "lscb", items_in(text, text.starts[first], stop, style="number", problems=problems))
    warn_list(record, "lscb", problems)


#: the contents: its heading, then its entries, each ending in a page number
CONTENTS = re.compile(r"^Contents$", _I)
CONTENTS_ENTRY = re.compile(r"^(?P<name>\D.*?)\s*(?P<page>\d{1,3})$")
_LIST_ENTRY = re.compile(
    r"^(?:What\s+does\s+the\s+(?:local\s+authority|LSCB|local\s+safeguarding.*?)\s+need\s+to\s+"
    r"improve\??|Recommendations)$",
    re.I,
)
_LSCB_ENTRY = re.compile(r"LSCB|Safeguarding\s+Children\s+Board", re.I)
#: how many lines after its heading the contents is looked through
CONTENTS_LINES = 40


def check_contents(record: Record, text: Lines) -> None:
    """The contents' own word: each list it names (under the council's part, then the LSCB's)
    must have given items, else a warning naming the entry — unless the section is already
    warned about."""
    heading = CONTENTS.search(text.text)
    if not heading:
        return
    first = text.line_at(heading.start()) + 1
    section = "la"
    expected: dict[str, str] = {}
    misses = 0  # an entry may wrap over two lines; a run of lines that are not entries ends it
    for line in text.lines[first : first + CONTENTS_LINES]:
        entry = CONTENTS_ENTRY.match(line.text)
        misses = 0 if entry else misses + 1
        if misses > 2:
            break
        if not entry:
            continue
        name = entry.group("name").strip()
        if _LSCB_ENTRY.search(name):
            section = "lscb"
        if _LIST_ENTRY.match(name):
            expected.setdefault(section, f"{name!r} (page {entry.group('page')})")
    for section, entry in expected.items():
        read = any(r.section == section for r in record.recommendations)
        warned = any(w.startswith(f"recommendations ({section})") for w in record.warnings)
        if not read and not warned:
            record.warnings.append(
                f"recommendations ({section}): the report's contents lists {entry}, but no items were read "
                "under it; check the report"
            )


def read_area_facts(record: Record, text: Lines) -> None:
    area = AREA_INFORMATION.search(text.text)
    if area:
        read_facts(record, text, area.end(), area.end() + AREA_INFORMATION_CHARS, FACTS)
    else:
        record.warnings.append("facts: no section 'Information about this local authority area' found")


class SingleInspectionFramework(DeclarativeFramework):
    spec = SPEC

    def refine(self, record: Record, document: Document, text: Lines, register: Register) -> None:
        """The overall judgement's sentence, the table of areas (a row may be "Not judged"), the
        LSCB's judgement and the two sections' lists, and the area's facts."""
        table = TABLE_START.search(text.text)
        table_start = table.start() if table else 0
        overall = grade_in(text, OVERALL, 0, table_start or None)
        if overall:
            record_found(record, "judgements.overall", overall)
        else:
            record.warnings.append("judgements.overall: not found")
        table_end = table_start + TABLE_CHARS
        found, warnings = read_judgements(text, AREAS, start=table_start, end=table_end)
        not_judged = [key for row, key in NOT_JUDGED if row.search(text.text, table_start, table_end)]
        record_judgements(record, found, warnings, expected=[key for _, key in AREAS], not_judged=not_judged)

        # the LSCB's judgement is its first statement (page 1, or the head of its section); its
        # section is the first statement after the council's recommendations (one pass over the text)
        la_list = RECOMMENDATIONS.search(text.text)
        statements = LSCB_JUDGEMENT.finditer(text.text)
        lscb = next(statements, None)
        lscb_section = None
        if lscb and la_list:
            after = (m for m in statements if m.start() > la_list.end())
            lscb_section = lscb if lscb.start() > la_list.end() else next(after, None)
        if lscb:
            record_found(record, "judgements.lscb", grade_found(text, lscb))
        elif COMBINED.search(text.text, 0, len(text.text) if table_start is None else table_start):
            record.warnings.append("judgements.lscb: not found")

        end = len(text.text)
        if not read_list(record, text, "la", 0, lscb_section.start() if lscb_section else end):
            record.warnings.append(f"recommendations (la): no list headed {LA_LIST_NAMES} found")
        if lscb_section:
            read_lscb_list(record, text, lscb_section, end)
        elif lscb and COMBINED.search(text.text, 0, table_start or len(text.text)):
            record.warnings.append(
                "recommendations (lscb): the report reviews the LSCB, but no LSCB section was found after the local "
                "authority's recommendations, so its recommendations were not read; check the report"
            )
        check_contents(record, text)
        read_area_facts(record, text)


FRAMEWORK = SingleInspectionFramework()
