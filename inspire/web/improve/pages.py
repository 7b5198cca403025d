"""What the plan pages share: the plan a request may see (and the role it has), the context
every plan page gets, a service's errors shown against their inputs, downloads, a form's first
values, and the RAG key."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header

from inspire.core.plans import rag as rag_rules
from inspire.web.accounts.models import ROLE_ORDER, Person
from inspire.web.accounts.services import authority_role
from inspire.web.improve.models import Plan
from inspire.web.toolkit.params import Params

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def plan_for(request: HttpRequest, pk: int, role: str = "viewer") -> tuple[Plan, str]:
    plan = get_object_or_404(Plan.objects.select_related("authority", "inspection"), pk=pk)
    have = authority_role(user=request.user, authority=plan.authority)
    if have is None:
        raise Http404("No plan with that number")  # do not reveal other councils' plans
    if ROLE_ORDER[have] < ROLE_ORDER[role]:
        raise PermissionDenied(f"your role for {plan.authority.name} is {have}")
    return plan, have


def errors_from(params: Params, error: ValidationError, prefix: str = "", dates: dict[str, str] | None = None) -> None:
    """Show a service's errors against their inputs; ``dates`` maps a service field to the
    date input (``{"target_date": "target"}``) whose day box carries the message."""
    for field, messages_ in error.message_dict.items():
        name = f"{(dates or {})[field]}-day" if field in (dates or {}) else f"{prefix}{field}"
        params.errors[name] = f"{messages_[0][0].upper()}{messages_[0][1:]}"


def download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def context(plan: Plan, role: str, **more) -> dict:
    return {
        "plan": plan,
        "role": role,
        "can_edit": ROLE_ORDER[role] >= ROLE_ORDER["editor"],
        "is_admin": role == "admin",
        "nav_active": "plans:plan_list",
        **more,
    }


def people(plan: Plan):
    return Person.objects.filter(authority=plan.authority)


def rag_key():
    """The two keys for ``plans/_key.html``: the items' rules, then the plan's."""
    key = rag_rules.key()
    return [("Items", key["items"]), ("The plan", key["plan"])]


def initial(values: dict[str, str], **dates):
    """A form's first values, each date split into its day, month and year inputs."""
    initial = QueryDict(mutable=True)
    initial.update(values)
    for prefix, day in dates.items():
        if day:
            initial.update(
                {f"{prefix}-day": str(day.day), f"{prefix}-month": str(day.month), f"{prefix}-year": str(day.year)}
            )
    return initial
