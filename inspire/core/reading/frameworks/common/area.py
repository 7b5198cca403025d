"""What area inspections (JTAI letters, area SEND reports, the 2009 joint area review progress
report) share: a paragraph that states a value ("This inspection took place from …"), items
addressed to the local area partnership (section ``area``) with their ``kind`` and ``agency``,
lists whose items are paragraphs rather than bullets, and the deadline a letter gives for the
partnership's written statement of action (quoted, never assumed)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from inspire.core.reading.dates import parse_date
from inspire.core.reading.frameworks.common.found import Found
from inspire.core.reading.frameworks.common.items import NO_ITEMS
from inspire.core.reading.frameworks.common.lines import BULLET_RE, Line, Lines, compiled, squash
from inspire.core.reading.record import Provenance, Recommendation, Record

#: the inspectorates an area inspection names, as the record keeps them (longest phrases first)
INSPECTORATES = (
    (r"HM\s*I(?:nspectorate\s+of)?\s+Constabulary|Inspectorate\s+of\s+Constabulary|HMICFRS|HMIC\b", "HMICFRS"),
    (r"HMI\s+Probation|HM\s+Inspectorate\s+of\s+Probation|Inspectorate\s+of\s+Probation", "HMI Probation"),
    (r"Care\s+Quality\s+Commission|\bCQC\b", "CQC"),
    (r"\bOfsted\b", "Ofsted"),
)
#: a bullet glyph as the toolkit knows them, or a C1 control character some 2009 PDFs print bullets as
_BULLET = re.compile(rf"{BULLET_RE.pattern}|^\s*[\x80-\x9f]\s*")
#: a paragraph numbered as the report prints it (the number is kept in the item's words)
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+[A-Z]")
_ENDS_SENTENCE = re.compile(r"[.;!?)’'\"”]\s*$")
#: how a line that is not a heading ends: a sentence's or a clause's punctuation (a heading may end
#: with a closing quote: "… at the ‘front door’")
_HEADING_END = re.compile(r"[.;:!?,]['’\"”)]?\s*$")


def sentence_at(text: Lines, start: int, *, limit: int = 600) -> tuple[str, Provenance]:
    """The sentence starting at ``start`` (to its full stop), whitespace-normalised, with its quote."""
    end = start
    match = re.compile(r"\.(?=\s|$)").search(text.text, start, min(len(text.text), start + limit))
    end = match.end() if match else min(len(text.text), start + limit)
    return squash(text.text[start:end]), text.provenance(start, end)


def inspectorates_in(words: str) -> list[str]:
    """The inspectorates a sentence names, in the record's order (Ofsted, CQC, HMICFRS, HMI Probation)."""
    found = {name for pattern, name in INSPECTORATES if re.search(pattern, words, re.I)}
    return [name for name in ("Ofsted", "CQC", "HMICFRS", "HMI Probation") if name in found]


def add_area_items(record: Record, kind: str, items: Sequence[tuple[str, Provenance, str | None]]) -> None:
    """Append items addressed to the partnership (section ``area``), numbered 1..n within their kind."""
    ordinal = sum(1 for r in record.recommendations if r.section == "area" and r.kind == kind)
    for words, provenance, agency in items:
        ordinal += 1
        record.recommendations.append(
            Recommendation("area", ordinal, words, provenance.page, kind=kind, agency=agency)  # type: ignore[arg-type]
        )
        record.provenance[f"recommendations.{len(record.recommendations) - 1}"] = provenance


def renumber(record: Record) -> None:
    """Items numbered 1..n within their kind, in printed order (priority actions are read first)."""
    counts: dict[str | None, int] = {}
    for index, item in enumerate(record.recommendations):
        counts[item.kind] = counts.get(item.kind, 0) + 1
        record.recommendations[index] = replace(item, ordinal=counts[item.kind])


