"""A cell of an imported workbook or CSV file, checked against its column and converted to its
kind (a date, a number, a status...); each problem is kept as a :class:`RowError`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from inspire.core.plans.excel.layout import BOARD_KINDS, Column, RowError
from inspire.core.plans.rag import MILESTONE_STATUSES, POLARITIES, RAG_LABELS
from inspire.core.plans.risk import RiskLevelError, parse_level
from inspire.core.plans.timescales import find_dates


class Checker:
    def __init__(self):
        self.errors: list[RowError] = []

    def value(self, sheet: str, row: int, column: Column, raw: Any) -> Any:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if column.required:
                self.errors.append(RowError(sheet, row, column.name, "is blank; it is required"))
            return None
        try:
            return convert(column, raw)
        except ValueError as error:
            self.errors.append(RowError(sheet, row, column.name, str(error)))
            return None


def convert(column: Column, raw: Any) -> Any:
    kind = column.kind
    if kind == "datetime":
        if isinstance(raw, datetime):
            value = raw
        else:
            try:
                value = datetime.fromisoformat(str(raw).strip())
            except ValueError:
                raise ValueError(f"'{raw}' is not a date and time (use YYYY-MM-DD HH:MM:SS)") from None
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).replace(microsecond=0)
    if kind == "date":
        if isinstance(raw, datetime):
            return raw.date()
        if isinstance(raw, date):
            return raw
        text = str(raw).strip()
        try:
            return date.fromisoformat(text)
        except ValueError:
            found = find_dates(text)
            if len(found) == 1 and found[0][1] is not None and found[0][0] == text:
                return found[0][1]
            raise ValueError(f"'{text}' is not a date (use YYYY-MM-DD)") from None
    if kind == "number":
        try:
            return float(raw) if not isinstance(raw, bool) else None
        except (TypeError, ValueError):
            raise ValueError(f"'{raw}' is not a number") from None
    text = str(raw).strip()
    if kind == "status":
        if text not in MILESTONE_STATUSES:
            raise ValueError(
                f"'{text}' is not a status ({', '.join(MILESTONE_STATUSES)}; overdue follows from the date)"
            )
        return text
    if kind == "polarity":
        if text not in POLARITIES:
            raise ValueError(f"'{text}' is not a polarity ({', '.join(POLARITIES)})")
        return text
    if kind == "rag":
        if text not in RAG_LABELS:
            raise ValueError(f"'{text}' is not a RAG status ({', '.join(RAG_LABELS)})")
        return text
    if kind == "board_kind":
        if text not in BOARD_KINDS:
            raise ValueError(f"'{text}' is not a kind of board ({', '.join(BOARD_KINDS)})")
        return text
    if kind == "level":
        try:
            return parse_level(text)
        except RiskLevelError as error:
            raise ValueError(str(error)) from None
    if kind == "recommendation":
        parts = text.lower().split()
        if len(parts) != 2 or parts[0] not in ("la", "lscb") or not parts[1].isdigit():
            raise ValueError(f"'{text}' is not a recommendation (write 'la 3' or 'lscb 2')")
        return (parts[0], int(parts[1]))
    if kind == "themes":
        return [t.strip() for t in text.split(",") if t.strip()]
    return text
