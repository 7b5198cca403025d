"""The indicator workbook: figures only, never a child's identifier (case rows stay in Inspire)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from inspire.core.indicators import CATALOGUE
from inspire.web.measure.selectors import visible_values
from inspire.web.read.models import Authority

HEADER_FILL = "1D70B8"


def _sheet(workbook: Workbook, title: str, headers: list[str], rows: list[list], widths: list[int]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for row in rows:
        sheet.append(row)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if hasattr(cell.value, "year"):
                cell.number_format = "dd mmmm yyyy"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def indicators_xlsx(*, authority: Authority, annex_a: bool) -> bytes:
    """Every value the viewer may see (Annex A figures only when ``annex_a``) and the definitions."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    values = visible_values(authority=authority, annex_a=annex_a).exclude(value=None).order_by("indicator", "period_end", "period_start", "-computed")
    rows = []
    for v in values:
        indicator = CATALOGUE.get(v.indicator)
        if indicator is None:
            continue
        left_out = sum(v.left_out.values()) if v.left_out else 0
        rows.append([indicator.name, v.period_start, v.period_end, round(v.value, 2), v.numerator, v.denominator, indicator.unit.value,
                     left_out, v.get_source_display()])
    _sheet(workbook, "Indicators", ["Indicator", "Period start", "Period end", "Value", "Numerator", "Denominator", "Unit",
                                    "Rows left out", "Source"], rows, [60, 16, 16, 10, 12, 13, 10, 14, 20])
    definitions = [[i.name, i.definition, i.unit.value, i.polarity.value, i.semantics.value,
                    i.threshold.value if i.threshold else None] for i in CATALOGUE.values()]
    _sheet(workbook, "Definitions", ["Indicator", "Definition", "Unit", "Better when", "Period", "National threshold"],
           definitions, [60, 100, 10, 12, 10, 18])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
