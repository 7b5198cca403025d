"""Template filters for Inspire's pages: dates as "14 October 2016", grades and areas in words."""

from __future__ import annotations

from datetime import date

from django import template
from django.utils.html import format_html

from inspire.core.reading.dates import format_long
from inspire.web.inspections import labels

register = template.Library()


@register.filter
def long_date(value: date | str | None) -> str:
    """14 October 2016. ISO strings (as in stored records) are accepted; nothing gives ''."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    return format_long(value)


@register.filter
def grade_label(value: str | None) -> str:
    return labels.grade_label(value)


@register.filter
def area_label(value: str) -> str:
    return labels.area_label(value)


@register.filter
def family_label(value: str) -> str:
    return labels.family_label(value)


@register.filter
def family_short(value: str) -> str:
    return labels.FAMILY_SHORT.get(value, value)


@register.filter
def fact_label(value: str) -> str:
    return labels.fact_label(value)


@register.simple_tag
def grade_tag(grade: str | None, score: int | None = None):
    """A GOV.UK tag in the grade's colour; APA numeric grades are shown beside the word."""
    if not grade:
        return format_html('<span class="govuk-body-s">Not judged</span>')
    words = labels.grade_label(grade)
    if score:
        words = f"{words} ({score})"
    return format_html(
        '<strong class="govuk-tag {} inspire-grade">{}</strong>', labels.GRADE_TAG.get(grade, "govuk-tag--grey"), words
    )


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
