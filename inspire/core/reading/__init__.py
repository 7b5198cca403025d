"""Reading Ofsted reports into structured records. Pure Python: no web framework imports.

>>> from inspire.core.reading import read_path
>>> record = read_path("report.pdf")          # doctest: +SKIP
>>> record.judgements["overall"]               # doctest: +SKIP
'good'
"""

from inspire.core.reading.errors import ReadError
from inspire.core.reading.reader import read_bytes, read_document, read_path
from inspire.core.reading.record import Record

__all__ = ["ReadError", "Record", "read_bytes", "read_document", "read_path"]
