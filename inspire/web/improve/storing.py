"""Storing a whole imported plan (from Word, Excel or CSV, after its preview was confirmed), or
nothing: its themes, items with their actions, milestones, measures, overrides and progress, its
risks and boards, every part audited in one transaction."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from inspire.core.calendar import format_long
from inspire.core.plans import rag as rag_rules
from inspire.core.plans.model import PlanData
from inspire.web.accounts.models import Person
from inspire.web.accounts.services import person_get_or_create, require_role
from inspire.web.improve.audit import audit_create, audit_entry, validate
from inspire.web.improve.checks import (
    INDICATOR_POLARITIES,
    check_status,
    measure_indicator,
    recommendation_ref,
    risk_level,
)
from inspire.web.improve.models import (
    Action,
    Board,
    BoardMember,
    Measure,
    MeasureValue,
    Meeting,
    Milestone,
    Plan,
    PlanItem,
    ProgressUpdate,
    RagOverride,
    Risk,
    Theme,
)
from inspire.web.read.models import Inspection


def plan_store(*, inspection: Inspection, user, data: PlanData, received: date | None = None) -> Plan:
    """Store an imported plan (from Word or Excel) whole, or nothing. Items already matched to
    recommendations (``item.recommendation``) are linked; recommendations the document does not
    answer become items of their own so none is lost. Owners and leads named in the document
    become the authority's people."""
    if inspection.authority is None:
        raise ValidationError({"inspection": "the inspection's authority is not known"})
    authority = inspection.authority
    require_role(user=user, authority=authority, role="editor")
    every_recommendation = list(inspection.recommendations.order_by("section", "-kind", "ordinal"))
    # an imported plan names recommendations by section and number; an area inspection numbers its
    # priority actions and improvements each from 1, so its items are not matched by number
    recommendations = {(r.section, r.ordinal): r for r in every_recommendation if r.section != "area"}
    people: dict[str, Person | None] = {}

    def person(name: str) -> Person | None:
        if name not in people:
            people[name] = person_get_or_create(authority=authority, name=name)
        return people[name]

    with transaction.atomic():
        plan = Plan.objects.create(
            inspection=inspection,
            authority=authority,
            received=received or data.received,
            title=data.title or f"{authority.name} improvement plan",
            created_by=user,
        )
        audit_create(plan, user, plan, ["title", "received"])
        themes = {}
        for theme_data in data.themes:
            themes[theme_data.code] = Theme.objects.create(plan=plan, code=theme_data.code, name=theme_data.name[:200])
            audit_create(plan, user, themes[theme_data.code], ["code", "name"])
        answered = set()
        ordinal = 0
        for item_data in data.items:
            ordinal += 1
            recommendation = recommendations.get(item_data.recommendation) if item_data.recommendation else None
            if item_data.recommendation and recommendation is None:
                raise ValidationError(
                    {
                        "recommendation": f"item {item_data.ref}: the inspection has no recommendation "
                        f"{item_data.recommendation[1]} ({item_data.recommendation[0]})"
                    }
                )
            if recommendation:
                answered.add(item_data.recommendation)
            item = PlanItem.objects.create(
                plan=plan,
                ordinal=ordinal,
                ref=item_data.ref[:40],
                title=item_data.title or item_data.ref,
                recommendation=recommendation,
                outcomes=item_data.outcomes,
                report_refs=item_data.report_refs[:300],
                judgement_area=item_data.judgement_area
                or ("lscb" if recommendation and recommendation.section == "lscb" else ""),
            )
            unknown = [c for c in item_data.themes if c not in themes]
            if unknown:
                raise ValidationError({"themes": f"item {item_data.ref}: no theme {', '.join(unknown)}"})
            item.themes.set([themes[c] for c in item_data.themes])
            audit_create(plan, user, item, ["ref", "title", "judgement_area", "outcomes", "report_refs"])
            _store_item_parts(plan, user, item, item_data, person)
        for recommendation in every_recommendation:
            if recommendation.section == "area" or (recommendation.section, recommendation.ordinal) not in answered:
                ordinal += 1
                item = item_for_recommendation(plan, ordinal, recommendation)
                audit_create(plan, user, item, ["ref", "title", "judgement_area"])
        for number, risk_data in enumerate(data.risks, start=1):
            risk = Risk(
                plan=plan,
                ordinal=number,
                description=risk_data.description,
                impact=risk_level(risk_data.impact, f"risk {number} impact"),
                likelihood=risk_level(risk_data.likelihood, f"risk {number} likelihood"),
                revised_impact=risk_level(risk_data.revised_impact or "", f"risk {number} revised impact", False),
                revised_likelihood=risk_level(
                    risk_data.revised_likelihood or "", f"risk {number} revised likelihood", False
                ),
                mitigations=risk_data.mitigations,
                owner=person(risk_data.owner),
                review_date=risk_data.review_date,
            )
            risk.save()
            audit_create(
                plan, user, risk, ["description", "impact", "likelihood", "revised_impact", "revised_likelihood"]
            )
        for board_data in data.boards:
            board = Board(
                plan=plan,
                kind=board_data.kind,
                name=board_data.name[:200],
                terms_of_reference=board_data.terms_of_reference,
                frequency=board_data.frequency[:100],
            )
            validate(board)
            board.save()
            audit_create(plan, user, board, ["kind", "name", "terms_of_reference", "frequency"])
            for member in board_data.members:
                stored = BoardMember(
                    board=board,
                    name=member.name[:200],
                    role=member.role[:200],
                    board_role=member.board_role or "member",
                )
                validate(stored)
                stored.save()
                audit_create(plan, user, stored, ["name", "role", "board_role"])
            for day in board_data.meetings:
                audit_create(plan, user, Meeting.objects.create(board=board, date=day), ["date"])
    return plan


