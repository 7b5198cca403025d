"""An indicator over time as server-rendered SVG: the authority's values, England's published
values and the national threshold where one exists. ``role="img"`` with a title and a description
that says what the chart shows; the table beside it gives every figure (the accessible version).
Lines differ by colour, marker shape and dash, never by colour alone.

``sparkline`` is the dashboard's small version (at most ``SPARKLINE_WIDTH`` pixels): the line
with its first and last values written at its ends, and the same kind of description."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from inspire.core.indicators import Indicator
from inspire.web.toolkit.templatetags.inspire import long_date

AUTHORITY_COLOUR, ENGLAND_COLOUR, THRESHOLD_COLOUR = "#1d70b8", "#505a5f", "#d4351c"


def _scale(values: list[float]) -> tuple[float, float, float]:
    """(bottom, top, step) of a y axis from 0 with round steps, about five of them."""
    high = max(max(values), 0) * 1.05 or 1
    magnitude = 10 ** math.floor(math.log10(high / 5)) if high >= 5 else 1
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if step * 5 >= high:
            return 0.0, step * math.ceil(high / step), step
    return 0.0, high, high / 5


def indicator_chart(
    indicator: Indicator,
    points: list[tuple[date, float]],
    *,
    england: list[tuple[date, float]] = (),
    authority_name: str,
    chart_id: str,
) -> SafeString:
    if not points:
        return mark_safe("")
    width, height = 760, 320
    #: room on the right for half the last date label ("Mar 2025" centred on the last point)
    left, right, top, bottom = 70, 40, 20, 70
    threshold = indicator.threshold.value if indicator.threshold else None
    values = [v for _, v in points] + [v for _, v in england] + ([threshold] if threshold is not None else [])
    bottom_value, top_value, step = _scale(values)
    days = [d for d, _ in points] + [d for d, _ in england]
    first, last = min(days), max(days)
    span = max(1, (last - first).days)
    plot_w, plot_h = width - left - right, height - top - bottom

    def x_of(day: date) -> float:
        return left + plot_w * ((day - first).days / span if len(set(days)) > 1 else 0.5)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - (value - bottom_value) / (top_value - bottom_value))

    description = _description(indicator, points, authority_name)
    if england:
        description += " England's published values are the grey dashed line."
    if threshold is not None:
        description += f" The red dotted line is the national threshold, {indicator.format(threshold)}."
    description += " The table that follows gives every figure."
    parts = [
        f'<svg class="inspire-chart" id="{chart_id}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(indicator.name)}: {escape(authority_name)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for i in range(round(top_value / step) + 1):
        value = step * i
        y = y_of(value)
        parts.append(f'<line class="inspire-chart__grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 5:.1f}" text-anchor="end">{escape(_axis(indicator, value))}</text>')
    axis_y = top + plot_h
    parts.append(f'<line class="inspire-chart__axis" x1="{left}" x2="{width - right}" y1="{axis_y}" y2="{axis_y}"/>')
    last_x = -1e9
    for day in sorted({d for d, _ in points} | {d for d, _ in england}):
        x = x_of(day)
        if x - last_x >= 90:  # labels never overlap: a date too close to the last one is skipped
            parts.append(f'<text x="{x:.1f}" y="{axis_y + 20}" text-anchor="middle">{day:%b %Y}</text>')
            last_x = x
    if threshold is not None:
        y = y_of(threshold)
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{THRESHOLD_COLOUR}" '
            'stroke-width="2" stroke-dasharray="2 4"/>'
        )
    if england:
        xy = " ".join(f"{x_of(d):.1f},{y_of(v):.1f}" for d, v in england)
        parts.append(
            f'<polyline points="{xy}" fill="none" stroke="{ENGLAND_COLOUR}" stroke-width="2" stroke-dasharray="8 5"/>'
        )
        parts.extend(
            f'<rect x="{x_of(d) - 4:.1f}" y="{y_of(v) - 4:.1f}" width="8" height="8" fill="{ENGLAND_COLOUR}"/>'
            for d, v in england
        )
    xy = " ".join(f"{x_of(d):.1f},{y_of(v):.1f}" for d, v in points)
    if len(points) > 1:
        parts.append(f'<polyline points="{xy}" fill="none" stroke="{AUTHORITY_COLOUR}" stroke-width="3"/>')
    parts.extend(f'<circle cx="{x_of(d):.1f}" cy="{y_of(v):.1f}" r="5" fill="{AUTHORITY_COLOUR}"/>' for d, v in points)
    ly = height - 18
    legend = [(AUTHORITY_COLOUR, "", authority_name)]
    if england:
        legend.append((ENGLAND_COLOUR, "8 5", "England"))
    if threshold is not None:
        legend.append((THRESHOLD_COLOUR, "2 4", indicator.threshold.label))
    x = left
    for colour, dash, label in legend:
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{x}" x2="{x + 30}" y1="{ly - 5}" y2="{ly - 5}" stroke="{colour}" stroke-width="3"{dash_attr}/>'
        )
        parts.append(f'<text x="{x + 38}" y="{ly}">{escape(label)}</text>')
        x += 60 + 8 * len(label)
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _description(indicator: Indicator, points: list[tuple[date, float]], authority_name: str) -> str:
    first, latest = points[0], points[-1]
    return (
        f"{indicator.name} for {authority_name}: {len(points)} value{'s' if len(points) != 1 else ''} from "
        f"{long_date(first[0])} ({indicator.format(first[1])}) to "
        f"{long_date(latest[0])} ({indicator.format(latest[1])})."
    )


SPARKLINE_WIDTH, SPARKLINE_HEIGHT = 150, 30
SPARKLINE_FONT_PX = 13  # the size inspire.scss gives ``.inspire-sparkline text``
_MARKER = 3  # end points' radius


def _text_width(text: str) -> float:
    """At most how wide ``text`` is at the sparkline's size, in Arial or a wider fallback (DejaVu Sans:
    digits 0.636 em)."""
    em = {",": 0.318, ".": 0.318, "%": 0.95, "-": 0.361, " ": 0.318}
    return sum(em.get(c, 0.636) for c in text) * SPARKLINE_FONT_PX


def sparkline(
    indicator: Indicator, points: list[tuple[date, float]], *, authority_name: str, chart_id: str
) -> SafeString:
    """The trend in ``SPARKLINE_WIDTH`` pixels: the first value, the line (on the data's own range,
    so small changes show) with its end points marked, and the last value — the values beside the
    line, so they never cover it, and everything inside the box, so nothing is clipped."""
    if len(points) < 2:
        return mark_safe("")
    first_label, last_label = _short(indicator, points[0][1]), _short(indicator, points[-1][1])
    line_left = _text_width(first_label) + 4 + _MARKER
    line_right = SPARKLINE_WIDTH - _text_width(last_label) - 4 - _MARKER
    values = [v for _, v in points]
    low, high = min(values), max(values)
    first_day, span = points[0][0], max(1, (points[-1][0] - points[0][0]).days)
    top, bottom = _MARKER + 2, SPARKLINE_HEIGHT - _MARKER - 2

    def x_of(day: date) -> float:
        return line_left + (line_right - line_left) * (day - first_day).days / span

    def y_of(value: float) -> float:
        share = (value - low) / (high - low) if high > low else 0.5
        return bottom - (bottom - top) * share

    xy = " ".join(f"{x_of(d):.1f},{y_of(v):.1f}" for d, v in points)
    parts = [
        f'<svg class="inspire-sparkline" id="{chart_id}" width="{SPARKLINE_WIDTH}" height="{SPARKLINE_HEIGHT}" '
        f'viewBox="0 0 {SPARKLINE_WIDTH} {SPARKLINE_HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(indicator.name)}: {escape(authority_name)}, trend</title>',
        f'<desc id="{chart_id}-desc">{escape(_description(indicator, points, authority_name))}</desc>',
        f'<polyline points="{xy}" fill="none" stroke="{AUTHORITY_COLOUR}" stroke-width="2"/>',
    ]
    for (day, value), label, anchor, gap in ((points[0], first_label, "end", -1), (points[-1], last_label, "start", 1)):
        x, y = x_of(day), y_of(value)
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{_MARKER}" fill="{AUTHORITY_COLOUR}"/>')
        # the baseline a third of the text's height below the point, but the text (ascent 0.93 em,
        # descent 0.24 em) inside the box
        text_y = min(
            max(y + SPARKLINE_FONT_PX * 0.35, SPARKLINE_FONT_PX * 0.93), SPARKLINE_HEIGHT - SPARKLINE_FONT_PX * 0.24
        )
        parts.append(
            f'<text x="{x + gap * (_MARKER + 3):.1f}" y="{text_y:.1f}" text-anchor="{anchor}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _short(indicator: Indicator, value: float) -> str:
    """A value without its unit's words, for the sparkline: "25.3%", "38.4", "455", "1,139"."""
    unit = indicator.unit.value
    if unit == "percent":
        return f"{value:.1f}%"
    return f"{value:.1f}" if unit == "rate" else f"{value:,.0f}"


