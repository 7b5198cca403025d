"""Tags for plan pages: RAG and milestone statuses as GOV.UK tags, risk levels in words."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from inspire.core.plans import rag as rag_rules
from inspire.core.plans import risk as risk_rules

register = template.Library()

_RAG_CLASS = {
    "red": "govuk-tag--red",
    "amber": "govuk-tag--orange",
    "green": "govuk-tag--green",
    "blue": "govuk-tag--blue",
    "grey": "govuk-tag--grey",
}
_STATUS_CLASS = {
    "overdue": "govuk-tag--red",
    "at_risk": "govuk-tag--orange",
    "on_track": "govuk-tag--green",
    "complete": "govuk-tag--blue",
    "not_started": "govuk-tag--grey",
}
_LEVEL_CLASS = {"high": "govuk-tag--red", "medium": "govuk-tag--orange", "low": "govuk-tag--green"}


@register.simple_tag
def rag_tag(rag: str):
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        _RAG_CLASS.get(rag, "govuk-tag--grey"),
        rag_rules.RAG_LABELS.get(rag, "Not set"),
    )


@register.simple_tag
def status_tag(status: str):
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        _STATUS_CLASS.get(status, "govuk-tag--grey"),
        rag_rules.MILESTONE_STATUS_LABELS.get(status, status),
    )


@register.simple_tag
def level_tag(level: str):
    if not level:
        return ""
    return format_html(
        '<strong class="govuk-tag {}">{}</strong>',
        _LEVEL_CLASS.get(level, "govuk-tag--grey"),
        risk_rules.LEVEL_LABELS.get(level, level),
    )


@register.filter
def measure_status_label(status: str) -> str:
    return rag_rules.MEASURE_STATUS_LABELS.get(status, status)


@register.filter
def get(mapping, key):
    return mapping.get(key) if mapping else None
