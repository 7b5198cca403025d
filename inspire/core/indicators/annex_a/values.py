"""From a cell to a typed value, one converter per column kind (``CONVERTERS``): dates as real
dates, Excel serial numbers or text; yes/no; whole numbers; identifiers; categories with their
code prefixes ("a) Yes") removed. "#N/A", "n/a" and the like are blank; anything else that is not
the kind raises ``BadValue``, which the reader records as a row problem."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

_BLANK = {"", "-", "n/a", "na", "#n/a", "null", "none", "not applicable", "#value!", "#ref!"}
_UNKNOWN = {"unknown", "not known", "not recorded", "not stated", "c) unknown"}
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}
_PREFIX = re.compile(r"^\s*[a-z]{1,2}\d?\)\s*", re.I)
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
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


CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "id": to_id,
    "date": to_date,
    "bool": to_bool,
    "int": to_int,
    "text": to_text,
}
