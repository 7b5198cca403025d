"""Reading Ofsted reports into structured records. Pure Python: no web framework imports.

>>> from inspire.core.reading import read_path
>>> record = read_path("report.pdf")          # doctest: +SKIP
>>> record.judgements["overall"]               # doctest: +SKIP
'good'

Its names load on first use (PEP 562), so importing one of its modules (``batch``, ``record``)
does not load every framework: ``inspire ingest`` starts its reading workers sooner.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspire.core.reading.errors import ReadError
    from inspire.core.reading.reader import read_bytes, read_document, read_path
    from inspire.core.reading.record import Record

_MODULE_OF = {
    "ReadError": "errors",
    "Record": "record",
    "read_bytes": "reader",
    "read_document": "reader",
    "read_path": "reader",
}
__all__ = ["ReadError", "Record", "read_bytes", "read_document", "read_path"]  # = _MODULE_OF


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)
    globals()[name] = value
    return value
