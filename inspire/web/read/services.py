"""Writes. Keyword-only functions named ``<entity>_<action>``; views, API and CLI call these."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import DatabaseError, connection, transaction
from django.utils.text import slugify

from inspire.core.reading.documents import Document
from inspire.core.reading.record import Record
from inspire.core.register import Register, default_register
from inspire.web.read.models import (
    Authority,
    DocumentPage,
    Inspection,
    Judgement,
    Recommendation,
    SourceDocument,
)


def register_sync(*, register: Register | None = None) -> int:
    """Create or update every authority of the register. Returns how many there are."""
    register = register or default_register()
    existing = {a.ofsted_urn: a for a in Authority.objects.all()}
    with transaction.atomic():
        for entry in register.authorities:
            values = dict(
                dfe_la_code=entry.dfe_la_code,
                ons_code=entry.ons_code,
                name=entry.name,
                slug=slugify(entry.name.replace(", City of", "")),
                region_code=entry.region_code,
                region_name=entry.region_name,
                la_type=entry.la_type,
                population_0_25=entry.population_0_25,
                stat_neighbours=list(entry.stat_neighbours),
            )
            current = existing.get(entry.ofsted_urn)
            if current is None:
                Authority.objects.create(ofsted_urn=entry.ofsted_urn, **values)
            elif any(getattr(current, k) != v for k, v in values.items()):
                Authority.objects.filter(pk=current.pk).update(**values)
    return len(register.authorities)


@dataclass(frozen=True)
class StoreResult:
    inspection: Inspection
    created: bool  # False when the same file (by content hash) was already stored


def inspection_store(*, record: Record, document: Document, content: bytes, uploaded_by=None) -> StoreResult:
    """Store one read report, all or nothing. The same file twice is stored once (by SHA-256)."""
    (result,) = inspections_store([(record, document, content)], uploaded_by=uploaded_by)
    if isinstance(result, DatabaseError):
        raise result
    return result


def inspections_store(
    reports: Sequence[tuple[Record, Document, bytes]], *, uploaded_by=None
) -> list[StoreResult | DatabaseError]:
    """Store read reports (record, document, original bytes) in one transaction, each all or
    nothing: when the database refuses one, each is stored again in a savepoint of its own, so only
    that one is rolled back, and its error is returned in its place. The same file twice is stored
    once (by SHA-256).

    Many reports in one go is what makes ingest fast: one statement per table for them all, one
    commit, and the search index written once for all their pages (SQLite's FTS5 writes its index
    out at every savepoint and commit).
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                results: list[StoreResult | DatabaseError] = list(_store_all(reports, uploaded_by))
        except DatabaseError:
            results = []
            for report in reports:
                try:
                    with transaction.atomic():
                        results += _store_all([report], uploaded_by)
                except DatabaseError as error:
                    results.append(error)
        _search_index([r.inspection.document_id for r in results if isinstance(r, StoreResult) and r.created])
    return results


def _store_all(reports: Sequence[tuple[Record, Document, bytes]], uploaded_by) -> list[StoreResult]:
    """Store reports with a few bulk statements; a file stored before (or earlier in ``reports``) is not stored again."""
    digests = {document.sha256 for _, document, _ in reports}
    stored = {
        inspection.document.sha256: inspection
        for inspection in Inspection.objects.filter(document__sha256__in=digests).select_related("document").defer("document__content")
    }
    urns = {record.authority.ofsted_urn for record, _, _ in reports if record.authority}
    authority_ids = dict(Authority.objects.filter(ofsted_urn__in=urns).values_list("ofsted_urn", "id"))
    first: dict[str, int] = {}  # each file not stored before: where its first copy is in ``reports``
    for index, (_, document, _) in enumerate(reports):
        if document.sha256 not in stored:
            first.setdefault(document.sha256, index)
    new = [reports[index] for index in first.values()]
    sources = SourceDocument.objects.bulk_create(
        SourceDocument(
            sha256=document.sha256,
            filename=document.filename[:255],
            format=document.format,
            size=len(content),
            page_count=len(document.pages),
            content=content,
            uploaded_by=uploaded_by,
        )
        for _, document, content in new
    )
    _pages_insert([(source.pk, document) for source, (_, document, _) in zip(sources, new, strict=True)])
    created = []
    for source, (record, _, _) in zip(sources, new, strict=True):
        as_json = record.to_json()
        created.append(Inspection(
            document=source,
            authority_id=authority_ids.get(record.authority.ofsted_urn) if record.authority else None,
            family=record.family,
            inspection_start=record.inspection_start,
            inspection_end=record.inspection_end,
            published=record.published,
            published_estimate=record.published_estimate,
            published_estimate_source=record.published_estimate_source or "",
            lead_inspector=record.lead_inspector or "",
            facts=as_json["facts"],
            warnings=list(record.warnings),
            record=as_json,
        ))
    Inspection.objects.bulk_create(created)
    Judgement.objects.bulk_create(
        Judgement(
            inspection=inspection,
            area=area,
            grade=grade,
            score=record.grades.get(area),
            page=_provenance(record, f"judgements.{area}").page,
            quote=_provenance(record, f"judgements.{area}").quote,
        )
        for inspection, (record, _, _) in zip(created, new, strict=True)
        for area, grade in record.judgements.items()
    )
    Recommendation.objects.bulk_create(
        Recommendation(
            inspection=inspection, section=r.section, ordinal=r.ordinal, text=r.text, page=r.page,
            kind=r.kind or "", topic=r.topic or "", agency=r.agency or "",
        )
        for inspection, (record, _, _) in zip(created, new, strict=True)
        for r in record.recommendations
    )
    stored.update((inspection.document.sha256, inspection) for inspection in created)
    return [
        StoreResult(stored[document.sha256], created=first.get(document.sha256) == index)
        for index, (_, document, _) in enumerate(reports)
    ]


def _pages_insert(documents: list[tuple[int, Document]]) -> None:
    """Every page of the documents (with their ids) in one ``executemany``: the bulk of what storing
    writes (thousands of rows per batch), without building a model instance per page."""
    table = connection.ops.quote_name(DocumentPage._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(DocumentPage._meta.get_field(f).column) for f in ("document", "number", "text"))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s)",
            [(document_id, page.number, page.text) for document_id, document in documents for page in document.pages],
        )


def _search_index(document_ids: list[int]) -> None:
    """Add the pages of newly stored documents to SQLite's search index, in one statement (row by
    row, by trigger, costs twice as much). PostgreSQL's index is an expression index: it keeps
    itself up to date. Changes and deletions reach the SQLite index by trigger (migration 0003)."""
    if connection.vendor != "sqlite" or not document_ids:
        return
    marks = ", ".join(["%s"] * len(document_ids))
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO inspections_page_fts(rowid, text) "
            f"SELECT id, text FROM inspections_documentpage WHERE document_id IN ({marks})",
            document_ids,
        )


class _NoProvenance:
    page = None
    quote = ""


def _provenance(record: Record, key: str):
    return record.provenance.get(key) or _NoProvenance
