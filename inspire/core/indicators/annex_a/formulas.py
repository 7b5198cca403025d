"""The formulas the reader works out itself: same-row arithmetic (``=H2+5``, the form returns
use). Anything else raises ``Unsupported``, and the reader uses the result Excel saved."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

_FORMULA = re.compile(
    r"^=\s*(\$?[A-Z]{1,3}\$?\d+|\d+(?:\.\d+)?)((?:\s*[+-]\s*(?:\$?[A-Z]{1,3}\$?\d+|\d+(?:\.\d+)?))*)\s*$"
)
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
