"""The reading pipeline: bytes → Document → family → Record."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from inspire.core.reading.documents import MAX_BYTES, Document, load_document, load_path
from inspire.core.reading.embedded import find_embedded, is_council_paper
from inspire.core.reading.errors import NotAnOfstedReport
from inspire.core.reading.frameworks import detect
from inspire.core.reading.kinds import what_it_is
from inspire.core.reading.published import estimate_published
from inspire.core.reading.record import Record
from inspire.core.register import Register, default_register


def read_path(path: str | Path, *, register: Register | None = None, max_bytes: int = MAX_BYTES) -> Record:
    return read_document(load_path(path, max_bytes=max_bytes), register=register)


def read_bytes(data: bytes, source: str, *, register: Register | None = None, max_bytes: int = MAX_BYTES) -> Record:
    return read_document(load_document(data, source, max_bytes=max_bytes), register=register)


def read_document(document: Document, *, register: Register | None = None) -> Record:
    """The record of the report ``document`` is, or of the report embedded in it (a committee paper)."""
    register = register or default_register()
    council_paper = is_council_paper(document)  # asked once: finding the embedded report needs it too
    embedded = find_embedded(document, register, council_paper=council_paper)
    if embedded is None and council_paper:
        raise NotAnOfstedReport(
            document.filename,
            "it is a council paper that discusses an Ofsted inspection, but the report itself is not in it",
        )
    report = embedded.document if embedded else document
    framework = detect(report)
    if framework is None:
        kind = what_it_is(report)
        raise NotAnOfstedReport(
            document.filename,
            f"this is {kind}; Inspire does not read those yet"
            if kind
            else "no Ofsted report on a local authority's children's services was found in it",
        )
    record = framework.read(report, register)
    estimate_published(record, document, embedded=embedded is not None)
    if embedded:
        record.source = dataclasses.replace(
            record.source,
            pages=len(document.pages),
            embedded_pages=(embedded.first_page, embedded.last_page) if document.paginated else None,
        )
        if not embedded.end_found:
            record.warnings.append(
                "source: the end of the embedded report (Ofsted's back matter) was not found; "
                "read to the end of the document"
            )
    return record
