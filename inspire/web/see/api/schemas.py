"""The API's shared types and response schemas, and the conversion of an authority to its reference."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema
from pydantic import BeforeValidator, StringConstraints

from inspire.core.reading.record import FAMILIES, GRADES
from inspire.core.register import default_register
from inspire.web.read.models import Authority
from inspire.web.toolkit.errors import ErrorOut

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


ERRORS: dict[int, Any] = {404: ErrorOut, 422: ErrorOut}  # the one error shape (toolkit.errors)

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


def _ref(authority: Authority | None) -> dict | None:
    return (
        None
        if authority is None
        else {"name": authority.name, "slug": authority.slug, "ofsted_urn": authority.ofsted_urn}
    )
