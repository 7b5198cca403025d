"""The published-comparator loader on the real LAIT and EES files in ../shared/reference/comparators."""

from datetime import date
from pathlib import Path

import pytest

from inspire.core.indicators.published import (
    MEASURES,
    POPULATION,
    Figure,
    PublishedError,
    benchmark,
    clean_number,
    populations,
    read_compact,
    read_published,
    reading,
    shipped_text,
    trend_words,
)
from inspire.core.register import default_register

COMPARATORS = Path(__file__).resolve().parents[3].parent / "shared" / "reference" / "comparators"
LAIT = COMPARATORS / "lait" / "bds_long_0.parquet"
EES = COMPARATORS / "ees"

#: England, 2025, as DfE published them (Characteristics of children in need 2025; Children looked
#: after 2025; Children's social work workforce 2025)
ENGLAND_2025 = {
    "children_in_need_rate": 330.3,
    "cp_rate": 40.6,
    "looked_after_rate": 67.0,
    "re_referrals": 22.6,
    "assessments_45_days": 85.7,
    "cp_repeat": 24.5,
    "cp_two_years": 2.3,
    "care_leavers_eet": 54.0,
    "care_leavers_suitable_accommodation": 89.0,
    "cla_three_placements": 10.0,
    "cla_long_term_stability": 69.0,
    "sw_turnover": 11.8,
    "sw_vacancy": 14.2,
    "sw_agency": 13.0,
    "sw_caseload": 15.2,
}


@pytest.fixture(scope="module")
def lait():
    return read_published(LAIT.read_bytes(), default_register())


@pytest.fixture(scope="module")
def ons():
    return populations(
        read_published(
            (EES / "ons_mid-year_population_estimates_2012_to_2024.csv").read_bytes(), default_register()
        ).figures
    )


def _england(figures, year=2025):
    return {f.measure: f.value for f in figures if f.level == "national" and f.year == year}


def test_lait_england_2025_equals_the_published_figures(lait):
    assert _england(lait.figures) == ENGLAND_2025
    assert lait.kind == "LAIT" and lait.passed_over == {"a measure Inspire does not show": 615_910}


@pytest.mark.parametrize(
    "file, measures",
    [
        ("b1_children_in_need_2013_to_2025.csv", ["children_in_need_rate"]),
        ("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", ["re_referrals"]),
        ("cla_number_and_rate_per_10k_children.csv", ["looked_after_rate"]),
        ("d3_cpps_subsequent_plan_2013_to_2025.csv", ["cp_repeat"]),
        ("d5_cpps_at31march_by_duration_2013_to_2025.csv", ["cp_rate", "cp_two_years"]),
        ("la_care_leavers_activity.csv", ["care_leavers_eet"]),
        ("la_care_leavers_accommodation_suitability.csv", ["care_leavers_suitable_accommodation"]),
        ("la_cla_placement_stability.csv", ["cla_long_term_stability", "cla_three_placements"]),
        ("csww_indicators_2017_to_2025.csv", ["sw_agency", "sw_caseload", "sw_turnover", "sw_vacancy"]),
    ],
)
def test_each_ees_file_gives_the_published_england_2025_and_agrees_with_lait(file, measures, lait, ons):
    parsed = read_published((EES / file).read_bytes(), default_register(), population=ons)
    assert _england(parsed.figures) == {m: ENGLAND_2025[m] for m in measures}
    held = {f.key: f for f in lait.figures}
    both = [
        (f, held[f.key])
        for f in parsed.figures
        if f.key in held and f.value is not None and held[f.key].value is not None
    ]
    assert len(both) > 500 and all(ours.value == theirs.value for ours, theirs in both)  # the same figures, every one


def test_rates_worked_out_from_ees_counts_say_so(ons):
    parsed = read_published(
        (EES / "b1_children_in_need_2013_to_2025.csv").read_bytes(), default_register(), population=ons
    )
    england = next(f for f in parsed.figures if f.level == "national" and f.year == 2025)
    assert (
        england.source
        == "Characteristics of children in need (EES, At31_episodes per 10,000 of the ONS mid-2024 population)"
    )
    without = read_published((EES / "b1_children_in_need_2013_to_2025.csv").read_bytes(), default_register())
    assert all(f.value is None for f in without.figures)
    assert {f.not_published for f in without.figures} == {
        "no rate: no ONS population for the year before is loaded",  # a count, but nothing to divide it by
        "suppressed to protect confidentiality",
        "not available",
        "low reliability",
    }