def _axis(indicator: Indicator, value: float) -> str:
    text = f"{value:,.1f}".removesuffix(".0")
    return text + "%" if indicator.unit.value == "percent" else text


@dataclass(frozen=True)
class Series:
    """One source's figures: drawn as a line of its own (never joined to another source's), with
    its own colour, dash and marker, and named in the legend."""

    key: str  # annex_a, report, published, england
    label: str
    points: list[tuple[date, float]]
    colour: str
    dash: str = ""
    marker: str = "circle"  # circle, square, triangle, diamond


SERIES_STYLE = {
    "annex_a": ("#1d70b8", "", "circle"),
    "report": ("#912b88", "2 4", "triangle"),
    "published": ("#00703c", "", "diamond"),
    "england": (ENGLAND_COLOUR, "8 5", "square"),
}


def series_for(key: str, label: str, points: list[tuple[date, float]]) -> Series:
    colour, dash, marker = SERIES_STYLE[key]
    return Series(key, label, sorted(points), colour, dash, marker)


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{colour}"/>'
    if shape == "triangle":
        return (
            f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y + 5:.1f} {x - 6:.1f},{y + 5:.1f}" fill="{colour}"/>'
        )
    if shape == "diamond":
        return (
            f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y:.1f} {x:.1f},{y + 6:.1f} {x - 6:.1f},{y:.1f}" '
            f'fill="{colour}"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'


