from datetime import date

import pytest

from inspire.core.indicators.comparators import compare, period_end, quartile, quartile_label, read_comparators
from inspire.core.register import default_register

CSV = """time_period,geographic_level,area_code,indicator,value
2023,National,E92000001,looked_after_rate,71
2023,Regional,E12000006,looked_after_rate,58
202223,Local authority,881,looked_after_rate,52
2023,,E10000012,re_referrals,c
2023,,XYZ,looked_after_rate,4
2023,,881,not_an_indicator,4
2023,,881,looked_after_rate,lots
"""


def test_reads_the_department_layout_and_reports_bad_rows():
    parsed = read_comparators(CSV, default_register())
    assert [(v.level, v.code, v.indicator, v.period_end, v.value) for v in parsed.values] == [
        ("national", "E92000001", "looked_after_rate", date(2023, 3, 31), 71.0),
        ("regional", "E", "looked_after_rate", date(2023, 3, 31), 58.0),
        ("local_authority", "881", "looked_after_rate", date(2023, 3, 31), 52.0),
    ]
    assert parsed.suppressed == 1
    assert [p.describe() for p in parsed.problems] == [
        "row 6, column “area_code”: “XYZ” is not England, a region or a local authority in the register",
        "row 7, column “indicator”: “not_an_indicator” is not an indicator Inspire knows",
        "row 8, column “value”: “lots” is not a number",
    ]


def test_a_file_without_the_columns_says_which():
    parsed = read_comparators("year,code,value\n2023,881,4\n", default_register())
    assert parsed.values == []
    assert parsed.problems[0].message == "the header row has no column “time_period”, “area_code”, “indicator”"


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("2023", date(2023, 3, 31)),
        ("202223", date(2023, 3, 31)),
        ("2022-23", date(2023, 3, 31)),
        ("2024-09-30", date(2024, 9, 30)),
    ],
)
def test_periods(text, end):
    assert period_end(text) == end


def test_quartiles_follow_polarity():
    values = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0]
    assert quartile(80.0, values, "higher") == 1
    assert quartile(10.0, values, "higher") == 4
    assert quartile(10.0, values, "lower") == 1
    assert quartile(30.0, values, "lower") == 2
    assert quartile(10.0, values, "neutral") == 1  # lowest quarter
    assert quartile(5.0, values[:3], "higher") is None
    assert quartile_label(1, "neutral") == "lowest quarter"
    assert quartile_label(4, "lower") == "worst quarter (4th quartile)"


def test_compare_with_england_region_and_neighbours():
    register = default_register()
    essex = register.by_dfe["881"]
    lines = ["time_period,area_code,indicator,value", "2023,E92000001,re_referrals,21.5", "2023,E,re_referrals,20"]
    lines += [f"2023,{code},re_referrals,{10 + i}" for i, code in enumerate(essex.stat_neighbours)]
    parsed = read_comparators("\n".join(lines), register)
    comparison = compare(essex, "re_referrals", date(2023, 3, 31), 12.0, parsed.values, register)
    assert (comparison.england, comparison.region, comparison.neighbour_count) == (
        21.5,
        20.0,
        len(essex.stat_neighbours),
    )
    assert comparison.neighbours == pytest.approx(10 + (len(essex.stat_neighbours) - 1) / 2)
    # 12.0 among the neighbours' 10..19 and itself: rank 3 of 11 (lower is better) -> 2nd quartile
    assert (comparison.quartile, comparison.ranked) == (2, len(essex.stat_neighbours) + 1)
