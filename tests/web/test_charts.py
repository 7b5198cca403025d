"""The grades-over-time chart: accessible SVG, one line per area judged more than once."""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace

from inspire.web.inspections.charts import grades_over_time
from inspire.web.inspections.selectors import GradePoint


def point(when: date, area: str, grade: str) -> GradePoint:
    return GradePoint(SimpleNamespace(pk=1), when, area, grade, None)


def test_no_judgements_no_chart():
    assert grades_over_time({}, title="Nothing") == ""


def test_lines_markers_title_and_years():
    series = {
        "overall": [point(date(2014, 2, 5), "overall", "requires_improvement"), point(date(2019, 10, 18), "overall", "good")],
        "lscb": [point(date(2014, 2, 5), "lscb", "inadequate")],
    }
    svg = str(grades_over_time(series, title="Essex: grades & more", chart_id="c"))
    assert svg.startswith('<svg class="inspire-chart" id="c"') and 'role="img"' in svg
    assert 'aria-labelledby="c-title c-desc"' in svg
    assert '<title id="c-title">Essex: grades &amp; more</title>' in svg  # escaped
    assert svg.count("<polyline") == 1  # a line only where an area was judged twice
    assert ">2014<" in svg and ">2020<" in svg
    assert "Overall effectiveness" in svg and "LSCB" in svg  # the legend
    # good sits above requires improvement: y grows downwards
    (line,) = re.findall(r'<polyline points="([^"]+)"', svg)
    (x1, y1), (x2, y2) = (map(float, pair.split(",")) for pair in line.split())
    assert x2 > x1 and y2 < y1


def test_adequate_and_requires_improvement_share_a_level():
    series = {
        "a": [point(date(2010, 1, 1), "a", "adequate")],
        "b": [point(date(2010, 1, 1), "b", "requires_improvement")],
    }
    svg = str(grades_over_time(series, title="t"))
    ys = [float(y) for y in re.findall(r'<circle cx="[^"]+" cy="([^"]+)"', svg)[:1]]
    squares = [float(y) + 5 for y in re.findall(r'<rect x="[^"]+" y="([^"]+)"', svg)[:1]]
    assert abs(ys[0] - squares[0]) < 10  # the same grade line, nudged apart only slightly