def series_chart(*, title: str, series: list[Series], format_value, percent: bool, chart_id: str) -> SafeString:
    """Several sources of one measure over time: each a separate, labelled line (a series with one
    point is a marker only), so a report's figure and a published series are never drawn as one."""
    series = [s for s in series if s.points]
    if not series:
        return mark_safe("")
    width, height = 760, 340
    left, right, top, bottom = 70, 40, 20, 90
    values = [v for s in series for _, v in s.points]
    bottom_value, top_value, step = _scale(values)
    days = [d for s in series for d, _ in s.points]
    first, last = min(days), max(days)
    span = max(1, (last - first).days)
    plot_w, plot_h = width - left - right, height - top - bottom

    def x_of(day: date) -> float:
        return left + plot_w * ((day - first).days / span if len(set(days)) > 1 else 0.5)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - (value - bottom_value) / (top_value - bottom_value))

    described = []
    for s in series:
        a, z = s.points[0], s.points[-1]
        described.append(
            f"{s.label}: {len(s.points)} figure{'s' if len(s.points) != 1 else ''}, "
            f"{long_date(a[0])} ({format_value(a[1])})"
            + (f" to {long_date(z[0])} ({format_value(z[1])})" if len(s.points) > 1 else "")
        )
    description = (
        f"{title}. Each source is a separate line: "
        + "; ".join(described)
        + ". The tables that follow give every figure."
    )
    parts = [
        f'<svg class="inspire-chart" id="{chart_id}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for i in range(round(top_value / step) + 1):
        y = y_of(step * i)
        label = f"{step * i:,.1f}".removesuffix(".0") + ("%" if percent else "")
        parts.append(f'<line class="inspire-chart__grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 5:.1f}" text-anchor="end">{escape(label)}</text>')
    axis_y = top + plot_h
    parts.append(f'<line class="inspire-chart__axis" x1="{left}" x2="{width - right}" y1="{axis_y}" y2="{axis_y}"/>')
    last_x = -1e9
    for day in sorted(set(days)):
        x = x_of(day)
        if x - last_x >= 90:
            parts.append(f'<text x="{x:.1f}" y="{axis_y + 20}" text-anchor="middle">{day:%b %Y}</text>')
            last_x = x
    for s in series:
        parts.append(f'<g class="inspire-chart__series" data-series="{s.key}">')
        if len(s.points) > 1:
            xy = " ".join(f"{x_of(d):.1f},{y_of(v):.1f}" for d, v in s.points)
            dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
            parts.append(f'<polyline points="{xy}" fill="none" stroke="{s.colour}" stroke-width="3"{dash}/>')
        parts.extend(_marker(s.marker, x_of(d), y_of(v), s.colour) for d, v in s.points)
        parts.append("</g>")
    x, ly = left, height - 40
    for s in series:
        if x + 60 + 8 * len(s.label) > width:
            x, ly = left, ly + 24
        dash = f' stroke-dasharray="{s.dash}"' if s.dash else ""
        parts.append(
            f'<line x1="{x}" x2="{x + 30}" y1="{ly - 5}" y2="{ly - 5}" stroke="{s.colour}" stroke-width="3"{dash}/>'
        )
        parts.append(_marker(s.marker, x + 15, ly - 5, s.colour))
        parts.append(f'<text x="{x + 38}" y="{ly}">{escape(s.label)}</text>')
        x += 60 + 8 * len(s.label)
    parts.append("</svg>")
    return mark_safe("".join(parts))
