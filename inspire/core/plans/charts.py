"""Measures against their targets as small bar charts: a reportlab drawing for PDFs and a PNG
(Pillow) for Word documents. Bars are the recorded values in date order; the line is the target."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
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
        d.add(String(chart.x + chart.width + 2, y - 3, f"Target {measure.target:g}{measure.unit}", fontSize=7,
                     fontName="Helvetica", fillColor=colors.HexColor(TARGET)))
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
