"""The national picture's rules, over plain records: which date places an inspection, the grade an
authority held as at a date, and how grades moved between consecutive inspections.

The web layer reads rows from the database into :class:`Judged` records and calls these; querysets
that filter or order by a date build their one ORM expression from the same :class:`DateRule`
(``inspire.web.read.models.inspection_date``), so each rule is written here once.

Three dates, each the first of an inspection's dates that is stated, in the rule's order:

- :data:`HAPPENED`, when an inspection happened (pages, lists and search place inspections by it):
  its first day, else its last, else publication (annual performance assessment letters state only
  when they were published).
- :data:`EFFECTIVE`, when its judgements took effect: the report's publication date where the report
  states it (SIF reports do), else the last day of the inspection (ILACS reports state no publication
  date; their judgements are given to the council at the end of the inspection), else its first day.
  Inspections with none of these dates are left out of the national picture.
- :data:`ENDED`, when it ended (time since the last inspection): its last day, else its first, else
  publication.

An authority's grade for an area as at a date is the grade in its latest inspection that has a
judgement for that area and took effect on or before the date. Reports from April 2026 have no
overall judgement, so for the overall area such an authority keeps its previous overall grade and is
counted as superseded (it has a newer full inspection without that judgement).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol


class Dated(Protocol):
    """Anything with an inspection's three dates: a :class:`Judged`, :class:`InspectionDates`, or the
    web layer's ``Inspection`` model."""

    inspection_start: date | None
    inspection_end: date | None
    published: date | None


@dataclass(frozen=True)
class DateRule:
    """An order of an inspection's dates (field names): the rule's date is the first one stated."""

    name: str
    fields: tuple[str, ...]

    def of(self, inspection: Dated) -> date | None:
        for field in self.fields:
            value = getattr(inspection, field)
            if value is not None:
                return value
        return None


HAPPENED = DateRule("happened", ("inspection_start", "inspection_end", "published"))
EFFECTIVE = DateRule("effective", ("published", "inspection_end", "inspection_start"))
ENDED = DateRule("ended", ("inspection_end", "inspection_start", "published"))


@dataclass(frozen=True)
class InspectionDates:
    """One inspection's dates, as its report states them (any may be missing)."""

    authority_id: int
    inspection_id: int
    inspection_start: date | None = None
    inspection_end: date | None = None
    published: date | None = None


@dataclass(frozen=True)
class Judged:
    """One judgement of one area in one inspection, with that inspection's dates."""

    authority_id: int
    inspection_id: int
    grade: str
    inspection_start: date | None = None
    inspection_end: date | None = None
    published: date | None = None

    @property
    def effective(self) -> date | None:
        return EFFECTIVE.of(self)


def in_effect(judgements: Iterable[Judged], as_at: date | None = None) -> list[Judged]:
    """The judgements that took effect on or before ``as_at`` (every dated one when None), oldest
    first: by effective date, then first day, then inspection (so the order never depends on the
    database's)."""
    dated = [j for j in judgements if j.effective is not None and (as_at is None or j.effective <= as_at)]
    return sorted(dated, key=lambda j: (j.effective, j.inspection_start or j.effective, j.inspection_id))


def latest_grades(judgements: Iterable[Judged], as_at: date) -> dict[int, Judged]:
    """Each authority's (by id) latest judgement in effect on ``as_at``."""
    latest: dict[int, Judged] = {}
    for judged in in_effect(judgements, as_at):
        latest[judged.authority_id] = judged  # oldest first, so the last one wins
    return latest


def superseded(latest: Mapping[int, Judged], inspections: Iterable[InspectionDates], as_at: date) -> int:
    """How many of the authorities in ``latest`` have a newer inspection in effect on ``as_at`` than the
    one counted for them (``inspections``: their full inspections, whatever they judged)."""
    newest: dict[int, date] = {}
    for inspection in inspections:
        effective = EFFECTIVE.of(inspection)
        if effective and effective <= as_at and effective > newest.get(inspection.authority_id, date.min):
            newest[inspection.authority_id] = effective
    return sum(1 for a, j in latest.items() if newest.get(a, date.min) > j.effective)


