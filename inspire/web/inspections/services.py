"""Writes. Keyword-only functions named ``<entity>_<action>``; views, API and CLI call these."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, transaction
from django.utils.text import slugify

from inspire.core.reading.documents import Document
from inspire.core.reading.record import Record
from inspire.core.register import Register, default_register
from inspire.web.inspections.models import (
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
    already = Inspection.objects.filter(document__sha256=document.sha256).select_related("document").first()
    if already is not None:
        return StoreResult(already, created=False)
    authority = None
    if record.authority:
        authority = Authority.objects.filter(ofsted_urn=record.authority.ofsted_urn).first()
    as_json = record.to_json()
    with transaction.atomic():
        source = SourceDocument.objects.create(
            sha256=document.sha256,
            filename=document.filename[:255],
            format=document.format,
            size=len(content),
            page_count=len(document.pages),
            content=content,
            uploaded_by=uploaded_by,
        )
        _pages_insert(source.pk, document)
        inspection = Inspection.objects.create(
            document=source,
            authority=authority,
            family=record.family,
            inspection_start=record.inspection_start,
            inspection_end=record.inspection_end,
            published=record.published,
            lead_inspector=record.lead_inspector or "",
            facts=as_json["facts"],
            warnings=list(record.warnings),
            record=as_json,
        )
        Judgement.objects.bulk_create(
            Judgement(
                inspection=inspection,
                area=area,
                grade=grade,
                score=record.grades.get(area),
                page=_provenance(record, f"judgements.{area}").page,
                quote=_provenance(record, f"judgements.{area}").quote,
            )
            for area, grade in record.judgements.items()
        )
        Recommendation.objects.bulk_create(
            Recommendation(inspection=inspection, section=r.section, ordinal=r.ordinal, text=r.text, page=r.page)
            for r in record.recommendations
        )
    return StoreResult(inspection, created=True)


def _pages_insert(document_id: int, document: Document) -> None:
    """Every page of a document in one ``executemany``: the bulk of what storing writes (thousands
    of rows per batch), without building a model instance per page. The search index follows by
    trigger (SQLite) or expression index (PostgreSQL)."""
    table = connection.ops.quote_name(DocumentPage._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(DocumentPage._meta.get_field(f).column) for f in ("document", "number", "text"))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s)",
            [(document_id, page.number, page.text) for page in document.pages],
        )


class _NoProvenance:
    page = None
    quote = ""


def _provenance(record: Record, key: str):
    return record.provenance.get(key) or _NoProvenance
