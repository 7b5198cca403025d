"""Writes. Keyword-only functions named ``<entity>_<action>``; views, API and CLI call these."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Count
from django.utils.text import slugify

from inspire.core.reading.compare import record_differences
from inspire.core.reading.documents import Document
from inspire.core.reading.record import Record
from inspire.core.register import Register, default_register
from inspire.web.read.models import (
    Authority,
    DocumentPage,
    Inspection,
    InspectionSource,
    Judgement,
    Recommendation,
    SourceDocument,
)


def register_sync(*, register: Register | None = None) -> int:
    """Create or update every authority of the register. Returns how many there are."""
    register = register or default_register()
    existing = {a.ofsted_urn: a for a in Authority.objects.all()}
    new = []
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
                new.append(Authority(ofsted_urn=entry.ofsted_urn, **values))
            elif any(getattr(current, k) != v for k, v in values.items()):
                Authority.objects.filter(pk=current.pk).update(**values)
        Authority.objects.bulk_create(new)  # a fresh database: one statement, not 156
    return len(register.authorities)


_ORDINALS = {2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}


@dataclass(frozen=True)
class StoreResult:
    """What storing one file did, with the words to say it (``message``)."""

    inspection: Inspection
    created: bool  # a new inspection (False: the file was stored before, or is another source of a stored one)
    #: another file of an inspection already stored, now one of its sources
    added_source: bool = False
    #: which of the inspection's files this is (1 for the first); 0 when the very file was stored before
    source_number: int = 0
    #: how many values this file reads differently from the inspection (shown on its page)
    differences: int = 0
    #: why the report could not be matched against the inspections already stored, else ""
    unmatched: str = ""

    def message(self, filename: str) -> str:
        """What happened to ``filename``, in words, for the upload page and ``inspire ingest``."""
        if self.added_source:
            nth = _ORDINALS.get(self.source_number, "another")
            text = f"{filename}: already stored as {self.inspection}; added as a {nth} source"
            if self.differences:
                values = "value" if self.differences == 1 else "values"
                text += f" (it reads {self.differences} {values} differently: see the inspection's sources)"
            return text + "."
        if not self.created:
            return f"{filename} was already stored (the same file) as {self.inspection}."
        text = f"{filename} was read and stored as {self.inspection}."
        if self.unmatched:
            text += (
                f" It could not be matched against the inspections already stored ({self.unmatched}): "
                "if another file of the same inspection is stored, it is now listed twice."
            )
        return text


def _identity(record: Record, authority_ids: dict[str, int]) -> tuple[tuple | None, str]:
    """What identifies the inspection a record reads (authority, family, first and last day), or
    None and why it cannot be matched: nothing is matched on a guess."""
    authority_id = authority_ids.get(record.authority.ofsted_urn) if record.authority else None
    missing = [] if authority_id else ["no authority"]
    if not (record.inspection_start or record.inspection_end):
        missing.append("no inspection dates")
    elif not record.inspection_start:
        missing.append("no first day of the inspection")
    elif not record.inspection_end:
        missing.append("no last day of the inspection")
    if missing:
        return None, f"the report gives {' and '.join(missing)}"
    return (authority_id, record.family, record.inspection_start, record.inspection_end), ""


#: The database's words for the identity constraint (PostgreSQL names it, SQLite lists its columns).
_IDENTITY_TAKEN = re.compile(r"one_inspection_per_identity|inspections_inspection\.inspection_end")


def inspection_store(*, record: Record, document: Document, content: bytes, uploaded_by=None) -> StoreResult:
    """Store one read report, all or nothing. The same file twice is stored once (by SHA-256); another
    file of an inspection already stored becomes another of its sources."""
    (result,) = inspections_store([(record, document, content)], uploaded_by=uploaded_by)
    if isinstance(result, IntegrityError) and _IDENTITY_TAKEN.search(str(result)):
        # the same inspection was stored by someone else meanwhile: now it is found, and this file joins it
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
    once (by SHA-256). An inspection is one inspection however many files it comes from: a report
    of the same authority, family and inspection dates as one stored (or earlier in ``reports``) is
    kept as another source of it, never a second inspection.

    Many reports in one go is what makes ingest fast: one statement per table for them all, one
    commit, and the search index written once for all their pages (SQLite's FTS5 writes its index
    out at every savepoint and commit).
    """
    with transaction.atomic():
        new_documents: list[int] = []
        try:
            with transaction.atomic():
                results: list[StoreResult | DatabaseError] = list(_store_all(reports, uploaded_by, new_documents))
        except DatabaseError:
            results = []
            new_documents.clear()
            for report in reports:
                stored_here: list[int] = []
                try:
                    with transaction.atomic():
                        results += _store_all([report], uploaded_by, stored_here)
                except DatabaseError as error:
                    results.append(error)
                else:
                    new_documents += stored_here
        _search_index(new_documents)
    return results


