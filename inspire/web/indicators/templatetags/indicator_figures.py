"""``published_format``: a published figure with its unit ("22.6%", "67 per 10,000 children"), or
"not published"."""

from django import template

register = template.Library()


@register.filter
def published_format(measure, value) -> str:
    return measure.format(value)
