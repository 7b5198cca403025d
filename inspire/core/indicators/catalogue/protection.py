"""Section 47 enquiries, children in need and child protection (Lists 5, 6 and 7)."""

from __future__ import annotations

from collections import defaultdict

from inspire.core.calendar import add_working_days, working_days_between
from inspire.core.indicators.catalogue.base import (
    Indicator,
    Polarity,
    Semantics,
    Unit,
    add_years,
    first_per_child,
    open_at,
)

ICPC_WORKING_DAYS = 15
#: the local standard most councils set for visits to children on plans (no national timescale)
CP_VISIT_WORKING_DAYS = 10


def _s47_started(s, period, _):
    return "no strategy discussion date" if s.strategy_date is None else s.strategy_date in period


S47_TO_ICPC = Indicator(
    id="s47_to_icpc",
    name="Section 47 enquiries leading to an initial child protection conference",
    definition=(
        "Of the section 47 enquiries started (strategy discussion) in the period, the percentage that led to an "
        "initial child protection conference (a conference date is recorded)."
    ),
    list_key="section47",
    columns=("strategy_date", "icpc_date"),
    unit=Unit.PERCENT,
    polarity=Polarity.NEUTRAL,
    semantics=Semantics.FLOW,
    denominator=_s47_started,
    numerator=lambda s, period, _: s.icpc_date is not None,
    theme="Child protection",
)


def _icpc_held(s, period, _):
    if s.icpc_date is None or s.icpc_date not in period:
        return False
    if s.strategy_date is None:
        return "no strategy discussion date"
    if s.icpc_date < s.strategy_date:
        return "conference before the strategy discussion"
    return True


ICPC_15_DAYS = Indicator(
    id="icpc_15_days",
    name="Initial child protection conferences within 15 working days",
    definition=(
        "Of the initial child protection conferences held in the period, the percentage held within "
        f"{ICPC_WORKING_DAYS} working days of the strategy discussion that started the section 47 enquiry "
        "(weekends and England's bank holidays left out; the strategy discussion is day 0)."
    ),
    list_key="section47",
    columns=("strategy_date", "icpc_date"),
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    semantics=Semantics.FLOW,
    denominator=_icpc_held,
    numerator=lambda s, period, _: working_days_between(s.strategy_date, s.icpc_date) <= ICPC_WORKING_DAYS,
    theme="Child protection",
)


def _open_children(attribute: str, end_field: str):
    """``prepare``: one row per child open at the period's end; the denominator uses it."""

    def prepare(lists, period):
        rows = getattr(lists, attribute)
        return first_per_child(rows, lambda r: open_at(r.start, getattr(r, end_field), period.end))

    def denominator(r, period, kept):
        verdict = open_at(r.start, getattr(r, end_field), period.end)
        if verdict is True and r.row not in kept:
            return "another open episode of the same child (counted once)"
        return verdict

    return prepare, denominator


_cin_prepare, _cin_open = _open_children("children_in_need", "closed")
_cp_prepare, _cp_open = _open_children("protection_plans", "end")

_CIN = dict(
    list_key="children_in_need",
    columns=("start", "closed"),
    polarity=Polarity.NEUTRAL,
    semantics=Semantics.SNAPSHOT,
    prepare=_cin_prepare,
    denominator=_cin_open,
    numerator=lambda r, p, c: True,
    theme="Children in need",
)
CHILDREN_IN_NEED = Indicator(
    id="children_in_need",
    name="Children in need",
    definition=(
        "The number of children with a child in need case open on the last day of the period (started on or "
        "before it, not closed by it); a child counts once."
    ),
    unit=Unit.COUNT,
    **_CIN,
)
CHILDREN_IN_NEED_RATE = Indicator(
    id="children_in_need_rate",
    name="Children in need per 10,000 children",
    definition=(
        "Children in need on the last day of the period per 10,000 children under 18 living in the area "
        "(the under-18 population is entered for the authority)."
    ),
    unit=Unit.RATE,
    **_CIN,
)

_CP = dict(
    list_key="protection_plans",
    columns=("start", "end"),
    polarity=Polarity.NEUTRAL,
    semantics=Semantics.SNAPSHOT,
    prepare=_cp_prepare,
    denominator=_cp_open,
    numerator=lambda r, p, c: True,
    theme="Child protection",
)
CP_PLANS = Indicator(
    id="cp_plans",
    name="Children on child protection plans",
    definition="The number of children on a child protection plan on the last day of the period; a child counts once.",
    unit=Unit.COUNT,
    **_CP,
)
CP_RATE = Indicator(
    id="cp_rate",
    name="Children on child protection plans per 10,000 children",
    definition=(
        "Children on child protection plans on the last day of the period per 10,000 children under 18 living "
        "in the area."
    ),
    unit=Unit.RATE,
    **_CP,
)