class Paragraphs:
    """Items printed as paragraphs (no glyph starts them): a paragraph ends where a line ends a
    sentence and is clearly shorter than the lines around it (the column's width is taken from the
    longest lines), so a sentence that happens to end at the margin does not split an item.
    Bullets inside a paragraph belong to it ("This includes: ◼ …").

    Where a sentence ends at a full line and the next line begins a sentence, only the printed
    spacing tells a new paragraph from the same one going on. Without it (a text or Word copy, or a
    report that prints its paragraphs without a gap) the lines stay one item, and :meth:`doubts`
    says where it may be two."""

    def __init__(self, lines: Sequence[Line], *, marks: LineMarks | None = None):
        self.lines = list(lines)
        self.marks = marks or NO_MARKS
        lengths = sorted(len(line.text) for line in self.lines)
        self.width = lengths[int(len(lengths) * 0.9)] if lengths else 0
        # whether the layout shows paragraphs at all: a gap somewhere between these lines
        self.spaced = any(
            (spacing := self.marks.spacing(line, following)) is not None and spacing >= PARAGRAPH_SPACING
            for line, following in zip(self.lines, self.lines[1:])
        )
        self._doubtful: list[int] = []  # lines after which a paragraph may end (see ``doubts``)
        self._item_of: dict[int, int] = {}  # line → the item it went into

    def items(self) -> list[tuple[str, Provenance]]:
        self._doubtful.clear()
        self._item_of.clear()
        items: list[list[Line]] = []
        fresh = True  # the next line starts a paragraph
        number = 0  # the last number of a numbered list of paragraphs ("1. The local area …")
        for index, line in enumerate(self.lines):
            numbered = _NUMBERED.match(line.text)
            boundary = fresh or self._ended(index - 1)
            after_sentence = not items or _ENDS_SENTENCE.search(items[-1][-1].text)
            if numbered and int(numbered.group(1)) == number + 1 and after_sentence:
                number, boundary = number + 1, True
            fresh = False
            following = self.lines[index + 1].text if index + 1 < len(self.lines) else ""
            heading = len(line.text) < min(90, self.width * 0.8) and not _HEADING_END.search(line.text)
            if boundary and heading and not following[:1].islower():
                fresh = True
                continue  # a sub-heading between paragraphs ("Leadership and management")
            if boundary:
                items.append([line])
            else:
                items[-1].append(line)
            self._item_of[index] = len(items) - 1
        return [_joined(lines, self.marks) for lines in items]

    def doubts(self, what: str) -> list[str]:
        """Warnings, in words, for each item of the last :meth:`items` that may be two (``what``
        names the list: "areas for improvement")."""
        out = []
        for index in self._doubtful:
            if index + 1 in self._item_of and self._item_of[index] == self._item_of[index + 1]:
                ending = " ".join(self.lines[index].text.split()[-6:])
                following = " ".join(self.lines[index + 1].text.split()[:6])
                out.append(
                    f"{what}: item {self._item_of[index] + 1} may be two items. A sentence ends at the end of a "
                    f"line ('… {ending}') and the next line starts another ('{following} …'), and this "
                    "copy of the report does not show whether a new paragraph starts there: check it against "
                    "the report"
                )
        return out

    def joined(self) -> tuple[str, Provenance]:
        """All the lines as one item (a table cell)."""
        return _joined(self.lines, self.marks)

    def _ended(self, index: int) -> bool:
        if index < 0:
            return True
        line = self.lines[index].text
        following = self.lines[index + 1].text if index + 1 < len(self.lines) else ""
        if _BULLET.match(following):
            return False  # a paragraph's own bullets follow it
        if not _ENDS_SENTENCE.search(line) or line.endswith(":"):
            return False
        spacing = self.marks.spacing(self.lines[index], self.lines[index + 1]) if following else None
        if spacing is not None and spacing >= PARAGRAPH_SPACING and following[:1].isupper():
            return True  # the printed layout tells: a wider gap starts a paragraph (no gap tells nothing:
            # some reports print their paragraphs without one)
        if _BULLET.match(line):
            # the last bullet of a paragraph: the list is over when the next line starts a sentence
            return following[:1].isupper()
        short = len(line) < self.width * 0.85
        fits = len(following.split(" ")[0]) + len(line) + 1 <= self.width  # the next word would have fitted
        flush = (self.lines[index].page, line) in self.marks.flush
        if not following[:1].isupper():
            return False
        if short or fits or flush:
            return True
        if spacing is None or not self.spaced:
            self._doubtful.append(index)  # no printed gap to tell by
        return False


