"""The tracker councils share: one Excel row per action and per milestone, the item's RAG as a
cell fill (with its word, so colour is never the only sign), a key sheet, a frozen header and
filters. Beside the import/export workbook (``excel.py``), which round-trips a whole plan; this
one is for reading and sharing.

Cells never hold formulas: every text is written as a string cell, so text starting with
``=``, ``+``, ``-`` or ``@`` stays text (a shared escaping helper may replace ``_text``).
"""

from __future__ import annotations

import io
from datetime import date

from inspire.core.calendar import format_long
from inspire.core.cells import as_text
from inspire.core.plans import rag as rag_rules
from inspire.core.plans.model import PlanData

COLUMNS = (
    ("Row", 10),
    ("Item", 8),
    ("Themes", 10),
    ("Recommendation or area for improvement", 50),
    ("Action", 8),
    ("Milestone", 12),
    ("What", 60),
    ("Owner or lead", 28),
    ("Target date", 16),
    ("Status", 14),
    ("Item RAG", 12),
    ("Latest progress and impact", 60),
)
RAG_FILL = {"red": "D4351C", "amber": "F47738", "green": "00703C", "blue": "1D70B8", "grey": "B1B4B6"}
RAG_FONT = {"red": "FFFFFF", "amber": "0B0C0C", "green": "FFFFFF", "blue": "FFFFFF", "grey": "0B0C0C"}
STATUS_FILL = {
    "overdue": "F4B5AB",
    "at_risk": "FCD5B5",
    "on_track": "CCE2D8",
    "complete": "BBD4EA",
    "not_started": "F3F2F1",
}


def _text(cell, value) -> None:
    """Write ``value`` as a string cell, never a formula (``core.cells.as_text``: text that looks like
    one is marked as text, so editing the cell in Excel does not make it run)."""
    cell.value = "" if value is None else str(value)
    as_text(cell)


def to_xlsx(plan: PlanData, as_at: date, deadline_line: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    bold = Font(bold=True)
    for index, (name, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        _text(cell, name)
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor="DEE0E2")
        sheet.column_dimensions[get_column_letter(index)].width = width

    def fill(cell, colour: str, font: str = "0B0C0C") -> None:
        cell.fill = PatternFill("solid", fgColor=colour)
        cell.font = Font(color=font, bold=True)

    row = 1
    for item in plan.items:
        known = sorted((p for p in item.progress if p.date <= as_at), key=lambda p: p.date)
        progress = f"{format_long(known[-1].date)}: {known[-1].text}" if known else ""
        title = item.title + (" (the council's own item)" if item.own else "")
        for action in item.actions:
            lines = [("Action", action.ref, "", action.text, action.lead, action.target_date, action.timescale, "", "")]
            lines += [
                (
                    "Milestone",
                    action.ref,
                    m.label or str(m.ordinal),
                    m.text,
                    m.owner,
                    m.target_date,
                    m.timescale,
                    m.status_on_date,
                    m.status_on_date,
                )
                for m in action.milestones
            ]
            for kind, action_ref, milestone_ref, what, who, when, written, status, status_key in lines:
                row += 1
                values = (kind, item.ref, ", ".join(item.themes), title, action_ref, milestone_ref, what, who)
                for column, value in enumerate(values, start=1):
                    _text(sheet.cell(row=row, column=column), value)
                target = sheet.cell(row=row, column=9)
                if when:
                    target.value, target.number_format = when, "d mmmm yyyy"
                else:
                    _text(target, written)
                _text(sheet.cell(row=row, column=10), rag_rules.MILESTONE_STATUS_LABELS.get(status, ""))
                if status_key:
                    sheet.cell(row=row, column=10).fill = PatternFill("solid", fgColor=STATUS_FILL[status_key])
                rag_cell = sheet.cell(row=row, column=11)
                _text(rag_cell, rag_rules.RAG_LABELS.get(item.rag, ""))
                if item.rag:
                    fill(rag_cell, RAG_FILL[item.rag], RAG_FONT[item.rag])
                _text(sheet.cell(row=row, column=12), progress)
                for column in (4, 7, 12):
                    sheet.cell(row=row, column=column).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(row, 2)}"

    key = book.create_sheet("Key")
    _text(key.cell(row=1, column=1), plan.title)
    key.cell(row=1, column=1).font = Font(bold=True, size=14)
    _text(key.cell(row=2, column=1), f"Status as at {format_long(as_at)}. {deadline_line}")
    line = 4
    for heading, rows in (("Item RAG", rag_rules.key()["items"]), ("The plan's RAG", rag_rules.key()["plan"])):
        _text(key.cell(row=line, column=1), heading)
        key.cell(row=line, column=1).font = bold
        line += 1
        for entry in rows:
            status = key.cell(row=line, column=1)
            _text(status, entry["label"])
            if entry["rag"]:
                fill(status, RAG_FILL[entry["rag"]], RAG_FONT[entry["rag"]])
            _text(key.cell(row=line, column=2), entry["description"])
            line += 1
        line += 1
    _text(key.cell(row=line, column=1), "Milestone status")
    key.cell(row=line, column=1).font = bold
    for status, colour in STATUS_FILL.items():
        line += 1
        cell = key.cell(row=line, column=1)
        _text(cell, rag_rules.MILESTONE_STATUS_LABELS[status])
        cell.fill = PatternFill("solid", fgColor=colour)
    key.column_dimensions["A"].width, key.column_dimensions["B"].width = 22, 110
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
