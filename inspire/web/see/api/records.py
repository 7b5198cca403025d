"""The API's records: local authorities, inspections, judgements and recommendations."""

from __future__ import annotations

import re
from typing import Literal

from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError

from inspire.core.national import HAPPENED
from inspire.web.read.models import (
    Authority,
    Inspection,
    Judgement,
    Recommendation,
    inspection_date,
)
from inspire.web.read.selectors import authority_neighbours, inspection_sources
from inspire.web.see.api.schemas import (
    ERRORS,
    MAX_ID,
    Area,
    AuthorityDetail,
    AuthorityPage,
    Family,
    Grade,
    InspectionDetail,
    InspectionPage,
    IsoDate,
    JudgementPage,
    Paging,
    RecommendationPage,
    Region,
    Text,
    _ref,
)
from inspire.web.toolkit.labels import area_order, area_rank

router = Router()


def _authority(authority: Authority) -> dict:
    return {
        **_ref(authority),
        "dfe_la_code": authority.dfe_la_code,
        "ons_code": authority.ons_code,
        "region_code": authority.region_code,
        "region_name": authority.region_name,
        "la_type": authority.la_type,
        "population_0_25": authority.population_0_25,
        "stat_neighbours": list(authority.stat_neighbours),
    }


def _summary(inspection: Inspection) -> dict:
    return {
        "id": inspection.pk,
        "url": reverse("inspection_detail", args=[inspection.pk]),
        "authority": _ref(inspection.authority),
        "family": inspection.family,
        "inspection_start": inspection.inspection_start,
        "inspection_end": inspection.inspection_end,
        "published": inspection.published,
        "effective_date": inspection.effective_date,
        "lead_inspector": inspection.lead_inspector,
        "grades": {j.area: j.grade for j in _in_area_order(inspection.judgements.all())},
        "theme": inspection.theme,
        "outcome": inspection.outcome,
        "next_inspection": inspection.next_inspection,
        "letter_date": inspection.letter_date,
    }


def _in_area_order(judgements) -> list[Judgement]:
    """Judgements in the pages' order of areas (``labels.area_order``)."""
    return sorted(judgements, key=lambda j: area_order(j.area))


def _page(queryset: QuerySet, paging: Paging, convert) -> dict:
    items = queryset[paging.offset : paging.offset + paging.limit]
    return {
        "count": queryset.count(),
        "limit": paging.limit,
        "offset": paging.offset,
        "items": [convert(i) for i in items],
    }


def _inspections() -> QuerySet[Inspection]:
    """Inspections with authority and judgements, without the stored whole record (read only by detail)."""
    return (
        Inspection.objects.select_related("authority")
        .prefetch_related("judgements")
        .defer("record", "facts", "warnings")
    )


_SLUG_OR_URN = re.compile(r"^[a-z0-9-]{1,100}$")


def _find_authority(key: str) -> Authority:
    authority = None
    if _SLUG_OR_URN.match(key):
        authority = Authority.objects.filter(Q(slug=key) | Q(ofsted_urn=key)).first()
    if authority is None:
        raise HttpError(404, f"No local authority has the slug or Ofsted URN {key!r}")
    return authority


class AuthorityFilters(Schema):
    region: Region | None = Field(None, description="Region name")
    q: Text | None = Field(None, description="Part of the authority's name")


@router.get("/authorities", response={200: AuthorityPage, **ERRORS}, tags=["authorities"])
def list_authorities(request, filters: Query[AuthorityFilters], paging: Query[Paging]):
    """Local authorities by name."""
    authorities = Authority.objects.order_by("name")
    if filters.region:
        authorities = authorities.filter(Q(region_name=filters.region) | Q(region_code=filters.region))
    if filters.q:
        authorities = authorities.filter(name__icontains=filters.q)
    return _page(authorities, paging, _authority)


