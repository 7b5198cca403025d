"""Finding an Ofsted report embedded in another document, such as a council committee paper.

Councils put their Ofsted report before committees as an appendix, between the committee's own
prose ("The Committee is recommended to…") and the council's action plan. Read whole, such a paper
would lend its prose and its action plan to the report's judgements and recommendations. So the
reader first looks for the report's own span: from its title (confirmed by the cover's
"Inspection date(s)" or "Report published" just below it, or an annual performance assessment
letter's heading) to Ofsted's back matter ("© Crown copyright"), and reads only that.

A document that *is* a report starts with its title and ends with its back matter: for it,
:func:`find_embedded` returns None and the whole document is read as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspire.core.reading.dates import FULL_DATE
from inspire.core.reading.documents import Document, Page
from inspire.core.register import Register

#: the first line of a report's title, as printed on its cover
TITLE = re.compile(
    r"^(?:(?:re-?)?inspection\s+of\s+\S"
    r"|review\s+of\s+the\s+effectiveness\s+of\s+the\s+local\s+safeguarding"
    r"|(?:19|20)\d\d\s+annual\s+performance\s+assessment\s+of)",
    re.I,
)
#: a title line needs this on one of the next few lines (the cover's dates)
COVER = re.compile(
    r"^(?:inspection\s+dates?|dates?\s+of\s+(?:the\s+)?inspection|report\s+published|published)\s*:?\s*\d", re.I
)
#: the cover's dates printed on the title's own line
COVER_INLINE = re.compile(r"\b(?:inspection\s+dates?|report\s+published)\s*:?\s*\d", re.I)
#: titles that need no cover line: the letter heading of an annual performance assessment
SELF_EVIDENT = re.compile(r"^(?:19|20)\d\d\s+annual\s+performance\s+assessment\s+of", re.I)
#: the last thing in a report: Ofsted's back matter, or a letter's closing
END = re.compile(r"(?:©|\(c\))\s*crown\s+copyright|^yours\s+(?:sincerely|faithfully)\b", re.I)

LETTER_REACH = 6  # lines above a letter's heading in which its date is looked for
COVER_REACH = 12  # lines after the title in which the cover's dates are looked for
FRONT_MATTER = 60  # a copyright line this close to the title is front matter (2009-13 reports)
#: more text than this (characters) before or after the report means it is embedded in something else;
#: a report's own letterhead or running header is shorter
OUTSIDE = 1500
LONGEST_TITLE = 240  # a title with its cover's dates on the same line


#: marks of a council paper (a committee report, an agenda pack): any two in its opening
COUNCIL_PAPER = tuple(
    re.compile(pattern, re.I | re.M)
    for pattern in (
        r"^[ \t]*public\s+document\s+pack[ \t]*$",
        r"^[ \t]*agenda(?:\s+item)?(?:\s+no\.?)?\b",
        r"^[ \t]*(?:report\s+(?:of|by|prepared\s+by)|title\s+of\s+(?:the\s+)?report|purpose\s+of\s+(?:the\s+)?report|"
        r"date\s+of\s+meeting|committee|meeting|wards?\s+affected|key\s+decision|contact\s+officer|"
        r"executive\s+councillor|lead\s+member)[ \t]*(?::|\r?$)",
        r"^[ \t]*\d+\.?[ \t]*purpose\s+of\s+(?:the\s+)?report[ \t]*\r?$",
        r"\b(?:committee|cabinet|board|panel|council|members?|councillors?)\s+(?:is|are)\s+"
        r"(?:recommended|asked|requested|invited)\s+to\b",
        r"^[ \t]*dear\s+councillor",
    )
)
COUNCIL_PAPER_OPENING = 6000  # characters


@dataclass(frozen=True)
class Embedded:
    """The report's span as a document of its own, and where it lies in the whole."""

    document: Document
    first_page: int
    last_page: int
    #: True when the report's end was found (its back matter); False when read to the document's end
    end_found: bool


@dataclass(frozen=True)
class _Line:
    page: int  # index into document.pages
    start: int  # character offsets of the line within its page's text
    end: int
    text: str


def find_embedded(document: Document, register: Register) -> Embedded | None:
    """The report embedded in ``document``, or None when there is none or the document is the report."""
    lines = _lines(document)
    start = _title(lines)
    if start is None:
        return None
    start = _cover_start(lines, start, register)
    end = next(
        (i for i in range(start + FRONT_MATTER, len(lines)) if END.search(lines[i].text)),
        None,
    )
    last = end if end is not None else len(lines) - 1
    before = sum(len(line.text) for line in lines[:start])
    after = sum(len(line.text) for line in lines[last + 1 :])
    if before <= OUTSIDE and after <= OUTSIDE and not is_council_paper(document):
        return None
    return Embedded(_slice(document, lines[start], lines[last]), lines[start].page + 1, lines[last].page + 1, end is not None)


def _lines(document: Document) -> list[_Line]:
    found = []
    for index, page in enumerate(document.pages):
        for match in re.finditer(r"[^\n]+", page.text):
            text = match.group(0).strip()
            if text:
                found.append(_Line(index, match.start(), match.end(), text))
    return found


def _title(lines: list[_Line]) -> int | None:
    """The index of the first line that is a report's title with its cover below it."""
    for index, line in enumerate(lines):
        text = line.text.lstrip("#*| ")
        if len(text) > LONGEST_TITLE or not TITLE.match(text):
            continue
        if SELF_EVIDENT.match(text):
            return index
        if COVER_INLINE.search(text) or any(
            COVER.match(other.text.lstrip("#*|- ")) for other in lines[index + 1 : index + 1 + COVER_REACH]
        ):
            return index
    return None


def _cover_start(lines: list[_Line], title: int, register: Register) -> int:
    """Where the report begins: the authority's name printed above the title belongs to the cover;
    a letter begins at its date, a few lines above its heading ("1 November 2006", "Dear …")."""
    if SELF_EVIDENT.match(lines[title].text):
        for index in range(title - 1, max(title - LETTER_REACH, 0) - 1, -1):
            if FULL_DATE.fullmatch(lines[index].text.strip(" ,.")):
                return index
        return title
    if title > 0 and _names_authority(lines[title - 1].text, register):
        return title - 1
    return title


def _names_authority(text: str, register: Register) -> bool:
    return len(text) <= 80 and bool(register.find(text))


def _slice(document: Document, first: _Line, last: _Line) -> Document:
    pages = []
    for index in range(first.page, last.page + 1):
        page = document.pages[index]
        begin = first.start if index == first.page else 0
        finish = last.end if index == last.page else len(page.text)
        pages.append(Page(page.number, page.text[begin:finish]))
    return Document(
        pages=tuple(pages),
        format=document.format,
        sha256=document.sha256,
        filename=document.filename,
        paginated=document.paginated,
    )


def is_council_paper(document: Document) -> bool:
    """True when the document opens as a council paper (committee report, agenda pack, letter to
    councillors). Used when no report was found in it: such a paper discusses an inspection
    without being its report."""
    opening = "\n".join(page.text for page in document.pages[:3])[:COUNCIL_PAPER_OPENING]
    return sum(1 for mark in COUNCIL_PAPER if mark.search(opening)) >= 2
