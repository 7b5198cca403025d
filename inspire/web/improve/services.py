"""Writes to plans. Each function checks the user may change the plan's authority, validates,
writes, and records every changed field in the audit trail, all in one transaction.

This module: plans, themes, items, actions and milestones, measures, progress and overrides. By
concern beside it: ``audit`` (the audit trail, versioned saves, ``EditConflict``), ``checks``
(what a write checks), ``risks``, ``governance`` (boards, members, meetings), ``storing`` (a whole
imported plan). Their writes are importable from here too, as callers have always used them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from inspire.core.calendar import format_long
from inspire.core.indicators import CATALOGUE
from inspire.core.plans import rag as rag_rules
from inspire.core.reading.record import AREA_FAMILIES
from inspire.web.accounts.services import person_get_or_create, person_lookup, require_role
from inspire.web.improve.audit import (  # noqa: F401 (EditConflict: callers catch services.EditConflict)
    EditConflict,
    audit_change,
    audit_create,
    audit_entry,
    require_editor,
    validate,
    versioned_update,
)
from inspire.web.improve.checks import (
    INDICATOR_UNITS,
    check_status,
    check_target,
    measure_indicator,
    measure_polarity,
    not_after_today,
    not_before,
)
from inspire.web.improve.governance import board_create, board_member_add, meeting_create  # noqa: F401
from inspire.web.improve.models import (
    Action,
    Measure,
    MeasureValue,
    Milestone,
    Plan,
    PlanItem,
    ProgressUpdate,
    RagOverride,
    Theme,
)
from inspire.web.improve.risks import risk_create, risk_update  # noqa: F401
from inspire.web.improve.storing import item_for_recommendation, plan_store  # noqa: F401
from inspire.web.read.models import Inspection


def plan_create(
    *, inspection: Inspection, created_by, title: str = "", received: date | None = None, priority_only: bool = False
) -> Plan:
    """A plan for ``inspection``: every recommendation (the council's and the LSCB's) becomes an
    item, LSCB ones linked to the LSCB judgement area. An area inspection's items (JTAI, area SEND)
    are its areas for priority action then its areas for improvement — only the priority actions
    with ``priority_only`` (a written statement of action / priority action plan) — each owned by
    the responsible body the report names; a JTAI letter's addressees become the authority's people,
    to be chosen as owners and leads."""
    if inspection.authority is None:
        raise ValidationError({"inspection": "the inspection's authority is not known, so a plan cannot belong to one"})
    require_role(user=created_by, authority=inspection.authority, role="editor")
    not_before(received, inspection.inspection_end or inspection.inspection_start, "received", "the inspection ended")
    area = inspection.family in AREA_FAMILIES
    recommendations = inspection.recommendations.order_by("section", "-kind", "ordinal")
    if priority_only:
        if not area:
            raise ValidationError(
                {"priority_only": "only an area inspection's plan can start from its priority actions"}
            )
        recommendations = recommendations.filter(kind="priority")
        if not recommendations.exists():
            raise ValidationError({"priority_only": "the report names no areas for priority action"})
    with transaction.atomic():
        plan = Plan.objects.create(
            inspection=inspection,
            authority=inspection.authority,
            title=title or f"{inspection.authority.name} {'priority action' if priority_only else 'improvement'} plan",
            received=received,
            created_by=created_by,
        )
        audit_create(plan, created_by, plan, ["title", "received"])
        if area:
            for addressee in (inspection.record or {}).get("addressees") or []:
                person_get_or_create(authority=inspection.authority, name=addressee)
        for ordinal, recommendation in enumerate(recommendations, start=1):
            owner = person_get_or_create(authority=inspection.authority, name=recommendation.agency) if area else None
            item = item_for_recommendation(plan, ordinal, recommendation, owner)
            audit_create(plan, created_by, item, ["ref", "title", "judgement_area", "owner"])
    return plan


def plan_update(
    *, plan: Plan, user, title: str | None = None, received: date | None | str = "unchanged", version: int | None = None
) -> Plan:
    require_editor(plan, user)
    changes: dict[str, Any] = {}
    if title is not None:
        if not title.strip():
            raise ValidationError({"title": "enter a title for the plan"})
        changes["title"] = title.strip()
    if received != "unchanged":
        not_before(
            received,
            plan.inspection.inspection_end or plan.inspection.inspection_start,
            "received",
            "the inspection ended",
        )
        changes["received"] = received
    with transaction.atomic():
        versioned_update(plan, user, plan, changes, version)
    return plan


def theme_create(*, plan: Plan, user, code: str, name: str) -> Theme:
    require_editor(plan, user)
    if not name.strip():
        raise ValidationError({"name": "enter the theme's name"})
    code = (code or "").strip() or chr(ord("A") + plan.themes.count())
    if plan.themes.filter(code=code).exists():
        raise ValidationError({"code": f"the plan already has a theme {code}"})
    with transaction.atomic():
        theme = Theme.objects.create(plan=plan, code=code, name=name.strip())
        audit_create(plan, user, theme, ["code", "name"])
    return theme


def _themes(plan: Plan, codes: Iterable[str]) -> list[Theme]:
    codes = list(dict.fromkeys(c for c in codes if c))
    found = {t.code: t for t in plan.themes.filter(code__in=codes)}
    missing = [c for c in codes if c not in found]
    if missing:
        raise ValidationError({"themes": f"the plan has no theme {', '.join(missing)}"})
    return [found[c] for c in codes]


def item_create(
    *, plan: Plan, user, title: str, ref: str = "", theme_codes: Iterable[str] = (), judgement_area: str = ""
) -> PlanItem:
    """The council's own item (one answering no recommendation)."""
    require_editor(plan, user)
    if not title.strip():
        raise ValidationError({"title": "enter what the item is about"})
    themes = _themes(plan, theme_codes)
    with transaction.atomic():
        ordinal = plan.items.count() + 1
        item = PlanItem(
            plan=plan,
            ordinal=ordinal,
            ref=ref.strip() or f"C{ordinal}",
            title=title.strip(),
            judgement_area=judgement_area,
        )
        validate(item)
        item.save()
        item.themes.set(themes)
        audit_create(plan, user, item, ["ref", "title", "judgement_area"])
        if themes:
            audit_change(plan, user, item, "themes", "", ", ".join(t.code for t in themes))
    return item