@router.get("/authorities/{key}", response={200: AuthorityDetail, **ERRORS}, tags=["authorities"])
def get_authority(request, key: str = Path(..., description="The authority's slug (e.g. essex) or Ofsted URN")):
    """One authority: its codes, statistical neighbours and every inspection, newest first."""
    authority = _find_authority(key)
    inspections = _inspections().filter(authority=authority).annotate(when=_when()).order_by(NEWEST_FIRST, "-id")
    return {
        **_authority(authority),
        "neighbours": [_ref(a) for a in authority_neighbours(authority=authority)],
        "inspections": [_summary(i) for i in inspections],
    }


class InspectionFilters(Schema):
    authority: Text | None = Field(None, description="Authority slug or Ofsted URN")
    family: Family | None = None
    grade: Grade | None = Field(None, description="Has any judgement of this grade")
    region: Region | None = Field(None, description="Region name")
    date_from: IsoDate | None = Field(
        None, description="Inspected on or after (first day; the publication date for APA letters)"
    )
    date_to: IsoDate | None = Field(
        None, description="Inspected on or before (first day; the publication date for APA letters)"
    )


def _when(prefix: str = "") -> Coalesce:
    """When an inspection happened (``core.national.HAPPENED``): its first day, else its last, else
    (APA letters) publication."""
    return inspection_date(HAPPENED, prefix)


NEWEST_FIRST = F("when").desc(nulls_last=True)


def _filter_inspections(filters: InspectionFilters, prefix: str = "") -> Q:
    """The filters as a Q over a queryset annotated with ``when`` (see :func:`_when`)."""
    q = Q()
    if filters.authority:
        authority = _find_authority(filters.authority)
        q &= Q(**{f"{prefix}authority": authority})
    if filters.family:
        q &= Q(**{f"{prefix}family": filters.family})
    if filters.region:
        q &= Q(**{f"{prefix}authority__region_name": filters.region}) | Q(
            **{f"{prefix}authority__region_code": filters.region}
        )
    if filters.date_from:
        q &= Q(when__gte=filters.date_from)
    if filters.date_to:
        q &= Q(when__lte=filters.date_to)
    return q


@router.get("/inspections", response={200: InspectionPage, **ERRORS}, tags=["inspections"])
def list_inspections(request, filters: Query[InspectionFilters], paging: Query[Paging]):
    """Inspections, newest first."""
    inspections = (
        _inspections().annotate(when=_when()).filter(_filter_inspections(filters)).order_by(NEWEST_FIRST, "-id")
    )
    if filters.grade:
        inspections = inspections.filter(pk__in=Judgement.objects.filter(grade=filters.grade).values("inspection_id"))
    return _page(inspections, paging, _summary)


@router.get("/inspections/{inspection_id}", response={200: InspectionDetail, **ERRORS}, tags=["inspections"])
def get_inspection(request, inspection_id: int = Path(..., ge=1, le=MAX_ID)):
    """One inspection with its judgements, recommendations, area facts and where each value was read."""
    inspection = (
        Inspection.objects.select_related("authority", "document")
        .prefetch_related("judgements", "recommendations")
        .defer("document__content")  # the original file is not part of the answer
        .filter(pk=inspection_id)
        .first()
    )
    if inspection is None:
        raise HttpError(404, f"No inspection has the id {inspection_id}")
    document = inspection.document
    return {
        **_summary(inspection),
        "judgements": [
            {"area": j.area, "grade": j.grade, "score": j.score, "page": j.page, "quote": j.quote}
            for j in _in_area_order(inspection.judgements.all())
        ],
        "outcome_wording": inspection.record.get("outcome_wording") or "",
        "lead_inspectors": inspection.record.get("lead_inspectors") or [],
        "inspectorates": inspection.record.get("inspectorates") or [],
        "plan_deadline": inspection.record.get("plan_deadline"),
        "recommendations": [
            _recommendation_fields(r)
            for r in sorted(
                inspection.recommendations.all(), key=lambda r: (r.section, r.kind != "priority", r.ordinal)
            )
        ],
        "facts": inspection.facts,
        "warnings": inspection.warnings,
        "provenance": inspection.record.get("provenance", {}),
        "document": {
            "filename": document.filename,
            "format": document.format,
            "size": document.size,
            "page_count": document.page_count,
            "sha256": document.sha256,
            "url": reverse("inspection_document", args=[inspection.pk]),
        },
        "sources": [
            {
                "filename": source.document.filename,
                "format": source.document.format,
                "size": source.document.size,
                "page_count": source.document.page_count,
                "sha256": source.document.sha256,
                "url": reverse("inspection_source_document", args=[inspection.pk, source.pk]),
                "primary": source.document_id == inspection.document_id,
                "added": source.added,
                "differences": source.differences,
            }
            for source in inspection_sources(inspection=inspection)
        ],
    }


