import re
from datetime import date

from inspire.core.indicators import CATALOGUE
from inspire.web.indicators.charts import _scale, indicator_chart


def test_a_chart_says_what_it_shows_and_draws_england_and_the_threshold():
    points = [(date(2024, 6, 30), 380.0), (date(2024, 9, 30), 410.0), (date(2024, 12, 31), 455.0)]
    svg = indicator_chart(CATALOGUE["adoption_a1"], points, england=[(date(2024, 3, 31), 440.0)], authority_name="Essex", chart_id="c")
    assert 'role="img"' in svg and 'aria-labelledby="c-title c-desc"' in svg
    desc = re.search(r'<desc id="c-desc">(.*?)</desc>', svg).group(1)
    assert "3 values from 30 June 2024 (380 days) to 31 December 2024 (455 days)" in desc
    assert "national threshold, 426 days" in desc and "England" in desc
    assert 'stroke-dasharray="2 4"' in svg  # the threshold line
    assert 'stroke-dasharray="8 5"' in svg  # England's line
    assert svg.count("<circle") == 3


def test_date_labels_never_overlap():
    points = [(date(2014, 1, 31), 1139.0)] + [(date(2024, m, 28), 700.0 + m) for m in (3, 6, 9, 12)]
    svg = indicator_chart(CATALOGUE["looked_after"], points, authority_name="Essex", chart_id="c")
    xs = [float(x) for x in re.findall(r'<text x="([\d.]+)" y="\d+" text-anchor="middle">', svg)]
    assert len(xs) >= 2 and all(b - a >= 90 for a, b in zip(xs, xs[1:]))


def test_axis_steps_are_round():
    assert _scale([1139.0]) == (0.0, 1250.0, 250.0)
    assert _scale([38.9]) == (0.0, 50.0, 10.0)
    assert _scale([3.2]) == (0.0, 4.0, 1.0)
