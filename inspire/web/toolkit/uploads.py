"""Files uploaded through the browser (reports, Annex A workbooks): the size limit, enforced while the
request is read (:class:`SizeLimitUploadHandler`) so an oversized upload is never written to memory or
disk whole, and the checks every upload form makes (:func:`uploaded_file`)."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload

from inspire.core.limits import Bounds


class SizeLimitUploadHandler(FileUploadHandler):
    """Stops reading an upload past ``INSPIRE_MAX_UPLOAD_BYTES`` and marks the request."""

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        if start + len(raw_data) > settings.INSPIRE_MAX_UPLOAD_BYTES:
            self.request.inspire_upload_too_large = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the next handler keeps the file


def upload_limit_mb() -> int:
    return settings.INSPIRE_MAX_UPLOAD_BYTES // 1_048_576


def uploaded_file(request, field: str, *, missing: str) -> tuple[UploadedFile | None, str]:
    """The file posted as ``field``, or None and the error to show for it: over the size limit
    (stopped by :class:`SizeLimitUploadHandler`), none selected (``missing``), or empty."""
    uploaded = request.FILES.get(field)  # reading the files first: that is when the limit is found
    if getattr(request, "inspire_upload_too_large", False):
        return None, f"The selected file must be smaller than {upload_limit_mb()} MB"
    if uploaded is None:
        return None, missing
    if uploaded.size == 0:
        return None, "The selected file is empty"
    return uploaded, ""


def reading_bounds() -> Bounds:
    """How long and how much memory reading one uploaded file may take (settings
    ``INSPIRE_READ_SECONDS`` and ``INSPIRE_READ_MEMORY_BYTES``): every upload page reads its file
    in a worker process that is stopped past them (``inspire.core.limits``)."""
    return Bounds(seconds=settings.INSPIRE_READ_SECONDS, memory_bytes=settings.INSPIRE_READ_MEMORY_BYTES)
