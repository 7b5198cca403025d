"""The API's full-text search over every page of every stored report."""

from __future__ import annotations

from django.urls import reverse
from ninja import Field, Query, Router, Schema

from inspire.web.see.api.schemas import (
    ERRORS,
    Family,
    Grade,
    IsoDate,
    Region,
    SearchOut,
    Text,
)
from inspire.web.see.search import MAX_PER_PAGE, search_pages

router = Router()


class SearchParams(Schema):
    q: Text = Field(..., description='Words to find; "quoted phrases" are kept together')
    family: Family | None = None
    grade: Grade | None = None
    region: Region | None = Field(None, description="Region name")
    date_from: IsoDate | None = None
    date_to: IsoDate | None = None
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=MAX_PER_PAGE)


@router.get("/search", response={200: SearchOut, **ERRORS}, tags=["search"])
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
