"""Spreadsheet cells and CSV fields that are never run as formulas: every export goes through here.

OWASP's CSV-injection rule: a text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is taken by Excel, LibreOffice and Google Sheets as a formula (``=HYPERLINK(...)`` in an
action's text would become a live link in a council officer's spreadsheet). So:

- in a CSV, such a field is written with a single quote before it (:func:`csv_safe`,
  :func:`csv_writer`), which spreadsheets show as text;
- in a workbook, such a text is stored as a text cell, never a formula (openpyxl would store any
  string starting with ``=`` as one), and marked ``quotePrefix`` so that editing the cell in Excel
  keeps it text (:func:`append_row`, :func:`as_text`). The text itself is unchanged, so an
  exported plan imports back equal.

Numbers, dates and other values are written as they are: only text can carry a formula.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

#: The first characters that make a spreadsheet read a text as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def csv_safe(value: Any) -> Any:
    """``value`` for a CSV field: a text a spreadsheet would run is prefixed with a single quote."""
    return "'" + value if looks_like_formula(value) else value


class SafeCsvWriter:
    """A ``csv.writer`` whose every field passes through :func:`csv_safe`."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow([csv_safe(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(out, **options) -> SafeCsvWriter:
    return SafeCsvWriter(out, **options)


def as_text(cell) -> None:
    """Make an openpyxl cell holding formula-like text a plain text cell (never a formula)."""
    if looks_like_formula(cell.value) or cell.data_type == "f":
        cell.data_type = "s"
        cell.quotePrefix = True


def append_row(sheet, row: Iterable[Any]) -> None:
    """``sheet.append(row)``, with any formula-like text kept as text (:func:`as_text`)."""
    sheet.append(list(row))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            as_text(cell)
