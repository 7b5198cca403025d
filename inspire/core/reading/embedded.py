"""Finding an Ofsted report embedded in another document, such as a council committee paper.

Councils put their Ofsted report before committees as an appendix, between the committee's own
prose ("The Committee is recommended to…") and the council's action plan. Read whole, such a paper
would lend its prose and its action plan to the report's judgements and recommendations. So the
reader first looks for the report's own span: from its title (confirmed by the cover's
"Inspection date(s)" or "Report published" just below it, or an annual performance assessment
letter's heading) to Ofsted's back matter ("© Crown copyright"), and reads only that.

A document that *is* a report starts with its title and ends with its back matter: for it,
:func:`find_embedded` returns None and the whole document is read as before. A report with more
than a letterhead's worth of text before or after it, or in a document that opens as a council
paper, is embedded. 2009-13 reports print their copyright on page 2 (front matter, passed over):
inside a paper they end at the last row of their closing "Record of main findings" table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspire.core.reading.dates import FULL_DATE
from inspire.core.reading.documents import Document, Page
from inspire.core.register import Register

#: the first line of a report's title, as printed on its cover (markdown/table marks allowed before it)
TITLE = re.compile(
    r"^[ \t#*|]*(?:(?:re-?)?inspection[ \t]+of[ \t]+\S"
    r"|review[ \t]+of[ \t]+the[ \t]+effectiveness[ \t]+of[ \t]+the[ \t]+local[ \t]+safeguarding"
    r"|(?:19|20)\d\d[ \t]+annual[ \t]+performance[ \t]+assessment[ \t]+of)[^\n]*",
    re.I | re.M,
)
#: a title line needs this on one of the next few lines (the cover's dates)
COVER = re.compile(
    r"^(?:inspection\s+dates?|dates?\s+of\s+(?:the\s+)?inspection|report\s+published|published)\s*:?\s*\d", re.I
)
#: the cover's dates printed on the title's own line
COVER_INLINE = re.compile(r"\b(?:inspection\s+dates?|report\s+published)\s*:?\s*\d", re.I)
#: titles that need no cover line: the letter heading of an annual performance assessment
SELF_EVIDENT = re.compile(r"^(?:19|20)\d\d\s+annual\s+performance\s+assessment\s+of", re.I)
#: the last thing in a report: Ofsted's back matter, or a letter's closing (to the end of its line)
END = re.compile(
    r"(?:(?:©|\(c\))[ \t]*crown[ \t]+copyright|^[ \t]*yours[ \t]+(?:sincerely|faithfully)\b)[^\n]*", re.I | re.M
)

#: the closing table of 2009-13 reports, their last section (their copyright is front matter)
CLOSING_TABLE = re.compile(r"^[ \t]*Record[ \t]+of[ \t]+main[ \t]+findings[ \t]*:?[ \t]*\r?$", re.I | re.M)
#: a table row ends with its grade ("Quality of provision Adequate", "Grade 3 (adequate)")
ROW_GRADE = re.compile(r"\b(?:outstanding|good|adequate|inadequate|requires\s+improvement)\)?[ \t|]*\r?$", re.I)
CLOSING_ROW = 150  # characters: a longer line is prose, past the table
CLOSING_GAP = 5  # lines without a grade: past the table
#: other lines of Ofsted's back matter, for a paper that left out its copyright line
BACK_MATTER = re.compile(
    r"^[ \t]*(?:This\s+publication\s+is\s+available\s+at\b|Interested\s+in\s+our\s+work\?)[^\n]*", re.I | re.M
)
LETTER_REACH = 6  # lines above a letter's heading in which its date is looked for
COVER_REACH = 12  # lines after the title in which the cover's dates are looked for
FRONT_MATTER = 3000  # characters: a copyright line this close to the title is front matter (2009-13 reports)
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
        # (the look-ahead lets most characters fail before the alternatives are tried one by one)
        r"(?=[bcmp])\b(?:committee|cabinet|board|panel|council|members?|councillors?)\s+(?:is|are)\s+"
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


def find_embedded(document: Document, register: Register, *, council_paper: bool | None = None) -> Embedded | None:
    """The report embedded in ``document``, or None when there is none or the document is the report.
    ``council_paper``: :func:`is_council_paper` of the document, if the caller has it already.

    Positions are (page index, character offset in that page's text)."""
    if council_paper is None:
        council_paper = is_council_paper(document)
    title = _title(document)
    if title is None:
        return None
    start = _cover_start(document, title, register)
    before = _visible(
        "\n".join([*(p.text for p in document.pages[: start[0]]), document.pages[start[0]].text[: start[1]]])
    )
    if before <= OUTSIDE and _ends_with_back_matter(document) and not council_paper:
        return None  # the report itself (the common case: decided without reading it all)
    end = _end(document, start, END) or _end(document, start, BACK_MATTER) or _closing_table_end(document, start)
    last = end or (len(document.pages) - 1, len(document.pages[-1].text))
    after = _visible(
        "\n".join([document.pages[last[0]].text[last[1] :], *(p.text for p in document.pages[last[0] + 1 :])])
    )
    if before <= OUTSIDE and after <= OUTSIDE and not council_paper:
        return None
    return Embedded(_slice(document, start, last), start[0] + 1, last[0] + 1, end is not None)


def _title(document: Document) -> tuple[int, int, int] | None:
    """(page index, start, end) of the first line that is a report's title with its cover below it."""
    for index, page in enumerate(document.pages):
        for match in TITLE.finditer(page.text):
            text = match.group(0).strip().lstrip("#*| ")
            if len(text) > LONGEST_TITLE:
                continue
            if SELF_EVIDENT.match(text) or COVER_INLINE.search(text):
                return index, match.start(), match.end()
            below = _lines_after(document, index, match.end(), COVER_REACH)
            if any(COVER.match(line.lstrip("#*|- ")) for line in below):
                return index, match.start(), match.end()
    return None


def _lines_after(document: Document, page: int, offset: int, count: int) -> list[str]:
    """The next ``count`` non-blank lines after a position (onto the next page if need be)."""
    found: list[str] = []
    while page < len(document.pages) and len(found) < count:
        for _, _, line in _lines(document.pages[page].text, offset):
            found.append(line.strip())
            if len(found) == count:
                break
        page, offset = page + 1, 0
    return found


def _cover_start(document: Document, title: tuple[int, int, int], register: Register) -> tuple[int, int]:
    """Where the report begins: the authority's name printed above the title belongs to the cover;
    a letter begins at its date, a few lines above its heading ("1 November 2006", "Dear …")."""
    page, start, end = title
    text = document.pages[page].text
    above = list(_lines(text, 0, start))[-LETTER_REACH:]
    if SELF_EVIDENT.match(text[start:end].strip().lstrip("#*| ")):
        for line_start, _, line in reversed(above):
            if FULL_DATE.fullmatch(line.strip(" \t,.")):
                return page, line_start
    elif above and _names_authority(above[-1][2].strip(), register):
        return page, above[-1][0]
    return page, start


def _end(document: Document, start: tuple[int, int], marks: re.Pattern[str]) -> tuple[int, int] | None:
    """The end of the first line past the report's front matter that ``marks`` matches."""
    skipped = 0
    for index in range(start[0], len(document.pages)):
        text = document.pages[index].text
        offset = start[1] if index == start[0] else 0
        for match in marks.finditer(text, offset):
            if skipped + match.start() - offset >= FRONT_MATTER:
                return index, match.end()
        skipped += len(text) - offset
    return None


def _closing_table_end(document: Document, start: tuple[int, int]) -> tuple[int, int] | None:
    """The end of the last row of a 2009-13 report's closing "Record of main findings" table: the
    last line with a grade before a long line or a run of lines without one."""
    heading = None
    for index in range(start[0], len(document.pages)):
        heading = CLOSING_TABLE.search(document.pages[index].text, start[1] if index == start[0] else 0)
        if heading:
            break
    if heading is None:
        return None
    last, without = None, 0
    for page in range(index, len(document.pages)):
        text = document.pages[page].text
        for _, line_end, line in _lines(text, heading.end() if page == index else 0):
            if len(line.strip()) > CLOSING_ROW:
                return last
            if ROW_GRADE.search(line):
                last, without = (page, line_end), 0
            elif last is not None:
                without += 1
                if without > CLOSING_GAP:
                    return last
    return last


def _ends_with_back_matter(document: Document) -> bool:
    """True when the last page holds the back matter with little after it."""
    text = document.pages[-1].text
    found = next(reversed(list(END.finditer(text))), None)  # the last
    return found is not None and _visible(text[found.end() :]) <= OUTSIDE


def _lines(text: str, start: int = 0, end: int | None = None):
    """(start, end, text) of each non-blank line of ``text[start:end]``."""
    end = len(text) if end is None else end
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline == -1 else newline
        if not text[position:stop].isspace() and position < stop:
            yield position, stop, text[position:stop]
        position = stop + 1


def _visible(text: str) -> int:
    """How many non-space characters ``text`` has."""
    return sum(map(len, text.split()))


def _names_authority(text: str, register: Register) -> bool:
    return len(text) <= 80 and bool(register.find(text))


def _slice(document: Document, first: tuple[int, int], last: tuple[int, int]) -> Document:
    pages = []
    for index in range(first[0], last[0] + 1):
        page = document.pages[index]
        begin = first[1] if index == first[0] else 0
        finish = last[1] if index == last[0] else len(page.text)
        breaks = frozenset(offset - begin for offset in page.break_hyphens if begin <= offset < finish)
        pages.append(Page(page.number, page.text[begin:finish], breaks))
    return Document(
        pages=tuple(pages),
        format=document.format,
        sha256=document.sha256,
        filename=document.filename,
        paginated=document.paginated,
    )


def is_council_paper(document: Document) -> bool:
    """True when the document opens as a council paper (committee report, agenda pack, letter to
    councillors): such a paper may discuss an inspection without being its report."""
    opening = "\n".join(page.text for page in document.pages[:3])[:COUNCIL_PAPER_OPENING]
    return sum(1 for mark in COUNCIL_PAPER if mark.search(opening)) >= 2
