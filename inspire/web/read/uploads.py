"""Reports uploaded through the browser: read (by content, never by name) and stored, or refused.

The size limit is enforced while the request is read (``toolkit.uploads``).
"""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings

from inspire.core.reading.batch import read_bounded
from inspire.web.read.services import StoreResult, inspection_store
from inspire.web.read.signals import inspections_stored
from inspire.web.toolkit.uploads import reading_bounds


def report_upload(*, content: bytes, filename: str, uploaded_by=None) -> StoreResult:
    """Read ``content`` as a report and store it. Raises :class:`~inspire.core.reading.ReadError`.

    The file is read in a worker process of its own that is stopped past ``reading_bounds()``, so a
    file built to overload the server costs this request at most that long and that much memory,
    and the request then answers with the limit passed."""
    name = PurePath(filename.replace("\\", "/")).name[:255] or "upload"
    record, document = read_bounded(content, name, max_bytes=settings.INSPIRE_MAX_UPLOAD_BYTES, bounds=reading_bounds())
    result = inspection_store(record=record, document=document, content=content, uploaded_by=uploaded_by)
    if result.created:
        inspections_stored.send(sender=report_upload, inspections=[result.inspection])
    return result
