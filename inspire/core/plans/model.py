"""A plan as plain data: what the Word and Excel importers produce, and what board packs and
exports are built from. The Django models mirror it; ``inspire.web.improve.selectors`` converts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass
class MilestoneData:
    ordinal: int  # position within its action, from 1
    text: str
    label: str = ""  # as the document numbered it ("Milestone 2"); numbers repeat in real plans
    owner: str = ""
    timescale: str = ""  # the target date as written ("31st December 2016 and 6 monthly")
    target_date: date | None = None
    status: str = "not_started"  # as set by a person
    evidence: str = ""
    shown_status: str = ""  # as shown on a date ("overdue" derived); board packs use it
    id: int | None = field(default=None, compare=False)  # the stored row, for as-at restoring
    entered: date | None = field(default=None, compare=False)  # the day it was first recorded

    @property
    def status_on_date(self) -> str:
        return self.shown_status or self.status


@dataclass
class ActionData:
    ref: str
    text: str
    lead: str = ""
    timescale: str = ""
    target_date: date | None = None
    milestones: list[MilestoneData] = field(default_factory=list)
    #: the priority timeline: when the action starts and when its outcome is to be achieved
    start_date: date | None = None
    outcome_by: date | None = None
    id: int | None = field(default=None, compare=False)
    entered: date | None = field(default=None, compare=False)


@dataclass
class MeasureValueData:
    date: date
    value: float
    entered: date | None = field(default=None, compare=False)


@dataclass
class MeasureData:
    description: str
    baseline: float | None = None
    target: float | None = None
    target_date: date | None = None
    polarity: str = ""  # higher_is_better | lower_is_better; never assumed (see rag.measure_polarity)
    unit: str = ""
    values: list[MeasureValueData] = field(default_factory=list)
    baseline_date: date | None = None
    #: an indicator of the catalogue whose values are the measure's (none entered by hand)
    indicator: str = ""
    id: int | None = field(default=None, compare=False)
    entered: date | None = field(default=None, compare=False)


@dataclass
class ProgressData:
    date: date
    text: str
    author: str = ""
    entered: date | None = field(default=None, compare=False)


@dataclass
class OverrideData:
    """A person's override of an item's derived RAG (``rag`` blank ends one), kept in its history."""

    rag: str
    reason: str
    by: str = ""
    made: datetime | None = None


@dataclass
class ItemData:
    ref: str
    title: str  # the recommendation or area for improvement, or the council's own heading
    #: the recommendation the item answers, as (section, ordinal), once matched
    recommendation: tuple[str, int] | None = None
    #: a recommendation number the document states ("RECOMMENDATION ONE"), used when matching
    stated_number: int | None = None
    own: bool = False  # the council's own item, not an Ofsted recommendation
    judgement_area: str = ""
    themes: list[str] = field(default_factory=list)  # theme codes
    actions: list[ActionData] = field(default_factory=list)
    measures: list[MeasureData] = field(default_factory=list)
    progress: list[ProgressData] = field(default_factory=list)
    rag: str = ""  # for board packs: the shown RAG
    rag_reason: str = ""
    overrides: list[OverrideData] = field(default_factory=list)  # oldest first; the latest counts
    #: "outcomes to be achieved" as the plan writes them (seed 004), and where the report says it
    outcomes: str = ""
    report_refs: str = ""  # "Paragraph 120; Summary, page 9"
    id: int | None = field(default=None, compare=False)
    entered: date | None = field(default=None, compare=False)


@dataclass
class ThemeData:
    code: str
    name: str


@dataclass
class RiskData:
    description: str
    impact: str
    likelihood: str
    mitigations: str = ""
    revised_impact: str | None = None
    revised_likelihood: str | None = None
    owner: str = ""
    review_date: date | None = None
    id: int | None = field(default=None, compare=False)
    entered: date | None = field(default=None, compare=False)


@dataclass
class BoardMemberData:
    name: str
    role: str = ""
    board_role: str = "member"  # chair | sponsor | programme_executive | programme_manager | member


@dataclass
class BoardData:
    kind: str  # improvement_board | scrutiny_panel | other
    name: str
    members: list[BoardMemberData] = field(default_factory=list)
    meetings: list[date] = field(default_factory=list)
    terms_of_reference: str = ""
    frequency: str = ""


@dataclass
class PlanData:
    title: str
    authority: str = ""
    received: date | None = None
    themes: list[ThemeData] = field(default_factory=list)
    items: list[ItemData] = field(default_factory=list)
    risks: list[RiskData] = field(default_factory=list)
    boards: list[BoardData] = field(default_factory=list)


def clear_dates_before(plan: PlanData, day: date, what: str = "the inspection began") -> list[str]:
    """Drop target dates earlier than ``day`` (typing slips such as "31st March 2016" in a plan
    written after a May 2016 inspection), keeping the words as written. Returns what was dropped."""
    notes = []
    for item in plan.items:
        for action in item.actions:
            for thing, where in [(action, f"item {item.ref}, action {action.ref}")] + [
                (m, f"item {item.ref}, action {action.ref}, {m.label or f'milestone {m.ordinal}'}")
                for m in action.milestones
            ]:
                if thing.target_date and thing.target_date < day:
                    notes.append(
                        f"{where}: target '{thing.timescale}' is before {what}; kept as written, without a date"
                    )
                    thing.target_date = None
    return notes
