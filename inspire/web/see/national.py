"""The national picture: latest grades as at a date, how grades moved, time since inspection.

The rules (which date places an inspection, the grade in effect as at a date, transitions) are plain
functions in :mod:`inspire.core.national`; this module reads the rows they need and the register's
regions, and shapes the results for pages, exports and the API.

Computed in Python over rows read once per version of the stored data (``StoredRows``: every
judgement, a few thousand rows for every report ever published, the authorities and the
inspections' dates), which keeps the rules in one readable place, works on every database and
makes a new as-at date cost no query.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from inspire.core import national as rules
from inspire.core.national import ENDED, InspectionDates, Judged
from inspire.core.reading.record import AREA_FAMILIES, GRADES, JUDGEMENT_KEYS
from inspire.core.rounding import whole_percentages
from inspire.web.read.models import Authority, Inspection, Judgement
from inspire.web.read.selectors import FULL_FAMILIES
from inspire.web.toolkit.caching import per_data_version
from inspire.web.toolkit.labels import area_order, grade_label

#: Grades always shown, best first; ``adequate`` (older frameworks) is shown where it occurs.
MAIN_GRADES = ("outstanding", "good", "requires_improvement", "inadequate")


@dataclass(frozen=True)
class StoredRows:
    """What the national figures are worked out from, read once per version of the stored data
    (:func:`stored_rows`). Shared by every request of a process: never changed after it is made."""

    #: every authority of the register, by name
    authorities: tuple[Authority, ...]
    #: area → inspection family → the judgements of authorities' inspections, with their dates
    judged: dict[str, dict[str, tuple[Judged, ...]]]
    #: authorities' inspections of children's services (not area inspections), by the day they
    #: ended (``ENDED``), each with that day as ``last_day``
    ended: tuple[Inspection, ...]
    #: authorities' full inspections (``FULL_FAMILIES``), whatever they judged
    full: tuple[InspectionDates, ...]

    @functools.cached_property
    def region_of(self) -> dict[int, str]:
        return {a.id: a.region_name for a in self.authorities}


@per_data_version
def stored_rows() -> StoredRows:
    judged: dict[str, dict[str, list[Judged]]] = defaultdict(lambda: defaultdict(list))
    for area, family, *row in Judgement.objects.filter(inspection__authority__isnull=False).values_list(
        "area",
        "inspection__family",
        "inspection__authority_id",
        "inspection_id",
        "grade",
        "inspection__inspection_start",
        "inspection__inspection_end",
        "inspection__published",
    ):
        judged[area][family].append(Judged(*row))
    inspections = Inspection.objects.filter(authority__isnull=False).only(
        "id", "authority_id", "family", "inspection_start", "inspection_end", "published"
    )
    ended = []
    for inspection in inspections:
        if inspection.family not in AREA_FAMILIES:  # a JTAI or area SEND inspection is not of children's services
            inspection.last_day = ENDED.of(inspection)
            if inspection.last_day is not None:
                ended.append(inspection)
    ended.sort(key=lambda i: (i.last_day, i.id))
    return StoredRows(
        authorities=tuple(Authority.objects.order_by("name")),
        judged={
            area: {family: tuple(rows) for family, rows in by_family.items()} for area, by_family in judged.items()
        },
        ended=tuple(ended),
        full=tuple(
            InspectionDates(i.authority_id, i.id, i.inspection_start, i.inspection_end, i.published)
            for i in inspections
            if i.family in FULL_FAMILIES
        ),
    )


def known_areas() -> list[str]:
    """Judgement areas: the record's shared keys and any other area stored (older families), in the
    pages' order (``labels.area_order``)."""
    return sorted(set(stored_rows().judged) | set(JUDGEMENT_KEYS), key=area_order)


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
        """The figure councils quote: "106 inspected: 24% inadequate, 49% requires improvement, 25%
        good, 2% outstanding"."""
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


def _judged(area: str, family: str | None = None) -> list[Judged]:
    """Every stored judgement for ``area`` of an authority's inspection (of ``family``, when given),
    with the inspection's dates (in no particular order: ``core.national`` orders them itself)."""
    families = stored_rows().judged.get(area, {})
    return list(families.get(family, ())) if family else [j for judged in families.values() for j in judged]


def latest_grades(*, as_at: date, area: str = "overall") -> dict[int, Judged]:
    """Each authority's (by id) latest judgement for ``area`` in effect on ``as_at``."""
    return rules.latest_grades(_judged(area), as_at)


