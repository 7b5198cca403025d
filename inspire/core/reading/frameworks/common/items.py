"""Lists of recommendations: one list reader (``collect``) under every way a unit finds its
list (by heading, within a span; ``timed.py``: under timescale sub-headings), and numbering the
items within their section."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from inspire.core.reading.frameworks.common.lines import BULLET_RE, NUMBERED_RE, Line, Lines, compiled, squash
from inspire.core.reading.record import Provenance, Recommendation, Record


@dataclass(frozen=True)
class ItemList:
    """Where a list of recommendations is: the ``section`` ("la" or "lscb") it belongs to, the
    regexes of its heading (matched against a whole line, a footnote digit allowed) and of the
    lines that end it, and an optional regex for an introductory line to skip ("The local
    authority should:")."""

    section: str
    headings: tuple[str, ...]
    ends: tuple[str, ...] = ()
    intro: str | None = None
    #: at most this many lines are read after the heading
    max_lines: int = 200
    #: the heading as printed, for warnings ("What needs to improve?"); else the first regex
    name: str = ""


class ListItem(tuple):
    """One item read from a list: unpacks as ``(text, provenance)``, as every caller takes it,
    and carries what the list printed around it: its ``number`` as printed (SIF items continue
    the report's paragraph numbers), its group ``kind`` ("priority" or "improvement", from a
    sub-heading such as "Priority and immediate action") and its ``topic`` heading."""

    number: int | None
    kind: str | None
    topic: str | None

    def __new__(
        cls,
        text: str,
        provenance: Provenance,
        number: int | None = None,
        kind: str | None = None,
        topic: str | None = None,
    ):
        item = super().__new__(cls, (text, provenance))
        item.number, item.kind, item.topic = number, kind, topic
        return item


#: the sub-headings that group a list: "Priority and immediate action" (SIF 2013-15), "Immediate
#: action", "Areas for priority action", "Priority actions"; then "Areas for improvement"
GROUPS = (
    (
        re.compile(
            r"^(?:(?:areas\s+for\s+)?priority(?:\s+and\s+immediate)?\s+actions?|immediate\s+actions?)\s*:?$", re.I
        ),
        "priority",
    ),
    (re.compile(r"^areas\s+for\s+improvement\s*:?$", re.I), "improvement"),
)
#: a heading naming strengths ("The LSCB’s strengths") ends a list even where the numbering runs on
_STRENGTHS = re.compile(r"\bstrengths\s*:?\d{0,2}$", re.I)
#: a topic heading may carry a footnote number ("Leadership and management5")
_TOPIC_NOTE = re.compile(r"(?<=[A-Za-z)])\d{1,2}$")
#: at most this many lines make one topic heading, each at most this long ("Improved outcomes for
#: children through effective systems and processes" is 71 characters)
_TOPIC_LINES = 3
_TOPIC_CHARS = 100


def group_of(line: str) -> str | None:
    """The group a sub-heading line opens ("priority" or "improvement"), else None."""
    for pattern, kind in GROUPS:
        if pattern.match(line):
            return kind
    return None


_FOOTNOTE_MARK = re.compile(r"^\d{1,2}$")  # a heading's footnote number, on a line of its own
_FOOTNOTE = re.compile(r"^(\d{1,2})\s+[A-Z]")  # a footnote: its number, then its text
_NO_PAGE = object()
#: a footnote number printed after an item's full stop ("… their plan for permanence.3")
_FOOTNOTE_TAIL = re.compile(r"(?<=[.)’'])\d{1,2}$")
_ENDS_SENTENCE = re.compile(r"[.;:!?)’'\"”]\s*$")
#: a statement that there is nothing to list, in any wording: "There are no areas for priority
#: action", "The inspection did not find any areas for priority and immediate action", "No areas
#: for priority action were identified", "None." — numbered like an item in some reports, never one
NO_ITEMS = re.compile(
    r"^(?:there\s+(?:are|were|is|was)\s+no\s+(?:\w+\s+){0,3}?(?:areas?|priorit|recommendation|actions?|immediate)|"
    r"(?:the\s+)?(?:inspection|inspectors)\s+(?:did|has|have|had)\s+not\s+(?:find|identif(?:y|ied)|found)\s+any\b|"
    r"no\s+(?:areas?|priority|recommendations?|actions?)\b[^.]{0,80}?\b"
    r"(?:were|was|have\s+been|has\s+been|are|is)\s+(?:identified|found|required|needed)\b|none\.?$)",
    re.I,
)


def read_items(
    text: Lines, spec: ItemList, *, start: int = 0, end: int | None = None
) -> tuple[list[tuple[str, Provenance]], bool]:
    """The items of the list under ``spec``'s heading: (text, provenance) in order, and whether
    the heading was found. The items are read as :func:`items_in` reads them, ending at a line
    that one of ``spec.ends`` begins; with ends given, a list whose bullet glyphs were lost in
    extraction is read line by line. A footnote on the heading ("What needs to improve?1") is
    left out where it interrupts an item at the foot of a page.
    """
    stop = len(text.text) if end is None else end
    heading = _heading_re(spec.headings).search(text.text, start, stop)
    if not heading:
        return [], False
    first = text.line_at(heading.end() - 1) + 1
    lines = text.lines[first : first + spec.max_lines]
    if end is not None:
        lines = [line for index, line in enumerate(lines, first) if text.starts[index] < stop]
    ends = compiled("^(?:" + "|".join(f"(?:{e})" for e in spec.ends) + ")") if spec.ends else None
    items = collect(
        lines,
        stop=ends,
        skip=compiled(spec.intro) if spec.intro else None,
        plain=bool(spec.ends),
        notes={heading.group("note")} - {""},
    )
    return items, True


_HEADINGS: dict[tuple[str, ...], re.Pattern] = {}


def _heading_re(headings: tuple[str, ...]) -> re.Pattern:
    pattern = _HEADINGS.get(headings)
    if pattern is None:
        alternatives = "|".join(f"(?:{h})" for h in headings)
        pattern = _HEADINGS[headings] = re.compile(
            rf"^[ \t]*(?:{alternatives})[ \t]*(?P<note>\d{{0,2}})[ \t]*$", re.I | re.M
        )
    return pattern


def add_items(record: Record, text: Lines, items: ItemList, *, start: int = 0, end: int | None = None) -> None:
    """Append the list's items to ``record.recommendations`` (numbered within their section)."""
    found, heading = read_items(text, items, start=start, end=end)
    if not heading:
        record.warnings.append(
            f"recommendations ({items.section}): no list headed {(items.name or items.headings[0])!r} found"
        )
        return
    if not found:
        record.warnings.append(f"recommendations ({items.section}): the list under its heading is empty")
    add_recommendations(record, items.section, found)


def items_in(
    text: Lines,
    start: int,
    end: int,
    *,
    skip: re.Pattern[str] | None = None,
    stop: re.Pattern[str] | None = None,
    style: str | None = None,
    problems: list[str] | None = None,
) -> list[ListItem]:
    """The numbered or bulleted items on the lines from ``start`` to ``end``.

    ``style`` ("number" or "bullet") is what starts an item; by default the first marker found
    decides. Bullets under a numbered item are part of it, and so are a bulleted item's
    sub-bullets (see :func:`_is_sub_bullet`), joined into its text as the corpus labels them.
    Lines matching ``skip`` (sub-headings such as "Areas for improvement" between two runs of
    items) are passed over; a line matching ``stop``,
    or a short heading-like line after an item that ended a sentence, ends the list. A statement
    that there is nothing to list (:data:`NO_ITEMS`) is no item. Group sub-headings and topic
    headings are kept on the items (see :func:`collect`); what the list's own numbering says is
    missing goes to ``problems``.
    """
    first, last = text.line_at(start), text.line_at(max(start, end - 1))
    return collect(text.lines[first : last + 1], skip=skip, stop=stop, style=style, problems=problems)


def collect(
    lines: Sequence[Line],
    *,
    skip: re.Pattern[str] | None = None,
    stop: re.Pattern[str] | None = None,
    style: str | None = None,
    plain: bool = False,
    notes: set[str] | None = None,
    ends: re.Pattern[str] | None = None,
    problems: list[str] | None = None,
) -> list[ListItem]:
    """The one list reader under :func:`items_in`, :func:`read_items` and :func:`add_timed_lists`.
    Lines before the first item are an introduction, passed over, unless ``plain``: then the list
    has lost its glyphs and each line that starts a sentence starts an item. ``notes`` are
    footnote numbers whose text, met at the foot of a page, is left out. A line ``ends`` matches
    ends the list once an item has begun (``stop`` ends it anywhere), as does a sentence
    introducing another list ("The local authority has the following strengths:").

    In a numbered list, a group sub-heading (:data:`GROUPS`) sets the ``kind`` of the items after
    it, and within a grouped list a short heading (up to three lines, no sentence ending) followed
    by the item that continues the numbering is a topic heading, kept as the ``topic`` of the
    items after it (SIF paragraphs are numbered through the report, so a continuing number alone
    does not make a topic: the report's next section continues it too). Any other heading, and
    one naming strengths, ends the list. Where the list ends at a heading although its
    numbering runs on after it, or its numbers skip, a plain-words note is added to ``problems``."""
    notes = set(notes or ())
    items: list[_Item] = []
    top_glyph = ""  # the glyph of a bulleted list's first item: its top level
    nested = False  # the lines being read are sub-bullets of the current item
    statement = False  # the line before was a statement that there is nothing to list
    footnote_page: object = _NO_PAGE
    kind: str | None = None
    topic: str | None = None
    index = -1
    while index + 1 < len(lines):
        index += 1
        line = lines[index]
        body = line.text
        if line.page == footnote_page:
            continue
        if stop is not None and stop.search(body):
            break
        group = group_of(body)
        if group is not None:
            kind, topic = group, None
            continue
        if skip is not None and skip.search(body):
            continue
        if not items and _FOOTNOTE_MARK.match(body):
            notes.add(body)  # the heading's footnote number, on a line of its own
            continue
        note = _FOOTNOTE.match(body)
        if note and note.group(1) in notes and line.page is not None:
            footnote_page = line.page  # the rest of this page is the footnote
            continue
        if style is None:
            style = "number" if NUMBERED_RE.match(body) else "bullet" if BULLET_RE.match(body) else None
            if style is None and plain:
                style = "plain"
        starter = (
            (NUMBERED_RE if style == "number" else BULLET_RE).match(body) if style in ("number", "bullet") else None
        )
        if starter and style == "bullet" and items:
            glyph, rest = body.lstrip()[:1], body[starter.end() :]
            if _is_sub_bullet(items[-1], glyph, top_glyph, rest, nested):
                nested = True
                items[-1].add(line.page, rest, body)
                continue
        if starter:
            statement = False
            if not items:
                top_glyph = body.lstrip()[:1]
            nested = False
            number = int(starter.group(1)) if style == "number" else None
            items.append(_Item(line.page, body[starter.end() :], number, kind, topic))
            continue
        sentence_over = not items or _ENDS_SENTENCE.search(items[-1].parts[-1])
        if (sentence_over and NO_ITEMS.match(body)) or (statement and body[:1].islower()):
            statement = True  # "There are no areas for priority action", wrapped or not: no item
            continue
        statement = False
        if style == "plain" and sentence_over and body[:1].isupper():
            items.append(_Item(line.page, body))
            continue
        if sentence_over and _STRENGTHS.search(body) and len(body) < 70:
            break  # "The local authority’s strengths": the list is over, whatever numbers follow
        if style in (None, "number") and kind is not None and sentence_over:
            heading = _topic_heading(lines, index, items[-1].number if items else None)
            if heading is not None:
                topic = _TOPIC_NOTE.sub("", squash(" ".join(line.text for line in heading)))
                index += len(heading) - 1
                continue
        if not items:
            continue  # an introduction ("the local authority should:")
        if ends is not None and ends.match(body):
            break
        if sentence_over and _looks_like_heading(body) and not _sentence_runs_on(lines, index):
            _runs_on(lines, index, items[-1].number, body, problems)
            break
        if sentence_over and _introduces_list(body):
            break
        bullet = BULLET_RE.match(body)
        items[-1].add(line.page, body[bullet.end() :] if bullet else body, body)
    out = []
    for item in items:
        words = _FOOTNOTE_TAIL.sub("", squash(_joined(item.parts)))
        if words and not NO_ITEMS.match(words):
            quote = _FOOTNOTE_TAIL.sub("", squash(" ".join(item.printed)))
            out.append(ListItem(words, Provenance(item.page, quote), item.number, item.kind, item.topic))
    if problems is not None:
        problems.extend(numbering_gaps([item.number for item in out]))
    return out


#: a line ending in a compound's hyphen ("17-" / "year-old"), not a suspended one ("16- and 17-")
_HYPHEN_END = re.compile(r"(?<=[\w])-$")
_SUSPENDED = re.compile(r"^(?:and|or|to)\b")


def _joined(parts: Sequence[str]) -> str:
    """An item's lines as one text: a line ending in a hyphen inside a compound joins the next
    line's lower-case word without a space ("16 and 17-" / "year-old" → "17-year-old"), except
    before "and", "or" or "to", where the hyphen is suspended ("16- and 17-year-olds")."""
    out = ""
    for part in parts:
        part = part.strip()
        if out and _HYPHEN_END.search(out) and part[:1].islower() and not _SUSPENDED.match(part):
            out += part
        else:
            out = f"{out} {part}" if out else part
    return out


def _topic_heading(lines: Sequence[Line], index: int, last: int | None) -> list[Line] | None:
    """The lines of a topic heading starting at ``index``: up to three short lines that end no
    sentence, followed by the numbered item that continues the list (any number before the
    first item). None when the lines there are not one."""
    heading: list[Line] = []
    for line in lines[index : index + _TOPIC_LINES + 1]:
        number = NUMBERED_RE.match(line.text)
        if number:
            if heading and (last is None or int(number.group(1)) == last + 1):
                return heading
            return None
        if not _looks_like_topic(line.text, first=not heading) or len(heading) == _TOPIC_LINES:
            return None
        heading.append(line)
    return None


def _looks_like_topic(line: str, *, first: bool) -> bool:
    if len(line) > _TOPIC_CHARS or _ENDS_SENTENCE.search(_TOPIC_NOTE.sub("", line)):
        return False
    return line[:1].isupper() if first else True


def _sentence_runs_on(lines: Sequence[Line], index: int) -> bool:
    """Whether the line at ``index`` starts a sentence that the next line continues (in lower
    case, "This aim should be supported through consistently effective pathway / planning, …"):
    a heading never runs on into a lower-case line."""
    return index + 1 < len(lines) and lines[index + 1].text[:1].islower()


def _runs_on(lines: Sequence[Line], index: int, last: int | None, heading: str, problems: list[str] | None) -> None:
    """A numbered list ended at ``heading``: if the item after ``last`` follows within a few
    lines, the heading was inside the list and the list has been cut short — say so."""
    if problems is None or last is None:
        return
    for line in lines[index + 1 : index + 8]:
        number = NUMBERED_RE.match(line.text)
        if number and int(number.group(1)) == last + 1:
            problems.append(
                f"the list stops at the heading {heading!r}, but numbered item {last + 1} follows it; "
                "items after the heading were not read"
            )
            return


def numbering_gaps(numbers: Sequence[int | None]) -> list[str]:
    """Plain-words notes for every run of numbers missing between consecutive items
    ("items 5 to 7 of the numbered list were not found")."""
    found = [n for n in numbers if n is not None]
    notes = []
    for before, after in zip(found, found[1:]):
        if after - before == 2:
            notes.append(f"item {before + 1} of the numbered list was not found")
        elif after - before > 2:
            notes.append(f"items {before + 1} to {after - 1} of the numbered list were not found")
    return notes


class _Item:
    """An item being read: its text (list markers dropped) and, for its provenance, the lines
    as printed on its first page (a nested bullet's glyph kept, so the quote is on that page)."""

    __slots__ = ("page", "parts", "printed", "number", "kind", "topic")

    def __init__(
        self, page: int | None, text: str, number: int | None = None, kind: str | None = None, topic: str | None = None
    ):
        self.page = page
        self.parts = [text]
        self.printed = [text]
        self.number, self.kind, self.topic = number, kind, topic

    def add(self, page: int | None, text: str, printed: str) -> None:
        self.parts.append(text)
        if page == self.page:
            self.printed.append(printed)


def _is_sub_bullet(item: _Item, glyph: str, top_glyph: str, rest: str, nested: bool) -> bool:
    """Whether a bullet belongs to the item before it: the item introduced it (ended with ":")
    or a sub-bullet came just before, and the bullet is another glyph than the list's top level
    ("◼" items, "−" sub-bullets) or, with the same glyph, a fragment starting in lower case."""
    if not (nested or item.parts[-1].rstrip().endswith(":")):
        return False
    return glyph != top_glyph or rest[:1].islower()


def _introduces_list(line: str) -> bool:
    """A sentence introducing another list ("The local authority has the following strengths:")."""
    return line.endswith(":") and line[:1].isupper()


def _looks_like_heading(line: str) -> bool:
    return len(line) < 70 and not _ENDS_SENTENCE.search(line) and line[:1].isupper()


def add_recommendations(record: Record, section: str, items: Sequence[tuple[str, Provenance]]) -> None:
    """Append items to the record, numbered 1..n within their section, with the group and topic
    a :class:`ListItem` carries."""
    ordinal = sum(1 for r in record.recommendations if r.section == section)
    for item in items:
        words, provenance = item
        ordinal += 1
        kind, topic = getattr(item, "kind", None), getattr(item, "topic", None)
        record.recommendations.append(Recommendation(section, ordinal, words, provenance.page, kind, topic))
        record.provenance[f"recommendations.{len(record.recommendations) - 1}"] = provenance
