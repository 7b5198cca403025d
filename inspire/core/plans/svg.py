"""Charts for plan pages as server-rendered SVG: the RAG counts, a measure against its target,
the 5 x 5 risk heat map. Each has ``role="img"``, a title and a description; the page always
puts a table of the same figures next to it. Text is escaped; nothing here runs script."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from inspire.core.calendar import format_long
from inspire.core.plans import risk as risk_rules
from inspire.core.plans.model import MeasureData

RAG_FILL = {"red": "#d4351c", "amber": "#f47738", "green": "#00703c", "blue": "#1d70b8", "grey": "#b1b4b6"}
BAND_FILL = {"high": "#f4b5ab", "medium": "#fcd5b5", "low": "#cce2d8"}
INK = "#0b0c0c"


def _svg(width: int, height: int, title: str, description: str, body: str, ident: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" aria-labelledby="{ident}-title {ident}-desc" class="inspire-plan-chart">'
        f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(description)}</desc>'
        f"{body}</svg>"
    )


def rag_counts(counts: list[tuple[str, str, int]], ident: str = "rag-counts") -> str:
    """Horizontal bars, one per status, labelled with the status and the count."""
    top = max([c for _, _, c in counts] + [1])
    rows, body = len(counts), []
    for index, (rag, label, count) in enumerate(counts):
        y = 10 + index * 30
        width = 0 if not count else max(4, 260 * count / top)
        body.append(
            f'<text x="0" y="{y + 16}" font-size="14" fill="{INK}">{escape(label)}</text>'
            f'<rect x="110" y="{y}" width="{width:.1f}" height="22" fill="{RAG_FILL[rag]}"/>'
            f'<text x="{116 + width:.1f}" y="{y + 16}" font-size="14" fill="{INK}">{count}</text>'
        )
    words = "; ".join(f"{label}: {count}" for _, label, count in counts)
    return _svg(
        420, 20 + rows * 30, "Items by status", f"Number of items with each status. {words}.", "".join(body), ident
    )


def heat_map(cells: dict[tuple[int, int], list[str]], ident: str = "heat-map") -> str:
    """The 5 x 5 map: impact across, likelihood up; each cell coloured by its band and listing the
    risks (by number) that sit in it."""
    size, left, bottom = 56, 70, 5 * 56 + 10
    body = []
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            x, y = left + (impact - 1) * size, bottom - likelihood * size
            band = risk_rules.heat_band(impact * likelihood)
            here = cells.get((impact, likelihood), [])
            body.append(
                f'<rect x="{x}" y="{y}" width="{size}" height="{size}" fill="{BAND_FILL[band]}" '
                f'stroke="{INK}" stroke-width="1"/>'
            )
            body.append(f'<text x="{x + 4}" y="{y + 14}" font-size="11" fill="{INK}">{impact * likelihood}</text>')
            if here:
                body.append(
                    f'<text x="{x + size / 2}" y="{y + 38}" font-size="14" font-weight="bold" '
                    f'text-anchor="middle" fill="{INK}">{escape(", ".join(here))}</text>'
                )
    for n in range(1, 6):
        body.append(
            f'<text x="{left + (n - 0.5) * size}" y="{bottom + 18}" font-size="12" text-anchor="middle" '
            f'fill="{INK}">{n}</text>'
        )
        body.append(
            f'<text x="{left - 10}" y="{bottom - (n - 0.5) * size + 4}" font-size="12" text-anchor="end" '
            f'fill="{INK}">{n}</text>'
        )
    body.append(
        f'<text x="{left + 2.5 * size}" y="{bottom + 36}" font-size="13" text-anchor="middle" '
        f'fill="{INK}">Impact</text>'
    )
    body.append(
        f'<text x="14" y="{bottom - 2.5 * size}" font-size="13" text-anchor="middle" fill="{INK}" '
        f'transform="rotate(-90 14 {bottom - 2.5 * size})">Likelihood</text>'
    )
    placed = (
        "; ".join(
            f"risk {', '.join(names)} at impact {impact}, likelihood {likelihood}"
            for (impact, likelihood), names in sorted(cells.items())
            if names
        )
        or "no risks"
    )
    return _svg(
        left + 5 * size + 10,
        bottom + 46,
        "Risk heat map",
        f"Risks on a 5 by 5 grid of impact and likelihood: {placed}.",
        "".join(body),
        ident,
    )


def measure_chart(measure: MeasureData, ident: str) -> str:
    """The measure's values as bars in date order, its baseline and target as labelled lines."""
    values = sorted(measure.values, key=lambda v: v.date)
    marks = [v.value for v in values] + [x for x in (measure.baseline, measure.target) if x is not None]
    top = max(marks + [0]) * 1.15 or 1.0
    left, width, height, base = 50, 420, 170, 140
    slot = (width - left - 90) / max(len(values), 1)
    body = [
        f'<line x1="{left}" y1="10" x2="{left}" y2="{base}" stroke="{INK}"/>',
        f'<line x1="{left}" y1="{base}" x2="{width - 90}" y2="{base}" stroke="{INK}"/>',
        f'<text x="{left - 6}" y="{base}" font-size="11" text-anchor="end" fill="{INK}">0</text>',
        f'<text x="{left - 6}" y="18" font-size="11" text-anchor="end" fill="{INK}">{top:.3g}</text>',
    ]
    for index, v in enumerate(values):
        h = (base - 10) * v.value / top
        x = left + index * slot + slot * 0.2
        body.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{slot * 0.6:.1f}" height="{h:.1f}" fill="#1d70b8"/>')
        body.append(
            f'<text x="{x + slot * 0.3:.1f}" y="{base - h - 4:.1f}" font-size="11" text-anchor="middle" '
            f'fill="{INK}">{v.value:g}</text>'
        )
        body.append(
            f'<text x="{x + slot * 0.3:.1f}" y="{base + 14}" font-size="10" text-anchor="middle" '
            f'fill="{INK}">{v.date:%b %Y}</text>'
        )
    for name, value, dash, colour in (
        ("Baseline", measure.baseline, "6 3", "#505a5f"),
        ("Target", measure.target, "", "#d4351c"),
    ):
        if value is not None:
            y = base - (base - 10) * value / top
            dashed = f' stroke-dasharray="{dash}"' if dash else ""
            body.append(
                f'<line x1="{left}" y1="{y:.1f}" x2="{width - 90}" y2="{y:.1f}" stroke="{colour}" '
                f'stroke-width="2"{dashed}/>'
            )
            body.append(
                f'<text x="{width - 86}" y="{y + 4:.1f}" font-size="11" fill="{colour}">{name} '
                f"{value:g}{escape(measure.unit)}</text>"
            )
    described = ", ".join(f"{v.value:g}{measure.unit} on {format_long(v.date)}" for v in values) or "no values yet"
    goal = f" Target {measure.target:g}{measure.unit}." if measure.target is not None else ""
    start = f" Baseline {measure.baseline:g}{measure.unit}." if measure.baseline is not None else ""
    return _svg(width, height, measure.description[:120], f"Values: {described}.{start}{goal}", "".join(body), ident)


def days_words(meeting: date, deadline: date) -> str:
    days = (deadline - meeting).days
    if days > 0:
        return f"{days} day{'s' if days != 1 else ''} after the meeting"
    if days == 0:
        return "the day of the meeting"
    return f"passed {-days} day{'s' if days != -1 else ''} before the meeting"
