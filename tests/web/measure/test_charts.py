import re
from datetime import date

from inspire.core.indicators import CATALOGUE
from inspire.web.measure.charts import SPARKLINE_FONT_PX, _scale, _text_width, indicator_chart, sparkline


def test_a_chart_says_what_it_shows_and_draws_england_and_the_threshold():
    points = [(date(2024, 6, 30), 380.0), (date(2024, 9, 30), 410.0), (date(2024, 12, 31), 455.0)]
    svg = indicator_chart(
        CATALOGUE["adoption_a1"], points, england=[(date(2024, 3, 31), 440.0)], authority_name="Essex", chart_id="c"
    )
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


def test_the_last_date_label_is_not_clipped():
    points = [(date(2024, 6, 30), 20.0), (date(2024, 9, 30), 22.0), (date(2025, 3, 31), 25.0)]
    svg = indicator_chart(CATALOGUE["re_referrals"], points, authority_name="Essex", chart_id="c")
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    labels = re.findall(r'<text x="([\d.]+)" y="\d+" text-anchor="middle">([^<]+)</text>', svg)
    assert labels[-1][1] == "Mar 2025"
    x, text = float(labels[-1][0]), labels[-1][1]
    assert x + _text_width(text) * 14 / SPARKLINE_FONT_PX / 2 <= width  # half the label right of its point, at 14px


def test_a_sparkline_is_small_labels_its_ends_and_says_what_it_shows():
    points = [(date(2024, 6, 30), 1043.0), (date(2024, 9, 30), 1100.0), (date(2025, 3, 31), 987.0)]
    svg = sparkline(CATALOGUE["looked_after"], points, authority_name="Essex", chart_id="s")
    width, height = (float(v) for v in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    assert width <= 160 and 'role="img"' in svg and 'aria-labelledby="s-title s-desc"' in svg
    desc = re.search(r'<desc id="s-desc">(.*?)</desc>', svg).group(1)
    assert "3 values from 30 June 2024 (1,043) to 31 March 2025 (987)" in desc
    labels = re.findall(r'<text x="([\d.]+)" y="([\d.]+)" text-anchor="(start|end)">([^<]+)</text>', svg)
    assert [(anchor, text) for _, _, anchor, text in labels] == [("end", "1,043"), ("start", "987")]
    first_x, last_x = float(labels[0][0]), float(labels[1][0])
    assert first_x - _text_width("1,043") >= 0 and last_x + _text_width("987") <= width  # the values fit in the box
    for cx, cy in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="3"', svg):  # the end points are not clipped
        assert 3 <= float(cx) <= width - 3 and 3 <= float(cy) <= height - 3
    xs = [float(x) for x in re.search(r'<polyline points="([^"]+)"', svg).group(1).replace(",", " ").split()[::2]]
    assert first_x < xs[0] and xs[-1] < last_x  # the values beside the line, never over it
    assert sparkline(CATALOGUE["looked_after"], points[:1], authority_name="Essex", chart_id="s") == ""
