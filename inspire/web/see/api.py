"""The JSON API (django-ninja), mounted at ``/api/``; its OpenAPI schema is ``/api/openapi.json``.

Reads only. List endpoints take ``limit`` (1-100) and ``offset`` and answer
``{"count", "limit", "offset", "items"}``. Every error, here and in the plans router, has one
shape, ``toolkit.errors.ErrorOut``: ``{"detail": "what is wrong", "hint": "what to do" (when there
is one), "errors": [{"location": "query.limit", "message": "..."}]}`` — 404 for unknown
authorities and ids, 422 for query parameters that are not valid and for any application error
(``InspireError``, mapped here once).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import HttpError, ValidationError
from pydantic import BeforeValidator, StringConstraints

from inspire.core.errors import FieldError, InspireError
from inspire.core.national import HAPPENED
from inspire.core.reading.record import FAMILIES, GRADES
from inspire.core.register import default_register
from inspire.web.see import national
from inspire.web.toolkit.errors import ErrorOut, error_body, inspire_error_body
from inspire.web.toolkit.labels import area_order, area_rank
from inspire.web.read.models import Authority, Inspection, Judgement, Recommendation, inspection_date
from inspire.web.see.search import MAX_PER_PAGE, search_pages
from inspire.web.read.selectors import authority_neighbours, inspection_sources

api = NinjaAPI(
    title="Inspire API",
    version="1",
    description="Ofsted inspections of English local authority children's services: authorities, "
    "inspections, judgements, recommendations, full-text search and the national picture.",
    urls_namespace="api",
)

#: Largest id or offset accepted (keeps every value inside the databases' integer range).
MAX_ID = 2**31 - 1
MAX_LIMIT = 100

Family = Literal[FAMILIES]  # type: ignore[valid-type]
Grade = Literal[GRADES]  # type: ignore[valid-type]
#: A judgement key (docs/RECORD.md): the shared keys or an older family's own
Area = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,59}$")]
#: A region, by name (the register's region codes are incomplete: Cumbria's is "NotKnown")
Region = Literal[tuple(sorted({a.region_name for a in default_register().authorities}))]  # type: ignore[valid-type]


def _iso_date(value: Any) -> Any:
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be a date written YYYY-MM-DD, e.g. 2019-10-18")
    return value


#: A date written YYYY-MM-DD (pydantic alone would also take numbers as timestamps).
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
#: Free text: bounded, and without NUL characters (PostgreSQL rejects them in strings).
Text = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00]*$")]


# ---------------------------------------------------------------- errors


ERRORS: dict[int, Any] = {404: ErrorOut, 422: ErrorOut}


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError):
    errors = [
        FieldError(".".join(str(part) for part in e.get("loc", ())), e.get("msg", "is not valid")) for e in exc.errors
    ]
    summary = "; ".join(str(e) for e in errors)
    return api.create_response(request, error_body(f"Invalid request: {summary}", errors=errors), status=422)


@api.exception_handler(InspireError)
def _inspire_error(request: HttpRequest, exc: InspireError):
    return api.create_response(request, inspire_error_body(exc), status=422)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError):
    return api.create_response(request, error_body(str(exc)), status=exc.status_code)


@csrf_exempt  # it changes nothing, so a POST to a wrong address gets this 404, not the CSRF page
def not_found(request: HttpRequest) -> JsonResponse:
    """Any ``/api/`` address no endpoint answers (e.g. a non-number where an id goes): a JSON 404
    in the API's error shape rather than the HTML page."""
    return JsonResponse(error_body(f"No API endpoint answers {request.path}"), status=404)


# ---------------------------------------------------------------- schemas


class Paging(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description=f"How many items (at most {MAX_LIMIT})")
    offset: int = Field(0, ge=0, le=MAX_ID, description="How many items to skip")


class AuthorityRef(Schema):
    name: str
    slug: str
    ofsted_urn: str


class AuthorityOut(AuthorityRef):
    dfe_la_code: str
    ons_code: str
    region_code: str
    region_name: str
    la_type: str
    population_0_25: int | None
    stat_neighbours: list[str] = Field(description="DfE codes of the ten statistical neighbours")


