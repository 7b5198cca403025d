"""Plans in spreadsheets: export to Excel and import back unchanged; import from the documented
layout (an Excel workbook, or a CSV of items, actions and milestones) with a template.

The layout is data (:data:`SHEETS`): one sheet per kind of row, each column with its meaning.
Import checks every row before anything is returned; any error (a missing column, a bad date, a
milestone whose action does not exist...) is reported with its sheet, row and column, and no
plan is returned, so nothing half-imported can be stored.

One module per concern:

- ``layout.py``: the layout as data (``SHEETS``, ``CSV_COLUMNS``) and the row errors;
- ``values.py``: a cell checked and converted to its column's kind (``Checker``);
- ``export.py``: ``to_xlsx`` (a plan, or the empty template) and ``csv_template``;
- ``sheets.py``: one reader per sheet, each adding its rows to the plan being imported;
- ``xlsx_import.py``: ``from_xlsx``, every sheet's rows checked, then read sheet by sheet;
- ``csv_import.py``: ``from_csv``.
"""

from inspire.core.plans.excel.csv_import import from_csv
from inspire.core.plans.excel.export import csv_template, to_xlsx
from inspire.core.plans.excel.layout import BOARD_KINDS, CSV_COLUMNS, SHEETS, Column, RowError, rows_refused
from inspire.core.plans.excel.xlsx_import import from_xlsx

__all__ = [
    "BOARD_KINDS",
    "CSV_COLUMNS",
    "SHEETS",
    "Column",
    "RowError",
    "csv_template",
    "from_csv",
    "from_xlsx",
    "rows_refused",
    "to_xlsx",
]
