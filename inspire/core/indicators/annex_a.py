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
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, Callable

from xml.etree import ElementTree

from inspire.core.errors import IndicatorError
from inspire.core.limits import LimitExceeded, check_package
from inspire.core.indicators.cases import ROW_TYPES, CaseLists, Problem


class AnnexAError(IndicatorError):
    """The file is not a readable Excel workbook (the only error the reader raises)."""

    hint = "Save the return from Excel as an Excel workbook (.xlsx) and try again."


@dataclass(frozen=True)
class Column:
    field: str
    kind: str  # id, date, bool, int, text (code prefix removed)
    patterns: tuple[str, ...]  # regular expressions on the normalised header
    label: str  # the header as Ofsted's template prints it, for messages


@dataclass(frozen=True)
class ListSpec:
    key: str
    number: int
    title: str
    sheet_words: tuple[str, ...]  # words that identify the sheet when it is not named "List N"
    columns: tuple[Column, ...]

    @property
    def name(self) -> str:
        return f"List {self.number}"


def _c(field: str, kind: str, label: str, *patterns: str) -> Column:
    return Column(field, kind, patterns, label)


CHILD_ID = _c("child_id", "id", "Child Unique ID", r"\bchild\b.*\bid", r"unique id", r"^id$", r"^child id")
DOB = _c("dob", "date", "Date of Birth", r"date of birth", r"^dob$")

