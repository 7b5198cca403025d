"""Server-rendered SVG charts: no JavaScript, and each sits beside a table with the same figures.

The SVG has ``role="img"`` with a title and description; the marks are not read out one by one
(the table is the accessible version). Series differ by colour *and* marker shape.
"""

from __future__ import annotations

from datetime import date

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from inspire.core.national import HAPPENED
from inspire.web.read.selectors import GradePoint
from inspire.web.toolkit.labels import GRADE_RANK, area_label

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
        return (
            f'<polygon points="{x:.1f},{y - 6:.1f} {x + 6:.1f},{y + 5:.1f} {x - 6:.1f},{y + 5:.1f}" fill="{colour}"/>'
        )
    if kind == "diamond":
        return (
            f'<polygon points="{x:.1f},{y - 7:.1f} {x + 7:.1f},{y:.1f} {x:.1f},{y + 7:.1f} {x - 7:.1f},{y:.1f}" '
            f'fill="{colour}"/>'
        )
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
            f'<tspan x="{LEFT - 10}" dy="{0 if n == 0 else 17}">{escape(words)}</tspan>'
            for n, words in enumerate(label)
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
        parts.append(
            f'<line x1="{lx:.1f}" x2="{lx + 28:.1f}" y1="{ly - 5}" y2="{ly - 5}" stroke="{colour}" stroke-width="2.5"/>'
        )
        parts.append(_marker(marker, lx + 14, ly - 5, colour))
        parts.append(f'<text x="{lx + 36:.1f}" y="{ly}">{escape(area_label(area))}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


#: one colour per grade, best first, with a pattern-free difference in lightness as well as hue
GRADE_COLOURS = {
    "outstanding": "#00703c",
    "good": "#1d70b8",
    "requires_improvement": "#f47738",
    "adequate": "#b58840",
    "inadequate": "#d4351c",
}


def _svg_open(chart_id: str, width: int, height: int, title: str, desc: str) -> list[str]:
    return [
        f'<svg class="inspire-chart" id="{chart_id}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


def stacked_bars(
    rows: list[tuple[str, dict[str, int]]], grades: list[tuple[str, str]], *, title: str, chart_id: str
) -> SafeString:
    """One horizontal bar per row (a region), split by grade in proportion to each grade's count;
    each segment is labelled with its count where it is wide enough. ``grades``: (key, label), best first."""
    rows = [(label, counts) for label, counts in rows if sum(counts.values())]
    if not rows:
        return mark_safe("")
    left, right, bar, gap, top = 260, 20, 26, 12, 44
    height = top + len(rows) * (bar + gap) + 30
    plot = WIDTH - left - right
    parts = _svg_open(
        chart_id,
        WIDTH,
        height,
        title,
        "A bar for each row, split by grade in proportion to the number of authorities with that grade. "
        "The table that follows gives the same figures.",
    )
    x = left
    for key, label in grades:  # legend across the top
        parts.append(f'<rect x="{x}" y="8" width="14" height="14" fill="{GRADE_COLOURS.get(key, "#505a5f")}"/>')
        parts.append(f'<text x="{x + 20}" y="20">{escape(label)}</text>')
        x += 30 + 9 * len(label)
    for index, (label, counts) in enumerate(rows):
        y = top + index * (bar + gap)
        total = sum(counts.values())
        parts.append(f'<text x="{left - 10}" y="{y + bar / 2 + 5:.1f}" text-anchor="end">{escape(label)}</text>')
        x = float(left)
        for key, _ in grades:
            count = counts.get(key, 0)
            if not count:
                continue
            width = plot * count / total
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{bar}" '
                f'fill="{GRADE_COLOURS.get(key, "#505a5f")}" stroke="#ffffff"/>'
            )
            if width > 22:
                parts.append(
                    f'<text x="{x + width / 2:.1f}" y="{y + bar / 2 + 5:.1f}" text-anchor="middle" '
                    f'fill="#ffffff" font-weight="bold">{count}</text>'
                )
            x += width
    parts.append("</svg>")
    return mark_safe("".join(parts))


PERCENT_TICKS = tuple((v, f"{v}%") for v in range(0, 101, 25))
GRADE_TICKS = ((1, "Inadequate"), (2, "Requires improvement"), (3, "Good"), (4, "Outstanding"))


def share_lines(
    series: dict[str, list[tuple[date, float | None]]],
    *,
    title: str,
    chart_id: str,
    highlight: str | None = None,
    ticks: tuple = PERCENT_TICKS,
    desc: str = "A line for each series: the per cent of authorities whose latest grade was good or "
    "outstanding, at each quarter end.",
) -> SafeString:
    """A value (y, over ``ticks``: per cent by default, or the grade scale) against date (x), a line
    per series, each with its own colour and marker; gaps where a series has no figure.
    ``highlight``: the series drawn thicker."""
    points = [(d, v) for line in series.values() for d, v in line if v is not None]
    if not points:
        return mark_safe("")
    left, right, top, plot_height = (170 if ticks is GRADE_TICKS else 60), 30, 20, 260
    low, high = ticks[0][0], ticks[-1][0]
    columns = 3
    legend_rows = (len(series) + columns - 1) // columns
    height = top + plot_height + 50 + legend_rows * 24
    first, last = min(d for d, _ in points), max(d for d, _ in points)
    plot = WIDTH - left - right

    def x_of(day: date) -> float:
        return left + plot * (day - first).days / max(1, (last - first).days)

    def y_of(value: float) -> float:
        return top + plot_height * (1 - (value - low) / (high - low))

    parts = _svg_open(chart_id, WIDTH, height, title, f"{desc} The table that follows gives the same figures.")
    for value, label in ticks:
        y = y_of(value)
        parts.append(f'<line class="inspire-chart__grid" x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 5:.1f}" text-anchor="end">{escape(label)}</text>')
    axis_y = top + plot_height
    for year in range(first.year, last.year + 1):
        day = date(year, 1, 1)
        if first <= day <= last:
            parts.append(f'<text x="{x_of(day):.1f}" y="{axis_y + 22}" text-anchor="middle">{year}</text>')
    for index, (name, line) in enumerate(series.items()):
        colour, marker = COLOURS[index % len(COLOURS)], MARKERS[index % len(MARKERS)]
        width = 4 if name == highlight else 2
        runs, run = [], []
        for day, value in line:
            if value is None:
                runs, run = runs + [run] if run else runs, []
            else:
                run.append((x_of(day), y_of(value)))
        runs += [run] if run else []
        for run in runs:
            if len(run) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="{width}"/>')
            last_x, last_y = run[-1]
            parts.append(_marker(marker, last_x, last_y, colour))
        lx = left + (index % columns) * (plot / columns)
        ly = axis_y + 46 + (index // columns) * 24
        parts.append(
            f'<line x1="{lx:.1f}" x2="{lx + 28:.1f}" y1="{ly - 5}" y2="{ly - 5}" stroke="{colour}" '
            f'stroke-width="{width}"/>'
        )
        parts.append(_marker(marker, lx + 14, ly - 5, colour))
        parts.append(f'<text x="{lx + 36:.1f}" y="{ly}">{escape(name)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


def flow(counts: dict[str, dict[str, int]], grades: list[tuple[str, str]], *, title: str, chart_id: str) -> SafeString:
    """Grades at one inspection (left) and the next (right), with a band for each pair whose width
    is the number of authorities that moved that way."""
    total = sum(sum(row.values()) for row in counts.values())
    if not total:
        return mark_safe("")
    top, height_plot, node, gap = 30, 360, 18, 10
    left_x, right_x = 230, WIDTH - 230
    height = top + height_plot + len(grades) * gap + 20
    scale = height_plot / total
    parts = _svg_open(
        chart_id,
        WIDTH,
        height,
        title,
        "Bands from each grade at one inspection to the grade at the next, as wide as the number of "
        "authorities that moved that way. The table that follows gives the same figures.",
    )

    def stacks(totals: dict[str, int]) -> dict[str, float]:
        y, starts = float(top), {}
        for key, _ in grades:
            starts[key] = y
            y += totals.get(key, 0) * scale + gap
        return starts

    out_totals = {f: sum(counts.get(f, {}).values()) for f, _ in grades}
    in_totals = {t: sum(counts.get(f, {}).get(t, 0) for f, _ in grades) for t, _ in grades}
    out_y, in_y = stacks(out_totals), stacks(in_totals)
    out_used, in_used = dict(out_y), dict(in_y)
    for f, _ in grades:
        for t, _ in grades:
            n = counts.get(f, {}).get(t, 0)
            if not n:
                continue
            h = n * scale
            y1, y2 = out_used[f], in_used[t]
            mid = (left_x + right_x) / 2
            parts.append(
                f'<path d="M{left_x + node},{y1:.1f} C{mid},{y1:.1f} {mid},{y2:.1f} {right_x},{y2:.1f} '
                f'L{right_x},{y2 + h:.1f} C{mid},{y2 + h:.1f} {mid},{y1 + h:.1f} {left_x + node},{y1 + h:.1f} Z" '
                f'fill="{GRADE_COLOURS.get(f, "#505a5f")}" fill-opacity="0.35" '
                f'stroke="{GRADE_COLOURS.get(f, "#505a5f")}"/>'
            )
            out_used[f] += h
            in_used[t] += h
    for key, label in grades:
        colour = GRADE_COLOURS.get(key, "#505a5f")
        for x, starts, totals, anchor, tx in (
            (left_x, out_y, out_totals, "end", left_x - 8),
            (right_x, in_y, in_totals, "start", right_x + node + 8),
        ):
            if totals[key]:
                h = totals[key] * scale
                parts.append(
                    f'<rect x="{x}" y="{starts[key]:.1f}" width="{node}" height="{max(h, 1):.1f}" fill="{colour}"/>'
                )
                parts.append(
                    f'<text x="{tx}" y="{starts[key] + h / 2 + 5:.1f}" text-anchor="{anchor}">'
                    f"{escape(label)} ({totals[key]})</text>"
                )
    parts.append(f'<text x="{left_x}" y="18" text-anchor="middle" font-weight="bold">One inspection</text>')
    parts.append(f'<text x="{right_x + node}" y="18" text-anchor="middle" font-weight="bold">The next</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


#: The timeline's kinds of inspection: (legend, families, colour, marker). Each kind has its own
#: colour AND its own shape, so no kind is told apart by colour alone.
TIMELINE_KINDS = (
    ("ILACS (2018 on)", ("ilacs", "ilacs_2026"), "#1d70b8", "circle"),
    ("SIF and LSCB reviews (2013-18)", ("sif", "lscb_review"), "#d4351c", "square"),
    ("Joint targeted area inspection", ("jtai",), "#00703c", "triangle"),
    ("Area SEND inspection", ("send_2023",), "#4c2c92", "diamond"),
    ("Joint area review (2009)", ("jar_2009",), "#505a5f", "hexagon"),
    ("Earlier frameworks (2005-13)", ("apa", "slac", "lac_2012", "cp_2012"), "#b58840", "cross"),
)
TIMELINE_GAP = 15  # px: markers closer than this are set apart along the line, in date order


def _timeline_marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "hexagon":
        points = " ".join(
            f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in ((-6, 0), (-3, -6), (3, -6), (6, 0), (3, 6), (-3, 6))
        )
        return f'<polygon points="{points}" fill="{colour}"/>'
    if kind == "cross":
        return f'<path d="M{x - 6:.1f},{y - 2:.1f}h4v-4h4v4h4v4h-4v4h-4v-4h-4z" fill="{colour}"/>'
    return _marker(kind, x, y, colour)


def inspections_timeline(inspections, *, title: str, chart_id: str = "timeline-chart") -> SafeString:
    """Every inspection of an authority on one time line, each kind of inspection (ILACS, SIF,
    JTAI, area SEND, …) in its own colour and shape, with a legend; the history table beside it
    gives the same inspections in words."""
    kind_of = {family: index for index, (_, families, _, _) in enumerate(TIMELINE_KINDS) for family in families}
    points = sorted(
        ((HAPPENED.of(i), kind_of[i.family]) for i in inspections if HAPPENED.of(i) and i.family in kind_of),
        key=lambda p: p[0],
    )
    if not points:
        return mark_safe("")
    first, last = date(points[0][0].year, 1, 1), date(points[-1][0].year + 1, 1, 1)
    used = sorted({kind for _, kind in points})
    columns = 2
    legend_rows = (len(used) + columns - 1) // columns
    line_y = 40
    height = line_y + 50 + legend_rows * 26 + 10
    plot = WIDTH - 2 * 40

    def x_of(day: date) -> float:
        return 40 + plot * (day - first).days / max(1, (last - first).days)

    parts = [
        f'<svg class="inspire-chart" id="{chart_id}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">Every inspection on one time line, each kind of inspection with its own '
        "colour and shape. The table that follows lists the same inspections.</desc>",
        f'<line class="inspire-chart__axis" x1="40" x2="{WIDTH - 40}" y1="{line_y}" y2="{line_y}"/>',
    ]
    years = range(first.year, last.year + 1)
    step = max(1, len(years) // 10)
    for year in years[::step]:
        x = x_of(date(year, 1, 1))
        parts.append(
            f'<line class="inspire-chart__axis" x1="{x:.1f}" x2="{x:.1f}" y1="{line_y + 10}" y2="{line_y + 16}"/>'
        )
        parts.append(f'<text x="{x:.1f}" y="{line_y + 32}" text-anchor="middle">{year}</text>')
    previous = None
    for day, kind in points:
        x = x_of(day)
        if previous is not None and x - previous < TIMELINE_GAP:
            x = previous + TIMELINE_GAP
        previous = x
        _, _, colour, marker = TIMELINE_KINDS[kind]
        parts.append(f'<g class="inspire-timeline__{marker}">{_timeline_marker(marker, x, line_y, colour)}</g>')
    for n, kind in enumerate(used):
        name, _, colour, marker = TIMELINE_KINDS[kind]
        lx = 40 + (n % columns) * (plot / columns)
        ly = line_y + 62 + (n // columns) * 26
        parts.append(_timeline_marker(marker, lx + 8, ly - 5, colour))
        parts.append(f'<text x="{lx + 24:.1f}" y="{ly}">{escape(name)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
