"""The API of the national picture's newer parts: what the store holds, shares over time, the
authorities behind a count, the official statistics' figures and reconciliation, and themes across
authorities with similar recommendations. Mounted on the one API (``see.api.api``)."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError

from inspire.core.official import CHANGES
from inspire.core.themes import BY_ID, themes_of
from inspire.web.read.selectors import recommendation_detail
from inspire.web.see import national, official, themes
from inspire.web.see.api.national import _check_area
from inspire.web.see.api.schemas import (
    ERRORS,
    MAX_ID,
    Area,
    AuthorityRef,
    Grade,
    IsoDate,
    Region,
    _ref,
)

router = Router(tags=["national"])


class CoverageOut(Schema):
    authorities: int = Field(description="Local authorities that exist now (Ofsted's official record)")
    with_inspection: int = Field(description="Of those, how many have an inspection stored")
    latest: date | None = Field(description="The latest inspection held (its first day)")
    official_latest: date | None = Field(description="The latest inspection in the official record in use")
    official_source: str


@router.get("/national/coverage", response={200: CoverageOut, **ERRORS})
def coverage(request):
    """How much of the country the stored reports cover, and the official record they are checked against."""
    return official.coverage().__dict__


class ShareOut(Schema):
    as_at: date
    judged: int
    good_or_outstanding: int
    percent: float | None


class SeriesOut(Schema):
    region: str | None = Field(description="null for England")
    points: list[ShareOut]


@router.get("/national/share-over-time", response={200: list[SeriesOut], **ERRORS})
def share_over_time(request, area: Area = "overall", last: IsoDate | None = None):
    """Per cent good or outstanding at each quarter end since 31 March 2014, for England and each region."""
    _check_area(area)
    series = national.share_over_time(area=area, last=last or timezone.localdate())
    return [
        {"region": key, "points": [{**s.__dict__, "percent": s.percent} for s in points]}
        for key, points in series.items()
    ]


class BehindOut(Schema):
    authority: AuthorityRef
    grade: str
    inspection_id: int
    effective: date


@router.get("/national/authorities", response={200: list[BehindOut], **ERRORS})
def authorities_behind(
    request,
    as_at: IsoDate | None = None,
    area: Area = "overall",
    grade: Grade | None = None,
    region: Region | None = None,
):
    """The authorities counted in a figure of the national picture, as at the same date."""
    _check_area(area)
    rows = national.authorities_behind(as_at=as_at or timezone.localdate(), area=area, grade=grade, region=region)
    return [
        {"authority": _ref(r.authority), "grade": r.grade, "inspection_id": r.inspection_id, "effective": r.effective}
        for r in rows
    ]


class OfficialShareOut(Schema):
    area: str
    region: str | None
    judged: int
    good_or_outstanding: int
    percent: float | None


class ChangeOut(Schema):
    family: str
    change: str
    label: str
    authorities: list[AuthorityRef]


class OfficialOut(Schema):
    as_at: date
    shares: list[OfficialShareOut]
    changes: list[ChangeOut]


@router.get("/national/official", response={200: OfficialOut, **ERRORS})
def official_figures(request, as_at: IsoDate | None = None):
    """The figures of Ofsted's annual outcomes release for a date (default: the last 31 March), from the store."""
    as_at = as_at or national.last_31_march(timezone.localdate())
    figures = national.official_figures(as_at=as_at, areas=list(national.OFFICIAL_AREAS))
    labels = dict(CHANGES)
    return {
        "as_at": as_at,
        "shares": [
            {"area": area, "region": r, "judged": j, "good_or_outstanding": g, "percent": p}
            for area, rows in figures.shares.items()
            for r, j, g, p in rows
        ],
        "changes": [
            {"family": family, "change": key, "label": labels[key], "authorities": [_ref(a) for a in who]}
            for family, changes in figures.changes.items()
            for key, who in changes.items()
        ],
    }


class OfficialInspectionOut(Schema):
    ons_code: str
    name: str
    start: date
    published: date | None
    judgements: dict[str, str]


class DifferenceOut(Schema):
    inspection_id: int
    field: str
    official_value: str
    stored_value: str


class ReconciliationOut(Schema):
    source: str
    matched: int
    missing: list[OfficialInspectionOut]
    differences: list[DifferenceOut]
    unmatched_inspection_ids: list[int]


