"""RAG (red, amber, green) status of plan items and plans, derived from milestones and measures.

The rules are data (:data:`ITEM_RULES`, :data:`PLAN_RULES`), each with the words shown to users
in the key, so what the page says and what the code does cannot drift apart. The first rule that
matches decides. A person may override an item's derived status, but only with a reason; the
override is kept in the history beside the derived status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterable, Sequence

# --- milestones -------------------------------------------------------------------------------

#: statuses a person sets; "overdue" is never set, it is derived from the date
MILESTONE_STATUSES = ("not_started", "on_track", "at_risk", "complete")
MILESTONE_STATUS_LABELS = {
    "not_started": "Not started",
    "on_track": "On track",
    "at_risk": "At risk",
    "complete": "Complete",
    "overdue": "Overdue",
}


def milestone_status(status: str, target_date: date | None, as_at: date) -> str:
    """The status to show: the one set, or ``overdue`` when the target date has passed unfinished."""
    if status not in MILESTONE_STATUSES:
        raise ValueError(f"'{status}' is not a milestone status ({', '.join(MILESTONE_STATUSES)})")
    if status != "complete" and target_date is not None and target_date < as_at:
        return "overdue"
    return status


# --- measures ---------------------------------------------------------------------------------

POLARITIES = {"higher_is_better": "Higher is better", "lower_is_better": "Lower is better"}

MEASURE_STATUS_LABELS = {
    "no_data": "No value recorded",
    "met": "Target met",
    "not_met": "Not yet at target",
    "missed": "Target date passed, target not met",
}


@dataclass(frozen=True)
class MeasureFacts:
    target: float | None
    polarity: str  # higher_is_better | lower_is_better
    target_date: date | None
    latest_value: float | None


def measure_status(measure: MeasureFacts, as_at: date) -> str:
    """``no_data``, ``met``, ``not_met`` (target date still ahead) or ``missed``."""
    if measure.latest_value is None or measure.target is None:
        return "no_data"
    if measure.polarity not in POLARITIES:
        raise ValueError(f"'{measure.polarity}' is not a polarity ({', '.join(POLARITIES)})")
    if measure.polarity == "higher_is_better":
        met = measure.latest_value >= measure.target
    else:
        met = measure.latest_value <= measure.target
    if met:
        return "met"
    if measure.target_date is not None and measure.target_date < as_at:
        return "missed"
    return "not_met"


# --- RAG --------------------------------------------------------------------------------------

RAG_LABELS = {
    "red": "Red",
    "amber": "Amber",
    "green": "Green",
    "blue": "Complete",
    "grey": "Not started",
}
RAG_VALUES = tuple(RAG_LABELS)


@dataclass(frozen=True)
class ItemFacts:
    """What an item's RAG is derived from: its milestones' shown statuses and measures' statuses."""

    milestone_statuses: Sequence[str]
    measure_statuses: Sequence[str]


@dataclass(frozen=True)
class Rule:
    code: str
    rag: str
    description: str
    applies: Callable[[ItemFacts], bool]


def _any(statuses: Iterable[str], wanted: str) -> bool:
    return any(s == wanted for s in statuses)


ITEM_RULES: tuple[Rule, ...] = (
    Rule("milestone_overdue", "red", "Red: a milestone is past its target date and not complete.",
         lambda f: _any(f.milestone_statuses, "overdue")),
    Rule("measure_missed", "red", "Red: a measure's target date has passed and its target was not met.",
         lambda f: _any(f.measure_statuses, "missed")),
    Rule("milestone_at_risk", "amber", "Amber: a milestone is marked at risk.",
         lambda f: _any(f.milestone_statuses, "at_risk")),
    Rule("measure_not_met", "amber", "Amber: a measure's latest value is not yet at its target.",
         lambda f: _any(f.measure_statuses, "not_met")),
    Rule("all_complete", "blue", "Complete: every milestone is complete and no measure is short of its target.",
         lambda f: bool(f.milestone_statuses) and all(s == "complete" for s in f.milestone_statuses)),
    Rule("not_started", "grey", "Not started: no milestone has started and none is due yet.",
         lambda f: all(s == "not_started" for s in f.milestone_statuses)),
    Rule("on_track", "green", "Green: milestones are on track or complete and no measure is behind.",
         lambda f: True),
)


@dataclass(frozen=True)
class RagResult:
    rag: str
    rule: str  # the code of the rule that decided, or "override"
    reason: str  # the rule's description, or the override's reason
    derived: str  # the derived RAG (differs from ``rag`` when overridden)


def item_rag(facts: ItemFacts) -> RagResult:
    for rule in ITEM_RULES:
        if rule.applies(facts):
            return RagResult(rule.rag, rule.code, rule.description, rule.rag)
    raise AssertionError("the last rule always applies")


class OverrideError(ValueError):
    """An override without a reason or with an unknown colour."""


def apply_override(derived: RagResult, rag: str | None, reason: str | None) -> RagResult:
    """The status shown when a person has overridden the derived one. A reason is required."""
    if rag is None:
        return derived
    if rag not in RAG_LABELS:
        raise OverrideError(f"rag: '{rag}' is not a RAG status ({', '.join(RAG_VALUES)})")
    if not (reason or "").strip():
        raise OverrideError("reason: an override needs a reason")
    return RagResult(rag, "override", reason.strip(), derived.rag)


PLAN_RULES: tuple[tuple[str, str, str, Callable[[Sequence[str]], bool]], ...] = (
    ("item_red", "red", "Red: at least one item is red.", lambda rags: "red" in rags),
    ("item_amber", "amber", "Amber: at least one item is amber (and none red).", lambda rags: "amber" in rags),
    ("all_complete", "blue", "Complete: every item is complete.", lambda rags: bool(rags) and set(rags) == {"blue"}),
    ("not_started", "grey", "Not started: no item has started.", lambda rags: not rags or set(rags) == {"grey"}),
    ("on_track", "green", "Green: every item is green, complete or not yet started.", lambda rags: True),
)


def plan_rag(item_rags: Sequence[str]) -> RagResult:
    """A plan's RAG from its items' shown RAGs (overrides included)."""
    for code, rag, description, applies in PLAN_RULES:
        if applies(item_rags):
            return RagResult(rag, code, description, rag)
    raise AssertionError("the last rule always applies")


def key() -> list[dict[str, str]]:
    """The key shown beside every RAG: each rule in the order it is applied."""
    rows = [{"scope": "item", "code": r.code, "rag": r.rag, "label": RAG_LABELS[r.rag], "description": r.description}
            for r in ITEM_RULES]
    rows += [{"scope": "plan", "code": c, "rag": rag, "label": RAG_LABELS[rag], "description": d}
             for c, rag, d, _ in PLAN_RULES]
    rows.append({"scope": "item", "code": "override", "rag": "", "label": "Override",
                 "description": "A person may override an item's status with a reason; both are kept in its history."})
    return rows
