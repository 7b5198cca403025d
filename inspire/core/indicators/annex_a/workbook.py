"""The .xlsx itself: refused before parsing when it unpacks to too much (``limits.check_package``),
values read by python-calamine (cached results, fast) and, for the sheets that hold formulas,
the formulas read from the sheet's XML (shared formulas translated). ``AnnexAError`` is the only
error: a file that is not a readable workbook."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree

from inspire.core.errors import IndicatorError
from inspire.core.limits import LimitExceeded, check_package


class AnnexAError(IndicatorError):
    """The file is not a readable Excel workbook (the only error the reader raises)."""

    hint = "Save the return from Excel as an Excel workbook (.xlsx) and try again."


#: a workbook that unpacks to more than this is refused before it is parsed
#: (``limits.check_package``; the generated large county's return unpacks to 53 MB, 9 times its size)
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


class Book:
    """The workbook's values (python-calamine: cached results, fast) and, for the sheets that hold
    formulas, the formulas themselves (read from the sheet's XML; shared formulas translated)."""

    def __init__(self, data: bytes, name: str = "the workbook"):
        import python_calamine  # imported when a workbook is read, so the web app starts faster

        self.data = data
        try:
            check_package(data, name, max_unpacked=MAX_UNCOMPRESSED_BYTES)
        except LimitExceeded as error:
            raise AnnexAError(str(error), hint=error.hint) from None
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
            raise AnnexAError(f"this is not a readable Excel workbook (.xlsx): {error}") from error
        try:
            self.values = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        except (python_calamine.CalamineError, ValueError, OSError) as error:
            raise AnnexAError(f"this is not a readable Excel workbook (.xlsx): {error}") from error
        self.sheet_names: list[str] = list(self.values.sheet_names)
        self._paths = self._sheet_paths()

    @classmethod
    def open(cls, source: str | Path | IO[bytes] | bytes, name: str | None = None) -> Book:
        if isinstance(source, bytes):
            return cls(source, name or "the workbook")
        if hasattr(source, "read"):
            return cls(source.read(), name or "the workbook")
        try:
            return cls(Path(source).read_bytes(), name or Path(source).name)
        except OSError as error:
            raise AnnexAError(f"the workbook could not be opened: {error}") from error

    def _sheet_paths(self) -> dict[str, str]:
        try:
            workbook = ElementTree.fromstring(self.zip.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(self.zip.read("xl/_rels/workbook.xml.rels"))
        except (KeyError, ElementTree.ParseError):
            return {}
        targets = {r.get("Id"): r.get("Target", "") for r in rels}
        paths = {}
        for sheet in workbook.iter(f"{_NS}sheet"):
            target = targets.get(sheet.get(f"{_REL_NS}id"), "")
            paths[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else "xl/" + target
        return paths

    def rows(self, title: str) -> tuple[int, int, Any]:
        """(first row number, first column index, iterator of row value lists) for one sheet."""
        sheet = self.values.get_sheet_by_name(title)
        start = sheet.start or (0, 0)
        return start[0] + 1, start[1], sheet.iter_rows()

    def formulas(self, title: str) -> dict[int, list[tuple[int, str]]]:
        from openpyxl.formula.translate import Translator  # imported when used: openpyxl is slow to import
        from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

        """Row number -> [(column index, formula text "=H2+5")] for every formula cell of a sheet."""
        path = self._paths.get(title)
        if not path:
            return {}
        try:
            xml = self.zip.read(path)
        except KeyError:
            return {}
        if b"<f>" not in xml and b"<f " not in xml and not (b":f" in xml and _HAS_FORMULA.search(xml)):
            return {}
        found: dict[int, list[tuple[int, str]]] = {}
        shared: dict[str, tuple[str, str]] = {}  # si -> (master cell, formula)
        for _, cell in ElementTree.iterparse(io.BytesIO(xml)):
            if cell.tag != f"{_NS}c":
                continue
            formula = cell.find(f"{_NS}f")
            ref = cell.get("r")
            if formula is not None and ref:
                text = formula.text
                if formula.get("t") == "shared":
                    si = formula.get("si", "")
                    if text:
                        shared[si] = (ref, text)
                    elif si in shared:
                        master, master_text = shared[si]
                        text = Translator("=" + master_text, origin=master).translate_formula(ref)[1:]
                if text:
                    column, row = coordinate_from_string(ref)
                    found.setdefault(row, []).append((column_index_from_string(column) - 1, "=" + text))
            cell.clear()
        return found
