"""The front door: contacts, referrals, re-referrals, assessments (Lists 1, 3 and 4)."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from inspire.core.calendar import working_days_between
from inspire.core.indicators.catalogue.base import Indicator, Polarity, Semantics, Unit, add_years

#: a contact "leads to" a referral of the same child dated the same day or up to this many days later
CONTACT_REFERRAL_WINDOW_DAYS = 7
ASSESSMENT_WORKING_DAYS = 45


def _contacts_referred(lists, period) -> set[int]:
    """Row numbers of contacts followed by a referral: each referral is matched to the latest
    contact of the same child on or up to seven days before it (so it is counted once)."""
    by_child = defaultdict(list)
    for c in lists.contacts:
        if c.contact_date is not None:
            by_child[c.child_id].append((c.contact_date, c.row))
    for contacts in by_child.values():
        contacts.sort()
    led: set[int] = set()
    window = timedelta(days=CONTACT_REFERRAL_WINDOW_DAYS)
    for r in lists.referrals:
        contacts = by_child.get(r.child_id)
        if not contacts or r.referral_date is None:
            continue
        i = bisect_left(contacts, (r.referral_date, float("inf"))) - 1
        if i >= 0 and r.referral_date - contacts[i][0] <= window:
            led.add(contacts[i][1])
    return led


def _contact_in_period(c, period, _):
    return "no contact date" if c.contact_date is None else c.contact_date in period


CONTACTS_TO_REFERRAL = Indicator(
    id="contacts_to_referral",
    name="Contacts leading to a referral",
    definition=(
        "Of the contacts received in the period, the percentage followed by a referral of the same child to "
        f"children's social care on the day of the contact or within {CONTACT_REFERRAL_WINDOW_DAYS} days after it. "
        "Each referral is matched to one contact, the latest before it, so several contacts about one worry "
        "count one referral."
    ),
    list_key="contacts",
    columns=("contact_date",),
    also_needs=(("referrals", ("referral_date",)),),
    unit=Unit.PERCENT,
    polarity=Polarity.NEUTRAL,
    semantics=Semantics.FLOW,
    prepare=_contacts_referred,
    prepare_by_period=False,
    denominator=_contact_in_period,
    numerator=lambda c, period, led: c.row in led,
    theme="Contacts and referrals",
)


def _referral_in_period(r, period, _):
    return "no referral date" if r.referral_date is None else r.referral_date in period


def _nfa_known(r, period, context):
    verdict = _referral_in_period(r, period, context)
    if verdict is True and r.nfa is None:
        return "no further action not recorded"
    return verdict


REFERRALS_NFA = Indicator(
    id="referrals_nfa",
    name="Referrals with no further action",
    definition=(
        "Of the referrals received in the period, the percentage recorded as needing no further action "
        "(“Referral NFA?” is yes)."
    ),
    list_key="referrals",
    columns=("referral_date", "nfa"),
    unit=Unit.PERCENT,
    polarity=Polarity.NEUTRAL,
    semantics=Semantics.FLOW,
    denominator=_nfa_known,
    numerator=lambda r, period, _: r.nfa is True,
    theme="Contacts and referrals",
)


@dataclass(frozen=True)
class _ReferralHistory:
    by_child: dict[str, list[date]]  # each child's referral dates, sorted
    first: date | None  # the earliest referral in the list: the list knows nothing before it


def _referral_dates(lists, period) -> _ReferralHistory:
    by_child = defaultdict(list)
    for r in lists.referrals:
        if r.referral_date is not None:
            by_child[r.child_id].append(r.referral_date)
    for dates in by_child.values():
        dates.sort()
    return _ReferralHistory(by_child, min((d[0] for d in by_child.values()), default=None))


def _is_re_referral(r, period, history: _ReferralHistory) -> bool:
    """An earlier referral of the same child within the 12 months before this one: in the list, or
    counted in the return's "Number of Referrals in Last 12 Months" (which excludes this one)."""
    if r.previous_referrals_12m:
        return True
    dates = history.by_child.get(r.child_id, ())
    i = bisect_left(dates, r.referral_date)
    return i > 0 and dates[i - 1] >= add_years(r.referral_date, -1)


def _look_back_before_the_data(lists, period, history: _ReferralHistory) -> str | None:
    """A referral's 12 months before it must be known: counted by the return ("Number of Referrals
    in Last 12 Months", from the council's system) or inside the list's own dates. Otherwise earlier
    referrals before the list's first date would go uncounted and the rate come out too low, so the
    period gets no value."""
    if history.first is None:
        return None
    unknown = sum(
        1
        for r in lists.referrals
        if r.referral_date in period
        and r.previous_referrals_12m is None
        and add_years(r.referral_date, -1) < history.first
    )
    if not unknown:
        return None
    first = history.first
    return (
        f"the 12 months before {unknown} of the period's referrals start before the return's first referral "
        f"({first.day} {first:%B %Y}), and the return does not give their number of referrals in the last 12 months"
    )


RE_REFERRALS = Indicator(
    id="re_referrals",
    name="Re-referrals within 12 months",
    definition=(
        "Of the referrals received in the period, the percentage made within 12 months of an earlier referral "
        "of the same child. An earlier referral is one in the list dated before it (within a year), or one "
        "counted in the return's “Number of Referrals in Last 12 Months”."
    ),
    list_key="referrals",
    columns=("referral_date",),
    unit=Unit.PERCENT,
    polarity=Polarity.LOWER,
    semantics=Semantics.FLOW,
    prepare=_referral_dates,
    prepare_by_period=False,
    denominator=_referral_in_period,
    numerator=_is_re_referral,
    theme="Contacts and referrals",
    period_unavailable=_look_back_before_the_data,
)


def _assessment_completed(a, period, _):
    if a.authorised is None:
        return False if a.start is not None else "no start or authorisation date"
    if a.authorised not in period:
        return False
    if a.start is None:
        return "no start date"
    if a.authorised < a.start:
        return "authorised before it started"
    return True


ASSESSMENTS_45_DAYS = Indicator(
    id="assessments_45_days",
    name="Assessments completed within 45 working days",
    definition=(
        "Of the assessments authorised (completed) in the period, the percentage authorised within "
        f"{ASSESSMENT_WORKING_DAYS} working days of their start. Working days leave out weekends and England's "
        "bank holidays; the start day is day 0."
    ),
    list_key="assessments",
    columns=("start", "authorised"),
    unit=Unit.PERCENT,
    polarity=Polarity.HIGHER,
    semantics=Semantics.FLOW,
    denominator=_assessment_completed,
    numerator=lambda a, period, _: working_days_between(a.start, a.authorised) <= ASSESSMENT_WORKING_DAYS,
    theme="Assessments",
)

INDICATORS = (CONTACTS_TO_REFERRAL, REFERRALS_NFA, RE_REFERRALS, ASSESSMENTS_45_DAYS)
