"""Reading a workbook sheet by sheet into ``CaseLists``: the sheet's list, its header row (not
necessarily the first), each needed column converted, formulas resolved; every problem recorded
(list, row, column, what is wrong), none raised."""

from __future__ import annotations

import re
from pathlib import Path
from typing import IO, Any

from inspire.core.indicators.annex_a.formulas import Unsupported, evaluate
from inspire.core.indicators.annex_a.specs import LISTS, UNUSED_LISTS, ListSpec, identify_sheet, match_columns
from inspire.core.indicators.annex_a.values import CONVERTERS, BadValue, to_id
from inspire.core.indicators.annex_a.workbook import Book
from inspire.core.indicators.cases import ROW_TYPES, CaseLists, Problem

_UNUSED_HEADER = re.compile(r"adopter identifier|family identifier", re.I)
_HEADER_SEARCH_ROWS = 15


def read_annex_a(source: str | Path | IO[bytes] | bytes, name: str | None = None) -> CaseLists:
    """Read every list of an Annex A workbook into ``CaseLists`` (problems included, never raised).
    ``name`` names the file in messages (a path's own name by default)."""
    book = Book.open(source, name)
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
            lists.problems.append(
                Problem(
                    spec.name,
                    f"Sheet “{title}” also looks like {spec.name} (already read from "
                    f"“{seen[number]}”); it was left out",
                    "duplicate_list",
                )
            )
            continue
        seen[number] = title
        _read_sheet(book, title, spec, lists)
    for spec in LISTS:
        if spec.key not in lists.columns and spec.number not in seen:
            lists.problems.append(
                Problem(
                    spec.name,
                    f"{spec.name} ({spec.title.lower()}) was not found in the workbook; indicators "
                    "that need it are not computed",
                    "missing_list",
                )
            )
    return lists


def _count_rows(book, title: str) -> int:
    """The rows with values below a list's header row (the first naming an identifier), or below
    the first row with values when none does."""
    rows = [row for row in book.rows(title)[2] if any(v not in (None, "") for v in row)]
    header = next(
        (
            i
            for i, row in enumerate(rows[:_HEADER_SEARCH_ROWS])
            if any(isinstance(v, str) and _UNUSED_HEADER.search(v) for v in row)
        ),
        0,
    )
    return max(0, len(rows) - header - 1)


def _read_sheet(book: Book, title: str, spec: ListSpec, lists: CaseLists) -> None:
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
        lists.problems.append(
            Problem(
                spec.name,
                f"No header row was found in sheet “{title}” (looked for “Child Unique ID” and the "
                f"list's columns in the first {_HEADER_SEARCH_ROWS} rows); the list was left out",
                "no_header",
            )
        )
        return
    lists.columns[spec.key] = set(mapping)
    for column in spec.columns:
        if column.field not in mapping:
            lists.problems.append(
                Problem(
                    spec.name,
                    f"No column for “{column.label}” was found; indicators that need it are not computed",
                    "missing_column",
                    column=column.label,
                )
            )

    row_type = ROW_TYPES[spec.key]
    columns = [
        (c.field, mapping[c.field], CONVERTERS[c.kind], c.label)
        for c in spec.columns
        if c.field in mapping and c.field != "child_id"
    ]
    id_index = mapping["child_id"]
    labels = {index: label for _, index, _, label in columns} | {id_index: "Child Unique ID"}
    # only rows with a formula in a column that is read need them (an "Age" formula column does not)
    formulas = {
        row: cells for row, cells in book.formulas(title).items() if any(column in labels for column, _ in cells)
    }
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


def _resolve_formulas(
    number: int, values: list, cached: Any, problems: list, name: str, labels: dict[int, str]
) -> list:
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
                    problems.append(
                        Problem(
                            name,
                            f"The formula “{value}” has no saved result (open and save the workbook "
                            "in Excel, or replace the formula by its value); the row is used without it",
                            "formula_without_result",
                            number,
                            labels[index],
                        )
                    )
                resolved[index] = saved
    return resolved


def _convert(
    number: int, values: Any, row_type: type, columns: list, id_index: int, out: list, problems: list, name: str
) -> None:
    size = len(values)
    child_id = to_id(values[id_index]) if id_index < size else None
    if child_id is None:
        problems.append(
            Problem(
                name, "The row has values but no child ID; it was left out", "no_child_id", number, "Child Unique ID"
            )
        )
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