def item_update(
    *,
    item: PlanItem,
    user,
    title: str | None = None,
    judgement_area: str | None = None,
    theme_codes: Iterable[str] | None = None,
    version: int | None = None,
) -> PlanItem:
    plan = item.plan
    require_editor(plan, user)
    changes = {}
    if title is not None:
        if not title.strip():
            raise ValidationError({"title": "enter what the item is about"})
        changes["title"] = title.strip()
    if judgement_area is not None:
        changes["judgement_area"] = judgement_area
    also = []
    if theme_codes is not None:
        themes = _themes(plan, theme_codes)
        before = ", ".join(t.code for t in item.themes.all())
        after = ", ".join(t.code for t in themes)
        if before != after:
            also.append(("themes", before, after))
    with transaction.atomic():
        if versioned_update(plan, user, item, changes, version, also) and also:
            item.themes.set(themes)
    return item


# --- actions and milestones ----------------------------------------------------------------------

_UNCHANGED: Any = object()


def action_create(
    *,
    item: PlanItem,
    user,
    text: str,
    lead: str = "",
    timescale: str = "",
    target_date: date | None = None,
    ref: str = "",
) -> Action:
    plan = item.plan
    require_editor(plan, user)
    if not text.strip():
        raise ValidationError({"text": "enter the action"})
    check_target(plan, target_date)
    person = person_lookup(authority=plan.authority, name=lead, field="lead")
    with transaction.atomic():
        ordinal = item.actions.count() + 1
        action = Action(
            item=item,
            ordinal=ordinal,
            ref=ref or str(ordinal),
            text=text.strip(),
            lead=person,
            timescale=timescale or (format_long(target_date) if target_date else ""),
            target_date=target_date,
        )
        validate(action)
        action.save()
        audit_create(plan, user, action, ["ref", "text", "lead", "timescale", "target_date"])
    return action


