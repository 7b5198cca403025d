"""Typed case rows to and from compact bytes (JSON of value lists, zlib), for ``CaseList.data``.

One import of a large county is about 120,000 rows; stored this way it is a few megabytes and
loads back in well under a second, so any period can be recomputed from it.
"""

from __future__ import annotations

import json
import zlib
from datetime import date
from operator import attrgetter
from typing import Any

from inspire.core.indicators.cases import ROW_TYPES, CaseLists, row_fields

_DATE_FIELDS: dict[str, set[str]] = {
    key: {name for name, hint in row_type.__annotations__.items() if "date" in str(hint)}
    for key, row_type in ROW_TYPES.items()
}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def dump(list_key: str, rows: list) -> bytes:
    get = attrgetter("row", *row_fields(list_key))
    table = [[_plain(v) for v in get(r)] for r in rows]
    return zlib.compress(json.dumps(table, separators=(",", ":")).encode(), 1)


def load(list_key: str, data: bytes) -> list:
    names = row_fields(list_key)
    dates = [i for i, n in enumerate(names) if n in _DATE_FIELDS[list_key]]
    row_type = ROW_TYPES[list_key]
    out = []
    fromiso = date.fromisoformat
    for values in json.loads(zlib.decompress(bytes(data))):
        number, *fields = values
        for i in dates:
            if fields[i] is not None:
                fields[i] = fromiso(fields[i])
        out.append(row_type(number, *fields))
    return out


def case_lists(stored: list[tuple[str, bytes]], columns: dict[str, list[str]]) -> CaseLists:
    lists = CaseLists(columns={key: set(found) for key, found in columns.items()})
    for list_key, data in stored:
        setattr(lists, list_key, load(list_key, data))
    return lists