def _store_all(
    reports: Sequence[tuple[Record, Document, bytes]], uploaded_by, new_documents: list[int]
) -> list[StoreResult]:
    """Store reports with a few bulk statements; a file stored before (or earlier in ``reports``) is
    not stored again; a file of an inspection stored before (or earlier) becomes another of its
    sources. The ids of the documents stored are added to ``new_documents``."""
    digests = {document.sha256 for _, document, _ in reports}
    known = {
        source.document.sha256: source.inspection
        for source in InspectionSource.objects.filter(document__sha256__in=digests)
        .select_related("document", "inspection", "inspection__authority")
        .defer("document__content", "inspection__record", "inspection__facts", "inspection__warnings")
    }
    urns = {record.authority.ofsted_urn for record, _, _ in reports if record.authority}
    authority_ids = dict(Authority.objects.filter(ofsted_urn__in=urns).values_list("ofsted_urn", "id"))
    first: dict[str, int] = {}  # each file not stored before: where its first copy is in ``reports``
    for index, (_, document, _) in enumerate(reports):
        if document.sha256 not in known:
            first.setdefault(document.sha256, index)
    new = [reports[index] for index in first.values()]
    as_json = [record.to_json() for record, _, _ in new]
    identities = [_identity(record, authority_ids) for record, _, _ in new]
    keys = [key for key, _ in identities if key]
    stored_same: dict[tuple, Inspection] = {}
    if keys:
        candidates = (
            Inspection.objects.filter(
                authority_id__in={k[0] for k in keys},
                family__in={k[1] for k in keys},
                inspection_start__in={k[2] for k in keys},
            )
            .select_related("authority")
            .defer("facts", "warnings")
        )
        wanted = set(keys)
        for inspection in candidates:
            key = (inspection.authority_id, inspection.family, inspection.inspection_start, inspection.inspection_end)
            if key in wanted:
                stored_same[key] = inspection
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
    new_documents += [source.pk for source in sources]
    # which new files start an inspection, and which belong to one stored before or earlier here
    starts: list[int] = []  # positions in ``new`` of files that are new inspections
    belongs: dict[int, tuple] = {}  # position in ``new`` -> identity of the inspection it is a source of
    started: dict[tuple, int] = {}
    for position, (key, _) in enumerate(identities):
        if key is not None and (key in stored_same or key in started):
            belongs[position] = key
        else:
            starts.append(position)
            if key is not None:
                started[key] = position
    created = []
    for position in starts:
        record, source = new[position][0], sources[position]
        created.append(
            Inspection(
                document=source,
                authority_id=authority_ids.get(record.authority.ofsted_urn) if record.authority else None,
                family=record.family,
                inspection_start=record.inspection_start,
                inspection_end=record.inspection_end,
                published=record.published,
                published_estimate=record.published_estimate,
                published_estimate_source=record.published_estimate_source or "",
                lead_inspector=record.lead_inspector or "",
                theme=record.theme or "",
                letter_date=record.letter_date,
                outcome=record.outcome or "",
                next_inspection=record.next_inspection or "",
                facts=as_json[position]["facts"],
                warnings=list(record.warnings),
                record=as_json[position],
            )
        )
    Inspection.objects.bulk_create(created)
    inspection_at = dict(zip(starts, created, strict=True))
    for key, position in started.items():
        stored_same[key] = inspection_at[position]
    source_rows = []
    for position, source in enumerate(sources):
        inspection = inspection_at.get(position) or stored_same[belongs[position]]
        differences = [] if position in inspection_at else record_differences(inspection.record, as_json[position])
        source_rows.append(
            InspectionSource(inspection=inspection, document=source, record=as_json[position], differences=differences)
        )
    InspectionSource.objects.bulk_create(source_rows)
    counts = dict(
        InspectionSource.objects.filter(inspection__in={row.inspection_id for row in source_rows})
        .values("inspection")
        .annotate(n=Count("id"))
        .values_list("inspection", "n")
    )
    number: dict[int, int] = {}  # each new source: which of its inspection's files it is
    for position in sorted(range(len(source_rows)), key=lambda p: source_rows[p].pk, reverse=True):
        row = source_rows[position]
        number[position] = counts[row.inspection_id]
        counts[row.inspection_id] -= 1
    Judgement.objects.bulk_create(
        Judgement(
            inspection=inspection,
            area=area,
            grade=grade,
            score=record.grades.get(area),
            page=_provenance(record, f"judgements.{area}").page,
            quote=_provenance(record, f"judgements.{area}").quote,
        )
        for inspection, position in zip(created, starts, strict=True)
        for record in [new[position][0]]
        for area, grade in record.judgements.items()
    )
    Recommendation.objects.bulk_create(
        Recommendation(
            inspection=inspection,
            section=r.section,
            ordinal=r.ordinal,
            text=r.text,
            page=r.page,
            kind=r.kind or "",
            topic=r.topic or "",
            agency=r.agency or "",
        )
        for inspection, position in zip(created, starts, strict=True)
        for r in new[position][0].recommendations
    )
    outcome: dict[str, StoreResult] = {}
    for position, (_, document, _) in enumerate(new):
        row = source_rows[position]
        outcome[document.sha256] = StoreResult(
            row.inspection,
            created=position in inspection_at,
            added_source=position not in inspection_at,
            source_number=number[position],
            differences=len(row.differences),
            unmatched=identities[position][1],
        )
    results = []
    for index, (_, document, _) in enumerate(reports):
        if document.sha256 in known:
            results.append(StoreResult(known[document.sha256], created=False))
        elif first[document.sha256] == index:
            results.append(outcome[document.sha256])
        else:  # a copy of a file earlier in ``reports``
            results.append(StoreResult(outcome[document.sha256].inspection, created=False))
    return results


def _pages_insert(documents: list[tuple[int, Document]]) -> None:
    """Every page of the documents (with their ids) in one ``executemany``: the bulk of what storing
    writes (thousands of rows per batch), without building a model instance per page."""
    table = connection.ops.quote_name(DocumentPage._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(DocumentPage._meta.get_field(f).column) for f in ("document", "number", "text")
    )
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