def action_update(
    *,
    action: Action,
    user,
    text: str = _UNCHANGED,
    lead: str = _UNCHANGED,
    target_date: date | None = _UNCHANGED,
    timescale: str = _UNCHANGED,
    version: int | None = None,
) -> Action:
    """Change an action's words, lead, target date or timescale as written (a new target date
    with no timescale given writes the date as its timescale), if it is still at ``version``."""
    plan = action.item.plan
    require_editor(plan, user)
    changes: dict[str, Any] = {}
    if text is not _UNCHANGED:
        if not (text or "").strip():
            raise ValidationError({"text": "enter the action"})
        changes["text"] = text.strip()
    if lead is not _UNCHANGED:
        changes["lead"] = person_lookup(authority=plan.authority, name=lead or "", field="lead")
    if target_date is not _UNCHANGED:
        check_target(plan, target_date)
        late = [m for m in action.milestones.all() if target_date and m.target_date and m.target_date > target_date]
        if late:
            raise ValidationError(
                {
                    "target_date": f"{format_long(target_date)} is before the target date of "
                    f"{late[0].label or 'milestone ' + str(late[0].ordinal)} "
                    f"({format_long(late[0].target_date)}); change that first"
                }
            )
        changes["target_date"] = target_date
        if timescale is _UNCHANGED:
            changes["timescale"] = format_long(target_date) if target_date else ""
    if timescale is not _UNCHANGED:
        changes["timescale"] = (timescale or "").strip()[:300]
    with transaction.atomic():
        versioned_update(plan, user, action, changes, version)
    return action


def milestone_create(
    *,
    action: Action | None,
    user,
    text: str,
    owner: str = "",
    target_date: date | None = None,
    status: str = "not_started",
    timescale: str = "",
    label: str = "",
) -> Milestone:
    if action is None:
        raise ValidationError({"action": "a milestone belongs to an action of a plan: choose one"})
    plan = action.item.plan
    require_editor(plan, user)
    if not text.strip():
        raise ValidationError({"text": "enter the milestone"})
    check_target(plan, target_date)
    check_status(status)
    person = person_lookup(authority=plan.authority, name=owner, field="owner")
    with transaction.atomic():
        ordinal = action.milestones.count() + 1
        milestone = Milestone(
            action=action,
            ordinal=ordinal,
            label=label or f"Milestone {ordinal}",
            text=text.strip(),
            owner=person,
            target_date=target_date,
            status=status,
            timescale=timescale or (format_long(target_date) if target_date else ""),
        )
        validate(milestone)
        milestone.save()
        audit_create(plan, user, milestone, ["label", "text", "owner", "target_date", "status"])
    return milestone


def milestone_update(
    *,
    milestone: Milestone,
    user,
    text: str = _UNCHANGED,
    owner: str = _UNCHANGED,
    target_date: date | None = _UNCHANGED,
    status: str = _UNCHANGED,
    evidence: str = _UNCHANGED,
    version: int | None = None,
) -> Milestone:
    plan = milestone.action.item.plan
    require_editor(plan, user)
    changes: dict[str, Any] = {}
    if text is not _UNCHANGED:
        if not (text or "").strip():
            raise ValidationError({"text": "enter the milestone"})
        changes["text"] = text.strip()
    if owner is not _UNCHANGED:
        changes["owner"] = person_lookup(authority=plan.authority, name=owner, field="owner")
    if target_date is not _UNCHANGED:
        check_target(plan, target_date)
        changes["target_date"] = target_date
        changes["timescale"] = format_long(target_date) if target_date else ""
    if status is not _UNCHANGED:
        check_status(status)
        changes["status"] = status
    if evidence is not _UNCHANGED:
        changes["evidence"] = evidence.strip()
    final_status = changes.get("status", milestone.status)
    final_evidence = changes.get("evidence", milestone.evidence)
    if final_status == "complete" and not final_evidence:
        raise ValidationError({"evidence": "give the evidence of completion before marking the milestone complete"})
    with transaction.atomic():
        versioned_update(plan, user, milestone, changes, version)
    return milestone


