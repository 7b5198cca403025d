"""A value read from the document with where it was read, and putting it in the record."""

from __future__ import annotations

from dataclasses import dataclass

from inspire.core.reading.documents import Document
from inspire.core.reading.record import Provenance, Record, SourceInfo


@dataclass
class Found:
    """A value read from the document, with where it was read."""

    value: object
    provenance: Provenance


def new_record(family: str, document: Document) -> Record:
    return Record(
        family=family,
        source=SourceInfo(
            sha256=document.sha256, format=document.format, pages=len(document.pages), filename=document.filename
        ),
    )


def record_found(record: Record, field: str, found: Found) -> None:
    """Put a judgement ("judgements.overall") or a top-level field ("published") in the record."""
    if field.startswith("judgements."):
        record.judgements[field.split(".", 1)[1]] = found.value  # type: ignore[assignment]
    else:
        setattr(record, field, found.value)
    record.provenance[field] = found.provenance