class InspectionSummary(Schema):
    id: int
    url: str
    authority: AuthorityRef | None
    family: str
    inspection_start: date | None
    inspection_end: date | None
    published: date | None
    effective_date: date | None = Field(description="Publication date if stated, else the last day of the inspection")
    lead_inspector: str
    grades: dict[str, str]
    theme: str = Field("", description="JTAI: the theme, in the letter's words; empty for other families")
    outcome: str = Field("", description="Area SEND (2023): the outcome, 1, 2 or 3; empty for other families")
    next_inspection: str = Field("", description="Area SEND (2023): the next inspection as stated")
    letter_date: date | None = Field(None, description="JTAI: the date printed at the top of the letter")


class AuthorityDetail(AuthorityOut):
    neighbours: list[AuthorityRef]
    inspections: list[InspectionSummary]


class JudgementOut(Schema):
    area: str
    grade: str
    score: int | None
    page: int | None
    quote: str


class RecommendationOut(Schema):
    section: str = Field(description="la (the council), lscb (the LSCB) or area (the local area partnership)")
    ordinal: int = Field(description="1, 2, … within its section, and for area inspections within its kind")
    text: str
    page: int | None
    kind: str = Field("", description="priority or improvement where the report groups its items, else empty")
    agency: str = Field("", description="The responsible body the report names for it (area SEND), else empty")


class ProvenanceOut(Schema):
    page: int | None
    quote: str


class DocumentOut(Schema):
    filename: str
    format: str
    size: int
    page_count: int
    sha256: str
    url: str


class DifferenceOut(Schema):
    field: str = Field(description="The value's path, e.g. judgements.overall, recommendations.la.3")
    label: str
    kept: Any = Field(description="The inspection's value (read from its primary source)")
    this: Any = Field(description="This source's reading of it")


class SourceOut(DocumentOut):
    primary: bool = Field(description="The file the inspection's values, provenance and page links come from")
    added: datetime
    differences: list[DifferenceOut]


class InspectionDetail(InspectionSummary):
    outcome_wording: str = Field("", description="Area SEND (2023): the outcome's words")
    lead_inspectors: list[str] = Field(default_factory=list, description="Every lead inspector named (area SEND)")
    inspectorates: list[str] = Field(default_factory=list, description="Area inspections: the inspectorates")
    plan_deadline: date | None = Field(
        None, description="The date the report itself sets for the partnership's plan; null when it sets none"
    )
    judgements: list[JudgementOut]
    recommendations: list[RecommendationOut]
    facts: dict[str, Any]
    warnings: list[str]
    provenance: dict[str, ProvenanceOut]
    document: DocumentOut = Field(description="The primary source (the first file stored)")
    sources: list[SourceOut] = Field(description="Every file this inspection was read from, the primary first")


class JudgementItem(JudgementOut):
    inspection_id: int
    authority: AuthorityRef | None
    family: str
    effective_date: date | None


class RecommendationItem(RecommendationOut):
    inspection_id: int
    authority: AuthorityRef | None
    inspection_start: date | None


def _page_of(item: type[Schema], name: str) -> type[Schema]:
    return type(name, (Schema,), {"__annotations__": {"count": int, "limit": int, "offset": int, "items": list[item]}})


AuthorityPage = _page_of(AuthorityOut, "AuthorityPage")
InspectionPage = _page_of(InspectionSummary, "InspectionPage")
JudgementPage = _page_of(JudgementItem, "JudgementPage")
RecommendationPage = _page_of(RecommendationItem, "RecommendationPage")


class SearchHitOut(Schema):
    inspection_id: int
    inspection_url: str
    page_number: int
    authority: str | None
    authority_slug: str | None
    region: str | None
    family: str
    inspection_start: date | None
    snippet: str = Field(description="HTML: the passage, escaped, with the matched words in <mark>")
    relevance: float = Field(description="Higher is more relevant")


class SearchOut(Schema):
    query: str
    total: int
    page: int
    per_page: int
    pages: int
    hits: list[SearchHitOut]


class GradeCountOut(Schema):
    grade: str
    label: str
    count: int
    percent: float
    shown_percent: int = Field(description="Whole percentage; a distribution's add up to 100 (largest remainder)")


class DistributionOut(Schema):
    region: str | None = Field(description="None for England")
    total: int
    not_judged: int
    sentence: str
    grades: list[GradeCountOut]


