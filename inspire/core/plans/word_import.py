"""Read an improvement plan from the tables of a Word document, in the layouts councils use.

Two layouts are recognised by their header rows, wherever they occur in the document:

- *progress and impact review* (East Sussex, seed 002): ``No & Ref | Area for improvement |
  Action | Lead | Timescale | How we will measure improvement | Progress and impact ...``; one
  row per numbered area, actions numbered i), ii)...; rows continue across page breaks (a row with
  no number carries on the one before), full-width rows name sections (themes).
- *detailed plan* (Southend, seed 004): headings ``RECOMMENDATION ONE`` (the text follows) or
  ``LOCAL AUTHORITY RECOMMENDATIONS – ...`` (the council's own items), "Outcomes to be achieved"
  (measures), "Aligns to Overarching Themes" (theme letters), and tables ``Ref | Action | Target
  date | Action owners`` whose cells hold an "Overarching action" and numbered milestones, with
  target dates and owners paragraph by paragraph (or one milestone a row); and a risk register
  ``Risk | Impact | Likelihood | Overall Risk | Mitigation | Revised Risk | Owner``.

Nothing is guessed silently: every place where the document's counts or dates do not line up
is reported in ``ImportResult.notes``, and whatever cannot be attached to an item in
``ImportResult.unplaced``. Matching items to the inspection's recommendations is separate
(:func:`match_recommendations`) so a preview can show it before anything is stored.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from typing import Iterator, Sequence

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from inspire.core.errors import PlanImportError
from inspire.core.plans.rag import PolarityError, measure_polarity
from inspire.core.plans.model import (
    ActionData,
    BoardData,
    BoardMemberData,
    ItemData,
    MeasureData,
    MilestoneData,
    PlanData,
    ProgressData,
    RiskData,
    ThemeData,
)
from inspire.core.plans.risk import RiskLevelError, inputs_for_rating, overall, parse_level
from inspire.core.plans.timescales import find_dates, target_date


#: What to do with a file that is not a plan document at all
NOT_A_PLAN_FILE_HINT = "Save the plan from Word as a Word document (.docx), or use Inspire's Excel template."


@dataclass
class ImportResult:
    plan: PlanData
    notes: list[str] = field(default_factory=list)  # counts or dates that did not line up
    unplaced: list[str] = field(default_factory=list)  # content that could not be attached


# --- reading the document ---------------------------------------------------------------------


def _cell_paragraphs(cell) -> list[str]:
    return [t for t in (_clean(p.text) for p in cell.paragraphs) if t]


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\u00a0", " ")).strip()


def _rows(table: Table) -> list[list[list[str]]]:
    """Each row as its cells' paragraphs; a cell merged across columns appears once."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            key = id(cell._tc)
            if key in seen:
                continue
            seen.add(key)
            cells.append(_cell_paragraphs(cell))
        rows.append(cells)
    return rows


def _blocks(document) -> Iterator[Paragraph | Table]:
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


def _header(row: list[list[str]]) -> list[str]:
    return [" ".join(c).lower() for c in row]


def _is_progress_header(header: list[str]) -> bool:
    return len(header) >= 6 and "area for improvement" in header[1] and header[2].startswith("action")


def _is_action_header(header: list[str]) -> bool:
    return len(header) >= 4 and header[0].startswith("ref") and header[1].startswith("action") and "owner" in header[3]


def _is_timeline_header(header: list[str]) -> bool:
    return len(header) >= 4 and header[0].startswith("date commenced") and "outcome achieved by" in header[-1]


def _is_risk_header(header: list[str]) -> bool:
    return len(header) >= 6 and header[0].startswith("risk") and header[1].startswith("impact") and header[2].startswith("likelihood")


# --- the public entry point -------------------------------------------------------------------


