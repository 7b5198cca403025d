"""The reading pipeline: bytes → Document → family → Record."""

from __future__ import annotations

from pathlib import Path

from inspire.core.reading.documents import MAX_BYTES, Document, load_document, load_path
from inspire.core.reading.errors import NotAnOfstedReport
from inspire.core.reading.frameworks import detect
from inspire.core.reading.record import Record
from inspire.core.register import Register, default_register


def read_path(path: str | Path, *, register: Register | None = None, max_bytes: int = MAX_BYTES) -> Record:
    return read_document(load_path(path, max_bytes=max_bytes), register=register)


def read_bytes(data: bytes, source: str, *, register: Register | None = None, max_bytes: int = MAX_BYTES) -> Record:
    return read_document(load_document(data, source, max_bytes=max_bytes), register=register)


def read_document(document: Document, *, register: Register | None = None) -> Record:
    framework = detect(document)
    if framework is None:
        raise NotAnOfstedReport(
            document.filename,
            "no Ofsted report on a local authority's children's services was found in it",
        )
    return framework.read(document, register or default_register())
