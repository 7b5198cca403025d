"""RAG (red, amber, green) status of plan items and plans, derived from milestones and measures.

The rules are data (:data:`ITEM_RULES`, :data:`PLAN_RULES`), each with the words shown to users
in the key, so what the page says and what the code does cannot drift apart. The first rule that
matches decides. A person may override an item's derived status, but only with a reason; the
override is kept in the history beside the derived status.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from inspire.core.errors import PlanError

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


class PolarityError(PlanError):
    """A measure's direction that is missing, unknown or contradicts its baseline and target."""


def measure_polarity(
    baseline: float | None, target: float | None, given: str | None = None, fallback: str | None = None
) -> str:
    """Which way is better for a measure. Never assumed: a target below the baseline means lower
    is better, above it higher is better; a ``given`` direction that contradicts them is refused.
    Without both (or with them equal) the ``given`` direction is used, else ``fallback`` (an
    indicator's polarity), else it is an error. A measure without a target may leave it blank."""
    if given and given not in POLARITIES:
        raise PolarityError(f"'{given}' is not a polarity ({', '.join(POLARITIES)})")
    if target is None:
        return given or fallback or ""  # nothing to be met: the direction may wait
    if baseline is not None and target is not None and baseline != target:
        inferred = "lower_is_better" if target < baseline else "higher_is_better"
        if given and given != inferred:
            side = "below" if target < baseline else "above"
            raise PolarityError(
                f"the target ({target:g}) is {side} the baseline ({baseline:g}), so "
                f"{POLARITIES[inferred].lower()}; '{POLARITIES[given].lower()}' contradicts them"
            )
        return inferred
    if given:
        return given
    if fallback in POLARITIES:
        return fallback
    raise PolarityError(
        "say whether higher or lower values are better (a baseline and a different target would show it)"
    )


MEASURE_STATUS_LABELS = {
    "no_data": "No value recorded",
    "no_direction": "Not known which way is better",
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
    """``no_data``, ``no_direction``, ``met``, ``not_met`` (target date still ahead) or ``missed``."""
    if measure.latest_value is None or measure.target is None:
        return "no_data"
    if not measure.polarity:
        return "no_direction"
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
    """What an item's RAG is derived from: its milestones' shown statuses (a milestone not
    started whose target date has passed shows as overdue), its measures' statuses, and whether
    the plan's submission deadline has passed on the date shown."""

    milestone_statuses: Sequence[str]
    measure_statuses: Sequence[str]
    past_deadline: bool = False


@dataclass(frozen=True)
class Rule:
    code: str
    rag: str
    description: str  # the key's words: the rule itself, without its status (the key shows that beside it)
    applies: Callable


def _any(statuses: Iterable[str], wanted: str) -> bool:
    return any(s == wanted for s in statuses)


ITEM_RULES: tuple[Rule, ...] = (
    Rule(
        "milestone_overdue",
        "red",
        "A milestone is past its target date and not complete, started or not.",
        lambda f: _any(f.milestone_statuses, "overdue"),
    ),
    Rule(
        "measure_missed",
        "red",
        "A measure's target date has passed and its target was not met.",
        lambda f: _any(f.measure_statuses, "missed"),
    ),
    Rule(
        "unplanned_after_deadline",
        "red",
        "The plan's submission deadline has passed and the item still has no milestones: nothing "
        "says what will be done by when.",
        lambda f: f.past_deadline and not f.milestone_statuses,
    ),
    Rule(
        "milestone_at_risk", "amber", "A milestone is marked at risk.", lambda f: _any(f.milestone_statuses, "at_risk")
    ),
    Rule(
        "measure_not_met",
        "amber",
        "A measure's latest value is not yet at its target.",
        lambda f: _any(f.measure_statuses, "not_met"),
    ),
    Rule(
        "all_complete",
        "blue",
        "Every milestone is complete and no measure is short of its target.",
        lambda f: bool(f.milestone_statuses) and all(s == "complete" for s in f.milestone_statuses),
    ),
    Rule(
        "not_started",
        "grey",
        "No milestone has started and none is due yet.",
        lambda f: all(s == "not_started" for s in f.milestone_statuses),
    ),
    Rule("on_track", "green", "Milestones are on track or complete and no measure is behind.", lambda f: True),
)


@dataclass(frozen=True)
class PlanFacts:
    item_rags: Sequence[str]  # the items' shown RAGs, overrides included
    past_deadline: bool = False


PLAN_RULES: tuple[Rule, ...] = (
    Rule("item_red", "red", "At least one item is red.", lambda f: "red" in f.item_rags),
    Rule("item_amber", "amber", "At least one item is amber, and none is red.", lambda f: "amber" in f.item_rags),
    Rule(
        "all_complete", "blue", "Every item is complete.", lambda f: bool(f.item_rags) and set(f.item_rags) == {"blue"}
    ),
    Rule(
        "nothing_started_late",
        "amber",
        "The submission deadline has passed and no item has started.",
        lambda f: f.past_deadline and not set(f.item_rags) - {"grey"},
    ),
    Rule(
        "not_started",
        "grey",
        "No item has started, and the submission deadline has not passed.",
        lambda f: not set(f.item_rags) - {"grey"},
    ),
    Rule(
        "on_track",
        "green",
        "No item is red or amber and at least one has started; the others are complete or not yet due to start.",
        lambda f: True,
    ),
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


class OverrideError(PlanError):
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


def plan_rag(item_rags: Sequence[str], past_deadline: bool = False) -> RagResult:
    """A plan's RAG from its items' shown RAGs (overrides included) and whether its submission
    deadline has passed."""
    facts = PlanFacts(item_rags, past_deadline)
    for rule in PLAN_RULES:
        if rule.applies(facts):
            return RagResult(rule.rag, rule.code, rule.description, rule.rag)
    raise AssertionError("the last rule always applies")


OVERRIDE_WORDS = "A person may override an item's status with a reason; both are kept in its history."


def key() -> dict[str, list[dict[str, str]]]:
    """The two keys shown beside every RAG, each rule in the order it is applied: ``items`` (with
    the override last) and ``plan``."""

    def rows(rules):
        return [{"code": r.code, "rag": r.rag, "label": RAG_LABELS[r.rag], "description": r.description} for r in rules]

    items = rows(ITEM_RULES) + [{"code": "override", "rag": "", "label": "Override", "description": OVERRIDE_WORDS}]
    return {"items": items, "plan": rows(PLAN_RULES)}
