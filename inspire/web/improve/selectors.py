"""Reads for plans: what the pages, the API, exports and board packs show, with RAG derived."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet

from inspire.core.plans import rag as rag_rules
from inspire.core.plans.model import (
    ActionData,
    BoardData,
    BoardMemberData,
    ItemData,
    MeasureData,
    MeasureValueData,
    MilestoneData,
    OverrideData,
    PlanData,
    ProgressData,
    RiskData,
    ThemeData,
)
from inspire.web.accounts.models import Membership
from inspire.web.improve.models import Action, Measure, Milestone, Plan, PlanItem, RagOverride
from inspire.web.measure.selectors import indicator_series
from inspire.web.read.models import Authority, Inspection


def plans_for_user(*, user) -> QuerySet[Plan]:
    """The plans of the authorities the user belongs to (every plan for a superuser)."""
    plans = Plan.objects.select_related("authority", "inspection")
    if user.is_superuser:
        return plans
    return plans.filter(authority__in=Membership.objects.filter(user=user).values("authority"))


def inspections_for_new_plan(*, user) -> QuerySet[Inspection]:
    """Inspections of the authorities where the user is an editor or admin, newest first."""
    inspections = Inspection.objects.select_related("authority").filter(authority__isnull=False)
    if not user.is_superuser:
        inspections = inspections.filter(
            authority__in=Membership.objects.filter(user=user, role__in=("editor", "admin")).values("authority")
        )
    return inspections.order_by("-inspection_start")[:50]


def measure_values(measure: Measure, authority: Authority | None = None) -> list[MeasureValueData]:
    """The measure's values, oldest first: an indicator's from the data (each period's value at its
    end), otherwise those recorded by hand."""
    if measure.indicator:
        authority = authority or measure.item.plan.authority
        # a plan is seen only by its authority's members (``plans_for_user``), who may see its Annex A figures
        return [
            MeasureValueData(p.period_end, p.value)
            for p in indicator_series(authority=authority, indicator_id=measure.indicator, annex_a=True)
        ]
    return sorted(
        (MeasureValueData(v.date, v.value, entered=v.created.date()) for v in measure.values.all()),
        key=lambda v: v.date,
    )


def measure_data(measure: Measure, authority: Authority | None = None) -> MeasureData:
    return MeasureData(
        measure.description,
        measure.baseline,
        measure.target,
        measure.target_date,
        measure.polarity,
        measure.unit,
        measure_values(measure, authority),
        measure.baseline_date,
        measure.indicator,
        id=measure.pk,
    )


def plan_items(plan: Plan) -> QuerySet[PlanItem]:
    return plan.items.select_related("recommendation").prefetch_related(
        "themes",
        Prefetch(
            "actions",
            queryset=Action.objects.select_related("lead").prefetch_related(
                Prefetch("milestones", queryset=Milestone.objects.select_related("owner"))
            ),
        ),
        Prefetch("measures", queryset=Measure.objects.prefetch_related("values")),
        "progress_updates",
        Prefetch("rag_overrides", queryset=RagOverride.objects.select_related("by")),
    )


@dataclass
class ItemStatus:
    item: PlanItem
    rag: rag_rules.RagResult
    milestone_statuses: dict[int, str]  # milestone id -> shown status
    measure_statuses: dict[int, str]  # measure id -> status
    override: object | None = None  # the RagOverride in force
    measures: dict[int, MeasureData] = field(default_factory=dict)  # measure id -> with its values


@dataclass
class PlanStatus:
    plan: Plan
    as_at: date
    items: list[ItemStatus]
    rag: rag_rules.RagResult
    counts: dict[str, int] = field(default_factory=dict)

    def by_theme(self) -> list[tuple[object, list[ItemStatus]]]:
        """(theme, items) in theme order; items in no theme last under None. An item aligned to
        several themes appears under each."""
        groups = []
        for theme in self.plan.themes.all():
            groups.append((theme, [s for s in self.items if theme in s.item.themes.all()]))
        loose = [s for s in self.items if not s.item.themes.all()]
        if loose:
            groups.append((None, loose))
        return groups


def item_status(item: PlanItem, as_at: date) -> ItemStatus:
    """The item's RAG on ``as_at``, from its milestones and its measures' values up to that date."""
    milestones = {m.id: m.shown_status(as_at) for a in item.actions.all() for m in a.milestones.all()}
    data = {m.id: measure_data(m, item.plan.authority) for m in item.measures.all()}
    measures = {}
    for measure_id, m in data.items():
        known = [v for v in m.values if v.date <= as_at]
        latest = known[-1].value if known else None
        measures[measure_id] = rag_rules.measure_status(
            rag_rules.MeasureFacts(m.target, m.polarity, m.target_date, latest), as_at
        )
    deadline = item.plan.deadline
    derived = rag_rules.item_rag(
        rag_rules.ItemFacts(
            list(milestones.values()), list(measures.values()), past_deadline=bool(deadline and deadline < as_at)
        )
    )
    overrides = sorted(item.rag_overrides.all(), key=lambda o: (o.created, o.id))
    current = overrides[-1] if overrides and overrides[-1].rag else None
    shown = rag_rules.apply_override(derived, current.rag, current.reason) if current else derived
    return ItemStatus(item, shown, milestones, measures, current, data)


def plan_status(*, plan: Plan, as_at: date) -> PlanStatus:
    items = [item_status(item, as_at) for item in plan_items(plan)]
    counts = {r: 0 for r in rag_rules.RAG_VALUES}
    for status in items:
        counts[status.rag.rag] += 1
    deadline = plan.deadline
    rag = rag_rules.plan_rag([s.rag.rag for s in items], past_deadline=bool(deadline and deadline < as_at))
    return PlanStatus(plan, as_at, items, rag, counts)


def plan_data(*, plan: Plan, as_at: date) -> PlanData:
    """The plan as plain data (for board packs and exports), RAG as shown on ``as_at``."""
    status = plan_status(plan=plan, as_at=as_at)
    data = PlanData(
        title=plan.title,
        authority=plan.authority.name,
        received=plan.received_date,
        themes=[ThemeData(t.code, t.name) for t in plan.themes.all()],
    )
    for entry in status.items:
        item = entry.item
        recommendation = item.recommendation
        data.items.append(
            ItemData(
                ref=item.ref,
                title=item.title,
                recommendation=(recommendation.section, recommendation.ordinal) if recommendation else None,
                own=item.own,
                judgement_area=item.judgement_area,
                themes=[t.code for t in item.themes.all()],
                actions=[
                    ActionData(
                        ref=a.ref,
                        text=a.text,
                        lead=a.lead.name if a.lead else "",
                        timescale=a.timescale,
                        target_date=a.target_date,
                        milestones=[
                            MilestoneData(
                                m.ordinal,
                                m.text,
                                m.label,
                                m.owner.name if m.owner else "",
                                m.timescale,
                                m.target_date,
                                m.status,
                                m.evidence,
                                entry.milestone_statuses[m.id],
                                id=m.pk,
                            )
                            for m in a.milestones.all()
                        ],
                        start_date=a.start_date,
                        outcome_by=a.outcome_by,
                        id=a.pk,
                    )
                    for a in item.actions.all()
                ],
                measures=[entry.measures[m.id] for m in item.measures.all()],
                progress=[
                    ProgressData(p.date, p.text, p.written_by, entered=p.created.date())
                    for p in item.progress_updates.all()
                ],
                rag=entry.rag.rag,
                rag_reason=entry.rag.reason,
                overrides=[
                    OverrideData(o.rag, o.reason, o.made_by, o.made_at.replace(microsecond=0))
                    for o in sorted(item.rag_overrides.all(), key=lambda o: (o.created, o.id))
                ],
                outcomes=item.outcomes,
                report_refs=item.report_refs,
                id=item.pk,
            )
        )
    data.risks = [
        RiskData(
            r.description,
            r.impact,
            r.likelihood,
            r.mitigations,
            r.revised_impact or None,
            r.revised_likelihood or None,
            r.owner.name if r.owner else "",
            r.review_date,
            id=r.pk,
        )
        for r in plan.risks.select_related("owner")
    ]
    data.boards = [
        BoardData(
            b.kind,
            b.name,
            [BoardMemberData(m.name, m.role, m.board_role) for m in b.members.all()],
            [m.date for m in b.meetings.all()],
            b.terms_of_reference,
            b.frequency,
        )
        for b in plan.boards.prefetch_related("members", "meetings")
    ]
    return data
