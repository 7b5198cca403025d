"""Grade words as printed in reports, normalised to the record's vocabulary."""

from __future__ import annotations

import re

# Longest phrases first so "requires improvement to be good" is not read as "good".
_GRADE_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"requires?\s+improvement(\s+to\s+be\s+good)?", "requires_improvement"),
    (r"outstanding", "outstanding"),
    (r"inadequate", "inadequate"),
    (r"adequate", "adequate"),
    (r"good", "good"),
)
GRADE_RE = re.compile(r"\b(" + "|".join(p for p, _ in _GRADE_PATTERNS) + r")\b", re.I)

#: APA grades: 4 best.
APA_WORDS = {4: "outstanding", 3: "good", 2: "adequate", 1: "inadequate"}
APA_NUMBERS = {word: number for number, word in APA_WORDS.items()}


def normalise_grade(text: str) -> str | None:
    """The grade named at the start of ``text`` ("Requires improvement to be good" → requires_improvement)."""
    match = GRADE_RE.search(text)
    if not match:
        return None
    found = match.group(1).lower()
    for pattern, grade in _GRADE_PATTERNS:
        if re.fullmatch(pattern, found, re.I):
            return grade
    return None  # pragma: no cover - GRADE_RE only matches the patterns above
