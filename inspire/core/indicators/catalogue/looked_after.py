"""Children looked after (List 8)."""

from __future__ import annotations

from datetime import timedelta

from inspire.core.calendar import add_working_days
from inspire.core.indicators.catalogue.base import (
    Indicator,
    Polarity,
    Semantics,
    Unit,
    add_months,
    add_years,
    first_per_child,
    open_at,
)

#: Care Planning Regulations: the first review within 20 working days, then at most every six months
FIRST_REVIEW_WORKING_DAYS = 20
REVIEW_MONTHS = 6
#: visits at least every six weeks (the first-year minimum; later visits may be three-monthly)
VISIT_DAYS = 42


def _prepare(lists, period):
    return first_per_child(lists.looked_after, lambda r: open_at(r.start, r.ceased, period.end))


def _looked_after(r, period, kept):
    verdict = open_at(r.start, r.ceased, period.end)
    if verdict is True and r.row not in kept:
        return "another open period of care of the same child (counted once)"
    return verdict


_CLA = dict(
    list_key="looked_after",
    columns=("start", "ceased"),
    semantics=Semantics.SNAPSHOT,
    prepare=_prepare,
    theme="Children looked after",
)

LOOKED_AFTER = Indicator(
    id="looked_after",
    name="Children looked after",
    definition=(
        "The number of children looked after on the last day of the period (started on or before it, not ceased "
        "by it); a child counts once."
    ),
    unit=Unit.COUNT,
    polarity=Polarity.NEUTRAL,
    denominator=_looked_after,
    numerator=lambda r, p, c: True,
    **_CLA,
)

LOOKED_AFTER_RATE = Indicator(
    id="looked_after_rate",
    name="Children looked after per 10,000 children",
    definition="Children looked after on the last day of the period per 10,000 children under 18 living in the area.",
    unit=Unit.RATE,
    polarity=Polarity.NEUTRAL,
    denominator=_looked_after,
    numerator=lambda r, p, c: True,
    **_CLA,
)


def _placements_known(r, period, kept):
    verdict = _looked_after(r, period, kept)
    if verdict is True and r.placements_12m is None:
        return "number of placements not recorded"
    return verdict


THREE_PLACEMENTS = Indicator(
    id="cla_three_placements",
    name="Children looked after with three or more placements in a year",
    definition=(
        "Of the children looked after on the last day of the period, the percentage with three or more placements "
        "in the 12 months before the return (the return's “Number of Placements in the Last 12 months”)."
    ),
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    denominator=_placements_known,
    numerator=lambda r, p, c: r.placements_12m >= 3,
    as_at_return=True,
    **{**_CLA, "columns": ("start", "ceased", "placements_12m")},
)


def _review_due(r, period, kept):
    verdict = _looked_after(r, period, kept)
    if verdict is not True:
        return verdict
    if r.latest_review is not None and r.latest_review > period.end:
        return "latest review after the period end (the review before it is not in the list)"
    if r.latest_review is None and add_working_days(r.start, FIRST_REVIEW_WORKING_DAYS) >= period.end:
        return "first review not yet due"
    return True


REVIEWS = Indicator(
    id="cla_reviews_in_timescale",
    name="Looked-after children's reviews in timescale",
    definition=(
        "Of the children looked after on the last day of the period whose first review was due (20 working days "
        f"after coming into care), the percentage whose latest statutory review was within the {REVIEW_MONTHS} months "
        "before that day. A child with no review recorded counts as out of timescale."
    ),
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    denominator=_review_due,
    numerator=lambda r, p, c: r.latest_review is not None and r.latest_review >= add_months(p.end, -REVIEW_MONTHS),
    as_at_return=True,
    **{**_CLA, "columns": ("start", "ceased", "latest_review")},
)


def _visit_due(r, period, kept):
    verdict = _looked_after(r, period, kept)
    if verdict is not True:
        return verdict
    if r.last_visit is not None and r.last_visit > period.end:
        return "last visit after the period end (the visit before it is not in the list)"
    if r.last_visit is None and r.start + timedelta(days=7) > period.end:
        return "in care less than a week: first visit not yet due"
    return True


VISITS = Indicator(
    id="cla_visits_in_timescale",
    name="Looked-after children visited in timescale",
    definition=(
        "Of the children looked after on the last day of the period, the percentage whose last social work visit "
        f"was within the {VISIT_DAYS} days (six weeks) before that day."
    ),
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    denominator=_visit_due,
    numerator=lambda r, p, c: r.last_visit is not None and (p.end - r.last_visit).days <= VISIT_DAYS,
    as_at_return=True,
    **{**_CLA, "columns": ("start", "ceased", "last_visit")},
)


def _in_care_a_year(r, period, kept):
    verdict = _looked_after(r, period, kept)
    if verdict is True and add_years(r.start, 1) > period.end:
        return False
    if verdict is True and r.last_health_assessment is not None and r.last_health_assessment > period.end:
        return "last health assessment after the period end"
    return verdict


HEALTH = Indicator(
    id="cla_health_assessments",
    name="Looked-after children with a health assessment in the last year",
    definition=(
        "Of the children looked after on the last day of the period who had been in care for at least a year, "
        "the percentage whose last health assessment was within the 12 months before that day."
    ),
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    denominator=_in_care_a_year,
    numerator=lambda r, p, c: r.last_health_assessment is not None and r.last_health_assessment > add_years(p.end, -1),
    as_at_return=True,
    **{**_CLA, "columns": ("start", "ceased", "last_health_assessment")},
)

INDICATORS = (LOOKED_AFTER, LOOKED_AFTER_RATE, THREE_PLACEMENTS, REVIEWS, VISITS, HEALTH)