@dataclass(frozen=True)
class LineMarks:
    """What a PDF's text tells about its lines that the stripped lines no longer show, keyed by
    (page, line) as :class:`Line` has them."""

    #: lines the PDF's text ends without a space. PDFium keeps the space a line was wrapped at, so
    #: within a paragraph lines end with one and a paragraph's last line usually does not: the one
    #: sign of a paragraph's end that survives extraction when its last line reaches the margin
    flush: frozenset[tuple[int | None, str]] = frozenset()
    #: lines holding a word broken at the printed line's end by a hyphen PDFium marks as a
    #: line-break hyphen ("decision-" / "making", which PDFium joins into one line), each with those
    #: hyphens removed. Area items are written without them ("decisionmaking"), as the labelled
    #: area reports are; a hyphen PDFium does not mark ("24-" ending a line) is kept.
    unbroken: dict[tuple[int | None, str], str] = field(default_factory=dict)
    #: each line's index in its page's text and its ``Layout.line_steps`` value, where measured
    steps: dict[tuple[int | None, str], tuple[int, float]] = field(default_factory=dict)

    def spacing(self, line: Line, following: Line) -> float | None:
        """How far below ``line`` ``following`` is printed, in line spacings, when the two are
        printed one after the other on one page; None when that is not known."""
        before, after = self.steps.get((line.page, line.text)), self.steps.get((following.page, following.text))
        if before is None or after is None or line.page != following.page or after[0] != before[0] + 1:
            return None
        return after[1] if 0.5 <= after[1] <= 4 else None


NO_MARKS = LineMarks()
#: the spacing from which a line starts a paragraph: lines within one are 1.0 apart, and
#: paragraphs in Ofsted's area reports 1.4 or more (measured on the labelled area reports)
PARAGRAPH_SPACING = 1.25


def line_marks(document, *, flush_ends: bool = True) -> LineMarks:
    """The :class:`LineMarks` of a document's pages (without ``flush`` where a family's paragraphs
    are told apart without it: a JTAI letter's lines are not reliably ended with a space)."""
    flush, unbroken, steps = set(), {}, {}
    measured = document.line_steps()
    for page in document.pages:
        number = page.number if document.paginated else None
        steps_of_page = measured.get(page.number, ())
        start = 0
        for index, raw in enumerate(page.text.split("\n")):
            end = start + len(raw)
            step = steps_of_page[index] if index < len(steps_of_page) else None
            if step is not None:
                steps[(number, squash(raw))] = (index, step)
            if flush_ends and raw.strip() and not raw[-1:].isspace():
                flush.add((number, squash(raw)))
            breaks = [offset - start for offset in page.break_hyphens if start <= offset < end]
            if breaks:
                kept = "".join(char for position, char in enumerate(raw) if position not in breaks)
                unbroken[(number, squash(raw))] = squash(kept)
            start = end + 1
    return LineMarks(frozenset(flush), unbroken, steps)


def _joined(lines: Sequence[Line], marks: LineMarks = NO_MARKS) -> tuple[str, Provenance]:
    texts = [marks.unbroken.get((line.page, line.text), line.text) for line in lines]
    parts = [_BULLET.sub("", text, count=1) if _BULLET.match(text) else text for text in texts]
    printed = [line.text for line in lines if line.page == lines[0].page]
    return _HYPHEN_BREAK.sub(r"\1-", squash(" ".join(parts))), Provenance(lines[0].page, squash(" ".join(printed)))


#: a word hyphenated at a line's end, joined with its hyphen ("24-" + "hour" → "24-hour")
_HYPHEN_BREAK = re.compile(r"(?<=\w)(\w)- (?!(?:and|or|to)\b)(?=[a-z])")


#: "… should send the written statement of action to … by 6 July 2023."
#: (a full stop inside an address, "ofsted.gov.uk", does not end the sentence)
_DEADLINE = (
    r"(?:send|submit)\s+(?:the|a|its)\s+(?:written\s+statement|[\w\s]{0,40}?plan)(?:[^.]|\.(?=\w)){0,200}?"
    r"\bby\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri)day\s+)?(?=[0-3]?\d\s)"
)


def stated_deadline(text: Lines) -> tuple[Found | None, str | None]:
    """The date the report itself sets for the partnership's written statement of action or plan,
    with the sentence that sets it (``Found((date, sentence), provenance)``), or a warning: none is
    set, or the date set is not a whole date ("by 12 November 18"). Never assumed."""
    match = compiled(_DEADLINE).search(text.text)
    if not match:
        return None, "plan deadline: the report sets no date for the written statement of action"
    window = max(0, match.start() - 400)
    stops = list(re.finditer(r"[.?!:]\s*\d{0,2}\s+(?=[A-Z])", text.text[window : match.start()]))
    sentence_start = window + stops[-1].end() if stops else match.start()
    words, provenance = sentence_at(text, sentence_start)
    day = parse_date(text.text[match.end() : match.end() + 40])
    if day is None:
        given = squash(text.text[match.end() : match.end() + 40]).split(".")[0]
        return None, f"plan deadline: the report gives {given!r}, which is not a whole date; none is assumed"
    return Found((day, words), provenance), None


