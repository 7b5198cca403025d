"""Writes to a plan's risk register: a risk scored by impact and likelihood (and, after
mitigation, revised ones), re-scored after review; each write audited in its transaction."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from inspire.web.accounts.services import person_lookup
from inspire.web.improve.audit import audit_create, require_editor, validate, versioned_update
from inspire.web.improve.checks import not_before, risk_level
from inspire.web.improve.models import Plan, Risk


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
    require_editor(plan, user)
    if not description.strip():
        raise ValidationError({"description": "describe the risk"})
    values = dict(
        impact=risk_level(impact, "impact"),
        likelihood=risk_level(likelihood, "likelihood"),
        revised_impact=risk_level(revised_impact, "revised_impact", False),
        revised_likelihood=risk_level(revised_likelihood, "revised_likelihood", False),
    )
    if bool(values["revised_impact"]) != bool(values["revised_likelihood"]):
        raise ValidationError({"revised_likelihood": "give both a revised impact and a revised likelihood, or neither"})
    not_before(review_date, plan.received_date, "review_date", "the report was received")
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
        validate(risk)
        risk.save()
        audit_create(
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
    require_editor(plan, user)
    changes: dict[str, Any] = {}
    for name, value in fields.items():
        if name in ("impact", "likelihood"):
            changes[name] = risk_level(value, name)
        elif name in ("revised_impact", "revised_likelihood"):
            changes[name] = risk_level(value, name, False)
        elif name == "owner":
            changes[name] = person_lookup(authority=plan.authority, name=value, field="owner")
        elif name == "review_date":
            not_before(value, plan.received_date, "review_date", "the report was received")
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
        versioned_update(plan, user, risk, changes, version)
    return risk