class JudgementFilters(InspectionFilters):
    area: Area | None = Field(None, description="Judgement key, e.g. overall, help_and_protection")


@router.get("/judgements", response={200: JudgementPage, **ERRORS}, tags=["judgements"])
def list_judgements(request, filters: Query[JudgementFilters], paging: Query[Paging]):
    """Judgements, newest inspection first."""
    judgements = (
        Judgement.objects.select_related("inspection__authority")
        .defer("inspection__record", "inspection__facts", "inspection__warnings")
        .annotate(when=_when("inspection__"))
        .filter(_filter_inspections(filters, prefix="inspection__"))
        .order_by(NEWEST_FIRST, "inspection_id", area_rank(), "area")
    )
    if filters.area:
        judgements = judgements.filter(area=filters.area)
    if filters.grade:
        judgements = judgements.filter(grade=filters.grade)

    def convert(j: Judgement) -> dict:
        return {
            "area": j.area,
            "grade": j.grade,
            "score": j.score,
            "page": j.page,
            "quote": j.quote,
            "inspection_id": j.inspection_id,
            "authority": _ref(j.inspection.authority),
            "family": j.inspection.family,
            "effective_date": j.inspection.effective_date,
        }

    return _page(judgements, paging, convert)


class RecommendationFilters(InspectionFilters):
    section: Literal["la", "lscb", "area"] | None = None
    q: Text | None = Field(None, description="Words the recommendation's text contains")


@router.get("/recommendations", response={200: RecommendationPage, **ERRORS}, tags=["recommendations"])
def list_recommendations(request, filters: Query[RecommendationFilters], paging: Query[Paging]):
    """Recommendations, newest inspection first, in each report's order."""
    recommendations = (
        Recommendation.objects.select_related("inspection__authority")
        .defer("inspection__record", "inspection__facts", "inspection__warnings")
        .annotate(when=_when("inspection__"))
        .filter(_filter_inspections(filters, prefix="inspection__"))
        .order_by(NEWEST_FIRST, "inspection_id", "section", "-kind", "ordinal")  # priority before improvement
    )
    if filters.section:
        recommendations = recommendations.filter(section=filters.section)
    if filters.q:
        recommendations = recommendations.filter(text__icontains=filters.q)
    if filters.grade:
        recommendations = recommendations.filter(inspection__judgements__grade=filters.grade).distinct()

    def convert(r: Recommendation) -> dict:
        return {
            **_recommendation_fields(r),
            "inspection_id": r.inspection_id,
            "authority": _ref(r.inspection.authority),
            "inspection_start": r.inspection.inspection_start,
        }

    return _page(recommendations, paging, convert)


def _recommendation_fields(r: Recommendation) -> dict:
    """A recommendation as the API gives it, within its inspection or in a list of many."""
    return {
        "section": r.section,
        "ordinal": r.ordinal,
        "text": r.text,
        "page": r.page,
        "kind": r.kind,
        "agency": r.agency,
    }