LISTS: tuple[ListSpec, ...] = (
    ListSpec("contacts", 1, "Contacts", ("contact",), (
        CHILD_ID,
        _c("contact_date", "date", "Date of Contact", r"date of contact", r"contact date"),
        _c("source", "text", "Contact Source", r"contact source", r"source of contact", r"^source$"),
    )),
    ListSpec("early_help", 2, "Early help", ("early help",), (
        CHILD_ID,
        _c("start", "date", "Assessment start date", r"start date"),
        _c("completed", "date", "Assessment completion date", r"complet"),
    )),
    ListSpec("referrals", 3, "Referrals", ("referral",), (
        CHILD_ID,
        _c("referral_date", "date", "Date of Referral", r"date of referral", r"referral date"),
        _c("source", "text", "Referral Source", r"referral source", r"source of referral"),
        _c("nfa", "bool", "Referral NFA?", r"\bnfa\b", r"no further action"),
        _c("previous_referrals_12m", "int", "Number of Referrals in Last 12 Months", r"number of referrals", r"referrals in (the )?last 12"),
    )),
    ListSpec("assessments", 4, "Assessments", ("assessment",), (
        CHILD_ID,
        _c("start", "date", "Continuous Assessment Start Date", r"assessment (actual )?start date", r"start date"),
        _c("child_seen", "bool", "Child Seen During Continuous Assessment", r"child seen"),
        _c("authorised", "date", "Continuous Assessment Date of Authorisation", r"authoris", r"authoriz", r"complet"),
        _c("needs_support", "text", "Was the child assessed as requiring LA children's social care support?", r"requiring", r"social care support"),
    )),
    ListSpec("section47", 5, "Section 47 enquiries", ("section 47", "s47"), (
        CHILD_ID,
        _c("strategy_date", "date", "Strategy discussion initiating Section 47 Enquiry Start Date", r"strategy discussion", r"(section 47|s47) enquiry start", r"start date"),
        _c("icpc_unnecessary", "bool", "Was an Initial Child Protection Conference deemed unnecessary?", r"unnecessary", r"not required"),
        _c("icpc_date", "date", "Date of Initial Child Protection Conference", r"date of (the )?initial child protection conference", r"icpc date", r"date of (the )?icpc"),
        _c("icpc_plan", "bool", "Did the Initial Child Protection Conference Result in a Child Protection Plan", r"result in a child protection plan", r"resulted in"),
        _c("enquiries_12m", "int", "Number of Section 47 Enquiries in the last 12 months", r"number of (section 47|s47)"),
    )),
    ListSpec("children_in_need", 6, "Children in need", ("children in need", "child in need", "cin"), (
        CHILD_ID, DOB,
        _c("start", "date", "CIN Start Date", r"cin start date", r"start date"),
        _c("last_seen", "date", "Date Child Was Last Seen", r"last seen"),
        _c("closed", "date", "CIN Closure Date", r"closure date", r"date closed", r"end date"),
        _c("case_status", "text", "Case Status", r"case status"),
    )),
    ListSpec("protection_plans", 7, "Child protection", ("child protection", "cp plan"), (
        CHILD_ID, DOB,
        _c("start", "date", "Child Protection Plan Start Date", r"plan start date", r"start date"),
        _c("last_visit", "date", "Date of the Last Statutory Visit", r"last statutory visit", r"last visit"),
        _c("seen_alone", "bool", "Was the Child Seen Alone?", r"seen alone"),
        _c("latest_review", "date", "Date of latest review conference", r"review conference", r"latest review"),
        _c("end", "date", "Child Protection Plan End Date", r"plan end date", r"end date"),
        _c("previous_plans", "int", "Number of Previous Child Protection Plans", r"previous child protection plans", r"number of previous"),
    )),
    ListSpec("looked_after", 8, "Children looked after", ("looked after", "cla", "children in care"), (
        CHILD_ID, DOB,
        _c("start", "date", "Date Started to be Looked After", r"started to be looked after", r"date (child )?entered care", r"date looked after"),
        _c("latest_review", "date", "Date of Latest Statutory Review", r"statutory review", r"latest review"),
        _c("last_visit", "date", "Date of Last Social Work Visit", r"last social work(er)? visit"),
        _c("last_health_assessment", "date", "Date of Last Health Assessment", r"health assessment"),
        _c("placements_12m", "int", "Number of Placements in the Last 12 months", r"number of placements"),
        _c("ceased", "date", "Date Ceased to be Looked After", r"date ceased", r"ceased to be looked after"),
    )),
    ListSpec("care_leavers", 9, "Care leavers", ("care leaver",), (
        CHILD_ID, DOB,
        _c("eligibility", "text", "Eligibility Category", r"eligibility"),
        _c("in_touch", "text", "LA in Touch", r"in touch"),
        _c("accommodation", "text", "Type of Accommodation", r"type of accommodation", r"accommodation type"),
        _c("suitability", "text", "Suitability of Accommodation", r"suitab"),
        _c("activity", "text", "Activity Status", r"activity", r"main activity"),
    )),
    ListSpec("adoptions", 10, "Adoption", ("adoption",), (
        CHILD_ID, DOB,
        _c("entered_care", "date", "Date the Child Entered Care", r"entered care", r"date looked after"),
        _c("no_longer_decision", "date", "Date of Decision that Child Should No Longer be Placed for Adoption", r"no longer be placed"),
        _c("decision", "date", "Date of Decision that Child Should be Placed for Adoption", r"decision that (the )?child should be placed", r"should be placed for adoption"),
        _c("placement_order", "date", "Date of Placement Order", r"placement order"),
        _c("matched", "date", "Date of Matching Child and Prospective Adopters", r"match"),
        _c("placed", "date", "Date Placed for Adoption", r"^date placed for adoption", r"placed for adoption$"),
        _c("adopted", "date", "Date of Adoption Order", r"adoption order"),
        _c("ffa_placed", "date", "Date the child was placed for fostering in FFA or concurrent planning placement", r"\bffa\b", r"concurrent"),
    )),
)
BY_KEY = {spec.key: spec for spec in LISTS}
#: List 11 (adopters) is recognised, and its rows counted, but read by no indicator: number -> key
UNUSED_LISTS = {11: "adopters"}
_UNUSED_HEADER = re.compile(r"adopter identifier|family identifier", re.I)


def list_name(list_key: str) -> str:
    if list_key in UNUSED_LISTS.values():
        number = next(n for n, key in UNUSED_LISTS.items() if key == list_key)
        return f"List {number} ({list_key})"
    spec = BY_KEY[list_key]
    return f"{spec.name} ({spec.title.lower()})"


