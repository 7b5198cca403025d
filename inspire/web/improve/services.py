"""Writes to plans. Each function checks the user may change the plan's authority, validates,
writes, and records every changed field in the audit trail, all in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from inspire.core.calendar import format_long
from inspire.core.indicators import CATALOGUE
from inspire.core.plans import rag as rag_rules
from inspire.core.plans.model import PlanData
from inspire.core.plans.risk import RiskLevelError, parse_level
from inspire.core.reading.record import AREA_FAMILIES
from inspire.web.accounts.models import Person
from inspire.web.accounts.services import person_get_or_create, person_lookup, require_role
from inspire.web.improve.models import (
    Action,
    AuditEntry,
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
from inspire.web.read.models import Inspection, Recommendation

# --- the audit trail ----------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return format_long(value)
    return str(value)


def _audit_create(plan: Plan, user, obj, fields: Iterable[str]) -> None:
    version = getattr(obj, "version", None)
    entries = [
        AuditEntry(
            plan=plan,
            user=user,
            action="create",
            object_type=type(obj).__name__,
            object_id=obj.pk,
            object_repr=str(obj)[:200],
            field=name,
            before="",
            after=_text(getattr(obj, name)),
            version=version,
        )
        for name in fields
        if _text(getattr(obj, name))
    ]
    if not entries:
        entries = [
            AuditEntry(
                plan=plan,
                user=user,
                action="create",
                object_type=type(obj).__name__,
                object_id=obj.pk,
                object_repr=str(obj)[:200],
                version=version,
            )
        ]
    AuditEntry.objects.bulk_create(entries)


def _audit_change(plan: Plan, user, obj, name: str, before: Any, after: Any) -> None:
    AuditEntry.objects.create(
        plan=plan,
        user=user,
        action="update",
        object_type=type(obj).__name__,
        object_id=obj.pk,
        object_repr=str(obj)[:200],
        field=name,
        before=_text(before),
        after=_text(after),
        version=getattr(obj, "version", None),
    )


#: what people call each kind of object, in messages
OBJECT_NAMES = {
    "Plan": "plan",
    "Theme": "theme",
    "PlanItem": "plan item",
    "Action": "action",
    "Milestone": "milestone",
    "Measure": "measure",
    "Risk": "risk",
    "Board": "board",
    "BoardMember": "board member",
    "Meeting": "meeting",
}


class EditConflict(Exception):
    """Someone else saved the object after the version its editor read: nothing was written.
    ``current`` is the object as stored now, ``changes`` the audit entries of the saves since
    ``sent_version`` (who, when, each field's before and after)."""

    def __init__(self, current, sent_version: int):
        self.current = current
        self.sent_version = sent_version
        self.what = OBJECT_NAMES.get(type(current).__name__, type(current)._meta.verbose_name)
        self.changes = list(
            AuditEntry.objects.filter(
                object_type=type(current).__name__,
                object_id=current.pk,
                version__gt=sent_version,
            )
            .select_related("user")
            .order_by("when", "id")
        )
        super().__init__(
            f"Someone else changed this {self.what} while you were editing it, so your change was not "
            f"saved: you had version {sent_version}, version {current.version} is stored now"
        )

    @property
    def version(self) -> int:
        return self.current.version


def _update(
    plan: Plan,
    user,
    obj,
    changes: dict[str, Any],
    version: int | None = None,
    also: Iterable[tuple[str, str, str]] = (),
) -> bool:
    """Save the fields of ``changes`` whose value differs from ``obj``'s, and only those, if the
    stored object is still at ``version`` — the one its editor read (``obj``'s own when not given);
    audit exactly what was written. ``also`` names changes the caller makes beside the row
    (field, before, after; a plan item's themes): they count as a change to the object too.

    Checking and writing are one statement (``UPDATE … WHERE id = … AND version = …`` adding one
    to the version), so of two saves from the same version only one can pass, on any database;
    the other raises :class:`EditConflict` having written nothing. Nothing changed: nothing is
    written, whatever the version. Returns whether anything was written."""
    expected = obj.version if version is None else version
    changed = {
        name: (getattr(obj, name), value)
        for name, value in changes.items()
        if _text(getattr(obj, name)) != _text(value)
    }
    also = list(also)
    if not changed and not also:
        return False
    for name, (_, value) in changed.items():
        setattr(obj, name, value)
    try:
        _validate(obj)
    except ValidationError:
        for name, (before, _) in changed.items():
            setattr(obj, name, before)
        raise
    model = type(obj)
    written = model.objects.filter(pk=obj.pk, version=expected).update(
        version=F("version") + 1, **{name: value for name, (_, value) in changed.items()}
    )
    if not written:
        for name, (before, _) in changed.items():
            setattr(obj, name, before)
        raise EditConflict(model.objects.get(pk=obj.pk), expected)
    obj.version = expected + 1
    for name, (before, after) in changed.items():
        _audit_change(plan, user, obj, name, before, after)
    for name, before, after in also:
        _audit_change(plan, user, obj, name, before, after)
    return True


def _validate(obj) -> None:
    obj.full_clean(exclude=[f.name for f in obj._meta.fields if f.is_relation])


def _editable(plan: Plan, user) -> None:
    require_role(user=user, authority=plan.authority, role="editor")


# --- dates in the right order --------------------------------------------------------------------


def _not_before(value: date | None, limit: date | None, field: str, what: str) -> None:
    if value and limit and value < limit:
        raise ValidationError({field: f"{format_long(value)} is before {what} ({format_long(limit)})"})


def _not_after_today(value: date | None, field: str, why: str) -> None:
    today = date.today()
    if value and value > today:
        raise ValidationError({field: f"{format_long(value)} is in the future: {why}"})


def _check_target(plan: Plan, target_date: date | None, field: str = "target_date") -> None:
    _not_before(target_date, plan.inspection.inspection_start, field, "the inspection began")


# --- plans ---------------------------------------------------------------------------------------


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
    _not_before(received, inspection.inspection_end or inspection.inspection_start, "received", "the inspection ended")
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
        _audit_create(plan, created_by, plan, ["title", "received"])
        if area:
            for addressee in (inspection.record or {}).get("addressees") or []:
                person_get_or_create(authority=inspection.authority, name=addressee)
        for ordinal, recommendation in enumerate(recommendations, start=1):
            owner = person_get_or_create(authority=inspection.authority, name=recommendation.agency) if area else None
            item = PlanItem.objects.create(
                plan=plan,
                ordinal=ordinal,
                ref=_rec_ref(recommendation),
                title=recommendation.text,
                recommendation=recommendation,
                judgement_area="lscb" if recommendation.section == "lscb" else "",
                owner=owner,
            )
            _audit_create(plan, created_by, item, ["ref", "title", "judgement_area", "owner"])
    return plan


def _rec_ref(recommendation: Recommendation) -> str:
    if recommendation.section == "area":
        return f"{'Priority' if recommendation.kind == 'priority' else 'Improvement'} {recommendation.ordinal}"
    return f"LSCB {recommendation.ordinal}" if recommendation.section == "lscb" else str(recommendation.ordinal)


def plan_update(
    *, plan: Plan, user, title: str | None = None, received: date | None | str = "unchanged", version: int | None = None
) -> Plan:
    _editable(plan, user)
    changes: dict[str, Any] = {}
    if title is not None:
        if not title.strip():
            raise ValidationError({"title": "enter a title for the plan"})
        changes["title"] = title.strip()
    if received != "unchanged":
        _not_before(
            received,
            plan.inspection.inspection_end or plan.inspection.inspection_start,
            "received",
            "the inspection ended",
        )
        changes["received"] = received
    with transaction.atomic():
        _update(plan, user, plan, changes, version)
    return plan


def theme_create(*, plan: Plan, user, code: str, name: str) -> Theme:
    _editable(plan, user)
    if not name.strip():
        raise ValidationError({"name": "enter the theme's name"})
    code = (code or "").strip() or chr(ord("A") + plan.themes.count())
    if plan.themes.filter(code=code).exists():
        raise ValidationError({"code": f"the plan already has a theme {code}"})
    with transaction.atomic():
        theme = Theme.objects.create(plan=plan, code=code, name=name.strip())
        _audit_create(plan, user, theme, ["code", "name"])
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
    _editable(plan, user)
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
        _validate(item)
        item.save()
        item.themes.set(themes)
        _audit_create(plan, user, item, ["ref", "title", "judgement_area"])
        if themes:
            _audit_change(plan, user, item, "themes", "", ", ".join(t.code for t in themes))
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
    _editable(plan, user)
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
        if _update(plan, user, item, changes, version, also) and also:
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
    _editable(plan, user)
    if not text.strip():
        raise ValidationError({"text": "enter the action"})
    _check_target(plan, target_date)
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
        _validate(action)
        action.save()
        _audit_create(plan, user, action, ["ref", "text", "lead", "timescale", "target_date"])
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
    _editable(plan, user)
    changes: dict[str, Any] = {}
    if text is not _UNCHANGED:
        if not (text or "").strip():
            raise ValidationError({"text": "enter the action"})
        changes["text"] = text.strip()
    if lead is not _UNCHANGED:
        changes["lead"] = person_lookup(authority=plan.authority, name=lead or "", field="lead")
    if target_date is not _UNCHANGED:
        _check_target(plan, target_date)
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
        _update(plan, user, action, changes, version)
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
    _editable(plan, user)
    if not text.strip():
        raise ValidationError({"text": "enter the milestone"})
    _check_target(plan, target_date)
    _check_status(status)
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
        _validate(milestone)
        milestone.save()
        _audit_create(plan, user, milestone, ["label", "text", "owner", "target_date", "status"])
    return milestone


def _check_status(status: str) -> None:
    if status not in rag_rules.MILESTONE_STATUSES:
        raise ValidationError(
            {
                "status": f"'{status}' is not a status you can set "
                f"({', '.join(rag_rules.MILESTONE_STATUS_LABELS[s] for s in rag_rules.MILESTONE_STATUSES)}); "
                "overdue follows from the target date"
            }
        )


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
    _editable(plan, user)
    changes: dict[str, Any] = {}
    if text is not _UNCHANGED:
        if not (text or "").strip():
            raise ValidationError({"text": "enter the milestone"})
        changes["text"] = text.strip()
    if owner is not _UNCHANGED:
        changes["owner"] = person_lookup(authority=plan.authority, name=owner, field="owner")
    if target_date is not _UNCHANGED:
        _check_target(plan, target_date)
        changes["target_date"] = target_date
        changes["timescale"] = format_long(target_date) if target_date else ""
    if status is not _UNCHANGED:
        _check_status(status)
        changes["status"] = status
    if evidence is not _UNCHANGED:
        changes["evidence"] = evidence.strip()
    final_status = changes.get("status", milestone.status)
    final_evidence = changes.get("evidence", milestone.evidence)
    if final_status == "complete" and not final_evidence:
        raise ValidationError({"evidence": "give the evidence of completion before marking the milestone complete"})
    with transaction.atomic():
        _update(plan, user, milestone, changes, version)
    return milestone


# --- measures, progress, overrides --------------------------------------------------------------


#: how an indicator's unit is written after a measure's value
_INDICATOR_UNITS = {"percent": "%", "days": " days", "rate": " per 10,000", "count": ""}
_INDICATOR_POLARITIES = {"higher": "higher_is_better", "lower": "lower_is_better"}


def _measure_indicator(indicator: str):
    """The catalogue's indicator (None for a measure entered by hand)."""
    if not indicator:
        return None
    if indicator not in CATALOGUE:
        raise ValidationError({"indicator": f"'{indicator}' is not an indicator of the catalogue"})
    return CATALOGUE[indicator]


def _polarity(baseline: float | None, target: float | None, given: str, indicator=None) -> str:
    fallback = _INDICATOR_POLARITIES.get(indicator.polarity.value) if indicator else None
    try:
        return rag_rules.measure_polarity(baseline, target, given or None, fallback)
    except rag_rules.PolarityError as error:
        raise ValidationError({"polarity": str(error)}) from None


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
    _editable(plan, user)
    if not description.strip():
        raise ValidationError({"description": "say what will show improvement"})
    linked = _measure_indicator(indicator)
    polarity = _polarity(baseline, target, polarity, linked)
    if linked and not unit:
        unit = _INDICATOR_UNITS[linked.unit.value]
    _not_before(target_date, baseline_date, "target_date", "the baseline date")
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
        _validate(measure)
        measure.save()
        _audit_create(
            plan,
            user,
            measure,
            ["description", "baseline", "baseline_date", "target", "target_date", "polarity", "unit", "indicator"],
        )
    return measure


def measure_value_record(*, measure: Measure, user, date: date, value: float) -> MeasureValue:
    plan = measure.item.plan
    _editable(plan, user)
    if measure.indicator:
        raise ValidationError(
            {
                "value": f"this measure's values come from the indicator "
                f"“{CATALOGUE[measure.indicator].name}”: they are not entered by hand"
            }
        )
    _not_before(date, measure.baseline_date, "date", "the baseline date")
    with transaction.atomic():
        recorded = MeasureValue.objects.create(measure=measure, date=date, value=value, recorded_by=user)
        AuditEntry.objects.create(
            plan=plan,
            user=user,
            action="create",
            object_type="MeasureValue",
            object_id=recorded.pk,
            object_repr=str(measure)[:200],
            field="value",
            after=f"{value:g} on {format_long(date)}",
        )
    return recorded


def progress_add(*, item: PlanItem, user, date: date, text: str) -> ProgressUpdate:
    """Add a dated progress and impact update. Updates are never edited or deleted."""
    plan = item.plan
    _editable(plan, user)
    if not text.strip():
        raise ValidationError({"text": "describe the progress and its impact"})
    _not_before(date, plan.inspection.inspection_start, "date", "the inspection began")
    _not_after_today(date, "date", "an update reports what has happened")
    with transaction.atomic():
        update = ProgressUpdate.objects.create(item=item, date=date, text=text.strip(), author=user)
        AuditEntry.objects.create(
            plan=plan,
            user=user,
            action="create",
            object_type="ProgressUpdate",
            object_id=update.pk,
            object_repr=str(item)[:200],
            field="text",
            after=f"{format_long(date)}: {update.text}",
        )
    return update


def rag_override_set(*, item: PlanItem, user, rag: str, reason: str) -> RagOverride:
    """Override an item's derived RAG (``rag`` blank ends the override). A reason is required."""
    plan = item.plan
    _editable(plan, user)
    if rag and rag not in rag_rules.RAG_LABELS:
        raise ValidationError({"rag": f"'{rag}' is not a RAG status ({', '.join(rag_rules.RAG_VALUES)})"})
    if not (reason or "").strip():
        raise ValidationError({"reason": "give the reason for the override"})
    previous = item.rag_overrides.order_by("-created", "-id").first()
    with transaction.atomic():
        override = RagOverride.objects.create(item=item, rag=rag, reason=reason.strip(), by=user)
        AuditEntry.objects.create(
            plan=plan,
            user=user,
            action="update",
            object_type="PlanItem",
            object_id=item.pk,
            object_repr=str(item)[:200],
            field="rag_override",
            before=previous.rag if previous else "",
            after=f"{rag or 'ended'}: {override.reason}",
        )
    return override


# --- governance and risks ------------------------------------------------------------------------


def board_create(*, plan: Plan, user, kind: str, name: str) -> Board:
    _editable(plan, user)
    with transaction.atomic():
        board = Board(plan=plan, kind=kind, name=name.strip())
        _validate(board)
        board.save()
        _audit_create(plan, user, board, ["kind", "name"])
    return board


def board_member_add(*, board: Board, user, name: str, role: str = "") -> BoardMember:
    _editable(board.plan, user)
    if not name.strip():
        raise ValidationError({"name": "enter the member's name or post"})
    with transaction.atomic():
        member = BoardMember.objects.create(board=board, name=name.strip(), role=role.strip())
        AuditEntry.objects.create(
            plan=board.plan,
            user=user,
            action="create",
            object_type="BoardMember",
            object_id=member.pk,
            object_repr=board.name,
            field="name",
            after=member.name,
        )
    return member


def meeting_create(*, board: Board, user, date: date) -> Meeting:
    _editable(board.plan, user)
    if board.meetings.filter(date=date).exists():
        raise ValidationError({"date": f"{board.name} already meets on {format_long(date)}"})
    with transaction.atomic():
        meeting = Meeting.objects.create(board=board, date=date)
        AuditEntry.objects.create(
            plan=board.plan,
            user=user,
            action="create",
            object_type="Meeting",
            object_id=meeting.pk,
            object_repr=board.name,
            field="date",
            after=format_long(date),
        )
    return meeting


def _level(value: str, field: str, required: bool = True) -> str:
    if not value and not required:
        return ""
    try:
        return parse_level(value)
    except RiskLevelError as error:
        raise ValidationError({field: str(error)}) from None


def risk_create(
    *,
    plan: Plan,
    user,
    description: str,
    impact: str,
    likelihood: str,
    mitigations: str = "",
    revised_impact: str = "",
    revised_likelihood: str = "",
    owner: str = "",
    review_date: date | None = None,
) -> Risk:
    _editable(plan, user)
    if not description.strip():
        raise ValidationError({"description": "describe the risk"})
    values = dict(
        impact=_level(impact, "impact"),
        likelihood=_level(likelihood, "likelihood"),
        revised_impact=_level(revised_impact, "revised_impact", False),
        revised_likelihood=_level(revised_likelihood, "revised_likelihood", False),
    )
    if bool(values["revised_impact"]) != bool(values["revised_likelihood"]):
        raise ValidationError({"revised_likelihood": "give both a revised impact and a revised likelihood, or neither"})
    _not_before(review_date, plan.received_date, "review_date", "the report was received")
    person = person_lookup(authority=plan.authority, name=owner, field="owner")
    with transaction.atomic():
        risk = Risk(
            plan=plan,
            ordinal=plan.risks.count() + 1,
            description=description.strip(),
            mitigations=mitigations.strip(),
            owner=person,
            review_date=review_date,
            **values,
        )
        _validate(risk)
        risk.save()
        _audit_create(
            plan,
            user,
            risk,
            [
                "description",
                "impact",
                "likelihood",
                "mitigations",
                "revised_impact",
                "revised_likelihood",
                "owner",
                "review_date",
            ],
        )
    return risk


def risk_update(*, risk: Risk, user, version: int | None = None, **fields) -> Risk:
    plan = risk.plan
    _editable(plan, user)
    changes: dict[str, Any] = {}
    for name, value in fields.items():
        if name in ("impact", "likelihood"):
            changes[name] = _level(value, name)
        elif name in ("revised_impact", "revised_likelihood"):
            changes[name] = _level(value, name, False)
        elif name == "owner":
            changes[name] = person_lookup(authority=plan.authority, name=value, field="owner")
        elif name == "review_date":
            _not_before(value, plan.received_date, "review_date", "the report was received")
            changes[name] = value
        elif name in ("description", "mitigations"):
            changes[name] = value.strip()
        else:
            raise ValidationError({name: "not a field of a risk"})
    revised = (
        changes.get("revised_impact", risk.revised_impact),
        changes.get("revised_likelihood", risk.revised_likelihood),
    )
    if bool(revised[0]) != bool(revised[1]):
        raise ValidationError({"revised_likelihood": "give both a revised impact and a revised likelihood, or neither"})
    with transaction.atomic():
        _update(plan, user, risk, changes, version)
    return risk


# --- storing a whole imported plan ---------------------------------------------------------------


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
        _audit_create(plan, user, plan, ["title", "received"])
        themes = {}
        for theme_data in data.themes:
            themes[theme_data.code] = Theme.objects.create(plan=plan, code=theme_data.code, name=theme_data.name[:200])
            _audit_create(plan, user, themes[theme_data.code], ["code", "name"])
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
            _audit_create(plan, user, item, ["ref", "title", "judgement_area", "outcomes", "report_refs"])
            _store_item_parts(plan, user, item, item_data, person)
        for recommendation in every_recommendation:
            if recommendation.section == "area" or (recommendation.section, recommendation.ordinal) not in answered:
                ordinal += 1
                item = PlanItem.objects.create(
                    plan=plan,
                    ordinal=ordinal,
                    ref=_rec_ref(recommendation),
                    title=recommendation.text,
                    recommendation=recommendation,
                    judgement_area="lscb" if recommendation.section == "lscb" else "",
                )
                _audit_create(plan, user, item, ["ref", "title", "judgement_area"])
        for number, risk_data in enumerate(data.risks, start=1):
            risk = Risk(
                plan=plan,
                ordinal=number,
                description=risk_data.description,
                impact=_level(risk_data.impact, f"risk {number} impact"),
                likelihood=_level(risk_data.likelihood, f"risk {number} likelihood"),
                revised_impact=_level(risk_data.revised_impact or "", f"risk {number} revised impact", False),
                revised_likelihood=_level(
                    risk_data.revised_likelihood or "", f"risk {number} revised likelihood", False
                ),
                mitigations=risk_data.mitigations,
                owner=person(risk_data.owner),
                review_date=risk_data.review_date,
            )
            risk.save()
            _audit_create(
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
            _validate(board)
            board.save()
            _audit_create(plan, user, board, ["kind", "name", "terms_of_reference", "frequency"])
            for member in board_data.members:
                stored = BoardMember(
                    board=board,
                    name=member.name[:200],
                    role=member.role[:200],
                    board_role=member.board_role or "member",
                )
                _validate(stored)
                stored.save()
                _audit_create(plan, user, stored, ["name", "role", "board_role"])
            for day in board_data.meetings:
                _audit_create(plan, user, Meeting.objects.create(board=board, date=day), ["date"])
    return plan


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
        _audit_create(plan, user, action, ["ref", "text", "lead", "timescale", "target_date"])
        for milestone_data in action_data.milestones:
            _check_status(milestone_data.status)
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
            _audit_create(plan, user, milestone, ["label", "text", "owner", "timescale", "target_date", "status"])
    for measure_data in data.measures:
        linked = _measure_indicator(measure_data.indicator)
        measure = Measure.objects.create(
            item=item,
            description=measure_data.description,
            baseline=measure_data.baseline,
            baseline_date=measure_data.baseline_date,
            target=measure_data.target,
            target_date=measure_data.target_date,
            unit=measure_data.unit,
            polarity=measure_data.polarity or (_INDICATOR_POLARITIES.get(linked.polarity.value, "") if linked else ""),
            indicator=measure_data.indicator,
        )
        _audit_create(
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
        AuditEntry.objects.create(
            plan=plan,
            user=user,
            action="create",
            object_type="RagOverride",
            object_id=stored.pk,
            object_repr=str(item)[:200],
            field="rag_override",
            after=f"{override.rag or 'ended'}: {override.reason}",
        )
    for progress in data.progress:
        update = ProgressUpdate.objects.create(
            item=item, date=progress.date, text=progress.text, author=user, author_name=progress.author[:200]
        )
        AuditEntry.objects.create(
            plan=plan,
            user=user,
            action="create",
            object_type="ProgressUpdate",
            object_id=update.pk,
            object_repr=str(item)[:200],
            field="text",
            after=f"{format_long(progress.date)}: {progress.text}",
        )
