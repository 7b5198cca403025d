"""What two readings of the same inspection (two files of one report) read differently.

Used when a second file of a stored inspection is added as another of its sources: the values the
inspection keeps are its first file's; any value this file reads otherwise is listed, so a person
can see it and check the report. Works on records as JSON (``Record.to_json()``), as stored.
Migration ``inspections/0006_merge_duplicate_inspections`` calls ``record_differences`` too: keep
its name and arguments.
"""

from __future__ import annotations

import re
from typing import Any

#: Top-level values compared, with the words a person reads them by.
_FIELDS = {
    "inspection_start": "Inspection started",
    "inspection_end": "Inspection ended",
    "published": "Publication date (stated)",
    "lead_inspector": "Lead inspector",
}
_SECTIONS = {"la": "local authority", "lscb": "LSCB"}

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


def _same_text(a: str | None, b: str | None) -> bool:
    """Equal once spacing, case and typographic quotes and dashes (which copies change) are set aside."""

    def plain(text: str | None) -> str:
        return re.sub(r"\s+", " ", (text or "").translate(_QUOTES)).strip().casefold()

    return plain(a) == plain(b)


def record_differences(kept: dict[str, Any], other: dict[str, Any]) -> list[dict[str, Any]]:
    """Each value ``other`` reads differently from ``kept``: ``{"field", "label", "kept", "this"}``
    (``None`` where a reading has no value), in the order the inspection page shows values."""
    differences: list[dict[str, Any]] = []

    def differ(field: str, label: str, kept_value: Any, this_value: Any) -> None:
        differences.append({"field": field, "label": label, "kept": kept_value, "this": this_value})

    for field, label in _FIELDS.items():
        if not _same_text(kept.get(field), other.get(field)):
            differ(field, label, kept.get(field), other.get(field))
    kept_grades, other_grades = kept.get("judgements") or {}, other.get("judgements") or {}
    for area in [*kept_grades, *(a for a in other_grades if a not in kept_grades)]:
        if kept_grades.get(area) != other_grades.get(area):
            differ(f"judgements.{area}", f"Judgement: {area}", kept_grades.get(area), other_grades.get(area))
    for section, name in _SECTIONS.items():
        kept_items = [r for r in kept.get("recommendations") or [] if r.get("section") == section]
        other_items = [r for r in other.get("recommendations") or [] if r.get("section") == section]
        if len(kept_items) != len(other_items):
            differ(
                f"recommendations.{section}", f"Number of recommendations ({name})", len(kept_items), len(other_items)
            )
        for kept_item, other_item in zip(kept_items, other_items):
            if not _same_text(kept_item.get("text"), other_item.get("text")):
                differ(
                    f"recommendations.{section}.{kept_item.get('ordinal')}",
                    f"Recommendation {kept_item.get('ordinal')} ({name})",
                    kept_item.get("text"),
                    other_item.get("text"),
                )
    return differences
