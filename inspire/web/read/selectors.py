"""Reads for the authority and inspection pages (the national picture is ``see/national.py``, search
``see/search.py``). Views call these; they only read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Max, Min, Prefetch, QuerySet

from inspire.core.national import ENDED, HAPPENED
from inspire.core.register import default_register
from inspire.web.read.models import (
    Authority,
    DocumentPage,
    Inspection,
    InspectionMerge,
    InspectionSource,
    Judgement,
    Recommendation,
    SourceDocument,
    inspection_date,
)
from inspire.web.toolkit.caching import per_data_version
from inspire.web.toolkit.labels import GRADE_RANK, area_order

#: Families whose inspections judge the whole service, so their latest one is "the latest
#: judgements" of an authority (stand-alone LSCB reviews and the 2012-13 thematic inspections do not).
FULL_FAMILIES = ("apa", "slac", "sif", "ilacs", "ilacs_2026")

#: When an inspection happened, for ordering (``core.national.HAPPENED``): its first day, else its
#: last, else publication (annual performance assessment letters state only when they were published).
WHEN = inspection_date(HAPPENED)
NEWEST_FIRST = (F("when").desc(nulls_last=True), F("id").desc())


#: Columns lists of inspections do not show: the whole record (JSON) is big, so leave it unread.
_BULKY = ("record", "facts", "warnings")

#: Areas compared across authorities, in this order.
COMPARED_AREAS = ("overall", "help_and_protection", "children_in_care", "care_leavers", "leadership")


@dataclass(frozen=True)
class StoreSummary:
    count: int
    first: date | None
    last: date | None
    authorities_inspected: int
    authorities: int


@per_data_version
def store_summary() -> StoreSummary:
    """How many reports are stored, on how many authorities, over which years (worked out once per
    version of the stored data: every page's coverage line shows it)."""
    span = Inspection.objects.aggregate(count=Count("id"), first=Min(WHEN), last=Max(WHEN))
    return StoreSummary(
        count=span["count"],
        first=span["first"],
        last=span["last"],
        authorities_inspected=Authority.objects.filter(inspections__isnull=False).distinct().count(),
        authorities=Authority.objects.count(),
    )


def regions() -> list[str]:
    """The name of every region with authorities, alphabetically. Regions are known by name: the
    register gives one authority (Cumbria) a region code of "NotKnown" but its region's name."""
    return list(
        Authority.objects.exclude(region_name="")
        .order_by("region_name")
        .values_list("region_name", flat=True)
        .distinct()
    )


def authority_lookup(*, text: str) -> Authority | None:
    """The authority ``text`` names: its Ofsted URN, DfE code, page slug ("essex"), or any form of
    its name the register knows ("County Durham", "St Helens"). None when there is none."""
    text = text.strip()
    found = Authority.objects.filter(ofsted_urn=text).first() or Authority.objects.filter(dfe_la_code=text).first()
    found = found or Authority.objects.filter(slug=text.lower()).first()
    entry = None if found else default_register().lookup(text)
    return found or (Authority.objects.filter(ofsted_urn=entry.ofsted_urn).first() if entry else None)


def authority_list(*, region: str | None = None, query: str | None = None) -> list[Authority]:
    """Authorities by name, each with ``inspection_count``, ``last_inspected`` (the day its latest
    inspection ended, else began, else was published: as the national picture's time since the
    last inspection counts) and ``latest_overall`` (the overall grade of its latest full inspection
    that gave one, by when it ``HAPPENED``).

    Two queries: the latest overall grade is picked in Python from one list of overall judgements
    (a subquery per authority read every overall judgement each time: 130 ms of a 180 ms page)."""
    authorities = Authority.objects.annotate(
        inspection_count=Count("inspections"),
        last_inspected=Max(inspection_date(ENDED, "inspections__")),
    ).order_by("name")
    if region:
        authorities = authorities.filter(region_name=region)
    if query:
        authorities = authorities.filter(name__icontains=query.strip())
    authorities = list(authorities)
    overall = Judgement.objects.filter(
        area="overall", inspection__family__in=FULL_FAMILIES, inspection__authority__isnull=False
    ).values_list(
        "inspection__authority_id",
        "grade",
        "inspection__inspection_start",
        "inspection__inspection_end",
        "inspection__published",
        "inspection_id",
    )
    latest: dict[int, tuple] = {}
    for authority_id, grade, *dates, inspection_id in overall:
        when = HAPPENED.of(_Dates(*dates))
        key = (when is not None, when or date.min, inspection_id)  # newest first, undated last
        if authority_id not in latest or key > latest[authority_id][0]:
            latest[authority_id] = (key, grade)
    for authority in authorities:
        authority.latest_overall = latest[authority.pk][1] if authority.pk in latest else None
    return authorities


@dataclass(frozen=True)
class _Dates:
    inspection_start: date | None
    inspection_end: date | None
    published: date | None


def _with_judgements(inspections: QuerySet[Inspection]) -> QuerySet[Inspection]:
    return inspections.prefetch_related(Prefetch("judgements", queryset=Judgement.objects.order_by("id")))


def authority_history(*, authority: Authority) -> list[Inspection]:
    """Every inspection of ``authority`` across frameworks, newest first, judgements prefetched."""
    inspections = (
        Inspection.objects.filter(authority=authority).defer(*_BULKY).annotate(when=WHEN).order_by(*NEWEST_FIRST)
    )
    return list(_with_judgements(inspections))


def authority_recommendations(*, authority: Authority) -> QuerySet[Recommendation]:
    """Every recommendation ``authority`` received, newest inspection first, in the report's order."""
    return (
        Recommendation.objects.filter(inspection__authority=authority)
        .select_related("inspection")
        .defer(*(f"inspection__{name}" for name in _BULKY))
        .annotate(when=inspection_date(HAPPENED, "inspection__"))
        .order_by(F("when").desc(nulls_last=True), "-inspection_id", "section", "-kind", "ordinal")
    )


def authority_neighbours(*, authority: Authority) -> list[Authority]:
    """The ten statistical neighbours, in the register's order (closest first)."""
    codes = list(authority.stat_neighbours)
    found = {a.dfe_la_code: a for a in Authority.objects.filter(dfe_la_code__in=codes)}
    return [found[code] for code in codes if code in found]


@dataclass
class Latest:
    """An authority and its latest full inspection (None when it has none stored)."""

    authority: Authority
    inspection: Inspection | None
    grades: dict[str, str] = field(default_factory=dict)


def authority_latest(*, authorities: list[Authority]) -> list[Latest]:
    """Each authority's latest full inspection (see :data:`FULL_FAMILIES`) and its grades."""
    latest = _latest_full_inspections()
    return [Latest(authority, *latest.get(authority.pk, (None, {}))) for authority in authorities]


@per_data_version
def _latest_full_inspections() -> dict[int, tuple[Inspection, dict[str, str]]]:
    """Every authority's latest full inspection and its grades, by authority id, read once per version
    of the stored data (an authority page shows its neighbours' and its whole region's).

    The latest are picked from plain (authority, id) rows first, so only they are loaded as
    inspections with their judgements."""
    newest_first = (
        Inspection.objects.filter(authority__isnull=False, family__in=FULL_FAMILIES)
        .annotate(when=WHEN)
        .order_by(*NEWEST_FIRST)
        .values_list("authority_id", "id")
    )
    latest_ids: dict[int, int] = {}
    for authority_id, pk in newest_first:
        latest_ids.setdefault(authority_id, pk)
    inspections = _with_judgements(Inspection.objects.filter(pk__in=latest_ids.values()).defer(*_BULKY))
    return {i.authority_id: (i, {j.area: j.grade for j in i.judgements.all()}) for i in inspections}


@dataclass
class RegionSummary:
    name: str
    latest: list[Latest]

    @property
    def inspected(self) -> int:
        return sum(1 for item in self.latest if item.grades.get("overall"))

    def overall_counts(self) -> list[tuple[str, int]]:
        """(grade, count) of the latest overall grades, best first, grades with none left out."""
        counts = Counter(item.grades["overall"] for item in self.latest if item.grades.get("overall"))
        return sorted(counts.items(), key=lambda pair: -GRADE_RANK.get(pair[0], 0))


def authority_region(*, authority: Authority) -> RegionSummary:
    """The latest full inspection of every authority in ``authority``'s region."""
    members = list(Authority.objects.filter(region_name=authority.region_name).order_by("name"))
    return RegionSummary(authority.region_name, authority_latest(authorities=members))


@dataclass(frozen=True)
class GradePoint:
    inspection: Inspection
    when: date
    area: str
    grade: str
    score: int | None


def grade_series(*, history: list[Inspection]) -> dict[str, list[GradePoint]]:
    """Judgements by area, oldest first: the lines of the grades-over-time chart."""
    series: dict[str, list[GradePoint]] = {}
    dated = [(HAPPENED.of(i), i) for i in history if HAPPENED.of(i)]
    for when, inspection in sorted(dated, key=lambda pair: (pair[0], pair[1].pk)):
        for judgement in inspection.judgements.all():
            series.setdefault(judgement.area, []).append(
                GradePoint(inspection, when, judgement.area, judgement.grade, judgement.score)
            )
    return dict(sorted(series.items(), key=lambda item: area_order(item[0])))


def inspection_detail(*, pk: int) -> Inspection | None:
    inspections = Inspection.objects.filter(pk=pk).select_related("authority", "document").defer("document__content")
    inspections = _with_judgements(inspections).prefetch_related(
        Prefetch("recommendations", queryset=Recommendation.objects.order_by("section", "-kind", "ordinal"))
    )
    return inspections.first()


def inspection_sources(*, inspection: Inspection) -> list[InspectionSource]:
    """The files the inspection was read from, first (the primary) first, without their contents."""
    return list(
        InspectionSource.objects.filter(inspection=inspection)
        .select_related("document")
        .defer("document__content", "record")
        .order_by("added", "pk")
    )


def inspection_source(*, inspection_pk: int, source_pk: int) -> InspectionSource | None:
    return InspectionSource.objects.filter(inspection_id=inspection_pk, pk=source_pk).select_related("document").first()


def inspection_merges(*, inspection: Inspection) -> list[InspectionMerge]:
    return list(InspectionMerge.objects.filter(kept=inspection))


def document_page(*, document: SourceDocument, number: int) -> DocumentPage | None:
    return DocumentPage.objects.filter(document=document, number=number).first()


def document_pages(*, document: SourceDocument) -> QuerySet[DocumentPage]:
    return DocumentPage.objects.filter(document=document).order_by("number")


def recommendation_detail(*, pk: int) -> Recommendation | None:
    """One stored recommendation with its inspection and authority, or None."""
    return Recommendation.objects.select_related("inspection__authority").filter(pk=pk).first()