def transitions(judgements: Iterable[Judged], as_at: date | None = None) -> Counter[tuple[str, str]]:
    """How many times a grade was followed by another (``(from, to)``) between each authority's
    consecutive judgements in effect on ``as_at`` (every one when None)."""
    by_authority: dict[int, list[Judged]] = defaultdict(list)
    for judged in in_effect(judgements, as_at):
        by_authority[judged.authority_id].append(judged)
    pairs: Counter[tuple[str, str]] = Counter()
    for history in by_authority.values():
        pairs.update((a.grade, b.grade) for a, b in zip(history, history[1:]))
    return pairs


GOOD_OR_OUTSTANDING = frozenset({"good", "outstanding"})


def quarter_ends(first: date, last: date) -> list[date]:
    """Every quarter end (31 March, 30 June, 30 September, 31 December) from ``first`` to ``last``."""
    ends = []
    for year in range(first.year, last.year + 1):
        for month, day in ((3, 31), (6, 30), (9, 30), (12, 31)):
            end = date(year, month, day)
            if first <= end <= last:
                ends.append(end)
    return ends


@dataclass(frozen=True)
class Share:
    as_at: date
    judged: int
    good_or_outstanding: int

    @property
    def percent(self) -> float | None:
        return 100 * self.good_or_outstanding / self.judged if self.judged else None


def share_good_or_outstanding(
    judgements: Iterable[Judged], dates: Iterable[date], group_of: Mapping[int, str] | None = None
) -> dict[str | None, list[Share]]:
    """At each date, how many authorities hold a grade in effect and how many of those are good or
    outstanding: for England (key None) and, with ``group_of`` (authority id → region), for each group.
    One pass over the judgements in effect order, so a long series costs no more than one as-at."""
    ordered = in_effect(judgements)
    latest: dict[int, str] = {}
    series: dict[str | None, list[Share]] = defaultdict(list)
    groups = sorted(set(group_of.values())) if group_of else []
    position = 0
    for day in sorted(dates):
        while position < len(ordered) and ordered[position].effective <= day:
            latest[ordered[position].authority_id] = ordered[position].grade
            position += 1
        counted = {a: g for a, g in latest.items() if group_of is None or a in group_of}
        series[None].append(_share(day, counted.values()))
        for group in groups:
            series[group].append(_share(day, (g for a, g in counted.items() if group_of[a] == group)))
    return dict(series)


def _share(day: date, grades: Iterable[str]) -> Share:
    grades = list(grades)
    return Share(day, len(grades), sum(1 for g in grades if g in GOOD_OR_OUTSTANDING))


#: grades as numbers for averaging, best highest (adequate, of older frameworks, sits with requires improvement)
GRADE_SCORE = {"outstanding": 4, "good": 3, "requires_improvement": 2, "adequate": 2, "inadequate": 1}


def mean_grade(
    judgements: Iterable[Judged], dates: Iterable[date], members: set[int]
) -> list[tuple[date, float | None, int]]:
    """At each date, the mean grade (``GRADE_SCORE``) of the ``members`` holding a grade then, and how
    many hold one (None where none does): a group's grades over time, on the grade scale."""
    ordered = [j for j in in_effect(judgements) if j.authority_id in members and j.grade in GRADE_SCORE]
    latest: dict[int, str] = {}
    series, position = [], 0
    for day in sorted(dates):
        while position < len(ordered) and ordered[position].effective <= day:
            latest[ordered[position].authority_id] = ordered[position].grade
            position += 1
        scores = [GRADE_SCORE[g] for g in latest.values()]
        series.append((day, sum(scores) / len(scores) if scores else None, len(scores)))
    return series
