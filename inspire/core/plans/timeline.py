"""The priority timeline (seed 004, part two): each theme and its overarching actions as bars
from the date commenced to the date the outcome is to be achieved by, milestones as marks at
their target dates, and a line at today.

An action's bar starts at its start date; without one it is not drawn and the table says so
(a start is never guessed). It ends at the date its outcome is to be achieved by, else its own
target date, else its last milestone's, and the table says which. A theme's bar runs from the
earliest start to the latest end of its actions. :func:`layout` works out the geometry once as
plain shapes; :func:`svg`, :func:`drawing` (reportlab) and :func:`png` (Pillow) only draw them.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from inspire.core.calendar import format_long
from inspire.core.plans.model import ActionData, PlanData

END_WORDS = {
    "outcome": "outcome achieved by",
    "target": "the action's target date",
    "milestone": "its last milestone's target date",
    "": "",
}


@dataclass
class Row:
    kind: str  # theme | action
    label: str  # "Theme A: Practice and Culture" or "1.7 Identify and adopt a model of practice"
    start: date | None
    end: date | None
    end_basis: str = ""  # outcome | target | milestone
    milestones: list[tuple[date, str]] = field(default_factory=list)

    @property
    def note(self) -> str:
        if self.kind == "theme" and (self.start is None or self.end is None):
            return "No action in the theme has both a start and an end date: not drawn"
        if self.kind == "action" and self.start is None:
            return "No start date set: not drawn"
        if self.end is None:
            return "No end date set: not drawn"
        if self.kind == "action" and self.end_basis != "outcome":
            return f"Ends at {END_WORDS[self.end_basis]}"
        return ""


def _end(action: ActionData) -> tuple[date | None, str]:
    if action.outcome_by:
        return action.outcome_by, "outcome"
    if action.target_date:
        return action.target_date, "target"
    dates = [m.target_date for m in action.milestones if m.target_date]
    return (max(dates), "milestone") if dates else (None, "")


def rows(plan: PlanData) -> list[Row]:
    """Themes in order, each followed by its items' actions (an item under its first theme);
    items in no theme last, under "Not in a theme"."""
    names = {t.code: t.name for t in plan.themes}
    groups: dict[str | None, list] = {code: [] for code in names}
    groups[None] = []
    for item in plan.items:
        groups[next((c for c in item.themes if c in names), None)].append(item)
    out = []
    for code, items in groups.items():
        actions = []
        for item in items:
            for action in item.actions:
                end, basis = _end(action)
                marks = [
                    (m.target_date, m.label or f"Milestone {m.ordinal}") for m in action.milestones if m.target_date
                ]
                actions.append(
                    Row("action", f"{item.ref}.{action.ref} {action.text}", action.start_date, end, basis, marks)
                )
        if not actions:
            continue
        starts = [a.start for a in actions if a.start]
        ends = [a.end for a in actions if a.end and a.start]
        heading = f"Theme {code}: {names[code]}" if code else "Not in a theme"
        out.append(Row("theme", heading, min(starts) if starts else None, max(ends) if ends else None, "outcome"))
        out += actions
    return out


def table_rows(timeline: list[Row]) -> list[tuple[str, str, str, str, str]]:
    """What the chart shows, as a table: theme or action, start, end, milestones, note."""
    return [
        (
            r.label,
            format_long(r.start) if r.start else "",
            format_long(r.end) if r.end else "",
            "; ".join(f"{label}: {format_long(d)}" for d, label in r.milestones),
            r.note,
        )
        for r in timeline
    ]


# --- layout ----------------------------------------------------------------------------------

LABEL_WIDTH, ROW_HEIGHT, TOP = 330, 24, 34
BAR_FILL = {"theme": "#1d70b8", "action": "#5694ca"}
INK, TODAY = "#0b0c0c", "#d4351c"


@dataclass
class Shape:
    kind: str  # rect | line | text | mark
    x: float
    y: float
    w: float = 0
    h: float = 0
    text: str = ""
    colour: str = INK
    bold: bool = False
    anchor: str = "start"


def chunks(timeline: list[Row], size: int = 16) -> list[list[Row]]:
    """The rows in parts short enough for a printed page; draw each part with the whole
    timeline's ``bounds`` so that every part has the same scale."""
    return [timeline[n : n + size] for n in range(0, len(timeline), size)] or [[]]


def bounds(timeline: list[Row]) -> list[date]:
    return [d for r in timeline for d in (r.start, r.end) if d] + [d for r in timeline for d, _ in r.milestones]


