"""The indicator catalogue: every indicator Inspire computes, one declarative unit each.

Adding an indicator is one ``Indicator(...)`` in a theme module and its name in that module's
``INDICATORS``; ``CATALOGUE`` keeps the order pages show them in.
"""

from __future__ import annotations

from inspire.core.indicators.catalogue import adoption, care_leavers, front_door, looked_after, protection
from inspire.core.indicators.catalogue.base import (
    Indicator,
    Period,
    Polarity,
    Semantics,
    Threshold,
    Unit,
    format_value,
)

CATALOGUE: dict[str, Indicator] = {
    i.id: i for module in (front_door, protection, looked_after, care_leavers, adoption) for i in module.INDICATORS
}


def get(indicator_id: str) -> Indicator:
    try:
        return CATALOGUE[indicator_id]
    except KeyError:
        raise KeyError(f"no indicator “{indicator_id}”; known: {', '.join(CATALOGUE)}") from None


__all__ = ["CATALOGUE", "Indicator", "Period", "Polarity", "Semantics", "Threshold", "Unit", "format_value", "get"]
