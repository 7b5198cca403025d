"""A plan workbook in the documented layout, imported: every sheet's rows checked against its
columns (``values.Checker``), then read sheet by sheet (``sheets.READERS``). Any problem refuses
the whole workbook, listing each with its sheet, row and column."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from inspire.core.plans.excel.layout import SHEETS, RowError, rows_refused
from inspire.core.plans.excel.sheets import READERS, Import
from inspire.core.plans.excel.values import Checker
from inspire.core.plans.model import PlanData


def _read_sheet(workbook, sheet: str, checker: Checker) -> list[tuple[int, dict[str, Any]]]:
    columns = SHEETS[sheet]
    if sheet not in workbook.sheetnames:
        checker.errors.append(RowError(sheet, None, "", "the sheet is missing"))
        return []
    rows = list(workbook[sheet].iter_rows(values_only=True))
    header = [str(h).strip() if h is not None else "" for h in (rows[0] if rows else [])]
    missing = [c.name for c in columns if c.name not in header and not c.description.endswith("may be left out).")]
    for name in missing:
        checker.errors.append(RowError(sheet, 1, name, "the column is missing"))
    if missing:
        return []
    # columns added later (their description says they may be left out) read as blank when absent
    positions = {c.name: header.index(c.name) if c.name in header else len(header) + 1000 for c in columns}
    parsed = []
    for number, row in enumerate(rows[1:], start=2):
        if row is None or all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
            continue
        parsed.append(
            (
                number,
                {
                    c.name: checker.value(
                        sheet, number, c, row[positions[c.name]] if positions[c.name] < len(row) else None
                    )
                    for c in columns
                },
            )
        )
    return parsed


def from_xlsx(data: bytes) -> PlanData:
    """Read a workbook in the documented layout. Raises :class:`~inspire.core.errors.PlanImportError` listing
    every problem found (sheet, row, column); returns a plan only when there are none."""
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
    except Exception as error:  # openpyxl raises many kinds for foreign files
        raise rows_refused(
            [RowError("workbook", None, "", f"not an Excel workbook ({type(error).__name__})")]
        ) from None
    checker = Checker()
    sheets = {name: _read_sheet(workbook, name, checker) for name in SHEETS}
    into = Import(PlanData(title=""), checker.errors, list(workbook.sheetnames))
    for name, read in READERS.items():
        read(into, sheets[name])
    if checker.errors:
        raise rows_refused(checker.errors)
    return into.plan
