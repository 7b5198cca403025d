"""Read a council's Annex A workbook into typed case rows, checking every value on the way.

The layout is Ofsted's Annex A (Lists 1-11, one sheet per list) as councils fill it in, so the
reader expects variety:

- sheets named "List 3", "List 3 - Referrals", "Referrals"...; the header row need not be the
  first (title rows above it are skipped); headers vary between years and councils ("Assessment
  start date" / "Continuous Assessment Start Date"), so each column is found by patterns;
- categories carry code prefixes ("a) Yes", "q) 6: Police"), which are removed;
- dates are real dates, Excel serial numbers, or text ("16/09/2020", "16 Sept 2020"); "#N/A",
  "n/a" and the like mean blank;
- cells may hold formulas. A workbook saved by a program rather than by Excel has no saved
  results (where openpyxl's ``data_only=True`` or calamine silently give a blank), so the formulas
  of the sheets that have any are read from the sheet's XML (shared formulas translated with
  openpyxl's ``Translator``). Simple same-row arithmetic (``=H2+5``, the form returns use) is
  worked out here; anything else uses the result Excel saved, and a formula with neither is a
  row-level problem;
- blank rows are skipped; rows with values but no child ID (totals, notes) are reported and left
  out.

Nothing here raises on bad content: a missing list, a column not found, or a value that is not a
date becomes a ``Problem`` (list, row, column, what is wrong) and the rest of the workbook is
used. Only a file that is not a readable .xlsx at all raises ``AnnexAError``.

Speed: values come from python-calamine (a Rust reader). openpyxl, even with ``read_only=True``,
took 14.7 s of CPU to read every cell of the generated large-county workbook (1.1 million cells)
on the development machine, over the whole 10-second budget for import and computation;
calamine reads it in about 1 s. Each needed cell then goes through one small converter chosen per
column when the header is read; columns no indicator uses are not converted.

One module per concern:

- ``specs.py``: what each list holds (``ListSpec`` of ``Column``s) and how sheets and columns are
  recognised from their names and headers;
- ``values.py``: the converters from a cell to a typed value (``CONVERTERS`` by column kind);
- ``formulas.py``: the same-row arithmetic worked out here (``evaluate``);
- ``workbook.py``: the .xlsx itself (values via calamine, formulas from the sheet XML, limits);
- ``reader.py``: :func:`read_annex_a`, sheet by sheet into ``CaseLists``.
"""

from inspire.core.indicators.annex_a.reader import read_annex_a
from inspire.core.indicators.annex_a.specs import (
    BY_KEY,
    LISTS,
    UNUSED_LISTS,
    Column,
    ListSpec,
    identify_sheet,
    list_name,
    match_columns,
    normalise_header,
)
from inspire.core.indicators.annex_a.values import CONVERTERS, BadValue, to_bool, to_date, to_id, to_int, to_text
from inspire.core.indicators.annex_a.workbook import MAX_UNCOMPRESSED_BYTES, AnnexAError

__all__ = [
    "BY_KEY",
    "CONVERTERS",
    "LISTS",
    "MAX_UNCOMPRESSED_BYTES",
    "UNUSED_LISTS",
    "AnnexAError",
    "BadValue",
    "Column",
    "ListSpec",
    "identify_sheet",
    "list_name",
    "match_columns",
    "normalise_header",
    "read_annex_a",
    "to_bool",
    "to_date",
    "to_id",
    "to_int",
    "to_text",
]
