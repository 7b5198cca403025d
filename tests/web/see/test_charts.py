"""The grades-over-time chart: accessible SVG, one line per area judged more than once."""

from __future__ import annotations

import re
from datetime import date
from types import SimpleNamespace

from inspire.web.read.selectors import GradePoint
from inspire.web.see.charts import LEFT, RIGHT, WIDTH, grades_over_time


def point(when: date, area: str, grade: str) -> GradePoint:
    return GradePoint(SimpleNamespace(pk=1), when, area, grade, None)


def test_no_judgements_no_chart():
    assert grades_over_time({}, title="Nothing") == ""


def test_lines_markers_title_and_years():
    series = {
        "overall": [
            point(date(2014, 2, 5), "overall", "requires_improvement"),
            point(date(2019, 10, 18), "overall", "good"),
        ],
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


def centres(svg: str) -> list[tuple[float, float]]:
    """The centre of every marker drawn, in drawing order (legend markers included)."""
    found = []
    for m in re.finditer(
        r'<circle cx="([^"]+)" cy="([^"]+)"|<rect x="([^"]+)" y="([^"]+)" width="10"|<polygon points="([^"]+)"', svg
    ):
        if m.group(1):
            found.append((float(m.group(1)), float(m.group(2))))
        elif m.group(3):
            found.append((float(m.group(3)) + 5, float(m.group(4)) + 5))
        else:
            pts = [tuple(map(float, pair.split(","))) for pair in m.group(5).split()]
            if len(pts) == 3:  # triangle: apex 6 above the centre
                found.append((pts[0][0], pts[0][1] + 6))
            else:  # diamond: left and right points on the centre line
                found.append((pts[0][0], pts[1][1]))
    return found


def grid_lines(svg: str) -> list[float]:
    """The y of each grade's line, Outstanding first."""
    return [float(y) for y in re.findall(r'<line class="inspire-chart__grid"[^>]* y1="([^"]+)"', svg)]


def test_markers_sit_exactly_on_their_grades_line_and_overlaps_go_side_by_side():
    """Essex 2018: four areas Outstanding on the same day, one Good: every marker on its line."""
    day, earlier = date(2018, 12, 20), date(2014, 1, 6)
    grades = {
        "overall": "outstanding",
        "help_and_protection": "outstanding",
        "children_in_care": "good",
        "care_leavers": "outstanding",
        "leadership": "outstanding",
    }
    series = {area: [point(earlier, area, "good"), point(day, area, grade)] for area, grade in grades.items()}
    svg = str(grades_over_time(series, title="Essex"))
    outstanding, good, *_ = grid_lines(svg)
    axis = float(re.search(r'<line class="inspire-chart__axis" x1="[^"]+" x2="[^"]+" y1="([^"]+)"', svg).group(1))
    plotted = [c for c in centres(svg) if c[1] < axis]
    assert len(plotted) == 10
    assert all(y in (outstanding, good) for _, y in plotted)
    on_outstanding = sorted(x for x, y in plotted if y == outstanding)
    assert len(on_outstanding) == 4
    gaps = [b - a for a, b in zip(on_outstanding, on_outstanding[1:])]
    assert all(gap >= 10 for gap in gaps)  # side by side, not on top of each other
    on_good_2014 = sorted(x for x, y in plotted if y == good and x < min(on_outstanding) - 20)
    assert len(on_good_2014) == 5 and len(set(on_good_2014)) == 5
    assert all(LEFT + 7 <= x <= WIDTH - RIGHT - 7 for x, _ in plotted)  # inside the plot, clear of the grade names


def test_adequate_and_requires_improvement_share_a_level():
    series = {
        "a": [point(date(2010, 1, 1), "a", "adequate")],
        "b": [point(date(2010, 1, 1), "b", "requires_improvement")],
    }
    svg = str(grades_over_time(series, title="t"))
    ri = grid_lines(svg)[2]
    (a, b) = centres(svg)[0], centres(svg)[2]  # each series' plotted marker (its legend marker follows it)
    assert a[1] == b[1] == ri
    assert abs(a[0] - b[0]) >= 10  # side by side on the shared line
