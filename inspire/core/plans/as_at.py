"""A plan as it was recorded at the end of a day: what a board pack for a meeting shows.

Nothing entered after the meeting may appear in its pack: not an item, action, milestone,
measure, value, progress update, override or risk recorded later, nor a later change to one.
The web layer gives the plan as it is now, each part with its id and the day it was first
recorded (``entered``), and the value each changed field had before its first change after the
day (from the audit trail); :func:`as_recorded` takes the later parts out, puts the earlier
values back and derives every status again on that day by the written rules.
"""

from __future__ import annotations

import copy
from datetime import date

from inspire.core.plans import rag as rag_rules
from inspire.core.plans.model import ItemData, PlanData
from inspire.core.plans.timescales import target_date as parse_date

#: (object type, id, field) -> the field's value (as the audit trail writes it) before its first
#: change after the day
Earlier = dict[tuple[str, int, str], str]

_TEXT_FIELDS = {
    "Action": {"text": "text", "timescale": "timescale", "lead": "lead"},
    "Milestone": {
        "text": "text",
        "timescale": "timescale",
        "owner": "owner",
        "status": "status",
        "evidence": "evidence",
    },
    "Risk": {
        "description": "description",
        "mitigations": "mitigations",
        "impact": "impact",
        "likelihood": "likelihood",
        "owner": "owner",
    },
    "PlanItem": {"title": "title", "outcomes": "outcomes", "report_refs": "report_refs"},
}
_DATE_FIELDS = {
    "Action": ("target_date", "start_date", "outcome_by"),
    "Milestone": ("target_date",),
    "Risk": ("review_date",),
}
_OPTIONAL_FIELDS = {"Risk": {"revised_impact": "revised_impact", "revised_likelihood": "revised_likelihood"}}


def _recorded(entered: date | None, day: date) -> bool:
    return entered is None or entered <= day


def _restore(obj, kind: str, earlier: Earlier) -> None:
    if obj.id is None:
        return
    for field, attribute in _TEXT_FIELDS.get(kind, {}).items():
        if (kind, obj.id, field) in earlier:
            setattr(obj, attribute, earlier[(kind, obj.id, field)])
    for field, attribute in _OPTIONAL_FIELDS.get(kind, {}).items():
        if (kind, obj.id, field) in earlier:
            setattr(obj, attribute, earlier[(kind, obj.id, field)] or None)
    for field in _DATE_FIELDS.get(kind, ()):
        if (kind, obj.id, field) in earlier:
            setattr(obj, field, parse_date(earlier[(kind, obj.id, field)]))


def _item_rag(item: ItemData, day: date, past_deadline: bool) -> None:
    milestone_statuses = []
    for action in item.actions:
        for m in action.milestones:
            m.shown_status = rag_rules.milestone_status(m.status, m.target_date, day)
            milestone_statuses.append(m.shown_status)
    measure_statuses = []
    for measure in item.measures:
        known = sorted((v for v in measure.values if v.date <= day), key=lambda v: v.date)
        facts = rag_rules.MeasureFacts(
            measure.target, measure.polarity, measure.target_date, known[-1].value if known else None
        )
        measure_statuses.append(rag_rules.measure_status(facts, day))
    derived = rag_rules.item_rag(rag_rules.ItemFacts(milestone_statuses, measure_statuses, past_deadline))
    current = item.overrides[-1] if item.overrides and item.overrides[-1].rag else None
    shown = rag_rules.apply_override(derived, current.rag, current.reason) if current else derived
    item.rag, item.rag_reason = shown.rag, shown.reason


def as_recorded(
    plan: PlanData, day: date, earlier: Earlier, deadline: date | None = None, left_out: dict[str, int] | None = None
) -> PlanData:
    """``plan`` as it was recorded at the end of ``day``, every status derived on that day.
    ``left_out``, when given, is filled with how many of each part were recorded later, so the
    pack can say what it leaves out rather than leave it out silently."""
    plan = copy.deepcopy(plan)
    counts = left_out if left_out is not None else {}

    def keep(parts: list, recorded, name: str) -> list:
        kept = [p for p in parts if recorded(p)]
        if len(kept) < len(parts):
            counts[name] = counts.get(name, 0) + len(parts) - len(kept)
        return kept

    past_deadline = bool(deadline and deadline < day)
    plan.items = keep(plan.items, lambda i: _recorded(i.entered, day), "item")
    for item in plan.items:
        _restore(item, "PlanItem", earlier)
        item.actions = keep(item.actions, lambda a: _recorded(a.entered, day), "action")
        for action in item.actions:
            _restore(action, "Action", earlier)
            action.milestones = keep(action.milestones, lambda m: _recorded(m.entered, day), "milestone")
            for milestone in action.milestones:
                _restore(milestone, "Milestone", earlier)
        item.measures = keep(item.measures, lambda m: _recorded(m.entered, day), "measure")
        for measure in item.measures:
            measure.values = keep(
                measure.values, lambda v: v.date <= day and _recorded(v.entered, day), "measure value"
            )
        item.progress = keep(item.progress, lambda p: p.date <= day and _recorded(p.entered, day), "progress update")
        item.overrides = keep(item.overrides, lambda o: o.made is None or o.made.date() <= day, "status override")
        _item_rag(item, day, past_deadline)
    plan.risks = keep(plan.risks, lambda r: _recorded(r.entered, day), "risk")
    for risk in plan.risks:
        _restore(risk, "Risk", earlier)
    return plan


def left_out_words(left_out: dict[str, int], day: date) -> str:
    """ "Recorded after 6 December 2016, so left out: 2 items, 1 status override." or ""."""
    from inspire.core.calendar import format_long

    if not left_out:
        return ""
    parts = ", ".join(f"{n} {name}{'s' if n != 1 else ''}" for name, n in left_out.items())
    return f"Recorded after {format_long(day)}, so left out of this pack: {parts}."
