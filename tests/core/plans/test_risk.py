import pytest

from inspire.core.plans.risk import MATRIX, RiskLevelError, inputs_for_rating, overall, parse_level, score


def test_southend_register_reads_by_the_matrix():
    # seed 004's overview risk assessment: H/M -> H, H/L -> M, H/M -> H
    assert overall("H", "M") == "high"
    assert overall("H", "L") == "medium"


def test_matrix_is_the_product_of_scores():
    for (impact, likelihood), rating in MATRIX.items():
        product = score(impact, likelihood)
        assert rating == ("high" if product >= 6 else "medium" if product >= 3 else "low")
    assert len(MATRIX) == 9


def test_bad_level_named():
    with pytest.raises(RiskLevelError, match="'X' is not a risk level"):
        parse_level("X")


def test_inputs_for_a_stated_revised_rating():
    assert inputs_for_rating("high", "medium") == ("high", "low")
    impact, likelihood = inputs_for_rating("high", "low")
    assert overall(impact, likelihood) == "low"
