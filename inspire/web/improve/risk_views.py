"""The risk register: risks scored by impact and likelihood (the matrix shown with its words),
added and re-scored after review."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from inspire.core.plans import risk as risk_rules
from inspire.web.improve import services
from inspire.web.improve.conflicts import RISK_FIELDS, conflict_shown, sent_version
from inspire.web.improve.models import LEVEL_CHOICES, Risk
from inspire.web.improve.pages import context, errors_from, initial, people, plan_for
from inspire.web.toolkit.params import Params


@login_required
@require_http_methods(["GET", "POST"])
def risk_register(request: HttpRequest, pk: int) -> HttpResponse:
    plan, role = plan_for(request, pk)
    params = Params(request.POST if request.method == "POST" else request.GET)
    if request.method == "POST":
        review = params.date("review", label="Review date")
        if not params.errors:
            try:
                services.risk_create(
                    plan=plan,
                    user=request.user,
                    description=params.data.get("description", ""),
                    impact=params.data.get("impact", ""),
                    likelihood=params.data.get("likelihood", ""),
                    mitigations=params.data.get("mitigations", ""),
                    revised_impact=params.data.get("revised_impact", ""),
                    revised_likelihood=params.data.get("revised_likelihood", ""),
                    owner=params.data.get("owner", ""),
                    review_date=review,
                )
            except ValidationError as error:
                errors_from(params, error, dates={"review_date": "review"})
        if not params.errors:
            messages.success(request, "Risk added.")
            return redirect(request.path)
    levels = risk_rules.LEVELS[::-1]
    matrix = [
        (
            risk_rules.LEVEL_LABELS[impact],
            [risk_rules.LEVEL_LABELS[risk_rules.MATRIX[(impact, likelihood)]] for likelihood in levels],
        )
        for impact in levels
    ]
    return render(
        request,
        "plans/risks.html",
        context(
            plan,
            role,
            risks=plan.risks.select_related("owner"),
            levels=LEVEL_CHOICES,
            people=people(plan),
            errors=params.summary(),
            params=params,
            matrix=matrix,
            matrix_columns=[risk_rules.LEVEL_LABELS[likelihood] for likelihood in levels],
            matrix_description=risk_rules.MATRIX_DESCRIPTION,
            level_labels=risk_rules.LEVEL_LABELS,
            review_field=params.date_field("review", legend="Review date"),
        ),
        status=400 if params.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def risk_edit(request: HttpRequest, pk: int, risk_pk: int) -> HttpResponse:
    """Re-score a risk after review: impact, likelihood, revised scores, mitigations, owner, review date."""
    plan, role = plan_for(request, pk, role="editor")
    risk = get_object_or_404(Risk.objects.select_related("owner"), pk=risk_pk, plan=plan)
    if request.method == "POST":
        params = Params(request.POST)
    else:
        params = Params(
            initial(
                {
                    "description": risk.description,
                    "impact": risk.impact,
                    "likelihood": risk.likelihood,
                    "revised_impact": risk.revised_impact,
                    "revised_likelihood": risk.revised_likelihood,
                    "mitigations": risk.mitigations,
                    "owner": risk.owner.name if risk.owner else "",
                    "version": str(risk.version),
                },
                review=risk.review_date,
            )
        )
    conflict = None
    if request.method == "POST":
        review = params.date("review", label="Review date")
        if not params.errors:
            try:
                fields = (
                    "description",
                    "impact",
                    "likelihood",
                    "revised_impact",
                    "revised_likelihood",
                    "mitigations",
                    "owner",
                )
                services.risk_update(
                    risk=risk,
                    user=request.user,
                    review_date=review,
                    version=sent_version(params),
                    **{name: params.data.get(name, "") for name in fields},
                )
            except ValidationError as error:
                errors_from(params, error, dates={"review_date": "review"})
            except services.EditConflict as error:
                conflict = conflict_shown(params, error, RISK_FIELDS)
        if not params.errors:
            messages.success(request, "Risk saved.")
            return redirect("plans:risks", pk=plan.pk)
    return render(
        request,
        "plans/risk_edit.html",
        context(
            plan,
            role,
            risk=risk,
            params=params,
            errors=params.summary(),
            levels=LEVEL_CHOICES,
            people=people(plan),
            review_field=params.date_field("review", legend="Review date"),
            conflict=conflict,
        ),
        status=409 if conflict else 400 if params.errors else 200,
    )
