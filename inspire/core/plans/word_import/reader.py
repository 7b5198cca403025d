"""Reading a Word plan: :func:`read_plan` walks the document's blocks and hands each paragraph and
table to :class:`PlanReader`, whose layouts (one mixin each) fill one ``PlanData``."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

import docx
from docx.text.paragraph import Paragraph

from inspire.core.errors import PlanImportError
from inspire.core.plans.model import BoardData, ItemData, PlanData
from inspire.core.plans.word_import.detailed import DetailedPlan
from inspire.core.plans.word_import.document import (
    blocks,
    clean,
    header_of,
    is_action_header,
    is_progress_header,
    is_risk_header,
    is_timeline_header,
    table_rows,
)
from inspire.core.plans.word_import.governance import Governance
from inspire.core.plans.word_import.priority_timeline import PriorityTimeline
from inspire.core.plans.word_import.progress_review import ProgressReview
from inspire.core.plans.word_import.text import short

#: What to do with a file that is not a plan document at all
NOT_A_PLAN_FILE_HINT = "Save the plan from Word as a Word document (.docx), or use Inspire's Excel template."


@dataclass
class ImportResult:
    plan: PlanData
    notes: list[str] = field(default_factory=list)  # counts or dates that did not line up
    unplaced: list[str] = field(default_factory=list)  # content that could not be attached


def read_plan(data: bytes, *, title: str = "", progress_date: date | None = None) -> ImportResult:
    """Read a plan from .docx bytes. ``progress_date`` dates the progress column of a progress
    review table when its header names no month ("Progress and impact review July 2014" does)."""
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds for a damaged or foreign file
        raise PlanImportError(
            f"the file is not a Word document that can be opened ({type(error).__name__})", hint=NOT_A_PLAN_FILE_HINT
        ) from None
    reader = PlanReader(PlanData(title=title), progress_date)
    for block in blocks(document):
        if isinstance(block, Paragraph):
            reader.paragraph(clean(block.text))
        else:
            reader.table(table_rows(block))
    reader.finish()
    if not reader.found_table:
        raise PlanImportError(
            "no plan table found: expected a table headed 'No & Ref | Area for improvement | Action | Lead ...', "
            "'Ref | Action | Target date | Action owners' or 'Risk | Impact | Likelihood ...'",
            hint="Keep the plan's tables with their headings as the council's template has them, "
            "or copy the plan into Inspire's Excel template.",
        )
    return ImportResult(reader.plan, reader.notes, reader.unplaced)


class PlanReader(DetailedPlan, Governance, PriorityTimeline, ProgressReview):
    """The state of one reading: the plan so far, the notes and what could not be placed, and
    where in the document the reader is (the current item, board, section theme, pending row)."""

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

    # tables ---------------------------------------------------------------------------------
    def table(self, rows: list[list[list[str]]]) -> None:
        if not rows:
            return
        header = header_of(rows[0])
        if is_progress_header(header):
            self.found_table = True
            self._progress_table(header, rows[1:])
        elif is_action_header(header):
            self.found_table = True
            self._action_table(rows[1:])
        elif is_risk_header(header):
            self.found_table = True
            self._risk_table(rows[1:])
        elif is_timeline_header(header):
            self._timeline_rows(rows[1:])
        elif len(header) >= 2:
            self.notes.append(
                f"a table headed '{short(' | '.join(' '.join(c) for c in rows[0]), 90)}' "
                "is not in a plan layout Inspire reads; it was not imported"
            )
        self.mode = ""

    def finish(self) -> None:
        self._flush()
        self._place_timeline()