def section_lines(
    text: Lines, headings: Sequence[str], ends: Sequence[str], *, start: int = 0
) -> tuple[list[Line], bool]:
    """The lines under the first line that is one of ``headings``, up to a line one of ``ends``
    begins (or a heading-like line: short, capitalised, not ending a sentence); and whether the
    heading was found."""
    heading = re.compile(r"^[ \t]*(?:" + "|".join(f"(?:{h})" for h in headings) + r")[ \t]*\d{0,2}[ \t]*$", re.I | re.M)
    match = heading.search(text.text, start)
    if not match:
        return [], False
    # case matters: "Next steps" is a heading, "… next steps for children." is not
    stop = re.compile("^(?:" + "|".join(f"(?:{e})" for e in ends) + ")") if ends else None
    out: list[Line] = []
    first = text.line_at(match.end() - 1) + 1
    footnotes_on: object = _NO_PAGE
    for index in range(first, len(text.lines)):
        line = text.lines[index]
        if stop is not None and stop.search(line.text):
            break
        if line.page == footnotes_on:
            continue
        if heading.match(line.text):
            continue  # the heading repeated as a table's header row
        if _is_footnote(text, index):
            footnotes_on = line.page  # the rest of this page is its footnotes
            continue
        out.append(line)
    return out, True


_NO_PAGE = object()
#: a footnote at a page's foot: its number, then its text ("5 The Building Better Relationships …")
_FOOTNOTE = re.compile(r"^(\d{1,2})\s+\S")


def _is_footnote(text: Lines, index: int) -> bool:
    """Whether line ``index`` starts a page's footnotes: it begins with a number that the page
    printed earlier as a footnote mark, clinging to a word ("… programme5.", "Clinical
    Commissioning Group1")."""
    line = text.lines[index]
    note = _FOOTNOTE.match(line.text)
    if not note or line.page is None:
        return False
    mark = re.compile(rf"(?<=[A-Za-z)’'”]){note.group(1)}(?!\d)")
    earlier = index - 1
    while earlier >= 0 and text.lines[earlier].page == line.page:
        if mark.search(text.lines[earlier].text):
            return True
        earlier -= 1
    return False


def bulleted_items(
    lines: Sequence[Line], *, marks: LineMarks | None = None, what: str = "", warnings: list[str] | None = None
) -> list[tuple[str, Provenance]]:
    """Each top-level bullet an item, as JTAI letters print their lists: a bullet with another
    glyph than the first item's is a sub-bullet, joined into its item; a sub-heading (a short line
    not ending a sentence, printed between items: "Leadership and management") and a lead-in
    before the first bullet are passed over; a statement that there is nothing to list is no item.
    Without any bullet, the lines are paragraphs (:class:`Paragraphs`; where an item may be two,
    its doubts, naming the list as ``what``, are added to ``warnings``)."""
    if not any(_BULLET.match(line.text) for line in lines):
        paragraphs = Paragraphs(lines, marks=marks)
        items = paragraphs.items()
        if warnings is not None:
            warnings += paragraphs.doubts(what)
        return items
    items: list[list[Line]] = []
    top = ""
    lengths = sorted(len(line.text) for line in lines)
    width = lengths[int(len(lengths) * 0.9)]
    for index, line in enumerate(lines):
        body = line.text
        bullet = _BULLET.match(body)
        if bullet:
            glyph = body.lstrip()[:1]
            top = top or glyph
            if glyph == top or not items:
                items.append([line])
            else:
                items[-1].append(line)
            continue
        over = not items or _ENDS_SENTENCE.search(items[-1][-1].text) or items[-1][-1].text.endswith(":")
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if over and len(body) < 90 and not _HEADING_END.search(body):
            if not following or _BULLET.match(following):
                continue  # a sub-heading: a short line before the next item
            if items and following[:1].isupper() and len(body) < width * 0.7:
                break  # a heading followed by prose: the letter's next section
        if not items:
            continue  # a lead-in
        items[-1].append(line)
    out = [_joined(item, marks or NO_MARKS) for item in items]
    return [(words, provenance) for words, provenance in out if not NO_ITEMS.match(words)]
