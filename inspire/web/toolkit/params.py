"""Query parameters checked with messages in the GOV.UK style ("Date must be a real date").

Pages with GET forms (search, national picture, authorities) read their parameters through a
:class:`Params`; each problem is kept against the id of the field it belongs to, for the error
summary's links and the message beside the field.
"""

from __future__ import annotations

import re
from datetime import date

from django.http import QueryDict

MIN_YEAR = 2000
_DIGITS = re.compile(r"[0-9]{1,9}")  # ASCII digits only ("²".isdigit() is True), and not absurdly many


def whole_number(value: str) -> int | None:
    return int(value) if _DIGITS.fullmatch(value) else None


class Params:
    def __init__(self, data: QueryDict):
        self.data = data
        #: field id → message, in the order found (the error summary's order)
        self.errors: dict[str, str] = {}
        #: date prefix → which of its inputs (day, month, year) to mark as in error
        self.date_parts: dict[str, set[str]] = {}

    def text(self, name: str, *, max_length: int = 200, label: str = "Text") -> str:
        value = self.data.get(name, "").strip()
        if len(value) > max_length:
            self.errors[name] = f"{label} must be {max_length} characters or fewer"
            return ""
        if "\x00" in value:  # no database stores it (PostgreSQL refuses it outright)
            self.errors[name] = f"{label} must not contain a null character"
            return ""
        return value

    def choice(self, name: str, choices: dict[str, str], *, label: str) -> str | None:
        """One of ``choices`` (value → words), or None when blank."""
        value = self.data.get(name, "").strip()
        if not value:
            return None
        if value not in choices:
            self.errors[name] = f"Select a {label.lower()} from the list"
            return None
        return value

    def page(self, name: str = "page") -> int:
        value = self.data.get(name, "").strip()
        if not value:
            return 1
        number = whole_number(value)
        if number is None or number < 1:
            self.errors[name] = "Page must be a whole number, 1 or more"
            return 1
        return number

    def date(self, prefix: str, *, label: str, required: bool = False, latest: date | None = None) -> date | None:
        """A date from the three inputs of a GOV.UK date input: ``<prefix>-day``, ``-month``, ``-year``."""
        parts = {part: self.data.get(f"{prefix}-{part}", "").strip() for part in ("day", "month", "year")}

        def fail(message: str, *inputs: str) -> None:
            inputs = inputs or ("day", "month", "year")
            self.errors[f"{prefix}-{inputs[0]}"] = message
            self.date_parts[prefix] = set(inputs)

        missing = [part for part, value in parts.items() if not value]
        if len(missing) == 3:
            if required:
                fail(f"Enter {label.lower()}")
            return None
        if missing:
            fail(f"{label} must include a {' and a '.join(missing)}", *missing)
            return None
        numbers = {part: whole_number(value) for part, value in parts.items()}
        if None in numbers.values():
            fail(f"{label} must be a real date")
            return None
        if len(parts["year"]) != 4:
            fail("Year must include 4 numbers", "year")
            return None
        try:
            value = date(numbers["year"], numbers["month"], numbers["day"])
        except (ValueError, OverflowError):
            fail(f"{label} must be a real date")
            return None
        if value.year < MIN_YEAR:
            fail(f"{label} must be in {MIN_YEAR} or later", "year")
            return None
        if latest and value > latest:
            fail(f"{label} must be today or in the past")
            return None
        return value

    def date_error(self, prefix: str) -> str | None:
        """The message for a date input group, whichever of its three inputs it is against."""
        for part in ("day", "month", "year"):
            if f"{prefix}-{part}" in self.errors:
                return self.errors[f"{prefix}-{part}"]
        return None

    def date_error_parts(self, prefix: str) -> set[str]:
        return self.date_parts.get(prefix, set())

    def date_field(self, prefix: str, *, legend: str, hint: str = "") -> dict:
        """What ``includes/date_input.html`` needs to draw a GOV.UK date input."""
        return {
            "prefix": prefix,
            "legend": legend,
            "hint": hint,
            "error": self.date_error(prefix),
            "parts": [
                {
                    "name": part,
                    "label": part.capitalize(),
                    "width": width,
                    "value": self.data.get(f"{prefix}-{part}", ""),
                    "error": part in self.date_error_parts(prefix),
                }
                for part, width in (("day", 2), ("month", 2), ("year", 4))
            ],
        }

    def summary(self) -> list[tuple[str, str]]:
        """(field id, message) for the error summary."""
        return list(self.errors.items())