def grade_distribution(*, as_at: date, area: str = "overall", region: str | None = None) -> GradePicture:
    """Counts and percentages of authorities' latest ``area`` grades as at ``as_at``, nationally and by region.

    ``region`` (a region name or code) limits both the national figure and the regions listed to it.
    """
    region_of = {
        a.id: a.region_name for a in stored_rows().authorities if not region or region in (a.region_name, a.region_code)
    }
    latest = {a: j for a, j in latest_grades(as_at=as_at, area=area).items() if a in region_of}

    by_region: dict[str, Counter] = defaultdict(Counter)
    for authority_id, judged in latest.items():
        by_region[region_of[authority_id]][judged.grade] += 1
    size_of_region = Counter(region_of.values())
    national = _distribution(None, sum(by_region.values(), Counter()), len(region_of))
    regional = [_distribution(name, by_region[name], size_of_region[name]) for name in sorted(size_of_region)]
    return GradePicture(
        as_at=as_at, area=area, national=national, regions=regional, superseded=_superseded(latest, as_at)
    )


def _distribution(region: str | None, counts: Counter, authorities: int) -> Distribution:
    total = sum(counts.values())
    shown = [g for g in GRADES if g in MAIN_GRADES or counts[g]]
    whole = whole_percentages([counts[g] for g in shown])
    return Distribution(
        region=region,
        total=total,
        grades=[
            GradeCount(g, grade_label(g), counts[g], 100 * counts[g] / total if total else 0.0, percent)
            for g, percent in zip(shown, whole)
        ],
        not_judged=authorities - total,
    )


def _superseded(latest: dict[int, Judged], as_at: date) -> int:
    """Authorities with a full inspection newer than their counted one (it has no judgement for the area)."""
    if not latest:
        return 0
    return rules.superseded(latest, (i for i in stored_rows().full if i.authority_id in latest), as_at)


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


def grade_transitions(*, area: str = "overall", as_at: date | None = None, family: str | None = None) -> Transitions:
    """How grades moved between each authority's consecutive inspections that judged ``area``
    (those in effect on or before ``as_at``, when given; under one framework, ``family``, when given)."""
    pairs = rules.transitions(_judged(area, family), as_at)
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
    rows = stored_rows()
    latest: dict[int, Inspection] = {}
    for inspection in rows.ended:
        if inspection.last_day > as_at:
            break
        latest[inspection.authority_id] = inspection
    waits = []
    for authority in rows.authorities:
        inspection = latest.get(authority.id)
        days = (as_at - inspection.last_day).days if inspection else None
        waits.append(SinceInspection(authority, inspection, days))
    waits.sort(key=lambda r: (r.days is None, -(r.days or 0), r.authority.name))
    return waits


#: the first quarter end of the series of shares over time (the single inspection framework began
#: in November 2013)
SERIES_START = date(2014, 3, 31)


def share_over_time(*, area: str = "overall", last: date) -> dict[str | None, list[rules.Share]]:
    """The share of authorities good or outstanding for ``area`` at each quarter end from 31 March
    2014 to ``last``: for England (key None) and for each region."""
    return rules.share_good_or_outstanding(
        _judged(area), rules.quarter_ends(SERIES_START, last), stored_rows().region_of
    )


@dataclass(frozen=True)
class Behind:
    """One authority behind a count: its grade and the inspection that gave it."""

    authority: Authority
    grade: str
    inspection_id: int
    effective: date


def authorities_behind(
    *, as_at: date, area: str = "overall", grade: str | None = None, region: str | None = None
) -> list[Behind]:
    """The authorities counted in a cell of the national picture (``grade`` and ``region`` narrow it),
    by name."""
    latest = latest_grades(as_at=as_at, area=area)
    authorities = Authority.objects.filter(id__in=latest)
    if region:
        authorities = authorities.filter(region_name=region)
    return sorted(
        (
            Behind(a, latest[a.id].grade, latest[a.id].inspection_id, latest[a.id].effective)
            for a in authorities
            if grade is None or latest[a.id].grade == grade
        ),
        key=lambda b: b.authority.name,
    )


#: the judgement areas Ofsted's annual outcomes release reports (ILACS)
OFFICIAL_AREAS = ("overall", "leadership", "help_and_protection", "children_in_care", "care_leavers")


def last_31_march(today: date) -> date:
    """The release's usual date: the latest 31 March on or before ``today``."""
    return date(today.year if today >= date(today.year, 3, 31) else today.year - 1, 3, 31)


@dataclass(frozen=True)
class OfficialFigures:
    """The figures Ofsted's annual outcomes release gives, for one date, from the store."""

    as_at: date
    #: area → [(region or None for England, judged, good or outstanding, percent)]
    shares: dict[str, list[tuple[str | None, int, int, float | None]]]
    #: family → change → authorities (first against latest grade under that framework)
    changes: dict[str, dict[str, list[Authority]]]


