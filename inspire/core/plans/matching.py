"""Matching a plan's items to the inspection's recommendations, for any plan however it came in
(Word, Excel, CSV): by the number the plan states when the texts agree, otherwise by text alone.
Separate from reading so that a preview can show it before anything is stored."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from inspire.core.plans.model import PlanData


@dataclass(frozen=True)
class RecommendationRef:
    section: str  # la | lscb
    ordinal: int
    text: str


@dataclass
class MatchReport:
    #: (item ref, recommendation, how: "number and text" | "text" | "number")
    placed: list[tuple[str, RecommendationRef, str]] = field(default_factory=list)
    #: items that answer no recommendation (own items are listed separately)
    unmatched_items: list[str] = field(default_factory=list)
    own_items: list[str] = field(default_factory=list)
    #: recommendations no item of the document answers
    uncovered: list[RecommendationRef] = field(default_factory=list)


def similarity(a: str, b: str) -> float:
    """Word-sequence similarity of two texts, 0-1, ignoring case and punctuation."""
    wa, wb = words_of(a), words_of(b)
    if not wa or not wb:
        return 0.0
    return SequenceMatcher(None, wa, wb, autojunk=False).ratio()


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", (text or "").lower().replace("’", "'"))


TEXT_THRESHOLD = 0.6  # plans re-type recommendations with small edits; unrelated ones score < 0.3
NUMBER_TEXT_THRESHOLD = 0.3  # a stated number is trusted when the texts are not unrelated


def match_recommendations(plan: PlanData, recommendations: Sequence[RecommendationRef]) -> MatchReport:
    """Link each item to the recommendation it answers: by the number the document states when
    the texts agree, otherwise by text alone (plans renumber: East Sussex's item 2 answers the
    report's paragraph 23). One recommendation per item; sets ``item.recommendation``."""
    report = MatchReport()
    taken: set[tuple[str, int]] = set()
    pending = []
    la_by_number = {r.ordinal: r for r in recommendations if r.section == "la"}
    for item in plan.items:
        if item.own:
            report.own_items.append(item.ref)
            continue
        numbered = la_by_number.get(item.stated_number) if item.stated_number else None
        if numbered and (not item.title or similarity(item.title, numbered.text) >= NUMBER_TEXT_THRESHOLD):
            item.recommendation = (numbered.section, numbered.ordinal)
            taken.add(item.recommendation)
            report.placed.append((item.ref, numbered, "number and text" if item.title else "number"))
        else:
            pending.append(item)
    scored = sorted(
        (
            (similarity(item.title, rec.text), index, item, rec)
            for index, item in enumerate(pending)
            for rec in recommendations
        ),
        key=lambda t: (-t[0], t[1]),
    )
    for score, _, item, rec in scored:
        if score < TEXT_THRESHOLD:
            break
        if item.recommendation is None and (rec.section, rec.ordinal) not in taken:
            item.recommendation = (rec.section, rec.ordinal)
            taken.add(item.recommendation)
            report.placed.append((item.ref, rec, "text"))
    report.unmatched_items = [item.ref for item in pending if item.recommendation is None]
    report.uncovered = [r for r in recommendations if (r.section, r.ordinal) not in taken]
    return report
