"""A plan as a workbook in the documented layout (and back, by ``xlsx_import``): a Read me sheet
describing every column, then one sheet per kind of row; text that looks like a formula is
written as text (``core/cells.py``). ``None`` gives the empty template."""

from __future__ import annotations

import io
from datetime import UTC
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from inspire.core.cells import append_row, csv_writer
from inspire.core.plans.excel.layout import CSV_COLUMNS, SHEETS
from inspire.core.plans.model import PlanData


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ", ".join(value)
    return value


def _rows(plan: PlanData) -> dict[str, list[list[Any]]]:
    rows: dict[str, list[list[Any]]] = {name: [] for name in SHEETS}
    rows["Plan"].append([plan.title, plan.authority, plan.received])
    rows["Themes"] = [[t.code, t.name] for t in plan.themes]
    for item in plan.items:
        rec = f"{item.recommendation[0]} {item.recommendation[1]}" if item.recommendation else ""
        rows["Items"].append(
            [item.ref, item.title, rec, item.judgement_area, item.themes, item.outcomes, item.report_refs]
        )
        for a in item.actions:
            rows["Actions"].append(
                [item.ref, a.ref, a.text, a.lead, a.timescale, a.target_date, a.start_date, a.outcome_by]
            )
            for m in a.milestones:
                rows["Milestones"].append(
                    [
                        item.ref,
                        a.ref,
                        m.ordinal,
                        m.label,
                        m.text,
                        m.owner,
                        m.timescale,
                        m.target_date,
                        m.status,
                        m.evidence,
                    ]
                )
        for number, m in enumerate(item.measures, start=1):
            rows["Measures"].append(
                [
                    item.ref,
                    number,
                    m.description,
                    m.unit,
                    m.baseline,
                    m.target,
                    m.target_date,
                    m.polarity,
                    m.baseline_date,
                    m.indicator,
                ]
            )
            for v in [] if m.indicator else m.values:  # an indicator's values come from the data
                rows["Measure values"].append([item.ref, number, v.date, v.value])
        for p in item.progress:
            rows["Progress"].append([item.ref, p.date, p.text, p.author])
        for o in item.overrides:
            rows["Overrides"].append(
                [
                    item.ref,
                    o.rag,
                    o.reason,
                    o.by,
                    o.made.astimezone(UTC).replace(tzinfo=None) if o.made and o.made.tzinfo else o.made,
                ]
            )
    for number, b in enumerate(plan.boards, start=1):
        rows["Boards"].append([number, b.kind, b.name, b.frequency, b.terms_of_reference])
        rows["Board members"] += [[number, m.name, m.role, m.board_role] for m in b.members]
        rows["Meetings"] += [[number, d] for d in b.meetings]
    for r in plan.risks:
        rows["Risks"].append(
            [
                r.description,
                r.impact,
                r.likelihood,
                r.mitigations,
                r.revised_impact or "",
                r.revised_likelihood or "",
                r.owner,
                r.review_date,
            ]
        )
    return rows


def to_xlsx(plan: PlanData | None) -> bytes:
    """The plan as a workbook in the documented layout; ``None`` gives the empty template."""
    workbook = Workbook()
    readme = workbook.active
    readme.title = "Read me"
    readme.append(
        [
            "Inspire improvement plan workbook. One sheet per kind of row; keep the header rows. "
            "Dates as YYYY-MM-DD. Columns marked required must not be blank."
        ]
    )
    readme.append([])
    readme.append(["Sheet", "Column", "Required", "Meaning"])
    for cell in readme[3]:
        cell.font = Font(bold=True)
    for sheet, columns in SHEETS.items():
        for column in columns:
            readme.append([sheet, column.name, "yes" if column.required else "", column.description])
    readme.column_dimensions["A"].width = 16
    readme.column_dimensions["B"].width = 20
    readme.column_dimensions["D"].width = 100
    rows = _rows(plan) if plan is not None else {name: [] for name in SHEETS}
    for sheet, columns in SHEETS.items():
        ws = workbook.create_sheet(sheet)
        ws.append([c.name for c in columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DEE0E2")
        for row in rows[sheet]:
            append_row(ws, [_cell(v) for v in row])
        for index, column in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = (
                14 if column.kind in ("date", "number", "level") else 40
            )
            if column.kind in ("date", "datetime"):
                for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "yyyy-mm-dd" if column.kind == "date" else "yyyy-mm-dd hh:mm:ss"
        ws.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_template() -> str:
    out = io.StringIO()
    csv_writer(out).writerow([c.name for c in CSV_COLUMNS])
    return out.getvalue()
