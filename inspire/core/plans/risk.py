"""Risk scoring: impact and likelihood (high, medium, low) give an overall risk by a written matrix.

The matrix is the usual 3 x 3 one councils print beside their risk registers: each level scores
1 (low), 2 (medium) or 3 (high); impact x likelihood of 1-2 is low, 3-4 medium, 6-9 high. Southend's
register (seed 004) reads the same way: high impact with medium likelihood is high overall, high
impact with low likelihood medium.
"""

from __future__ import annotations

from inspire.core.errors import PlanError

LEVELS = ("low", "medium", "high")
LEVEL_LABELS = {"low": "Low", "medium": "Medium", "high": "High"}
_SCORE = {"low": 1, "medium": 2, "high": 3}
_ALIASES = {"l": "low", "m": "medium", "h": "high", "low": "low", "medium": "medium", "med": "medium", "high": "high"}

#: The scoring matrix as data: (impact, likelihood) -> overall risk. Shown to users as a key.
MATRIX: dict[tuple[str, str], str] = {
    ("high", "high"): "high",
    ("high", "medium"): "high",
    ("high", "low"): "medium",
    ("medium", "high"): "high",
    ("medium", "medium"): "medium",
    ("medium", "low"): "low",
    ("low", "high"): "medium",
    ("low", "medium"): "low",
    ("low", "low"): "low",
}

MATRIX_DESCRIPTION = (
    "Impact and likelihood are each rated high (3), medium (2) or low (1). Their product gives the "
    "overall risk: 6 or 9 is high, 3 or 4 is medium, 1 or 2 is low. The revised risk applies the same "
    "matrix to the impact and likelihood expected once the mitigations are in place."
)


class RiskLevelError(PlanError):
    """A rating that is not high, medium or low."""


def parse_level(value: str) -> str:
    """'H', 'high', 'Medium'... -> 'high' / 'medium' / 'low'."""
    key = (value or "").strip().lower()
    if key not in _ALIASES:
        raise RiskLevelError(f"'{value}' is not a risk level: use high, medium or low (H, M, L)")
    return _ALIASES[key]


def score(impact: str, likelihood: str) -> int:
    return _SCORE[parse_level(impact)] * _SCORE[parse_level(likelihood)]


def overall(impact: str, likelihood: str) -> str:
    """The overall risk for an impact and a likelihood, from :data:`MATRIX`."""
    return MATRIX[(parse_level(impact), parse_level(likelihood))]


def inputs_for_rating(impact: str, rating: str) -> tuple[str, str]:
    """An (impact, likelihood) pair giving ``rating``: the stated impact kept where the matrix
    allows, the likelihood lowered first. For registers that print only a revised rating."""
    impact, rating = parse_level(impact), parse_level(rating)
    for candidate_impact in LEVELS[LEVELS.index(impact) :: -1]:
        for likelihood in LEVELS[::-1]:
            if MATRIX[(candidate_impact, likelihood)] == rating:
                return candidate_impact, likelihood
    # the rating is above what the stated impact can give: raise the impact as little as needed
    for candidate_impact in LEVELS[LEVELS.index(impact) + 1 :]:
        for likelihood in LEVELS:
            if MATRIX[(candidate_impact, likelihood)] == rating:
                return candidate_impact, likelihood
    raise RiskLevelError(f"no impact and likelihood give {rating}")


# --- the 5 x 5 heat map ----------------------------------------------------------------------

#: where a rating sits on the 5 x 5 map councils print beside a register: a 1-5 scale where the
#: register rates high, medium or low (as Southend's does) puts them at 5, 3 and 1
HEAT_SCORES = {"low": 1, "medium": 3, "high": 5}
EXCEPTION_SCORE = 15
HEAT_DESCRIPTION = (
    "On the 5 x 5 heat map impact (across) and likelihood (up) are scored 1 to 5; ratings of high, medium and "
    f"low are placed at 5, 3 and 1. Impact x likelihood of {EXCEPTION_SCORE} or more is an exception for the board."
)


def heat_score(impact: str, likelihood: str) -> int:
    """Impact x likelihood on the 5 x 5 map."""
    return HEAT_SCORES[parse_level(impact)] * HEAT_SCORES[parse_level(likelihood)]


def heat_band(score_: int) -> str:
    """The map's colour band for a score: 15 and over high, 5-14 medium, under 5 low."""
    return "high" if score_ >= EXCEPTION_SCORE else "medium" if score_ >= 5 else "low"
