"""Adoption timeliness (List 10): the adoption scorecard's A1 and A2, with their national thresholds."""

from __future__ import annotations

from inspire.core.indicators.catalogue.base import Indicator, Polarity, Semantics, Threshold, Unit


def _moved_in(a):
    """The day the child moved in with the family that adopted them: the fostering-for-adoption or
    concurrent placement when there was one (the scorecard's adjustment), else the adoptive placement."""
    if a.ffa_placed is not None and (a.placed is None or a.ffa_placed < a.placed):
        return a.ffa_placed
    return a.placed


def _a1_case(a, period, _):
    if a.adopted is None or a.adopted not in period:
        return False
    if a.entered_care is None:
        return "no date of entering care"
    moved = _moved_in(a)
    if moved is None:
        return "no date placed for adoption"
    if moved < a.entered_care:
        return "placed before entering care"
    return True


A1 = Indicator(
    id="adoption_a1",
    name="A1: days from entering care to moving in with the adoptive family",
    definition=(
        "For children adopted in the period (adoption order date), the average number of days between entering care "
        "and moving in with the adoptive family (the fostering-for-adoption placement when there was one). The "
        "scorecard averages three years: choose a three-year period to compare with the 426-day threshold."
    ),
    list_key="adoptions",
    columns=("entered_care", "placed", "adopted"),
    unit=Unit.DAYS,
    polarity=Polarity.LOWER,
    semantics=Semantics.FLOW,
    denominator=_a1_case,
    numerator=lambda a, p, _: (_moved_in(a) - a.entered_care).days,
    threshold=Threshold(426, "Adoption scorecard threshold (426 days)"),
    theme="Adoption",
)


def _a2_case(a, period, _):
    if a.adopted is None or a.adopted not in period:
        return False
    if a.placement_order is None:
        return "no placement order date"
    if a.matched is None:
        return "no matching date"
    if a.matched < a.placement_order:
        return "matched before the placement order"
    return True


A2 = Indicator(
    id="adoption_a2",
    name="A2: days from placement order to match",
    definition=(
        "For children adopted in the period, the average number of days between the local authority receiving "
        "court authority to place (the placement order) and deciding on a match with adopters. The scorecard "
        "averages three years; its threshold is 121 days."
    ),
    list_key="adoptions",
    columns=("placement_order", "matched", "adopted"),
    unit=Unit.DAYS,
    polarity=Polarity.LOWER,
    semantics=Semantics.FLOW,
    denominator=_a2_case,
    numerator=lambda a, p, _: (a.matched - a.placement_order).days,
    threshold=Threshold(121, "Adoption scorecard threshold (121 days)"),
    theme="Adoption",
)

INDICATORS = (A1, A2)