def test_suppressed_figures_are_not_published_with_the_reason_never_zero(lait):
    dashes = [f for f in lait.figures if f.value is None]
    assert len(dashes) == 1_697 and {f.not_published for f in dashes} == {"suppressed or not collected"}
    c1 = read_published(
        (EES / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv").read_bytes(), default_register()
    )
    city = next(f for f in c1.figures if f.name == "City of London" and f.year == 2024)
    assert (city.value, city.not_published) == (None, "suppressed to protect confidentiality")
    reasons = {f.not_published for f in c1.figures if f.value is None}
    assert reasons == {"suppressed to protect confidentiality", "not available", "low reliability"}
    csww = read_published((EES / "csww_indicators_2017_to_2025.csv").read_bytes(), default_register())
    assert "rounds to 0 but is not 0" not in {f.not_published for f in csww.figures if f.value == 0}
    assert not [f for f in csww.figures if f.value == 0 and f.not_published]


def test_float_artefacts_are_rounded_as_published(lait):
    england = {(f.measure, f.year): f.value for f in lait.figures if f.level == "national"}
    assert england["cp_repeat", 2016] == 17.9  # the file says 17.899999999999999
    assert england["cp_two_years", 2023] == 2.2  # 2.2000000000000002
    assert clean_number("9.3699999999999992") == 9.37 and clean_number("c") is None


def test_former_authorities_are_kept_as_such_under_their_own_codes(lait):
    formers = {(f.code, f.name) for f in lait.figures if f.former}
    assert formers == {
        ("835", "Dorset (Pre LG)"),
        ("836", "Poole (Pre LG)"),
        ("837", "Bournemouth (Pre LG)"),
        ("909", "Cumbria"),
        ("928", "Northamptonshire"),
    }
    northamptonshire = {f.year: f.value for f in lait.figures if f.code == "928" and f.measure == "looked_after_rate"}
    assert northamptonshire[2020] is not None and northamptonshire[2025] is None  # before and after it was split
    assert not any(f.former for f in lait.figures if f.code in ("838", "839", "940", "941", "942", "943"))


def test_areas_are_matched_by_ons_code_when_the_dfe_code_is_missing():
    text = (
        "time_period,time_identifier,geographic_level,country_code,region_code,old_la_code,new_la_code,la_name,"
        "rereferral_percent\n2025,Reporting year,Local authority,E92000001,E12000006,,E10000012,Essex,15.4\n"
        "2025,Reporting year,Regional,E92000001,E12000006,,,,19.4\n"
    )
    parsed = read_published(text.encode(), default_register())
    assert [(f.level, f.code, f.value) for f in parsed.figures] == [
        ("local_authority", "881", 15.4),
        ("regional", "E", 19.4),
    ]


def test_files_are_told_apart_by_content_not_name(tmp_path):
    with pytest.raises(PublishedError, match="no column “time_period”, “geographic_level”"):
        read_published((EES / "sn_model_2025_wide.csv").read_bytes(), default_register())
    with pytest.raises(PublishedError, match="carries none of the measures Inspire shows"):
        read_published((EES / "la_cla_swcount.csv").read_bytes(), default_register())
    with pytest.raises(PublishedError, match="not LAIT's long file"):
        read_published(b"PAR1 not really parquet", default_register())
    with pytest.raises(PublishedError, match="neither LAIT's long file"):
        read_published(b"\xff\xfe\x00binary", default_register())


def test_the_shipped_set_is_what_the_build_script_makes_from_shared_and_is_small():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build", Path(__file__).resolve().parents[3] / "scripts" / "build_comparators.py"
    )
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    text = shipped_text()
    assert build.build(COMPARATORS) == text
    assert len(text.encode()) < 1_000_000
    figures = read_compact(text)
    assert {f.measure for f in figures} == {*MEASURES, POPULATION}
    assert {f.year for f in figures if f.measure != POPULATION} == set(range(2016, 2026))
    assert _england(figures) == ENGLAND_2025
    assert all(f.source for f in figures)
    assert next(f for f in figures if f.measure == "re_referrals").source.startswith(
        "Characteristics of children in need (LAIT, ReReferral, updated "
    )


def _figure(code, value, measure="re_referrals", level="local_authority", year=2025):
    m = MEASURES[measure]
    return Figure(measure, level, code, code, year, m.period_end(year), value, "" if value is not None else "c")


def test_benchmark_ranks_in_the_measures_direction_and_reads_in_one_line():
    register = default_register()
    essex = register.by_dfe["881"]
    figures = [_figure("E92000001", 22.6, level="national"), _figure("E", 19.4, level="regional"), _figure("881", 15.4)]
    figures += [_figure(code, 16 + i) for i, code in enumerate(essex.stat_neighbours)]
    figures += [_figure("301", 10.0), _figure("370", None)]
    b = benchmark(essex, MEASURES["re_referrals"], date(2025, 3, 31), figures, register)
    assert (b.value, b.england.value, b.region.value, b.neighbours_mean) == (15.4, 22.6, 19.4, 20.5)
    assert (b.rank, b.ranked, b.quartile) == (2, 12, 1)  # lower is better: only Barking and Dagenham's 10.0 is lower
    series = [(2021, 18.0), (2022, 19.0), (2023, 17.0), (2024, 16.0), (2025, 15.4)]
    assert reading(b, series) == "Below England and all 10 neighbours; improving since 2022"
    higher = MEASURES["care_leavers_eet"]
    assert trend_words(higher, [(2023, 50.0), (2024, 48.0), (2025, 48.0)]) == "no change since 2024"
    assert trend_words(higher, [(2023, 50.0), (2024, 48.0), (2025, 47.0)]) == "worsening since 2023"
    assert trend_words(MEASURES["looked_after_rate"], [(2024, 60.0), (2025, 62.0)]) == "rising since 2024"
    missing = benchmark(essex, MEASURES["re_referrals"], date(2025, 3, 31), [_figure("881", None)], register)
    assert (missing.value, missing.quartile) == (None, None)
    assert reading(missing, []) == "No figure for this year, so no comparison"
