"""Measures against their targets as small bar charts: a reportlab drawing for PDFs and a PNG
(Pillow) for Word documents. Bars are the recorded values in date order; the line is the target."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from inspire.core.plans.model import MeasureData

BAR = "#1d70b8"  # GOV.UK blue
TARGET = "#d4351c"  # GOV.UK red


def _points(measure: MeasureData) -> list[tuple[str, float]]:
    points = [(f"{v.date:%b %Y}", v.value) for v in sorted(measure.values, key=lambda v: v.date)]
    if measure.baseline is not None and not points:
        points = [("Baseline", measure.baseline)]
    return points


def _top(measure: MeasureData, points) -> float:
    values = [v for _, v in points] + [x for x in (measure.target, measure.baseline) if x is not None]
    top = max(values) if values else 1.0
    return top * 1.15 if top > 0 else 1.0


def has_chart(measure: MeasureData) -> bool:
    return bool(measure.values)


def drawing(measure: MeasureData, width: float = 360, height: float = 150) -> Drawing:
    """A reportlab drawing of the measure's values with its target as a red line."""
    points = _points(measure)
    top = _top(measure, points)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 25, width - 60, height - 45
    chart.data = [[v for _, v in points]]
    chart.categoryAxis.categoryNames = [label for label, _ in points]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top
    chart.bars[0].fillColor = colors.HexColor(BAR)
    d = Drawing(width, height)
    d.add(chart)
    if measure.target is not None:
        y = chart.y + chart.height * measure.target / top
        d.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=colors.HexColor(TARGET), strokeWidth=1.5))
        d.add(
            String(
                chart.x + chart.width + 2,
                y - 3,
                f"Target {measure.target:g}{measure.unit}",
                fontSize=7,
                fontName="Helvetica",
                fillColor=colors.HexColor(TARGET),
            )
        )
    return d


