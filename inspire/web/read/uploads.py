"""Reports uploaded through the browser: read (by content, never by name) and stored, or refused.

The size limit is enforced while the request is read (``toolkit.uploads``).
"""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings

from inspire.core.reading.documents import load_document
from inspire.core.reading.reader import read_document
from inspire.web.read.services import StoreResult, inspection_store
from inspire.web.read.signals import inspections_stored


def report_upload(*, content: bytes, filename: str, uploaded_by=None) -> StoreResult:
    """Read ``content`` as a report and store it. Raises :class:`~inspire.core.reading.ReadError`."""
    name = PurePath(filename.replace("\\", "/")).name[:255] or "upload"
    document = load_document(content, name, max_bytes=settings.INSPIRE_MAX_UPLOAD_BYTES)
    record = read_document(document)
    result = inspection_store(record=record, document=document, content=content, uploaded_by=uploaded_by)
    if result.created:
        inspections_stored.send(sender=report_upload, inspections=[result.inspection])
    return result
