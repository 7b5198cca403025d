"""Template filters for Inspire's pages: dates as "14 October 2016", grades and areas in words."""

from __future__ import annotations

import functools
from datetime import date

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from inspire.core.calendar import format_long
from inspire.core.national import HAPPENED
from inspire.core.reading.record import AREA_FAMILIES
from inspire.web.toolkit import labels

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
        return mark_safe('<span class="govuk-body-s">Not judged</span>')
    words = labels.grade_label(grade)
    if score:
        words = f"{words} ({score})"
    return format_html(
        '<strong class="govuk-tag {} inspire-grade">{}</strong>', labels.GRADE_TAG.get(grade, "govuk-tag--grey"), words
    )


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def count_of(distribution, grade: str):
    """The :class:`~inspire.web.see.national.GradeCount` of ``grade`` in a distribution row."""
    for item in distribution.grades:
        if item.grade == grade:
            return item
    return {"count": 0, "percent": 0, "shown_percent": 0}


@register.filter
def years_months(days: int | None) -> str:
    """A wait in days as people say it: "2 years 3 months", "5 months", "12 days"."""
    if days is None:
        return ""
    months = int(days / 30.4375)
    years, months = divmod(months, 12)
    if not years and not months:
        return f"{days} day{'s' if days != 1 else ''}"
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " ".join(parts)


@register.filter
def mul(value: int, factor: int) -> int:
    return int(value) * int(factor)


FORMAT_LABELS = {"pdf": "PDF", "docx": "Word document", "html": "HTML page", "text": "text file"}


@register.filter
def format_label(value: str) -> str:
    return FORMAT_LABELS.get(value, value)


@register.filter
def inspection_dates(inspection) -> str:
    """ "7 October 2019 to 18 October 2019"; a letter with only a publication date says so."""
    start, end = inspection.inspection_start, inspection.inspection_end
    if start and end and end != start:
        return f"{format_long(start)} to {format_long(end)}"
    if start or end:
        return format_long(start or end)
    if inspection.published:
        return f"Published {format_long(inspection.published)}"
    return "Date not stated"


@register.filter
def inspection_date(inspection) -> str:
    """The one date that places an inspection (``core.national.HAPPENED``): its first day, else its
    last, else publication."""
    when = HAPPENED.of(inspection)
    return format_long(when) if when else "date not stated"


@register.filter
def by_area(judgements):
    """Judgements in the order reports give them (overall first), older families' areas after."""
    return sorted(judgements, key=lambda judgement: labels.area_order(judgement.area))


@register.filter
def difference_label(field: str) -> str:
    """A reconciled value's name: "judgements.overall" → "Overall effectiveness"."""
    if field.startswith("judgements."):
        return area_label(field.removeprefix("judgements."))
    return {"published": "Publication date", "inspection_start": "Inspection began"}.get(field, field)


@register.filter
def difference_value(value: str) -> str:
    """A reconciled value as people read it: a date long, a grade in words."""
    if not value:
        return ""
    try:
        return long_date(date.fromisoformat(value))
    except ValueError:
        return grade_label(value) or value


@register.filter
def date_query(value: date, prefix: str) -> str:
    """A date as the three query parameters of a GOV.UK date input: ``as-at-day=1&as-at-month=4&…``."""
    return f"{prefix}-day={value.day}&{prefix}-month={value.month}&{prefix}-year={value.year}"


@register.filter
def is_area_family(value: str) -> bool:
    """A JTAI, area SEND or joint area review inspection (of the local area partnership)."""
    return value in AREA_FAMILIES


@functools.lru_cache(maxsize=20_000)
def _reverse(prefix: str, name: str, arg) -> str:
    return reverse(name, args=[arg])


@register.filter
def url_to(arg, name: str) -> str:
    """``{{ authority.slug|url_to:"authority_detail" }}``: ``{% url name arg %}``, each address
    worked out once per process (URL patterns do not change while it runs; the script prefix is
    part of the key). For the links in every row of long tables, where ``{% url %}`` was a third
    of the national picture's rendering."""
    return _reverse(get_script_prefix(), name, arg)