def official_figures(*, as_at: date, areas: list[str]) -> OfficialFigures:
    from inspire.core.official import outcome_changes

    rows = stored_rows()
    shares = {}
    for area in areas:
        series = rules.share_good_or_outstanding(_judged(area), [as_at], rows.region_of)
        shares[area] = [(group, s[0].judged, s[0].good_or_outstanding, s[0].percent) for group, s in series.items()]
    by_id = {a.id: a for a in rows.authorities}
    changes = {}
    for family in FULL_FAMILIES:
        histories: dict[int, list[str]] = {}
        for one in rules.in_effect(_judged("overall", family), as_at):
            histories.setdefault(one.authority_id, []).append(one.grade)
        counted = outcome_changes(histories)
        if any(counted.values()):
            changes[family] = {
                key: sorted((by_id[i] for i in ids), key=lambda a: a.name) for key, ids in counted.items()
            }
    return OfficialFigures(as_at=as_at, shares=shares, changes=changes)


def grades_beside_peers(*, authority: Authority, neighbours: list[Authority], last: date) -> dict[str, list]:
    """An authority's overall grade at each quarter end since 2014, beside the mean grade of its
    statistical neighbours and of its region (each as ``(date, mean or None, how many judged)``)."""
    judged = _judged("overall")
    days = rules.quarter_ends(SERIES_START, last)
    region = set(Authority.objects.filter(region_name=authority.region_name).values_list("id", flat=True))
    return {
        authority.name: rules.mean_grade(judged, days, {authority.id}),
        f"Statistical neighbours ({len(neighbours)})": rules.mean_grade(judged, days, {a.id for a in neighbours}),
        f"{authority.region_name} (all {len(region)})": rules.mean_grade(judged, days, region),
    }


#: area SEND outcomes (2023 framework), in the order tables show them
SEND_OUTCOMES = (
    ("1", "Typically positive experiences and outcomes"),
    ("2", "Inconsistent experiences and outcomes"),
    ("3", "Widespread and/or systemic failings"),
)


@dataclass(frozen=True)
class OutcomeRow:
    region: str | None  # None: England
    counts: list[int]  # in SEND_OUTCOMES order
    inspected: int
    authorities: int

    @property
    def not_inspected(self) -> int:
        return self.authorities - self.inspected


def send_outcomes(*, as_at: date) -> list[OutcomeRow]:
    """Each authority's latest area SEND outcome (2023 framework) on ``as_at``, counted by region and
    for England (last row). An outcome takes effect at the end of its inspection (the reports state
    no publication date). Area inspections are their own picture: they never enter the grade
    distributions above."""
    latest: dict[int, tuple[date, int, str]] = {}
    rows = (
        Inspection.objects.filter(family="send_2023", authority__isnull=False)
        .exclude(outcome="")
        .values_list("authority_id", "id", "inspection_end", "inspection_start", "outcome")
    )
    for authority_id, inspection_id, end, start, outcome in rows:
        effective = end or start
        if (
            effective
            and effective <= as_at
            and (effective, inspection_id) > latest.get(authority_id, (date.min, 0, ""))[:2]
        ):
            latest[authority_id] = (effective, inspection_id, outcome)
    region_of = dict(Authority.objects.values_list("id", "region_name"))
    by_region: dict[str, Counter] = defaultdict(Counter)
    for authority_id, (_, _, outcome) in latest.items():
        by_region[region_of[authority_id]][outcome] += 1
    size = Counter(region_of.values())
    keys = [key for key, _ in SEND_OUTCOMES]
    out = [
        OutcomeRow(name, [by_region[name][k] for k in keys], sum(by_region[name].values()), size[name])
        for name in sorted(size)
    ]
    total = sum(by_region.values(), Counter())
    out.append(OutcomeRow(None, [total[k] for k in keys], sum(total.values()), len(region_of)))
    return out


@dataclass(frozen=True)
class ThemeYear:
    year: int
    theme: str
    count: int


def jtai_themes(*, as_at: date | None = None) -> list[ThemeYear]:
    """Joint targeted area inspections by the year they took place and their theme (newest year
    first, then the most inspected theme), those ended on or before ``as_at`` when given."""
    counts: Counter = Counter()
    for start, end, theme in Inspection.objects.filter(family="jtai").values_list(
        "inspection_start", "inspection_end", "theme"
    ):
        day = start or end
        if day is None or (as_at and (end or start) > as_at):
            continue
        counts[(day.year, theme or "theme not read")] += 1
    return [
        ThemeYear(year, theme, n)
        for (year, theme), n in sorted(counts.items(), key=lambda kv: (-kv[0][0], -kv[1], kv[0][1]))
    ]
