from hypothesis import given
from hypothesis import strategies as st

from inspire.core.rounding import whole_percentages


def test_the_national_figure_of_7_july_2016_adds_up_to_100():
    # 49 inspected: 13 inadequate, 22 requires improvement, 13 good, 1 outstanding
    counts = [13, 22, 13, 1]  # 26.5, 44.9, 26.5, 2.04
    assert [round(100 * c / sum(counts)) for c in counts] == [27, 45, 27, 2]  # to nearest: 101
    assert whole_percentages(counts) == [27, 45, 26, 2]  # the largest remainders (tie: the earlier) take the points


def test_largest_remainders_get_the_missing_points():
    assert whole_percentages([1, 1, 1]) == [34, 33, 33]  # ties: the earlier
    assert whole_percentages([24, 49, 25, 2]) == [24, 49, 25, 2]
    assert whole_percentages([2, 1]) == [67, 33]
    assert whole_percentages([0, 5]) == [0, 100]
    assert whole_percentages([0, 0]) == [0, 0]
    assert whole_percentages([]) == []


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=8))
def test_always_100_and_within_one_of_the_exact_share(counts):
    shown = whole_percentages(counts)
    total = sum(counts)
    if total == 0:
        assert shown == [0] * len(counts)
        return
    assert sum(shown) == 100
    for count, percent in zip(counts, shown):
        assert abs(percent - 100 * count / total) < 1
        assert (count == 0) <= (percent == 0)
