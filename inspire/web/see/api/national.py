"""The API's national picture: grade distributions as at a date, transitions between consecutive
inspections, and the time since each authority's last inspection. (The picture's newer parts are
in ``see.api_picture``.)"""

from __future__ import annotations

from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from inspire.web.see import national
from inspire.web.see.api.schemas import (
    ERRORS,
    Area,
    AuthorityRef,
    Family,
    IsoDate,
    PictureOut,
    Region,
    TransitionsOut,
    _ref,
)

router = Router()


def _check_area(area: str) -> None:
    known = national.known_areas()
    if area not in known:
        raise HttpError(404, f"No judgement area {area!r} is stored; the areas are: {', '.join(known)}")


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
            {
                "grade": g.grade,
                "label": g.label,
                "count": g.count,
                "percent": g.percent,
                "shown_percent": g.shown_percent,
            }
            for g in d.grades
        ],
    }


@router.get("/national/distribution", response={200: PictureOut, **ERRORS}, tags=["national"])
def distribution(request, params: Query[DistributionParams]):
    """Latest grades of every authority as at a date, nationally and by region (counts and percentages)."""
    _check_area(params.area)
    picture = national.grade_distribution(
        as_at=params.as_at or timezone.localdate(), area=params.area, region=params.region
    )
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


@router.get("/national/transitions", response={200: TransitionsOut, **ERRORS}, tags=["national"])
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


@router.get("/national/time-since-inspection", response={200: list[WaitOut], **ERRORS}, tags=["national"])
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
