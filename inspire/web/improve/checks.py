"""What a plan write checks before it stores anything, beside the model's own validation: dates
in the right order, a milestone's status, a risk's levels, a measure's indicator and which way is
better; and the reference an item answering a recommendation takes."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError

from inspire.core.calendar import format_long
from inspire.core.indicators import CATALOGUE
from inspire.core.plans import rag as rag_rules
from inspire.core.plans.risk import RiskLevelError, parse_level
from inspire.web.improve.models import Plan
from inspire.web.read.models import Recommendation


def not_before(value: date | None, limit: date | None, field: str, what: str) -> None:
    if value and limit and value < limit:
        raise ValidationError({field: f"{format_long(value)} is before {what} ({format_long(limit)})"})


def not_after_today(value: date | None, field: str, why: str) -> None:
    today = date.today()
    if value and value > today:
        raise ValidationError({field: f"{format_long(value)} is in the future: {why}"})


def check_target(plan: Plan, target_date: date | None, field: str = "target_date") -> None:
    not_before(target_date, plan.inspection.inspection_start, field, "the inspection began")


def check_status(status: str) -> None:
    if status not in rag_rules.MILESTONE_STATUSES:
        raise ValidationError(
            {
                "status": f"'{status}' is not a status you can set "
                f"({', '.join(rag_rules.MILESTONE_STATUS_LABELS[s] for s in rag_rules.MILESTONE_STATUSES)}); "
                "overdue follows from the target date"
            }
        )


def risk_level(value: str, field: str, required: bool = True) -> str:
    if not value and not required:
        return ""
    try:
        return parse_level(value)
    except RiskLevelError as error:
        raise ValidationError({field: str(error)}) from None


#: how an indicator's unit is written after a measure's value
INDICATOR_UNITS = {"percent": "%", "days": " days", "rate": " per 10,000", "count": ""}
INDICATOR_POLARITIES = {"higher": "higher_is_better", "lower": "lower_is_better"}


def measure_indicator(indicator: str):
    """The catalogue's indicator (None for a measure entered by hand)."""
    if not indicator:
        return None
    if indicator not in CATALOGUE:
        raise ValidationError({"indicator": f"'{indicator}' is not an indicator of the catalogue"})
    return CATALOGUE[indicator]


def measure_polarity(baseline: float | None, target: float | None, given: str, indicator=None) -> str:
    fallback = INDICATOR_POLARITIES.get(indicator.polarity.value) if indicator else None
    try:
        return rag_rules.measure_polarity(baseline, target, given or None, fallback)
    except rag_rules.PolarityError as error:
        raise ValidationError({"polarity": str(error)}) from None


def recommendation_ref(recommendation: Recommendation) -> str:
    if recommendation.section == "area":
        return f"{'Priority' if recommendation.kind == 'priority' else 'Improvement'} {recommendation.ordinal}"
    return f"LSCB {recommendation.ordinal}" if recommendation.section == "lscb" else str(recommendation.ordinal)