def png(measure: MeasureData, width: int = 720, height: int = 300) -> bytes:
    """The same chart as a PNG, for Word."""
    points = _points(measure)
    top = _top(measure, points)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=16)
    left, right, bottom, upper = 60, width - 130, height - 40, 20
    draw.line([(left, upper), (left, bottom), (right, bottom)], fill="#0b0c0c", width=2)
    for fraction in (0, 0.5, 1):
        y = bottom - (bottom - upper) * fraction
        draw.text((5, y - 8), f"{top * fraction:.0f}", fill="#0b0c0c", font=font)
    slot = (right - left) / max(len(points), 1)
    for index, (label, value) in enumerate(points):
        x0 = left + index * slot + slot * 0.2
        x1 = left + (index + 1) * slot - slot * 0.2
        y = bottom - (bottom - upper) * value / top
        draw.rectangle([x0, y, x1, bottom], fill=BAR)
        draw.text((x0, bottom + 8), label, fill="#0b0c0c", font=font)
        draw.text((x0, y - 20), f"{value:g}", fill="#0b0c0c", font=font)
    if measure.target is not None:
        y = bottom - (bottom - upper) * measure.target / top
        draw.line([(left, y), (right, y)], fill=TARGET, width=3)
        draw.text((right + 6, y - 8), f"Target {measure.target:g}{measure.unit}", fill=TARGET, font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


# --- the pack's cover and risk charts ------------------------------------------------------------

RAG_FILL = {"red": "#d4351c", "amber": "#f47738", "green": "#00703c", "blue": "#1d70b8", "grey": "#b1b4b6"}
BAND_FILL = {"high": "#f4b5ab", "medium": "#fcd5b5", "low": "#cce2d8"}


def rag_counts_drawing(counts: list[tuple[str, str, int]], width: float = 300) -> Drawing:
    """Items by status as horizontal bars (reportlab), each labelled with its status and count."""
    top = max([c for _, _, c in counts] + [1])
    d = Drawing(width, 18 * len(counts) + 6)
    for index, (rag, label, count) in enumerate(counts):
        y = d.height - 18 * (index + 1)
        bar = 0 if not count else max(3, (width - 110) * count / top)
        d.add(String(0, y + 4, label, fontSize=9, fontName="Helvetica"))
        d.add(Rect(70, y, bar, 13, fillColor=colors.HexColor(RAG_FILL[rag]), strokeColor=None))
        d.add(String(74 + bar, y + 4, str(count), fontSize=9, fontName="Helvetica"))
    return d


def heat_map_drawing(cells: dict[tuple[int, int], list[str]], size: float = 34) -> Drawing:
    """The 5 x 5 risk heat map (reportlab): impact across, likelihood up, risks by number."""
    from inspire.core.plans.risk import heat_band

    left, bottom = 40, 28
    d = Drawing(left + 5 * size + 10, bottom + 5 * size + 16)  # room above the grid for the axis's name
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            x, y = left + (impact - 1) * size, bottom + (likelihood - 1) * size
            d.add(
                Rect(
                    x,
                    y,
                    size,
                    size,
                    fillColor=colors.HexColor(BAND_FILL[heat_band(impact * likelihood)]),
                    strokeColor=colors.HexColor("#0b0c0c"),
                    strokeWidth=0.5,
                )
            )
            d.add(String(x + 2, y + size - 9, str(impact * likelihood), fontSize=6, fontName="Helvetica"))
            names = cells.get((impact, likelihood))
            if names:
                d.add(
                    String(
                        x + size / 2,
                        y + size / 2 - 4,
                        ", ".join(names),
                        fontSize=9,
                        fontName="Helvetica-Bold",
                        textAnchor="middle",
                    )
                )
    for n in range(1, 6):
        d.add(
            String(left + (n - 0.5) * size, bottom - 10, str(n), fontSize=8, fontName="Helvetica", textAnchor="middle")
        )
        d.add(
            String(left - 6, bottom + (n - 0.5) * size - 3, str(n), fontSize=8, fontName="Helvetica", textAnchor="end")
        )
    d.add(String(left + 2.5 * size, 2, "Impact", fontSize=9, fontName="Helvetica", textAnchor="middle"))
    d.add(String(0, bottom + 5 * size + 5, "Likelihood", fontSize=9, fontName="Helvetica"))
    return d


def rag_counts_png(counts: list[tuple[str, str, int]], width: int = 600) -> bytes:
    """The same bars as a PNG, for Word."""
    top = max([c for _, _, c in counts] + [1])
    image = Image.new("RGB", (width, 36 * len(counts) + 10), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=18)
    for index, (rag, label, count) in enumerate(counts):
        y = 6 + index * 36
        bar = 0 if not count else max(4, (width - 220) * count / top)
        draw.text((0, y + 4), label, fill="#0b0c0c", font=font)
        if bar:
            draw.rectangle([150, y, 150 + bar, y + 26], fill=RAG_FILL[rag])
        draw.text((158 + bar, y + 4), str(count), fill="#0b0c0c", font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def heat_map_png(cells: dict[tuple[int, int], list[str]], size: int = 70) -> bytes:
    """The 5 x 5 heat map as a PNG, for Word."""
    from inspire.core.plans.risk import heat_band

    left, top = 60, 10
    image = Image.new("RGB", (left + 5 * size + 20, top + 5 * size + 60), "white")
    draw = ImageDraw.Draw(image)
    font, bold = ImageFont.load_default(size=14), ImageFont.load_default(size=18)
    for likelihood in range(1, 6):
        for impact in range(1, 6):
            x, y = left + (impact - 1) * size, top + (5 - likelihood) * size
            draw.rectangle(
                [x, y, x + size, y + size], fill=BAND_FILL[heat_band(impact * likelihood)], outline="#0b0c0c"
            )
            draw.text((x + 4, y + 2), str(impact * likelihood), fill="#0b0c0c", font=font)
            names = cells.get((impact, likelihood))
            if names:
                draw.text((x + 12, y + size / 2 - 8), ", ".join(names), fill="#0b0c0c", font=bold)
    for n in range(1, 6):
        draw.text((left + (n - 0.5) * size - 4, top + 5 * size + 6), str(n), fill="#0b0c0c", font=font)
        draw.text((left - 20, top + (5 - n + 0.5) * size - 8), str(n), fill="#0b0c0c", font=font)
    draw.text((left + 2.5 * size - 24, top + 5 * size + 30), "Impact", fill="#0b0c0c", font=font)
    draw.text((0, top), "Likeli-\nhood", fill="#0b0c0c", font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