def layout(
    timeline: list[Row], today: date, width: int = 960, span: list[date] | None = None
) -> tuple[list[Shape], int]:
    """The chart as shapes and its height: a month scale across, one row per theme or action.
    ``span``: the dates the scale must cover (the whole timeline's, when drawing a part of it)."""
    dates = span or bounds(timeline)
    height = TOP + ROW_HEIGHT * max(len(timeline), 1) + 10
    shapes: list[Shape] = []
    if not dates:
        shapes.append(Shape("text", 0, 20, text="No action has a start date and an end date yet."))
        return shapes, 40
    first = date(min(dates).year, min(dates).month, 1)
    last = date(max(dates).year + (max(dates).month == 12), max(dates).month % 12 + 1, 1)
    span = (last - first).days or 1
    plot = width - LABEL_WIDTH - 10

    def x(day: date) -> float:
        return LABEL_WIDTH + plot * (day - first).days / span

    month = first
    months_shown = (last.year - first.year) * 12 + last.month - first.month
    step = max(1, math.ceil(80 / (plot / max(months_shown, 1))))  # labels at least 80 pixels apart
    while month <= last:
        shapes.append(Shape("line", x(month), TOP - 6, 0, height - TOP, colour="#b1b4b6"))
        shapes.append(Shape("text", x(month) + 2, TOP - 10, text=f"{month:%b %Y}"))
        months = month.month - 1 + step
        month = date(month.year + months // 12, months % 12 + 1, 1)
    for index, row in enumerate(timeline):
        y = TOP + index * ROW_HEIGHT
        label = row.label if len(row.label) <= 52 else row.label[:50] + "…"
        shapes.append(Shape("text", 4 if row.kind == "theme" else 14, y + 16, text=label, bold=row.kind == "theme"))
        if row.start and row.end:
            shapes.append(
                Shape(
                    "rect",
                    x(row.start),
                    y + 5,
                    max(2.0, x(row.end) - x(row.start)),
                    14,
                    text=f"{row.label}: {format_long(row.start)} to {format_long(row.end)}",
                    colour=BAR_FILL[row.kind],
                )
            )
        for day, name in row.milestones:
            shapes.append(Shape("mark", x(day), y + 12, 5, 5, text=f"{name}: {format_long(day)}"))
    if first <= today <= last:
        shapes.append(Shape("line", x(today), TOP - 14, 0, height - TOP + 8, colour=TODAY))
        shapes.append(Shape("text", x(today) + 3, 10, text=f"Today, {format_long(today)}", colour=TODAY))
    else:
        side = "after" if today > last else "before"
        shapes.append(
            Shape("text", LABEL_WIDTH, 10, text=f"Today, {format_long(today)}, is {side} the timeline", colour=TODAY)
        )
    return shapes, height


def svg(timeline: list[Row], today: date, width: int = 960, ident: str = "timeline") -> str:
    shapes, height = layout(timeline, today, width)
    body = []
    for s in shapes:
        if s.kind == "rect":
            body.append(
                f'<rect x="{s.x:.1f}" y="{s.y:.1f}" width="{s.w:.1f}" height="{s.h:.1f}" fill="{s.colour}">'
                f"<title>{escape(s.text)}</title></rect>"
            )
        elif s.kind == "line":
            body.append(
                f'<line x1="{s.x:.1f}" y1="{s.y:.1f}" x2="{s.x:.1f}" y2="{s.y + s.h:.1f}" stroke="{s.colour}" '
                f'stroke-width="{2 if s.colour == TODAY else 1}"/>'
            )
        elif s.kind == "mark":
            body.append(
                f'<path d="M{s.x:.1f} {s.y - 6:.1f} l6 6 l-6 6 l-6 -6 z" fill="{INK}">'
                f"<title>{escape(s.text)}</title></path>"
            )
        else:
            weight = ' font-weight="bold"' if s.bold else ""
            body.append(
                f'<text x="{s.x:.1f}" y="{s.y:.1f}" font-size="12"{weight} fill="{s.colour}">{escape(s.text)}</text>'
            )
    drawn = [r for r in timeline if r.start and r.end]
    words = (
        f"{len([r for r in drawn if r.kind == 'theme'])} themes and {len([r for r in drawn if r.kind == 'action'])} "
        f"actions drawn as bars from start to outcome, milestones as diamonds, a red line at today "
        f"({format_long(today)}). The table below gives every date."
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="{ident}-title {ident}-desc" class="inspire-plan-chart">'
        f'<title id="{ident}-title">Priority timeline</title><desc id="{ident}-desc">{escape(words)}</desc>'
        f"{''.join(body)}</svg>"
    )


def drawing(timeline: list[Row], today: date, width: float = 780, span: list[date] | None = None):
    """The timeline as a reportlab drawing for the PDF pack (y grows upwards there)."""
    from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
    from reportlab.lib import colors

    shapes, height = layout(timeline, today, int(width), span)
    d = Drawing(width, height)
    for s in shapes:
        colour = colors.HexColor(s.colour)
        if s.kind == "rect":
            d.add(Rect(s.x, height - s.y - s.h, s.w, s.h, fillColor=colour, strokeColor=None))
        elif s.kind == "line":
            d.add(
                Line(
                    s.x,
                    height - s.y,
                    s.x,
                    height - s.y - s.h,
                    strokeColor=colour,
                    strokeWidth=1.5 if s.colour == TODAY else 0.5,
                )
            )
        elif s.kind == "mark":
            y = height - s.y
            d.add(
                Polygon(
                    [s.x, y + 5, s.x + 5, y, s.x, y - 5, s.x - 5, y], fillColor=colors.HexColor(INK), strokeColor=None
                )
            )
        else:
            d.add(
                String(
                    s.x,
                    height - s.y,
                    s.text,
                    fontSize=8,
                    fontName="Helvetica-Bold" if s.bold else "Helvetica",
                    fillColor=colour,
                )
            )
    return d


def png(timeline: list[Row], today: date, width: int = 1400, span: list[date] | None = None) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    shapes, height = layout(timeline, today, width, span)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=13)
    for s in shapes:
        if s.kind == "rect":
            draw.rectangle([s.x, s.y, s.x + s.w, s.y + s.h], fill=s.colour)
        elif s.kind == "line":
            draw.line([(s.x, s.y), (s.x, s.y + s.h)], fill=s.colour, width=2 if s.colour == TODAY else 1)
        elif s.kind == "mark":
            draw.polygon([(s.x, s.y - 6), (s.x + 6, s.y), (s.x, s.y + 6), (s.x - 6, s.y)], fill=INK)
        else:
            draw.text((s.x, s.y - 12), s.text, fill=s.colour, font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
