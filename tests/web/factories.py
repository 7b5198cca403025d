"""Test data: build :class:`Record` objects and store them with ``inspection_store``.

Shared by every tests/web module (data and pages). Records are built directly (or from the corpus
labels) until the report readers are on main; the stored pages carry real text when given.
"""

from __future__ import annotations

import hashlib
import itertools
from datetime import date

from inspire.core.reading.documents import Document, Page
from inspire.core.reading.record import AuthorityRef, Provenance, Recommendation, Record, SourceInfo
from inspire.core.register import default_register

_counter = itertools.count(1)


def make_record(
    *,
    authority: str = "Essex",
    family: str = "ilacs",
    inspection_start: date | None = date(2019, 10, 7),
    inspection_end: date | None = date(2019, 10, 18),
    published: date | None = None,
    lead_inspector: str | None = "Jane Doe",
    judgements: dict[str, str] | None = None,
    recommendations: list[tuple[str, str]] | None = None,
    facts: dict | None = None,
    warnings: list[str] | None = None,
    filename: str | None = None,
    pages: int = 1,
) -> Record:
    """A Record for ``authority`` (a register name), judgements with provenance on page 1."""
    entry = default_register().lookup(authority)
    if entry is None:
        raise ValueError(f"{authority!r} is not in the register")
    judgements = dict(judgements if judgements is not None else {"overall": "good"})
    provenance = {
        f"judgements.{area}": Provenance(1, f"{area.replace('_', ' ').capitalize()}: {grade.replace('_', ' ')}")
        for area, grade in judgements.items()
    }
    recs = [
        Recommendation(section=section, ordinal=n, text=text, page=1)
        for n, (section, text) in enumerate(recommendations or [], start=1)
    ]
    return Record(
        family=family,
        source=SourceInfo(sha256="", format="text", pages=pages, filename=filename or f"report-{next(_counter)}.txt"),
        authority=AuthorityRef(name=entry.name, ofsted_urn=entry.ofsted_urn, dfe_la_code=entry.dfe_la_code),
        inspection_start=inspection_start,
        inspection_end=inspection_end,
        published=published,
        lead_inspector=lead_inspector,
        judgements=judgements,
        recommendations=recs,
        facts=dict(facts or {}),
        provenance=provenance,
        warnings=list(warnings or []),
    )


def store_many(records: list[Record]) -> None:
    """Store many records in one batch, as ingest does (each with the default page of ``store``)."""
    from inspire.web.read.services import inspections_store

    results = inspections_store([_document_of(record, None, None) for record in records])
    refused = [r for r in results if isinstance(r, Exception)]
    assert not refused, refused


def store(record: Record, *, pages: list[str] | None = None, content: bytes | None = None):
    """Store ``record`` with ``pages`` of text (default: a page naming its judgements). Returns the Inspection."""
    from inspire.web.read.services import inspection_store

    record, document, content = _document_of(record, pages, content)
    return inspection_store(record=record, document=document, content=content).inspection


def _document_of(record: Record, pages: list[str] | None, content: bytes | None):
    """(record, document, content) as the store takes them."""
    if pages is None:
        who = record.authority.name if record.authority else "Unknown"
        lines = [f"Inspection of {who} children's services"]
        lines += [
            f"{area.replace('_', ' ').capitalize()}: {grade.replace('_', ' ')}"
            for area, grade in record.judgements.items()
        ]
        lines += [r.text for r in record.recommendations]
        pages = ["\n".join(lines)]
    if content is None:
        content = ("\f".join(pages) + f"\n{record.source.filename}").encode()
    sha = hashlib.sha256(content).hexdigest()
    document = Document(
        pages=tuple(Page(number=n, text=text) for n, text in enumerate(pages, start=1)),
        format="text",
        sha256=sha,
        filename=record.source.filename,
        paginated=True,
    )
    return record, document, content


def record_from_label(row: dict[str, str]) -> Record | None:
    """A Record built from one row of the corpus ``judgements.csv`` (None for non-reports)."""
    if row["family"] not in {"ilacs", "ilacs_2026", "sif", "lac_2012", "lscb_review"}:
        return None
    areas = ("overall", "help_and_protection", "children_in_care", "adoption", "care_leavers", "leadership", "lscb")
    return make_record(
        authority=default_register().by_urn[row["ofsted_urn"]].name,
        family=row["family"],
        inspection_start=_day(row["inspection_start"]),
        inspection_end=_day(row["inspection_end"]),
        published=_day(row["published"]),
        lead_inspector=row["lead_inspector"] or None,
        judgements={a: row[a] for a in areas if row[a]},
        filename=row["report"],
    )


def _day(value: str) -> date | None:
    return date.fromisoformat(value) if value else None