class PictureOut(Schema):
    as_at: date
    area: str
    superseded: int
    national: DistributionOut
    regions: list[DistributionOut]


class TransitionsOut(Schema):
    area: str
    grades: list[str]
    counts: dict[str, dict[str, int]] = Field(description="counts[from grade][to grade]")
    total: int


# ---------------------------------------------------------------- conversions


def _ref(authority: Authority | None) -> dict | None:
    return None if authority is None else {"name": authority.name, "slug": authority.slug, "ofsted_urn": authority.ofsted_urn}


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
    return {"count": queryset.count(), "limit": paging.limit, "offset": paging.offset, "items": [convert(i) for i in items]}


def _inspections() -> QuerySet[Inspection]:
    """Inspections with authority and judgements, without the stored whole record (read only by detail)."""
    return Inspection.objects.select_related("authority").prefetch_related("judgements").defer("record", "facts", "warnings")


_SLUG_OR_URN = re.compile(r"^[a-z0-9-]{1,100}$")


def _check_area(area: str) -> None:
    known = national.known_areas()
    if area not in known:
        raise HttpError(404, f"No judgement area {area!r} is stored; the areas are: {', '.join(known)}")


def _find_authority(key: str) -> Authority:
    authority = None
    if _SLUG_OR_URN.match(key):
        authority = Authority.objects.filter(Q(slug=key) | Q(ofsted_urn=key)).first()
    if authority is None:
        raise HttpError(404, f"No local authority has the slug or Ofsted URN {key!r}")
    return authority


# ---------------------------------------------------------------- endpoints


class AuthorityFilters(Schema):
    region: Region | None = Field(None, description="Region name")
    q: Text | None = Field(None, description="Part of the authority's name")


@api.get("/authorities", response={200: AuthorityPage, **ERRORS}, tags=["authorities"])
def list_authorities(request, filters: Query[AuthorityFilters], paging: Query[Paging]):
    """Local authorities by name."""
    authorities = Authority.objects.order_by("name")
    if filters.region:
        authorities = authorities.filter(Q(region_name=filters.region) | Q(region_code=filters.region))
    if filters.q:
        authorities = authorities.filter(name__icontains=filters.q)
    return _page(authorities, paging, _authority)


@api.get("/authorities/{key}", response={200: AuthorityDetail, **ERRORS}, tags=["authorities"])
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
    date_from: IsoDate | None = Field(None, description="Inspected on or after (first day; the publication date for APA letters)")
    date_to: IsoDate | None = Field(None, description="Inspected on or before (first day; the publication date for APA letters)")


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
        q &= Q(**{f"{prefix}authority__region_name": filters.region}) | Q(**{f"{prefix}authority__region_code": filters.region})
    if filters.date_from:
        q &= Q(when__gte=filters.date_from)
    if filters.date_to:
        q &= Q(when__lte=filters.date_to)
    return q


@api.get("/inspections", response={200: InspectionPage, **ERRORS}, tags=["inspections"])
def list_inspections(request, filters: Query[InspectionFilters], paging: Query[Paging]):
    """Inspections, newest first."""
    inspections = _inspections().annotate(when=_when()).filter(_filter_inspections(filters)).order_by(NEWEST_FIRST, "-id")
    if filters.grade:
        inspections = inspections.filter(pk__in=Judgement.objects.filter(grade=filters.grade).values("inspection_id"))
    return _page(inspections, paging, _summary)


@api.get("/inspections/{inspection_id}", response={200: InspectionDetail, **ERRORS}, tags=["inspections"])
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
            {"section": r.section, "ordinal": r.ordinal, "text": r.text, "page": r.page, "kind": r.kind, "agency": r.agency}
            for r in sorted(inspection.recommendations.all(), key=lambda r: (r.section, r.kind != "priority", r.ordinal))
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


@api.get("/judgements", response={200: JudgementPage, **ERRORS}, tags=["judgements"])
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


@api.get("/recommendations", response={200: RecommendationPage, **ERRORS}, tags=["recommendations"])
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
            "section": r.section,
            "ordinal": r.ordinal,
            "text": r.text,
            "page": r.page,
            "kind": r.kind,
            "agency": r.agency,
            "inspection_id": r.inspection_id,
            "authority": _ref(r.inspection.authority),
            "inspection_start": r.inspection.inspection_start,
        }

    return _page(recommendations, paging, convert)