def measure_create(
    *,
    item: PlanItem,
    user,
    description: str,
    baseline: float | None = None,
    baseline_date: date | None = None,
    target: float | None = None,
    target_date: date | None = None,
    polarity: str = "",
    unit: str = "",
    indicator: str = "",
) -> Measure:
    """A measure of success. Which way is better is inferred from baseline and target (a given
    direction must agree); a measure that is an ``indicator`` takes its values from the data."""
    plan = item.plan
    require_editor(plan, user)
    if not description.strip():
        raise ValidationError({"description": "say what will show improvement"})
    linked = measure_indicator(indicator)
    polarity = measure_polarity(baseline, target, polarity, linked)
    if linked and not unit:
        unit = INDICATOR_UNITS[linked.unit.value]
    not_before(target_date, baseline_date, "target_date", "the baseline date")
    with transaction.atomic():
        measure = Measure(
            item=item,
            description=description.strip(),
            baseline=baseline,
            baseline_date=baseline_date,
            target=target,
            target_date=target_date,
            polarity=polarity,
            unit=unit,
            indicator=indicator,
        )
        validate(measure)
        measure.save()
        audit_create(
            plan,
            user,
            measure,
            ["description", "baseline", "baseline_date", "target", "target_date", "polarity", "unit", "indicator"],
        )
    return measure


def measure_value_record(*, measure: Measure, user, date: date, value: float) -> MeasureValue:
    plan = measure.item.plan
    require_editor(plan, user)
    if measure.indicator:
        raise ValidationError(
            {
                "value": f"this measure's values come from the indicator "
                f"“{CATALOGUE[measure.indicator].name}”: they are not entered by hand"
            }
        )
    not_before(date, measure.baseline_date, "date", "the baseline date")
    with transaction.atomic():
        recorded = MeasureValue.objects.create(measure=measure, date=date, value=value, recorded_by=user)
        audit_entry(plan, user, recorded, "value", after=f"{value:g} on {format_long(date)}", shown=measure).save()
    return recorded


def progress_add(*, item: PlanItem, user, date: date, text: str) -> ProgressUpdate:
    """Add a dated progress and impact update. Updates are never edited or deleted."""
    plan = item.plan
    require_editor(plan, user)
    if not text.strip():
        raise ValidationError({"text": "describe the progress and its impact"})
    not_before(date, plan.inspection.inspection_start, "date", "the inspection began")
    not_after_today(date, "date", "an update reports what has happened")
    with transaction.atomic():
        update = ProgressUpdate.objects.create(item=item, date=date, text=text.strip(), author=user)
        audit_entry(plan, user, update, "text", after=f"{format_long(date)}: {update.text}", shown=item).save()
    return update


def rag_override_set(*, item: PlanItem, user, rag: str, reason: str) -> RagOverride:
    """Override an item's derived RAG (``rag`` blank ends the override). A reason is required."""
    plan = item.plan
    require_editor(plan, user)
    if rag and rag not in rag_rules.RAG_LABELS:
        raise ValidationError({"rag": f"'{rag}' is not a RAG status ({', '.join(rag_rules.RAG_VALUES)})"})
    if not (reason or "").strip():
        raise ValidationError({"reason": "give the reason for the override"})
    previous = item.rag_overrides.order_by("-created", "-id").first()
    with transaction.atomic():
        override = RagOverride.objects.create(item=item, rag=rag, reason=reason.strip(), by=user)
        audit_entry(
            plan,
            user,
            item,
            "rag_override",
            before=previous.rag if previous else "",
            after=f"{rag or 'ended'}: {override.reason}",
            action="update",
            version=None,
        ).save()
    return override
