"""The national picture: latest grades as at a date, how grades moved, time since inspection.

The rules (which date places an inspection, the grade in effect as at a date, transitions) are plain
functions in :mod:`inspire.core.national`; this module reads the rows they need and the register's
regions, and shapes the results for pages, exports and the API.

Computed in Python over one query of judgements (a few thousand rows for every report ever
published), which keeps the rules in one readable place and works on every database.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from inspire.core import national as rules
from inspire.core.national import ENDED, InspectionDates, Judged
from inspire.core.reading.record import GRADES, JUDGEMENT_KEYS
from inspire.core.rounding import whole_percentages
from inspire.web.toolkit.labels import area_order, grade_label
from inspire.web.read.models import Authority, Inspection, Judgement, inspection_date
from inspire.web.read.selectors import FULL_FAMILIES

#: Grades always shown, best first; ``adequate`` (older frameworks) is shown where it occurs.
MAIN_GRADES = ("outstanding", "good", "requires_improvement", "inadequate")


def known_areas() -> list[str]:
    """Judgement areas: the record's shared keys and any other area stored (older families), in the
    pages' order (``labels.area_order``)."""
    stored = set(Judgement.objects.values_list("area", flat=True).distinct())
    return sorted(stored | set(JUDGEMENT_KEYS), key=area_order)


@dataclass(frozen=True)
class GradeCount:
    grade: str
    label: str
    count: int
    #: of the authorities counted in this distribution, 0-100 (unrounded)
    percent: float
    #: ``percent`` as shown: whole, and the distribution's add up to 100 (largest remainder)
    shown_percent: int = 0


@dataclass(frozen=True)
class Distribution:
    #: None for England as a whole
    region: str | None
    total: int
    grades: list[GradeCount]
    #: authorities in this region of the register with no such judgement yet as at the date
    not_judged: int

    def count(self, grade: str) -> int:
        return next((g.count for g in self.grades if g.grade == grade), 0)

    def sentence(self) -> str:
        """The figure councils quote: "106 inspected: 24% inadequate, 49% requires improvement, 25% good, 2% outstanding"."""
        if not self.total:
            return "None inspected"
        parts = [f"{g.shown_percent}% {g.label.lower()}" for g in reversed(self.grades) if g.count]
        return f"{self.total} inspected: " + ", ".join(parts)


@dataclass(frozen=True)
class GradePicture:
    as_at: date
    area: str
    national: Distribution
    regions: list[Distribution]
    #: authorities counted with an older grade because a newer inspection has no judgement for ``area``
    superseded: int


def _judged(area: str) -> list[Judged]:
    """Every stored judgement for ``area`` of an authority's inspection, with the inspection's dates."""
    rows = Judgement.objects.filter(area=area, inspection__authority__isnull=False).values_list(
        "inspection__authority_id",
        "inspection_id",
        "grade",
        "inspection__inspection_start",
        "inspection__inspection_end",
        "inspection__published",
    )
    return [Judged(*row) for row in rows]


def latest_grades(*, as_at: date, area: str = "overall") -> dict[int, Judged]:
    """Each authority's (by id) latest judgement for ``area`` in effect on ``as_at``."""
    return rules.latest_grades(_judged(area), as_at)


def grade_distribution(*, as_at: date, area: str = "overall", region: str | None = None) -> GradePicture:
    """Counts and percentages of authorities' latest ``area`` grades as at ``as_at``, nationally and by region.

    ``region`` (a region name or code) limits both the national figure and the regions listed to it.
    """
    authorities = Authority.objects.all()
    if region:
        authorities = authorities.filter(region_name=region) | authorities.filter(region_code=region)
    region_of = dict(authorities.values_list("id", "region_name"))
    latest = {a: j for a, j in latest_grades(as_at=as_at, area=area).items() if a in region_of}

    by_region: dict[str, Counter] = defaultdict(Counter)
    for authority_id, judged in latest.items():
        by_region[region_of[authority_id]][judged.grade] += 1
    size_of_region = Counter(region_of.values())
    national = _distribution(None, sum(by_region.values(), Counter()), len(region_of))
    regional = [_distribution(name, by_region[name], size_of_region[name]) for name in sorted(size_of_region)]
    return GradePicture(as_at=as_at, area=area, national=national, regions=regional, superseded=_superseded(latest, as_at))


def _distribution(region: str | None, counts: Counter, authorities: int) -> Distribution:
    total = sum(counts.values())
    shown = [g for g in GRADES if g in MAIN_GRADES or counts[g]]
    whole = whole_percentages([counts[g] for g in shown])
    return Distribution(
        region=region,
        total=total,
        grades=[GradeCount(g, grade_label(g), counts[g], 100 * counts[g] / total if total else 0.0, percent)
                for g, percent in zip(shown, whole)],
        not_judged=authorities - total,
    )


def _superseded(latest: dict[int, Judged], as_at: date) -> int:
    """Authorities with a full inspection newer than their counted one (it has no judgement for the area)."""
    if not latest:
        return 0
    rows = Inspection.objects.filter(authority_id__in=latest, family__in=FULL_FAMILIES).values_list(
        "authority_id", "id", "inspection_start", "inspection_end", "published"
    )
    return rules.superseded(latest, (InspectionDates(*row) for row in rows), as_at)


@dataclass(frozen=True)
class Transitions:
    area: str
    #: the grades in the table, best first (rows: from; columns: to)
    grades: list[str]
    #: counts[from_grade][to_grade]
    counts: dict[str, dict[str, int]]
    total: int

    def rows(self) -> list[tuple[str, list[int], int]]:
        """(from grade, counts in ``grades`` order, row total) for templates."""
        return [(g, [self.counts[g][t] for t in self.grades], sum(self.counts[g].values())) for g in self.grades]


def grade_transitions(*, area: str = "overall", as_at: date | None = None) -> Transitions:
    """How grades moved between each authority's consecutive inspections that judged ``area``
    (those in effect on or before ``as_at``, when given)."""
    pairs = rules.transitions(_judged(area), as_at)
    used = {g for pair in pairs for g in pair}
    grades = [g for g in GRADES if g in MAIN_GRADES or g in used]
    counts = {f: {t: pairs[(f, t)] for t in grades} for f in grades}
    return Transitions(area=area, grades=grades, counts=counts, total=sum(pairs.values()))


@dataclass(frozen=True)
class SinceInspection:
    authority: Authority
    #: the latest inspection that ended on or before the date, or None
    inspection: Inspection | None
    days: int | None


def time_since_last_inspection(*, as_at: date) -> list[SinceInspection]:
    """Every authority with its latest inspection ended on or before ``as_at`` (``core.national.ENDED``:
    its first day where the end is unknown; the publication date for APA letters, which give only
    that): longest wait first, never inspected last."""
    latest: dict[int, Inspection] = {}
    inspections = (
        Inspection.objects.annotate(last_day=inspection_date(ENDED))
        .filter(authority__isnull=False, last_day__lte=as_at)
        .only("id", "authority_id", "family", "inspection_start", "inspection_end", "published")
        .order_by("last_day", "id")
    )
    for inspection in inspections:
        latest[inspection.authority_id] = inspection
    rows = []
    for authority in Authority.objects.all():
        inspection = latest.get(authority.id)
        days = (as_at - inspection.last_day).days if inspection else None
        rows.append(SinceInspection(authority, inspection, days))
    rows.sort(key=lambda r: (r.days is None, -(r.days or 0), r.authority.name))
    return rows