def item_for_recommendation(plan: Plan, ordinal: int, recommendation, owner: Person | None = None) -> PlanItem:
    """A new plan item answering one of the inspection's recommendations (its words the item's title;
    an LSCB recommendation linked to the LSCB's judgement). The caller records it in the audit trail."""
    return PlanItem.objects.create(
        plan=plan,
        ordinal=ordinal,
        ref=recommendation_ref(recommendation),
        title=recommendation.text,
        recommendation=recommendation,
        judgement_area="lscb" if recommendation.section == "lscb" else "",
        owner=owner,
    )


def _store_item_parts(plan: Plan, user, item: PlanItem, data, person) -> None:
    for a_ordinal, action_data in enumerate(data.actions, start=1):
        action = Action.objects.create(
            item=item,
            ordinal=a_ordinal,
            ref=action_data.ref[:20] or str(a_ordinal),
            text=action_data.text,
            lead=person(action_data.lead),
            timescale=action_data.timescale[:300],
            target_date=action_data.target_date,
            start_date=action_data.start_date,
            outcome_by=action_data.outcome_by,
        )
        audit_create(plan, user, action, ["ref", "text", "lead", "timescale", "target_date"])
        for milestone_data in action_data.milestones:
            check_status(milestone_data.status)
            milestone = Milestone.objects.create(
                action=action,
                ordinal=milestone_data.ordinal,
                label=milestone_data.label[:40],
                text=milestone_data.text,
                owner=person(milestone_data.owner),
                timescale=milestone_data.timescale[:300],
                target_date=milestone_data.target_date,
                status=milestone_data.status,
                evidence=milestone_data.evidence,
            )
            audit_create(plan, user, milestone, ["label", "text", "owner", "timescale", "target_date", "status"])
    for measure_data in data.measures:
        linked = measure_indicator(measure_data.indicator)
        measure = Measure.objects.create(
            item=item,
            description=measure_data.description,
            baseline=measure_data.baseline,
            baseline_date=measure_data.baseline_date,
            target=measure_data.target,
            target_date=measure_data.target_date,
            unit=measure_data.unit,
            polarity=measure_data.polarity or (INDICATOR_POLARITIES.get(linked.polarity.value, "") if linked else ""),
            indicator=measure_data.indicator,
        )
        audit_create(
            plan,
            user,
            measure,
            ["description", "baseline", "baseline_date", "target", "target_date", "polarity", "indicator"],
        )
        for value in [] if linked else measure_data.values:
            MeasureValue.objects.create(measure=measure, date=value.date, value=value.value, recorded_by=user)
    for override in data.overrides:
        if override.rag and override.rag not in rag_rules.RAG_LABELS:
            raise ValidationError({"rag": f"item {item.ref}: '{override.rag}' is not a RAG status"})
        if not override.reason.strip():
            raise ValidationError({"reason": f"item {item.ref}: an override needs its reason"})
        stored = RagOverride.objects.create(
            item=item, rag=override.rag, reason=override.reason, by=user, by_name=override.by[:200], made=override.made
        )
        audit_entry(
            plan, user, stored, "rag_override", after=f"{override.rag or 'ended'}: {override.reason}", shown=item
        ).save()
    for progress in data.progress:
        update = ProgressUpdate.objects.create(
            item=item, date=progress.date, text=progress.text, author=user, author_name=progress.author[:200]
        )
        audit_entry(
            plan, user, update, "text", after=f"{format_long(progress.date)}: {progress.text}", shown=item
        ).save()
