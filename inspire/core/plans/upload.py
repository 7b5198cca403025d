"""An uploaded plan file (Word, Excel or CSV), told by its content and read within limits.

Runs in a worker process (``inspire.core.limits.run_bounded``) when the plan import page reads an
upload, so nothing here may need Django; a Word or Excel file is checked for what it unpacks to
(``limits.check_package``) before it is parsed.
"""

from __future__ import annotations

import io
import zipfile

from inspire.core.limits import check_package
from inspire.core.plans import excel
from inspire.core.plans.model import PlanData
from inspire.core.errors import PlanImportError
from inspire.core.plans.word_import import NOT_A_PLAN_FILE_HINT, ImportResult, read_plan


def read_plan_upload(name: str, data: bytes, title: str) -> tuple[PlanData, list[str], list[str]]:
    """The plan ``data`` holds, the notes on what did not line up and what could not be placed.
    Raises :class:`~inspire.core.errors.PlanImportError` with the problem, or
    :class:`~inspire.core.limits.LimitExceeded` for a file that unpacks to too much."""
    check_package(data, name)  # raises LimitExceeded, naming the file and the limit
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as package:
                names = package.namelist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
            raise PlanImportError("the file is a damaged Word or Excel file (its zip package is broken)",
                                  hint=NOT_A_PLAN_FILE_HINT) from None
        if "word/document.xml" in names:
            result = read_plan(data, title=title)
            return result.plan, result.notes, result.unplaced
        if "xl/workbook.xml" in names:
            return excel.from_xlsx(data), [], []
    if name.lower().endswith(".csv") or b"," in data[:2000]:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PlanImportError("the CSV file is not UTF-8 text", hint="Save the CSV file as UTF-8 text.") from None
        return excel.from_csv(text, title=title), [], []
    raise PlanImportError("the file is not a Word document (.docx), an Excel workbook (.xlsx) or a CSV file",
                          hint=NOT_A_PLAN_FILE_HINT)


def read_word_plan(name: str, data: bytes, title: str) -> ImportResult:
    """A Word plan (``inspire plan word``), checked for what it unpacks to before it is parsed."""
    check_package(data, name)
    return read_plan(data, title=title)