def read_plan(data: bytes, *, title: str = "", progress_date: date | None = None) -> ImportResult:
    """Read a plan from .docx bytes. ``progress_date`` dates the progress column of a progress
    review table when its header names no month ("Progress and impact review July 2014" does)."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for a damaged or foreign file
        raise PlanImportError(f"the file is not a Word document that can be opened ({type(error).__name__})",
                              hint=NOT_A_PLAN_FILE_HINT) from None
    reader = _Reader(PlanData(title=title), progress_date)
    for block in _blocks(document):
        if isinstance(block, Paragraph):
            reader.paragraph(_clean(block.text))
        else:
            reader.table(_rows(block))
    reader.finish()
    if not reader.found_table:
        raise PlanImportError(
            "no plan table found: expected a table headed 'No & Ref | Area for improvement | Action | Lead ...', "
            "'Ref | Action | Target date | Action owners' or 'Risk | Impact | Likelihood ...'",
            hint="Keep the plan's tables with their headings as the council's template has them, "
                 "or copy the plan into Inspire's Excel template.",
        )
    return ImportResult(reader.plan, reader.notes, reader.unplaced)


# --- the reader -------------------------------------------------------------------------------

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_RECOMMENDATION_HEADING = re.compile(r"^recommendation\s+(\w+)$", re.I)
_OWN_HEADING = re.compile(r"^local authority recommendations?\s*[–—-]\s*(.+)$", re.I)
_THEME_NAMED = re.compile(r"^theme\s+([A-Z])\s*:\s*(.+)$", re.I)
_THEME_LINE = re.compile(r"^[-•∞■\s]*([A-Z])\s+([A-Z].+)$")
_BULLET = re.compile(r"^[-•■▪◦·]\s*")
_ROMAN = re.compile(r"(?:(?<=\s)|^)\(?((?:x|ix|iv|v?i{1,3}|v))\)\s", re.I)
_MILESTONE = re.compile(r"^milestone\s*(\d+)\s*[:.]?\s*(.*)$", re.I)
_OVERARCHING = re.compile(r"^overarching\s+(?:action|aim)\s*[:;.]?\s*(.*)$", re.I)
_BOARD_HEADING = re.compile(r"^((?:[A-Z][\w']*\s+){0,3}(?:Board|Panel))\s*(?:\([A-Z]+\))?\s*[–-]\s*(.+)$")
_FREQUENCY = re.compile(r"^Frequency of (?:the )?(.+?) will be (.+)$", re.I)
_PROGRAMME_ROLES = (("sponsor", "sponsor"), ("programme executive", "programme_executive"),
                    ("programme manager", "programme_manager"))
_MONTH_HEADER = re.compile(r"progress and impact(?: review)?\s+(.+)$", re.I)


class _Reader:
    def __init__(self, plan: PlanData, progress_date: date | None):
        self.plan = plan
        self.progress_date = progress_date
        self.notes: list[str] = []
        self.unplaced: list[str] = []
        self.found_table = False
        #: the priority timeline's rows (date commenced, recommendation, action, outcome by), placed at the end
        self.timeline: list[tuple[str, str, str, str]] = []
        self.timeline_start = self.timeline_number = self.timeline_end = ""
        self.board: BoardData | None = None  # governance: the board whose members are being listed
        self.programme_role = ""
        self.item: ItemData | None = None
        self.expect_title = False
        self.mode = ""  # "outcomes" or "themes" after those labels
        self.section_theme: str | None = None  # progress-review layout: current section's theme
        self.progress_item_refs: dict[str, ItemData] = {}
        self.pending_row: dict | None = None
        self.last_lead = ""  # progress-review layout: a lead cell merged down over several rows
        self.outcome_prefix = ""  # "... by evidencing improved:" introduces the bullets after it

    # paragraphs: headings, outcome bullets, theme lines ------------------------------------
    def paragraph(self, text: str) -> None:
        if not text:
            return
        named = _THEME_NAMED.match(text)
        if named:
            self._theme(named.group(1).upper(), named.group(2).strip())
            self.mode = ""
            return
        heading = _RECOMMENDATION_HEADING.match(text)
        if heading and _number(heading.group(1)) is not None:
            self._start_item(ItemData(ref=str(_number(heading.group(1))), title="", stated_number=_number(heading.group(1))))
            self.expect_title = True
            return
        own = _OWN_HEADING.match(text)
        if own:
            self._start_item(ItemData(ref=own.group(1).strip(), title=text, own=True))
            self.expect_title = False
            return
        if self.item is None:
            self._governance(text)
            return
        lowered = text.lower().rstrip(":")
        if lowered.startswith("outcomes to be achieved"):
            self.mode = "outcomes"
            return
        if lowered.startswith("aligns to overarching theme"):
            self.mode = "themes"
            return
        if lowered in ("summary can be found", "summary"):
            self.mode = "summary"
            return
        if self.expect_title:
            self.item.title = text
            self.expect_title = False
            return
        if self.mode == "outcomes":
            text = _BULLET.sub("", text)
            # the words as the plan writes them, and each outcome as a measure of success
            self.item.outcomes = f"{self.item.outcomes}\n{text}".strip()
            if text.endswith(":"):
                self.outcome_prefix = text
            else:
                self.item.measures.append(measure_from_text(f"{self.outcome_prefix} {text}".strip()))
        elif self.mode == "summary":
            # where the report says it: "Paragraph 120", "Summary, page 9"
            self.item.report_refs = "; ".join(r for r in (self.item.report_refs, _BULLET.sub("", text)) if r)[:300]
        elif self.mode == "themes":
            line = _THEME_LINE.match(text)
            if line:
                code = line.group(1).upper()
                self._theme(code, line.group(2).strip(), keep_existing=True)
                if code not in self.item.themes:
                    self.item.themes.append(code)

    # Southend's governance structure (part three) and key individuals ------------------------
    def _governance(self, text: str) -> None:
        """Boards named with their membership ("Improvement Board – membership will be made up
        of eight representatives:" then one member a line), their frequency, and the plan's
        sponsor, programme executive and programme manager (a role line, then the person)."""
        lowered = text.lower()
        board = _BOARD_HEADING.match(text)
        if board and text.rstrip().endswith(":"):
            name = board.group(1).strip()
            kind = "scrutiny_panel" if "scrutiny" in name.lower() else "improvement_board"
            purpose = board.group(2).strip().rstrip(":").strip()
            terms = "" if purpose.lower().startswith("membership") else f"{name} {purpose}."
            self.board = BoardData(kind, name, terms_of_reference=terms)
            self.plan.boards.append(self.board)
            self.mode = "members"
            return
        frequency = _FREQUENCY.match(text)
        if frequency and self.board is not None:
            if frequency.group(1).strip().lower() != self.board.name.lower():
                self.notes.append(f"'{_short(text)}' follows {self.board.name}'s membership but names "
                                  f"{frequency.group(1).strip()}; kept as {self.board.name}'s frequency")
            self.board.frequency = frequency.group(2).strip().rstrip(".")
            self.mode = ""
            return
        if self.mode == "members" and self.board is not None:
            self.board.members.append(BoardMemberData(_BULLET.sub("", text).strip()))
            return
        role = next((r for words, r in _PROGRAMME_ROLES if lowered.endswith(words)), None)
        if role:
            self.programme_role = role
            return
        if getattr(self, "programme_role", "") and self.plan.boards:
            self._programme_person(self.programme_role, text)
            self.programme_role = ""

    def _programme_person(self, role: str, text: str) -> None:
        """"Simon Leftley, Corporate Director for People": the member of the first board whose post
        this is takes the name and role; someone not on it is added, saying so."""
        name, _, post = text.partition(",")
        board = self.plan.boards[0]
        post_words = _words(post)
        member = next((m for m in board.members if post_words and _words(m.name)[:len(post_words)] == post_words), None)
        if member is not None:
            member.role, member.name, member.board_role = member.name, name.strip(), role
        else:
            board.members.append(BoardMemberData(name.strip(), f"{post.strip()} (named in the plan's key individuals, "
                                                               f"not in {board.name}'s membership)", role))

    def _theme(self, code: str, name: str, keep_existing: bool = False) -> None:
        for theme in self.plan.themes:
            if theme.code == code:
                if not keep_existing:
                    theme.name = name
                return
        self.plan.themes.append(ThemeData(code, name))

    def _start_item(self, item: ItemData) -> None:
        self.plan.items.append(item)
        self.item = item
        self.mode = ""
        self.outcome_prefix = ""

    # tables ---------------------------------------------------------------------------------
    def table(self, rows: list[list[list[str]]]) -> None:
        if not rows:
            return
        header = _header(rows[0])
        if _is_progress_header(header):
            self.found_table = True
            self._progress_table(header, rows[1:])
        elif _is_action_header(header):
            self.found_table = True
            self._action_table(rows[1:])
        elif _is_risk_header(header):
            self.found_table = True
            self._risk_table(rows[1:])
        elif _is_timeline_header(header):
            self._timeline_rows(rows[1:])
        elif len(header) >= 2:
            self.notes.append(f"a table headed '{_short(' | '.join(' '.join(c) for c in rows[0]), 90)}' "
                              "is not in a plan layout Inspire reads; it was not imported")
        self.mode = ""

    # Southend's detailed plan -------------------------------------------------------------
    def _action_table(self, rows: list[list[list[str]]]) -> None:
        for row in rows:
            if len(row) < 4 or not any(row) or _is_action_header(_header(row)):
                continue  # a header row repeated on each printed page
            ref_cell, action_cell, date_cell, owner_cell = row[0], row[1], row[2], row[3]
            if self.item is None:
                self.unplaced.append(f"action table row '{_short(' '.join(action_cell))}' comes before any recommendation heading")
                continue
            first = action_cell[0] if action_cell else ""
            ref = _last_number(" ".join(ref_cell))
            if not ref_cell and _MILESTONE.match(first) and self.item.actions:
                # one milestone a row: its own date and owner beside it
                action = self.item.actions[-1]
                number, text = _MILESTONE.match(first).groups()
                text = " ".join([text, *action_cell[1:]]).strip()
                when = " ".join(date_cell)
                action.milestones.append(
                    MilestoneData(len(action.milestones) + 1, text, f"Milestone {number}", " ".join(owner_cell), when, target_date(when))
                )
                self._check_dates(action, when)
                continue
            if ref is None:
                self.unplaced.append(f"{self._where()}: row without a reference number: '{_short(' '.join(action_cell))}'")
                continue
            self.item.actions.append(self._action_from_cells(str(ref), action_cell, date_cell, owner_cell))

    def _action_from_cells(self, ref: str, action_cell, date_cell, owner_cell) -> ActionData:
        action = ActionData(ref=ref, text="")
        for paragraph in action_cell:
            milestone = _MILESTONE.match(paragraph)
            overarching = _OVERARCHING.match(paragraph)
            if milestone:
                number, text = milestone.groups()
                action.milestones.append(MilestoneData(len(action.milestones) + 1, text.strip(), f"Milestone {number}"))
            elif overarching and not action.text:
                action.text = overarching.group(1).strip()
            elif action.milestones:
                action.milestones[-1].text = f"{action.milestones[-1].text}\n{paragraph}".strip()
            else:
                action.text = f"{action.text}\n{paragraph}".strip()
        where = f"{self._where()}, action {ref}"
        if not action.milestones:
            action.timescale = " ".join(date_cell)
            action.target_date = target_date(action.timescale)
            action.lead = " ".join(owner_cell)
            self._check_dates(action, action.timescale)
            return action
        # dates and owners are listed paragraph by paragraph beside the milestones
        for column, values, name in (("timescale", date_cell, "target dates"), ("owner", owner_cell, "owners")):
            for milestone, value in zip(action.milestones, values):
                setattr(milestone, column, value)
            if len(values) != len(action.milestones):
                placed = min(len(values), len(action.milestones))
                extra = values[len(action.milestones):]
                message = (f"{where}: {len(action.milestones)} milestones but {len(values)} {name}; "
                           f"given to milestones 1-{placed} in order") if placed else f"{where}: no {name}"
                if extra:
                    message += f"; not placed: {'; '.join(extra)}"
                    if column == "owner":
                        action.lead = "; ".join(extra)
                    else:
                        action.timescale = "; ".join(extra)
                self.notes.append(message)
        for milestone in action.milestones:
            milestone.target_date = target_date(milestone.timescale)
            self._check_dates(milestone, milestone.timescale, f"{where}, {milestone.label or 'milestone'}")
        action.target_date = target_date(action.timescale) if action.timescale else None
        return action

    def _check_dates(self, thing, words: str, where: str | None = None) -> None:
        for written, value in find_dates(words):
            if value is None:
                self.notes.append(f"{where or self._where()}: '{written}' is not a real date; kept as written")
        if words and not find_dates(words):
            self.notes.append(f"{where or self._where()}: target '{words}' names no date; kept as written")

    def _where(self) -> str:
        if self.item is None:
            return "before the first item"
        return f"recommendation {self.item.ref}" if self.item.stated_number else f"item {self.item.ref}"

    def _risk_table(self, rows: list[list[list[str]]]) -> None:
        for number, row in enumerate(rows, start=1):
            if len(row) < 7 or not row[0]:
                continue
            description = "\n".join(_BULLET.sub("", p) for p in row[0])
            try:
                impact, likelihood = parse_level(" ".join(row[1])), parse_level(" ".join(row[2]))
            except RiskLevelError as error:
                self.unplaced.append(f"risk {number}: {error}")
                continue
            risk = RiskData(description=description, impact=impact, likelihood=likelihood,
                            mitigations="\n".join(_BULLET.sub("", p) for p in row[4]), owner=" ".join(row[6]))
            stated = " ".join(row[3])
            if stated:
                try:
                    if parse_level(stated) != overall(impact, likelihood):
                        self.notes.append(f"risk {number}: the document says overall {stated} but the matrix gives "
                                          f"{overall(impact, likelihood)}; the matrix is used")
                except RiskLevelError as error:
                    self.notes.append(f"risk {number}: overall risk {error}")
            revised = " ".join(row[5])
            if revised:
                try:
                    risk.revised_impact, risk.revised_likelihood = inputs_for_rating(impact, revised)
                    self.notes.append(
                        f"risk {number}: the document states only a revised risk ({revised}); revised impact "
                        f"{risk.revised_impact} and likelihood {risk.revised_likelihood} give it by the matrix"
                    )
                except RiskLevelError as error:
                    self.notes.append(f"risk {number}: revised risk {error}")
            self.plan.risks.append(risk)

    # East Sussex's progress and impact review -----------------------------------------------
    def _progress_table(self, header: list[str], rows: list[list[list[str]]]) -> None:
        if self.progress_date is None:
            month = _MONTH_HEADER.search(header[6]) if len(header) > 6 else None
            self.progress_date = target_date(month.group(1)) if month else None
        for row in rows:
            if not any(row) or _is_progress_header(_header(row)):
                continue
            if len(row) < 6:  # a full-width section row names a theme
                self._flush()
                name = " ".join(" ".join(c) for c in row).strip()
                code = chr(ord("A") + len(self.plan.themes))
                self.plan.themes.append(ThemeData(code, name))
                self.section_theme = code
                continue
            cells = [" ".join(c) for c in row[:7]] + [""] * (7 - len(row[:7]))
            number, area, action = cells[0], cells[1], cells[2]
            starts_action = bool(_ROMAN.match(action))
            if number.strip() or self.pending_row is None or starts_action:
                self._flush()
                self.pending_row = {"number": number.strip(), "cells": cells}
            else:  # the row carries on the one before it, across a page break
                self.pending_row["cells"] = [f"{a} {b}".strip() for a, b in zip(self.pending_row["cells"], cells)]

    def _flush(self) -> None:
        row, self.pending_row = self.pending_row, None
        if row is None:
            return
        number, area, action_text, lead, timescale, measure, progress = row["cells"]
        ref = _last_number(row["number"])
        if ref is not None:
            item = ItemData(ref=str(ref), title=area)
            if self.section_theme:
                item.themes.append(self.section_theme)
            self.plan.items.append(item)
            self.item = item
            self.last_lead = ""
        elif self.item is None:
            self.unplaced.append(f"row '{_short(action_text)}' comes before any numbered area for improvement")
            return
        else:
            item = self.item
            if area:
                item.title = f"{item.title} {area}".strip()
        actions = _split_roman(action_text)
        lead = lead or self.last_lead
        self.last_lead = lead
        dates = find_dates(timescale)
        for index, (numeral, text) in enumerate(actions):
            when = timescale
            if len(actions) > 1:
                when = dates[index][0] if len(dates) == len(actions) else ""
            item.actions.append(ActionData(ref=numeral or str(len(item.actions) + 1), text=text, lead=lead,
                                           timescale=when, target_date=target_date(when)))
        if len(actions) > 1 and len(dates) != len(actions) and timescale:
            # the dates cannot be told apart: keep them whole on the first action of the row
            item.actions[-len(actions)].timescale = timescale
            item.actions[-len(actions)].target_date = target_date(timescale)
            self.notes.append(f"item {item.ref}: '{timescale}' for {len(actions)} actions; kept on action "
                              f"{item.actions[-len(actions)].ref}")
        if measure and not any(m.description == measure for m in item.measures):
            item.measures.append(measure_from_text(measure))
        if progress:
            if item.progress:
                item.progress[-1].text = f"{item.progress[-1].text}\n{progress}"
            elif self.progress_date is not None:
                item.progress.append(ProgressData(self.progress_date, progress))
            else:
                self.unplaced.append(f"item {item.ref}: progress text without a date (give the review date)")

    def finish(self) -> None:
        self._flush()
        self._place_timeline()

    # Southend's priority timeline (part two): dates for the overarching actions --------------
    def _timeline_rows(self, rows: list[list[list[str]]]) -> None:
        """Rows of date commenced, recommendation, overarching action, outcome achieved by; a
        blank date or number repeats the one above, as the printed table reads."""
        for cells in rows:
            cells = [" ".join(c).strip() for c in cells] + [""] * 4
            started, number, text, ends = cells[0], cells[1], cells[2], cells[3]
            if started.lower().startswith("date commenced"):
                continue  # the header again, where the table ran over a page
            if started:
                self.timeline_start = started
                self.timeline_end = ""  # a new start begins a new block: its outcome date is its own
            if number:
                self.timeline_number = number
            if ends:
                self.timeline_end = ends
            if text:
                self.timeline.append((self.timeline_start, self.timeline_number, text, self.timeline_end))

    def _place_timeline(self) -> None:
        """Each timeline row's dates on the overarching action of its recommendation whose words
        match best; a row that matches none well is reported, never placed by guess."""
        for started, number, text, ends in self.timeline:
            where = f"priority timeline, recommendation {number or '?'}: '{_short(text)}'"
            item = next((i for i in self.plan.items if not i.own and str(i.stated_number) == number.strip()), None)
            scored = sorted(((similarity(text, a.text), n, a) for n, a in enumerate(item.actions)), key=lambda t: (-t[0], t[1])) if item else []
            if not scored or scored[0][0] < TIMELINE_MATCH:
                self.unplaced.append(f"{where}: matches no overarching action of that recommendation; its dates were not placed")
                continue
            action = scored[0][2]
            start = find_dates(started)
            start_day = start[0][1].replace(day=1) if start and start[0][1] else None
            end_day = target_date(ends)
            if start_day and end_day and end_day < start_day:
                self.notes.append(f"{where}: outcome by '{ends}' is before the date commenced '{started}'; "
                                  "the start is kept, the outcome date left blank")
                end_day = None
            if action.start_date and action.start_date != start_day:
                self.notes.append(f"{where}: action {action.ref} already starts {action.start_date}; kept the first")
                continue
            action.start_date, action.outcome_by = start_day, end_day


# --- helpers ----------------------------------------------------------------------------------


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def _last_number(text: str) -> int | None:
    """The reference in a cell: its last number ("76 1" is page 76's row 1 in a converted file)."""
    numbers = re.findall(r"\d+", text or "")
    return int(numbers[-1]) if numbers else None


def _split_roman(text: str) -> list[tuple[str, str]]:
    """'i) Do this ii) Do that' -> [('i', 'Do this'), ('ii', 'Do that')]; no numerals -> one action."""
    text = text.strip()
    matches = list(_ROMAN.finditer(text))
    if not matches:
        return [("", text)] if text else []
    # numerals count up from the first; "(v)" in the middle of a sentence is not an action
    actions, expected = [], _roman_value(matches[0].group(1))
    starts = []
    for match in matches:
        if _roman_value(match.group(1)) == expected:
            starts.append(match)
            expected += 1
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        actions.append((match.group(1).lower(), text[match.end():end].strip()))
    return actions


def _roman_value(numeral: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    numeral = numeral.lower()
    total = 0
    for index, char in enumerate(numeral):
        value = values[char]
        if index + 1 < len(numeral) and values[numeral[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")


def measure_from_text(text: str) -> MeasureData:
    """A measure of success from its words. "no more than 45% of cases ... reducing to 25% by
    September 2017" gives baseline 45, target 25, target date 30 September 2017, lower is better."""
    measure = MeasureData(description=text)
    percents = [float(p) for p in _PERCENT.findall(text)]
    lowered = text.lower()
    if percents:
        measure.unit = "%"
        measure.target = percents[-1]
        if len(percents) > 1:
            measure.baseline = percents[0]
    said = None
    if any(w in lowered for w in ("reduc", "no more than", "fewer", "lower", "decreas")):
        said = "lower_is_better"
    elif any(w in lowered for w in ("increas", "at least", "more than", "rais", "improv")):
        said = "higher_is_better"
    try:
        measure.polarity = measure_polarity(measure.baseline, measure.target, said)
    except PolarityError:
        measure.polarity = ""  # the words and figures disagree or say nothing: the council says which
    by = re.search(r"\bby\s+(.+)$", text, re.I)
    if by and percents:
        measure.target_date = target_date(by.group(1))
    return measure


# --- matching items to the inspection's recommendations --------------------------------------


@dataclass(frozen=True)
class RecommendationRef:
    section: str  # la | lscb
    ordinal: int
    text: str


@dataclass
class MatchReport:
    #: (item ref, recommendation, how: "number and text" | "text" | "number")
    placed: list[tuple[str, RecommendationRef, str]] = field(default_factory=list)
    #: items that answer no recommendation (own items are listed separately)
    unmatched_items: list[str] = field(default_factory=list)
    own_items: list[str] = field(default_factory=list)
    #: recommendations no item of the document answers
    uncovered: list[RecommendationRef] = field(default_factory=list)


#: how alike a timeline row's words and an overarching action's must be to carry its dates
TIMELINE_MATCH = 0.35


def similarity(a: str, b: str) -> float:
    """Word-sequence similarity of two texts, 0-1, ignoring case and punctuation."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", (text or "").lower().replace("’", "'"))


TEXT_THRESHOLD = 0.6  # plans re-type recommendations with small edits; unrelated ones score < 0.3
NUMBER_TEXT_THRESHOLD = 0.3  # a stated number is trusted when the texts are not unrelated


def match_recommendations(plan: PlanData, recommendations: Sequence[RecommendationRef]) -> MatchReport:
    """Link each item to the recommendation it answers: by the number the document states when
    the texts agree, otherwise by text alone (plans renumber: East Sussex's item 2 answers the
    report's paragraph 23). One recommendation per item; sets ``item.recommendation``."""
    report = MatchReport()
    taken: set[tuple[str, int]] = set()
    pending = []
    la_by_number = {r.ordinal: r for r in recommendations if r.section == "la"}
    for item in plan.items:
        if item.own:
            report.own_items.append(item.ref)
            continue
        numbered = la_by_number.get(item.stated_number) if item.stated_number else None
        if numbered and (not item.title or similarity(item.title, numbered.text) >= NUMBER_TEXT_THRESHOLD):
            item.recommendation = (numbered.section, numbered.ordinal)
            taken.add(item.recommendation)
            report.placed.append((item.ref, numbered, "number and text" if item.title else "number"))
        else:
            pending.append(item)
    scored = sorted(
        ((similarity(item.title, rec.text), index, item, rec) for index, item in enumerate(pending) for rec in recommendations),
        key=lambda t: (-t[0], t[1]),
    )
    for score, _, item, rec in scored:
        if score < TEXT_THRESHOLD:
            break
        if item.recommendation is None and (rec.section, rec.ordinal) not in taken:
            item.recommendation = (rec.section, rec.ordinal)
            taken.add(item.recommendation)
            report.placed.append((item.ref, rec, "text"))
    report.unmatched_items = [item.ref for item in pending if item.recommendation is None]
    report.uncovered = [r for r in recommendations if (r.section, r.ordinal) not in taken]
    return report
