"""Whole percentages: one alone rounded halves up, and a breakdown's adding up to 100, as people expect."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal


def whole_percent(percent: float) -> int:
    """``percent`` to the nearest whole number, halves up (12.5 is 13), as Django's ``floatformat``
    rounds it: from its shortest decimal form, so 0.285 * 100 (28.499999999999996) is 28."""
    return int(Decimal(repr(percent)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def whole_percentages(counts: Sequence[int]) -> list[int]:
    """Each count as a whole percentage of their sum, the shares adding up to exactly 100.

    Largest remainder (Hamilton) rounding: every share is first rounded down, then the points
    still missing go to the shares that lost the most (ties: the larger count, then the earlier).
    Rounding each share to nearest can give 101 (27 + 45 + 27 + 2); this never does. A zero count
    stays 0; all zero gives all 0.
    """
    total = sum(counts)
    if total <= 0:
        return [0] * len(counts)
    shares = [divmod(100 * count, total) for count in counts]
    result = [whole for whole, _ in shares]
    missing = 100 - sum(result)
    order = sorted(range(len(counts)), key=lambda i: (-shares[i][1], -counts[i], i))
    for i in order[:missing]:
        result[i] += 1
    return result
