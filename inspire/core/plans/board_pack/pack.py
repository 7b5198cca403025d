"""The board pack's content, worked out once from the plan as recorded on the meeting's date
(see the package's docstring for the order a board reads it in)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from inspire.core.calendar import format_long
from inspire.core.plans import charts
from inspire.core.plans import rag as rag_rules
from inspire.core.plans import risk as risk_rules
from inspire.core.plans.deadlines import DEADLINE_UNKNOWN
from inspire.core.plans.model import (
    ActionData,
    ItemData,
    MeasureData,
    MilestoneData,
    PlanData,
    ProgressData,
)

RAG_HEX = {"red": "D4351C", "amber": "F47738", "green": "00703C", "blue": "1D70B8", "grey": "B1B4B6"}

EXCEPTION_ITEM_COLUMNS = ("Item", "Recommendation or area for improvement", "Status", "Why")
MILESTONE_COLUMNS = ("Item", "Action", "Milestone", "Owner", "Target date", "Status")
HIGH_RISK_COLUMNS = ("Risk", "Description", "Score", "Mitigation", "Owner")
ARISING_COLUMNS = ("Action arising", "From the meeting of", "Owner", "Due", "Status")
ACTION_COLUMNS = ("Action", "Lead", "Timescale")
ITEM_MILESTONE_COLUMNS = ("Action", "Milestone", "Owner", "Target date", "Status")
MEASURE_COLUMNS = ("Measure", "Baseline", "Target", "Latest value", "Status")
RISK_COLUMNS = (
    "Risk",
    "Description",
    "Impact",
    "Likelihood",
    "Score",
    "Overall risk",
    "Mitigation",
    "Revised risk",
    "Owner",
    "Review date",
)
KEY_COLUMNS = ("Status", "Rule")
TIMELINE_COLUMNS = ("Theme or action", "Start", "Outcome achieved by", "Milestones", "Note")
ARISING_STATUS = {"open": "Open", "done": "Done", "dropped": "Dropped"}


@dataclass
class ArisingAction:
    text: str
    meeting: date
    owner: str = ""
    due: date | None = None
    status: str = "open"


@dataclass
class ThemeGroup:
    heading: str
    items: list[ItemData]


@dataclass
class BoardPack:
    """Everything a pack shows, worked out once; the Word and PDF writers only lay it out."""

    plan: PlanData
    board: str
    meeting: date
    since: date | None  # the previous meeting: progress after it is "since the last meeting"
    members: list[str] = field(default_factory=list)
    deadline: date | None = None  # None while no received date is confirmed
    deadline_words: str = ""  # what the deadline counts from
    decisions_sought: list[str] = field(default_factory=list)
    previous_decisions: list[str] = field(default_factory=list)  # made at the last meeting
    actions_arising: list[ArisingAction] = field(default_factory=list)  # from earlier meetings, as at this one
    narrative: tuple[date, str] | None = None  # the plan's narrative of progress to date
    left_out: str = ""  # what was recorded after the meeting and so is not in the pack
    timeline: list = field(default_factory=list)  # timeline.Row: themes and overarching actions

    # --- the cover --------------------------------------------------------------------------

    @property
    def heading(self) -> str:
        return f"{self.board}: {format_long(self.meeting)}"

    @property
    def deadline_text(self) -> str:
        """The deadline and what it counts from, or that it is not yet known: never a bare date."""
        if self.deadline is None:
            return f"{DEADLINE_UNKNOWN}."
        counted = f" ({self.deadline_words})" if self.deadline_words else ""
        return f"Submission deadline for the plan: {format_long(self.deadline)}{counted}."

    @property
    def days_to_deadline(self) -> str:
        if self.deadline is None:
            return ""
        days = (self.deadline - self.meeting).days
        if days > 0:
            return f"{days} day{'s' if days != 1 else ''} from the meeting to the deadline."
        if days == 0:
            return "The deadline is the day of the meeting."
        return f"The deadline passed {-days} day{'s' if days != -1 else ''} before the meeting."

    def rag_counts(self) -> list[tuple[str, str, int]]:
        rags = [i.rag for i in self.plan.items]
        return [(r, rag_rules.RAG_LABELS[r], rags.count(r)) for r in rag_rules.RAG_VALUES]

    def plan_rag(self) -> rag_rules.RagResult:
        return rag_rules.plan_rag(
            [i.rag for i in self.plan.items], past_deadline=bool(self.deadline and self.deadline < self.meeting)
        )

    # --- exceptions --------------------------------------------------------------------------

    def exception_items(self) -> list[tuple[str, ...]]:
        """Red items, then amber ones, each with the rule (or override reason) that made it so."""
        rows = []
        for rag in ("red", "amber"):
            rows += [
                (_item_ref(i), i.title, rag_rules.RAG_LABELS[rag], i.rag_reason)
                for i in self.plan.items
                if i.rag == rag
            ]
        return rows

    def flagged_milestones(self) -> list[tuple[str, ...]]:
        """Overdue milestones, then those marked at risk."""
        rows = []
        for wanted in ("overdue", "at_risk"):
            for item in self.plan.items:
                for action in item.actions:
                    for m in action.milestones:
                        if m.status_on_date == wanted:
                            rows.append(
                                (
                                    item.ref,
                                    action.ref,
                                    _milestone_words(m),
                                    m.owner,
                                    _when(m),
                                    rag_rules.MILESTONE_STATUS_LABELS[wanted],
                                )
                            )
        return rows

    def numbered_risks(self):
        return list(enumerate(self.plan.risks, start=1))

    def high_risks(self) -> list[tuple[str, ...]]:
        rows = []
        for number, r in self.numbered_risks():
            score = risk_rules.heat_score(r.impact, r.likelihood)
            if score >= risk_rules.EXCEPTION_SCORE:
                rows.append((str(number), r.description, str(score), r.mitigations, r.owner))
        return rows

    # --- decisions and the last meeting ------------------------------------------------------

    def arising_rows(self) -> list[tuple[str, ...]]:
        return [
            (
                a.text,
                format_long(a.meeting),
                a.owner,
                format_long(a.due) if a.due else "",
                ARISING_STATUS.get(a.status, a.status),
            )
            for a in self.actions_arising
        ]

    # --- items by theme ----------------------------------------------------------------------

    def theme_groups(self) -> list[ThemeGroup]:
        """Each item under its first theme, in theme order (its other themes named beside it);
        items in no theme last."""
        names = {t.code: t.name for t in self.plan.themes}
        groups = {t.code: ThemeGroup(f"Theme {t.code}: {t.name}", []) for t in self.plan.themes}
        loose = ThemeGroup("Not in a theme", [])
        for item in self.plan.items:
            first = next((c for c in item.themes if c in names), None)
            (groups[first] if first else loose).items.append(item)
        return [g for g in list(groups.values()) + [loose] if g.items]

    def item_heading(self, item: ItemData) -> str:
        own = " (the council's own item)" if item.own else ""
        status = f" — {rag_rules.RAG_LABELS[item.rag]}" if item.rag else ""
        return f"Item {item.ref}{own}{status}"

    def other_themes(self, item: ItemData) -> str:
        return ", ".join(item.themes[1:])

    def action_rows(self, item: ItemData) -> list[tuple[str, ...]]:
        return [(f"{a.ref}. {a.text}" if a.ref else a.text, a.lead, _action_timescale(a)) for a in item.actions]

    def milestone_rows(self, item: ItemData) -> list[tuple[str, ...]]:
        return [
            (
                a.ref,
                _milestone_words(m),
                m.owner,
                _when(m),
                rag_rules.MILESTONE_STATUS_LABELS.get(m.status_on_date, m.status_on_date),
            )
            for a in item.actions
            for m in a.milestones
        ]

    def measure_rows(self, item: ItemData) -> list[tuple[str, ...]]:
        rows = []
        for m in item.measures:
            latest = max(m.values, key=lambda v: v.date) if m.values else None
            baseline = _figure(m.baseline, m.unit) + (
                f" ({format_long(m.baseline_date)})" if m.baseline_date and m.baseline is not None else ""
            )
            target = _figure(m.target, m.unit) + (
                f" by {format_long(m.target_date)}" if m.target_date and m.target is not None else ""
            )
            facts = rag_rules.MeasureFacts(m.target, m.polarity, m.target_date, latest.value if latest else None)
            rows.append(
                (
                    m.description,
                    baseline or "Not set",
                    target or "Not set",
                    f"{latest.value:g}{m.unit} ({format_long(latest.date)})" if latest else "No value yet",
                    rag_rules.MEASURE_STATUS_LABELS[rag_rules.measure_status(facts, self.meeting)],
                )
            )
        return rows

    def charted_measures(self, item: ItemData) -> list[MeasureData]:
        return [m for m in item.measures if charts.has_chart(m)]

    def latest_progress(self, item: ItemData) -> ProgressData | None:
        known = sorted((p for p in item.progress if p.date <= self.meeting), key=lambda p: p.date)
        return known[-1] if known else None

    def progress_words(self, item: ItemData) -> str:
        latest = self.latest_progress(item)
        if latest is None:
            return "No progress and impact recorded yet."
        fresh = (
            ""
            if self.since is None or latest.date > self.since
            else f" (no update since the last meeting, {format_long(self.since)})"
        )
        by = f", {latest.author}" if latest.author else ""
        return f"{format_long(latest.date)}{by}{fresh}: {latest.text}"

    # --- risks and keys ----------------------------------------------------------------------

    def heat_cells(self) -> dict[tuple[int, int], list[str]]:
        cells: dict[tuple[int, int], list[str]] = {}
        for number, r in self.numbered_risks():
            key = (
                risk_rules.HEAT_SCORES[risk_rules.parse_level(r.impact)],
                risk_rules.HEAT_SCORES[risk_rules.parse_level(r.likelihood)],
            )
            cells.setdefault(key, []).append(str(number))
        return cells

    def risk_rows(self) -> list[tuple[str, ...]]:
        rows = []
        for number, r in self.numbered_risks():
            revised = (
                risk_rules.overall(r.revised_impact, r.revised_likelihood)
                if r.revised_impact and r.revised_likelihood
                else ""
            )
            rows.append(
                (
                    str(number),
                    r.description,
                    risk_rules.LEVEL_LABELS[risk_rules.parse_level(r.impact)],
                    risk_rules.LEVEL_LABELS[risk_rules.parse_level(r.likelihood)],
                    str(risk_rules.heat_score(r.impact, r.likelihood)),
                    risk_rules.LEVEL_LABELS[risk_rules.overall(r.impact, r.likelihood)],
                    r.mitigations,
                    risk_rules.LEVEL_LABELS[revised] if revised else "",
                    r.owner,
                    format_long(r.review_date) if r.review_date else "",
                )
            )
        return rows

    def keys(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The two keys, each a heading and its (status, rule) rows: items, then the plan."""
        key = rag_rules.key()
        return [
            (heading, [(row["label"], row["description"]) for row in key[scope]])
            for heading, scope in (("Key: items", "items"), ("Key: the plan", "plan"))
        ]


def _item_ref(item: ItemData) -> str:
    return f"{item.ref} (council's own)" if item.own else item.ref


def _figure(value: float | None, unit: str) -> str:
    return "" if value is None else f"{value:g}{unit}"


def _when(m: MilestoneData) -> str:
    return format_long(m.target_date) if m.target_date else m.timescale


def _milestone_words(m: MilestoneData) -> str:
    return f"{m.label}: {m.text}" if m.label else m.text


def _action_timescale(action: ActionData) -> str:
    """The action's own target (its date, or its timescale as written)."""
    return format_long(action.target_date) if action.target_date else action.timescale
