"""``published_format``: a figure with its unit ("22.6%", "67 per 10,000 children"), by the
``format`` of a published measure or of a catalogue indicator: never a bare number."""

from django import template

register = template.Library()


@register.filter
def published_format(measure, value) -> str:
    return measure.format(value)
