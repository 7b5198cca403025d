"""Server-rendered SVG charts: no JavaScript, and each sits beside a table with the same figures.

The SVG has ``role="img"`` with a title and description; the marks are not read out one by one
(the table is the accessible version). Series differ by colour *and* marker shape.
"""

from __future__ import annotations

from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from inspire.web.toolkit.labels import GRADE_RANK, area_label
from inspire.web.read.selectors import GradePoint

#: GOV.UK colours with at least 3:1 contrast against white.
COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#d53880", "#505a5f", "#28a197", "#b58840", "#912b88")
MARKERS = ("circle", "square", "triangle", "diamond")

#: The shared grade scale, top to bottom.
LEVELS = ((4, ("Outstanding",)), (3, ("Good",)), (2, ("Requires improvement", "or adequate")), (1, ("Inadequate",)))

WIDTH, LEFT, RIGHT, TOP, ROW = 900, 170, 30, 28, 56
#: Markers that would sit on top of each other (same date, same grade) are set this far apart
#: (px) along their grade's line: every marker stays exactly on its grade's line.
SIDE_BY_SIDE = 13


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" fill="{colour}"/>'
    if kind == "triangle":
        return f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y + 5:.1f} {x - 6:.1f},{y + 5:.1f}" fill="{colour}"/>'
    if kind == "diamond":
        return f'<polygon points="{x:.1f},{y - 7:.1f} {x + 7:.1f},{y:.1f} {x:.1f},{y + 7:.1f} {x - 7:.1f},{y:.1f}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5.5" fill="{colour}"/>'


def grades_over_time(series: dict[str, list[GradePoint]], *, title: str, chart_id: str = "grades-chart") -> SafeString:
    """A line per judgement area: grade (y, on the shared scale) against inspection date (x)."""
    points = [p for line in series.values() for p in line]
    if not points:
        return mark_safe("")
    days = [p.when for p in points]
    first, last = date(min(days).year, 1, 1), date(max(days).year + 1, 1, 1)
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = ROW * (len(LEVELS) - 1)
    columns = 3 if max(len(area_label(area)) for area in series) <= 22 else 2
    legend_rows = (len(series) + columns - 1) // columns
    height = TOP + plot_height + 50 + legend_rows * 26

    # which series share each (date, grade) spot, in legend order, to place them side by side
    sharing: dict[tuple[date, int], list[int]] = {}
    for index, line in enumerate(series.values()):
        for p in line:
            spot = sharing.setdefault((p.when, GRADE_RANK.get(p.grade, 1)), [])
            if index not in spot:
                spot.append(index)
    # room at both ends of the time axis for the widest group of markers side by side
    pad = (max(map(len, sharing.values())) - 1) / 2 * SIDE_BY_SIDE + 8

    def x_of(day: date) -> float:
        return LEFT + pad + (plot_width - 2 * pad) * (day - first).days / max(1, (last - first).days)

    def y_of(rank: int) -> float:
        return TOP + (4 - rank) * ROW

    def xy_of(p: GradePoint, index: int) -> tuple[float, float]:
        rank = GRADE_RANK.get(p.grade, 1)
        spot = sharing[(p.when, rank)]
        return x_of(p.when) + (spot.index(index) - (len(spot) - 1) / 2) * SIDE_BY_SIDE, y_of(rank)

    parts = [
        f'<svg class="inspire-chart" id="{chart_id}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">A line for each judgement area, grade against inspection date. '
        "The table that follows gives the same grades.</desc>",
    ]
    for rank, label in LEVELS:
        y = TOP + (4 - rank) * ROW
        parts.append(f'<line class="inspire-chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}"/>')
        lines = "".join(
            f'<tspan x="{LEFT - 10}" dy="{0 if n == 0 else 17}">{escape(words)}</tspan>' for n, words in enumerate(label)
        )
        parts.append(f'<text x="{LEFT - 10}" y="{y + 5 - 8 * (len(label) - 1)}" text-anchor="end">{lines}</text>')
    axis_y = TOP + plot_height + 12
    parts.append(f'<line class="inspire-chart__axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{axis_y}" y2="{axis_y}"/>')
    years = range(first.year, last.year + 1)
    step = max(1, len(years) // 10)
    for year in years[::step]:
        x = x_of(date(year, 1, 1))
        parts.append(f'<line class="inspire-chart__axis" x1="{x:.1f}" x2="{x:.1f}" y1="{axis_y}" y2="{axis_y + 5}"/>')
        parts.append(f'<text x="{x:.1f}" y="{axis_y + 22}" text-anchor="middle">{year}</text>')
    for index, (area, line) in enumerate(series.items()):
        colour, marker = COLOURS[index % len(COLOURS)], MARKERS[index % len(MARKERS)]
        xy = [xy_of(p, index) for p in line]
        if len(xy) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        parts.extend(_marker(marker, x, y, colour) for x, y in xy)
        # legend: two or three to a row under the axis
        lx = LEFT + (index % columns) * (plot_width / columns)
        ly = axis_y + 50 + (index // columns) * 26
        parts.append(f'<line x1="{lx:.1f}" x2="{lx + 28:.1f}" y1="{ly - 5}" y2="{ly - 5}" stroke="{colour}" stroke-width="2.5"/>')
        parts.append(_marker(marker, lx + 14, ly - 5, colour))
        parts.append(f'<text x="{lx + 36:.1f}" y="{ly}">{escape(area_label(area))}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