def _plan_ended(p, period, _):
    if p.end is None or p.end not in period:
        return False
    if p.start is None:
        return "no start date"
    if p.end < p.start:
        return "ended before it started"
    return True


CP_TWO_YEARS = Indicator(
    id="cp_two_years",
    name="Child protection plans lasting two years or more",
    definition=(
        "Of the child protection plans that ended in the period, the percentage that had lasted two years or more. "
        "Plans still open are not counted."
    ),
    list_key="protection_plans",
    columns=("start", "end"),
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    semantics=Semantics.FLOW,
    denominator=_plan_ended,
    numerator=lambda p, period, _: p.end >= add_years(p.start, 2),
    theme="Child protection",
)


def _earlier_plans(lists, period):
    starts = defaultdict(list)
    for p in lists.protection_plans:
        if p.start is not None:
            starts[p.child_id].append(p.start)
    return starts


def _plan_started(p, period, starts):
    if p.start is None:
        return "no start date"
    if p.start not in period:
        return False
    if p.previous_plans is None and not any(s < p.start for s in starts.get(p.child_id, ())):
        return "number of previous plans not recorded"
    return True


CP_REPEAT = Indicator(
    id="cp_repeat",
    name="Repeat child protection plans",
    definition=(
        "Of the child protection plans that started in the period, the percentage that were the child's second or "
        "subsequent plan (ever): the return records previous plans, or the list holds an earlier plan of the same "
        "child."
    ),
    list_key="protection_plans",
    columns=("start", "previous_plans"),
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    semantics=Semantics.FLOW,
    prepare=_earlier_plans,
    prepare_by_period=False,
    denominator=_plan_started,
    numerator=lambda p, period, starts: bool(p.previous_plans) or any(s < p.start for s in starts.get(p.child_id, ())),
    theme="Child protection",
)


def _visit_checkable(p, period, kept):
    verdict = _cp_open(p, period, kept)
    if verdict is not True:
        return verdict
    if p.last_visit is not None and p.last_visit > period.end:
        return "last visit after the period end (the visit before it is not in the list)"
    if p.last_visit is None and add_working_days(p.start, CP_VISIT_WORKING_DAYS) > period.end:
        return "plan too new for a visit to be due"
    return True


CP_VISITS = Indicator(
    id="cp_visits_in_timescale",
    name="Children on child protection plans visited within timescale",
    definition=(
        "Of the children on a child protection plan on the last day of the period, the percentage whose last "
        f"statutory visit was within {CP_VISIT_WORKING_DAYS} working days before that day (the local standard most "
        "councils set). A child with no visit recorded counts as not visited, unless the plan is too new for a "
        "visit to be due."
    ),
    list_key="protection_plans",
    columns=("start", "end", "last_visit"),
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    semantics=Semantics.SNAPSHOT,
    prepare=_cp_prepare,
    denominator=_visit_checkable,
    numerator=lambda p, period, _: (
        p.last_visit is not None and working_days_between(p.last_visit, period.end) <= CP_VISIT_WORKING_DAYS
    ),
    as_at_return=True,
    theme="Child protection",
)


def _seen_alone_known(p, period, kept):
    verdict = _cp_open(p, period, kept)
    if verdict is not True:
        return verdict
    if p.last_visit is not None and p.last_visit > period.end:
        return "last visit after the period end (the visit before it is not in the list)"
    if p.seen_alone is None:
        return "seen alone not recorded"
    return True


CP_SEEN_ALONE = Indicator(
    id="cp_seen_alone",
    name="Children on child protection plans seen alone at their last visit",
    definition=(
        "Of the children on a child protection plan on the last day of the period whose last visit records "
        "whether they were seen alone, the percentage who were."
    ),
    list_key="protection_plans",
    columns=("start", "end", "seen_alone"),
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    semantics=Semantics.SNAPSHOT,
    prepare=_cp_prepare,
    denominator=_seen_alone_known,
    numerator=lambda p, period, _: p.seen_alone is True,
    as_at_return=True,
    theme="Child protection",
)

INDICATORS = (
    S47_TO_ICPC,
    ICPC_15_DAYS,
    CHILDREN_IN_NEED,
    CHILDREN_IN_NEED_RATE,
    CP_PLANS,
    CP_RATE,
    CP_TWO_YEARS,
    CP_REPEAT,
    CP_VISITS,
    CP_SEEN_ALONE,
)