class SearchParams(Schema):
    q: Text = Field(..., description='Words to find; "quoted phrases" are kept together')
    family: Family | None = None
    grade: Grade | None = None
    region: Region | None = Field(None, description="Region name")
    date_from: IsoDate | None = None
    date_to: IsoDate | None = None
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)


@api.get("/search", response={200: SearchOut, **ERRORS}, tags=["search"])
def search(request, params: Query[SearchParams]):
    """Full-text search over every page of every stored report, best match first."""
    results = search_pages(
        query=params.q,
        family=params.family,
        grade=params.grade,
        region=params.region,
        date_from=params.date_from,
        date_to=params.date_to,
        page=params.page,
        per_page=params.per_page,
    )
    return {
        "query": results.query,
        "total": results.total,
        "page": results.page,
        "per_page": results.per_page,
        "pages": results.pages,
        "hits": [
            {
                "inspection_id": h.inspection_id,
                "inspection_url": reverse("inspection_detail", args=[h.inspection_id]),
                "page_number": h.page_number,
                "authority": h.authority_name,
                "authority_slug": h.authority_slug,
                "region": h.region_name,
                "family": h.family,
                "inspection_start": h.inspection_start,
                "snippet": str(h.snippet),
                "relevance": h.relevance,
            }
            for h in results.hits
        ],
    }


class DistributionParams(Schema):
    as_at: IsoDate | None = Field(None, description="Default: today")
    area: Area = Field("overall", description="Judgement key, e.g. overall, help_and_protection")
    region: Region | None = Field(None, description="Region name")


def _distribution(d: national.Distribution) -> dict:
    return {
        "region": d.region,
        "total": d.total,
        "not_judged": d.not_judged,
        "sentence": d.sentence(),
        "grades": [
            {"grade": g.grade, "label": g.label, "count": g.count, "percent": g.percent, "shown_percent": g.shown_percent}
            for g in d.grades
        ],
    }


@api.get("/national/distribution", response={200: PictureOut, **ERRORS}, tags=["national"])
def distribution(request, params: Query[DistributionParams]):
    """Latest grades of every authority as at a date, nationally and by region (counts and percentages)."""
    _check_area(params.area)
    picture = national.grade_distribution(as_at=params.as_at or timezone.localdate(), area=params.area, region=params.region)
    return {
        "as_at": picture.as_at,
        "area": picture.area,
        "superseded": picture.superseded,
        "national": _distribution(picture.national),
        "regions": [_distribution(d) for d in picture.regions],
    }


class TransitionParams(Schema):
    area: Area = Field("overall", description="Judgement key, e.g. overall, help_and_protection")
    as_at: IsoDate | None = Field(None, description="Only inspections in effect by this date")
    family: Family | None = Field(None, description="Only pairs of inspections under this framework")


@api.get("/national/transitions", response={200: TransitionsOut, **ERRORS}, tags=["national"])
def transitions(request, params: Query[TransitionParams]):
    """How grades moved between authorities' consecutive inspections (from grade → to grade)."""
    _check_area(params.area)
    result = national.grade_transitions(area=params.area, as_at=params.as_at, family=params.family)
    return {"area": result.area, "grades": result.grades, "counts": result.counts, "total": result.total}


class WaitOut(Schema):
    authority: AuthorityRef
    last_inspection_id: int | None
    last_inspection_family: str | None
    days: int | None = Field(description="Days since the last inspection ended; null if none is stored")


class WaitParams(Schema):
    as_at: IsoDate | None = Field(None, description="Default: today")


@api.get("/national/time-since-inspection", response={200: list[WaitOut], **ERRORS}, tags=["national"])
def time_since_inspection(request, params: Query[WaitParams]):
    """Every authority with the days since its last inspection ended, longest wait first."""
    rows = national.time_since_last_inspection(as_at=params.as_at or timezone.localdate())
    return [
        {
            "authority": _ref(r.authority),
            "last_inspection_id": r.inspection.pk if r.inspection else None,
            "last_inspection_family": r.inspection.family if r.inspection else None,
            "days": r.days,
        }
        for r in rows
    ]
