"""Who may do what, and who did what: a council's members and their roles (its admins give and
change them), and a plan's audit trail (every change: who, when, before, after) as a page or CSV."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from inspire.core.cells import csv_writer
from inspire.web.accounts.services import authority_role, require_role
from inspire.web.improve.models import AuditEntry
from inspire.web.improve.pages import context, download, errors_from, plan_for
from inspire.web.toolkit.params import Params


@login_required
@require_http_methods(["GET", "POST"])
def members(request: HttpRequest, slug: str) -> HttpResponse:
    """A council's users and their roles; its admins give and change roles."""
    from django.contrib.auth import get_user_model

    from inspire.web.accounts.models import ROLE_CHOICES, Membership
    from inspire.web.accounts.services import membership_set
    from inspire.web.read.models import Authority

    authority = get_object_or_404(Authority, slug=slug)
    if authority_role(user=request.user, authority=authority) is None:
        raise Http404("Not a council you belong to")
    require_role(user=request.user, authority=authority, role="admin")
    params = Params(request.POST if request.method == "POST" else request.GET)
    if request.method == "POST":
        username = params.text("username", max_length=150, label="Username")
        user = get_user_model().objects.filter(username=username).first() if username else None
        if user is None:
            params.errors["username"] = f"There is no user called '{username}'" if username else "Enter a username"
        else:
            try:
                membership_set(authority=authority, user=user, role=params.data.get("role", ""), by=request.user)
            except ValidationError as error:
                errors_from(params, error)
        if not params.errors:
            messages.success(request, f"{username} is now {params.data.get('role')} for {authority.name}.")
            return redirect(request.path)
    return render(
        request,
        "plans/members.html",
        {
            "authority": authority,
            "memberships": Membership.objects.filter(authority=authority).select_related("user"),
            "roles": ROLE_CHOICES,
            "params": params,
            "errors": params.summary(),
            "nav_active": "plans:plan_list",
        },
        status=400 if params.errors else 200,
    )


# --- audit trail --------------------------------------------------------------------------------


@login_required
@require_GET
def audit(request: HttpRequest, pk: int, fmt: str = "html") -> HttpResponse:
    plan, role = plan_for(request, pk, role="admin")
    entries = AuditEntry.objects.filter(plan=plan).select_related("user")
    if fmt == "csv":
        out = io.StringIO()
        writer = csv_writer(out)
        writer.writerow(["when", "who", "action", "object", "object id", "description", "field", "before", "after"])
        for e in entries.order_by("when", "id"):
            writer.writerow(
                [
                    e.when.isoformat(),
                    e.user.get_username() if e.user else "",
                    e.action,
                    e.object_type,
                    e.object_id or "",
                    e.object_repr,
                    e.field,
                    e.before,
                    e.after,
                ]
            )
        return download(
            out.getvalue().encode(), f"{plan.authority.slug}-plan-{plan.pk}-audit.csv", "text/csv; charset=utf-8"
        )
    return render(request, "plans/audit.html", context(plan, role, entries=entries[:500], total=entries.count()))