def _count_rows(book, title: str) -> int:
    """The rows with values below a list's header row (the first naming an identifier), or below
    the first row with values when none does."""
    rows = [row for row in book.rows(title)[2] if any(v not in (None, "") for v in row)]
    header = next((i for i, row in enumerate(rows[:_HEADER_SEARCH_ROWS]) if any(isinstance(v, str) and _UNUSED_HEADER.search(v) for v in row)), 0)
    return max(0, len(rows) - header - 1)


# --- values -----------------------------------------------------------------------------------

_BLANK = {"", "-", "n/a", "na", "#n/a", "null", "none", "not applicable", "#value!", "#ref!"}
_UNKNOWN = {"unknown", "not known", "not recorded", "not stated", "c) unknown"}
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
_PREFIX = re.compile(r"^\s*[a-z]{1,2}\d?\)\s*", re.I)
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for m in names}
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]+)[\s\-,]+(\d{2}|\d{4})$", re.I)
_EXCEL_EPOCH = date(1899, 12, 30)


class BadValue(ValueError):
    """A cell that cannot be read as its column's kind (message says why)."""


def _year(text: str) -> int:
    year = int(text)
    return year if len(text) == 4 else (2000 + year if year < 70 else 1900 + year)


def to_date(value: Any) -> date | None:
    if value is None:
        return None
    if type(value) is datetime:
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # Excel serial numbers up to 9999
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise BadValue(f"{value!r} is not a date")
    text = str(value).strip()
    low = text.lower()
    if low in _BLANK:
        return None
    try:
        if m := _DMY.match(text):
            return date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        if m := _YMD.match(text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if (m := _WORDS.match(text)) and m.group(2).lower() in _MONTHS:
            return date(_year(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        raise BadValue(f"“{text}” is not a real date") from None
    raise BadValue(f"“{text}” is not a date")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).replace("\xa0", " ").strip()
    if text.lower() in _BLANK:
        return None
    return (_PREFIX.sub("", text) if ")" in text[:4] else text) or None


def to_text(value: Any) -> str | None:
    return _text(value)


def to_bool(value: Any) -> bool | None:
    if value is True or value is False:
        return value
    text = _text(value)
    if text is None:
        return None
    low = text.lower()
    if low in _YES:
        return True
    if low in _NO:
        return False
    if low in _UNKNOWN:
        return None
    raise BadValue(f"“{text}” is not yes or no")


def to_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise BadValue(f"{value!r} is not a whole number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise BadValue(f"{value!r} is not a whole number")
    text = str(value).strip()
    if text.lower() in _BLANK:
        return None
    if text.isdigit():
        return int(text)
    raise BadValue(f"“{text}” is not a whole number")


def to_id(value: Any) -> str | None:
    if type(value) is float and value.is_integer():
        return str(int(value))
    if type(value) is int:
        return str(value)
    if value is None:
        return None
    text = str(value).replace("\xa0", " ").strip()
    return None if text.lower() in _BLANK else text


CONVERTERS: dict[str, Callable[[Any], Any]] = {"id": to_id, "date": to_date, "bool": to_bool, "int": to_int, "text": to_text}


# --- formulas ---------------------------------------------------------------------------------

_FORMULA = re.compile(r"^=\s*(\$?[A-Z]{1,3}\$?\d+|\d+(?:\.\d+)?)((?:\s*[+-]\s*(?:\$?[A-Z]{1,3}\$?\d+|\d+(?:\.\d+)?))*)\s*$")
_TERM = re.compile(r"([+-])\s*(\$?[A-Z]{1,3}\$?\d+|\d+(?:\.\d+)?)")
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


class Unsupported(Exception):
    """A formula this reader does not work out itself (its cached value is used instead)."""


def evaluate(formula: str, values: tuple, row_number: int, depth: int = 0) -> Any:
    """Work out ``=A2+5``-style formulas (references to the same row, numbers, + and -).

    Dates plus numbers give dates; a date minus a date gives days. Raises ``Unsupported``."""
    m = _FORMULA.match(formula.upper())
    if not m or depth > 20:
        raise Unsupported(formula)
    terms = [("+", m.group(1)), *_TERM.findall(m.group(2))]
    total: Any = 0
    for sign, term in terms:
        ref = _REF.match(term)
        if ref:
            if int(ref.group(2)) != row_number:
                raise Unsupported(formula)
            from openpyxl.utils.cell import column_index_from_string  # openpyxl is slow to import: only when used

            index = column_index_from_string(ref.group(1)) - 1
            value = values[index] if index < len(values) else None
            if isinstance(value, str) and value.startswith("="):
                value = evaluate(value, values, row_number, depth + 1)
            if isinstance(value, datetime):
                value = value.date()
            if value is None:
                value = 0
        else:
            value = float(term) if "." in term else int(term)
        total = _combine(total, sign, value, formula)
    return total


def _combine(total: Any, sign: str, value: Any, formula: str) -> Any:
    if isinstance(value, date):
        if sign == "+" and isinstance(total, (int, float)):
            return value + timedelta(days=total)
        if sign == "-" and isinstance(total, date):
            return (total - value).days
        raise Unsupported(formula)
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise Unsupported(formula)
    delta = value if sign == "+" else -value
    if isinstance(total, date):
        return total + timedelta(days=delta)
    return total + delta


# --- the workbook -----------------------------------------------------------------------------


def normalise_header(text: Any) -> str:
    text = str(text or "").replace("\xa0", " ").lower().replace("’", "'")
    text = re.sub(r"[^a-z0-9']+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def identify_sheet(title: str) -> int | None:
    """The list number a sheet holds, from its name ("List 3", "L3 Referrals", "Referrals")."""
    name = normalise_header(title)
    m = re.match(r"^(?:annex a )?(?:list|l)\s?(\d{1,2})\b", name)
    if m and 1 <= int(m.group(1)) <= 11:
        return int(m.group(1))
    if "adopter" in name:
        return 11
    for spec in LISTS:
        if any(re.search(rf"\b{re.escape(word)}", name) for word in spec.sheet_words):
            return spec.number
    return None


def match_columns(spec: ListSpec, headers: list[Any]) -> dict[str, int]:
    """Typed field -> column index, each header used once, fields in the spec's order."""
    normalised = [normalise_header(h) for h in headers]
    found: dict[str, int] = {}
    used: set[int] = set()
    for column in spec.columns:
        for pattern in column.patterns:
            regex = re.compile(pattern)
            index = next((i for i, h in enumerate(normalised) if h and i not in used and regex.search(h)), None)
            if index is not None:
                found[column.field] = index
                used.add(index)
                break
    return found


_HEADER_SEARCH_ROWS = 15


def read_annex_a(source: str | Path | IO[bytes] | bytes, name: str | None = None) -> CaseLists:
    """Read every list of an Annex A workbook into ``CaseLists`` (problems included, never raised).
    ``name`` names the file in messages (a path's own name by default)."""
    book = _Book.open(source, name)
    lists = CaseLists()
    seen: dict[int, str] = {}
    for title in book.sheet_names:
        number = identify_sheet(title)
        if number is None:
            continue
        if number in UNUSED_LISTS:
            lists.other_rows[UNUSED_LISTS[number]] = _count_rows(book, title)
            continue
        spec = next(s for s in LISTS if s.number == number)
        if number in seen:
            lists.problems.append(Problem(spec.name, f"Sheet “{title}” also looks like {spec.name} (already read from “{seen[number]}”); it was left out", "duplicate_list"))
            continue
        seen[number] = title
        _read_sheet(book, title, spec, lists)
    for spec in LISTS:
        if spec.key not in lists.columns and spec.number not in seen:
            lists.problems.append(Problem(spec.name, f"{spec.name} ({spec.title.lower()}) was not found in the workbook; indicators that need it are not computed", "missing_list"))
    return lists


#: a workbook that unpacks to more than this is refused before it is parsed
#: (``limits.check_package``; the generated large county's return unpacks to 53 MB, 9 times its size)
MAX_UNCOMPRESSED_BYTES = 500 * 1024 * 1024
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")


class _Book:
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
    def open(cls, source: str | Path | IO[bytes] | bytes, name: str | None = None) -> _Book:
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


def _read_sheet(book: _Book, title: str, spec: ListSpec, lists: CaseLists) -> None:
    first_row, first_column, rows = book.rows(title)
    pad = (None,) * first_column  # so column indexes are the sheet's, as formulas name them

    header_row, mapping = 0, {}
    for number, values in enumerate(rows, start=first_row):
        if number >= first_row + _HEADER_SEARCH_ROWS:
            break
        candidate = match_columns(spec, [*pad, *values])
        if "child_id" in candidate and len(candidate) >= 2:
            header_row, mapping = number, candidate
            break
    if not header_row:
        lists.problems.append(Problem(spec.name, f"No header row was found in sheet “{title}” (looked for “Child Unique ID” and the list's columns in the first {_HEADER_SEARCH_ROWS} rows); the list was left out", "no_header"))
        return
    lists.columns[spec.key] = set(mapping)
    for column in spec.columns:
        if column.field not in mapping:
            lists.problems.append(Problem(spec.name, f"No column for “{column.label}” was found; indicators that need it are not computed", "missing_column", column=column.label))

    row_type = ROW_TYPES[spec.key]
    columns = [(c.field, mapping[c.field], CONVERTERS[c.kind], c.label) for c in spec.columns if c.field in mapping and c.field != "child_id"]
    id_index = mapping["child_id"]
    labels = {index: label for _, index, _, label in columns} | {id_index: "Child Unique ID"}
    # only rows with a formula in a column that is read need them (an "Age" formula column does not)
    formulas = {row: cells for row, cells in book.formulas(title).items() if any(column in labels for column, _ in cells)}
    out = lists.rows(spec.key)
    problems = lists.problems
    name = spec.name
    for number, values in enumerate(rows, start=header_row + 1):
        if pad:
            values = [*pad, *values]
        if number in formulas:  # the formulas replace calamine's saved results (blank when none were saved)
            with_formulas = list(values)
            for column, text in formulas[number]:
                with_formulas.extend([None] * (column + 1 - len(with_formulas)))
                with_formulas[column] = text
            values = _resolve_formulas(number, with_formulas, values, problems, name, labels)
        elif not any(v is not None and v != "" for v in values):
            continue
        _convert(number, values, row_type, columns, id_index, out, problems, name)


def _resolve_formulas(number: int, values: list, cached: Any, problems: list, name: str, labels: dict[int, str]) -> list:
    """Replace the formula cells of one row by their results (worked out, else Excel's saved value)."""
    resolved = list(values)
    for index in labels:
        value = values[index] if index < len(values) else None
        if isinstance(value, str) and value.startswith("="):
            try:
                resolved[index] = evaluate(value, values, number)
            except Unsupported:
                saved = cached[index] if index < len(cached) else None
                if (saved is None or saved == "") and index in labels:
                    problems.append(Problem(name, f"The formula “{value}” has no saved result (open and save the workbook in Excel, or replace the formula by its value); the row is used without it", "formula_without_result", number, labels[index]))
                resolved[index] = saved
    return resolved


def _convert(number: int, values: Any, row_type: type, columns: list, id_index: int, out: list, problems: list, name: str) -> None:
    size = len(values)
    child_id = to_id(values[id_index]) if id_index < size else None
    if child_id is None:
        problems.append(Problem(name, "The row has values but no child ID; it was left out", "no_child_id", number, "Child Unique ID"))
        return
    record = row_type(number, child_id)
    for field, index, convert, label in columns:
        value = values[index] if index < size else None
        if value is None or value == "":
            continue
        try:
            setattr(record, field, convert(value))
        except BadValue as error:
            problems.append(Problem(name, f"{error}; the row is used without it", f"bad_{field}", number, label))
    out.append(record)