@router.get("/national/reconciliation", response={200: ReconciliationOut, **ERRORS})
def reconciliation(request):
    """Stored ILACS reports against Ofsted's official record: missing inspections and values that differ."""
    result, _ = official.reconciliation()
    return {
        "source": official.source(),
        "matched": result.matched,
        "missing": [
            {
                "ons_code": m.ons_code,
                "name": m.name,
                "start": m.start,
                "published": m.published,
                "judgements": m.judgements,
            }
            for m in result.missing
        ],
        "differences": [
            {
                "inspection_id": d.stored.id,
                "field": d.field,
                "official_value": d.official_value,
                "stored_value": d.stored_value,
            }
            for d in result.differences
        ],
        "unmatched_inspection_ids": [s.id for s in result.unmatched],
    }


class ThemeOut(Schema):
    id: str
    name: str
    covers: str
    items: int
    authorities: int
    by_year: dict[int, int]
    by_region: dict[str, int]
    by_family: dict[str, int]
    by_grade: dict[str, int]


class ThemesOut(Schema):
    items: int
    unplaced: int = Field(description="Items that fit none of the themes")
    themes: list[ThemeOut]


@router.get("/themes", response={200: ThemesOut, **ERRORS}, tags=["themes"])
def theme_list(request):
    """Every practice theme with how often it is given, by year, region, framework and grade."""
    summaries, items, unplaced = themes.theme_summaries()
    return {"items": items, "unplaced": unplaced, "themes": [s.__dict__ for s in summaries]}


class ItemOut(Schema):
    id: int
    text: str
    themes: list[str]
    inspection_id: int
    authority: str
    family: str
    when: date | None
    grade: str


class TheirItemsOut(Schema):
    authority: str
    items: list[ItemOut]


class ThemeDetailOut(Schema):
    theme: ThemeOut
    told: list[TheirItemsOut]


def _item(item: themes.Item) -> dict:
    return {
        "id": item.id,
        "text": item.text,
        "themes": list(item.themes),
        "inspection_id": item.inspection_id,
        "authority": item.authority_name,
        "family": item.family,
        "when": item.when,
        "grade": item.grade,
    }


@router.get("/themes/{theme_id}", response={200: ThemeDetailOut, **ERRORS}, tags=["themes"])
def theme_detail(request, theme_id: str = Path(..., pattern=r"^[a-z0-9_]{1,40}$")):
    """One theme: its counts, and every authority told it with the items."""
    if theme_id not in BY_ID:
        raise HttpError(404, f"No theme '{theme_id}'. GET /api/themes lists them.")
    summary = next(s for s in themes.theme_summaries()[0] if s.id == theme_id)
    return {
        "theme": summary.__dict__,
        "told": [
            {"authority": name, "items": [_item(i) for i in items]}
            for name, _, items in themes.theme_authorities(theme_id)
        ],
    }


class SimilarOut(Schema):
    item: ItemOut
    score: float = Field(description="Cosine similarity of the texts (TF-IDF), 0 to 1")
    next_inspection_id: int | None
    next_grade: str = Field(description="The next inspection's overall grade; empty if none stored or not graded")


class SimilarListOut(Schema):
    recommendation_id: int
    themes: list[str]
    similar: list[SimilarOut]


@router.get("/recommendations/{recommendation_id}/similar", response={200: SimilarListOut, **ERRORS}, tags=["themes"])
def similar(request, recommendation_id: int = Path(..., ge=1, le=MAX_ID), limit: int = Query(10, ge=1, le=50)):
    """The recommendations most like this one given to other authorities, with each authority's next inspection."""
    recommendation = recommendation_detail(pk=recommendation_id)
    if recommendation is None:
        raise HttpError(404, f"No recommendation {recommendation_id}")
    found = themes.similar_items(recommendation_id=recommendation_id, limit=limit)
    return {
        "recommendation_id": recommendation_id,
        "themes": themes_of(recommendation.text),
        "similar": [
            {
                "item": _item(s.item),
                "score": s.score,
                "next_inspection_id": s.next_inspection.pk if s.next_inspection else None,
                "next_grade": s.next_grade,
            }
            for s in found
        ],
    }
