from datetime import date

import pytest

from inspire.core.indicators import CATALOGUE, Period, compute, compute_all, read_annex_a
from inspire.core.indicators.generator import generate

YEAR = Period(date(2024, 4, 1), date(2025, 3, 31))


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("annex") / "small.xlsx"
    generate(path, seed=7, contacts=4_000)
    return path


def test_children_flow_through_the_lists(small):
    lists = read_annex_a(small)
    contacted = {c.child_id for c in lists.contacts}
    referred = {r.child_id for r in lists.referrals}
    assessed = {a.child_id for a in lists.assessments}
    enquired = {s.child_id for s in lists.section47}
    assert referred <= contacted
    assert assessed <= referred
    assert enquired <= assessed
    conferenced_to_plan = {s.child_id for s in lists.section47 if s.icpc_plan}
    assert conferenced_to_plan <= {p.child_id for p in lists.protection_plans}
    assert all(c.contact_date is None or YEAR.start <= c.contact_date <= YEAR.end for c in lists.contacts)


def test_the_mess_of_real_returns_is_reported_and_the_rest_used(small):
    lists = read_annex_a(small)
    kinds = {p.kind for p in lists.problems}
    assert "no_child_id" in kinds  # the totals row under List 1
    assert not {"missing_list", "missing_column", "no_header"} & kinds
    # List 10's placement dates are formulas without saved results (=H2+n), worked out by the reader
    assert sum(1 for a in lists.adoptions if a.placed is not None) == len(lists.adoptions)


@pytest.mark.slow
def test_the_first_quarters_re_referrals_read_like_the_rest(tmp_path):
    """The return counts earlier referrals from before its window too, so the first quarter's rate is
    not the artefact of a look-back that starts with the window."""
    path = tmp_path / "county.xlsx"
    generate(path, seed=5, contacts=20_000)
    lists = read_annex_a(path)
    quarters = [
        Period(date(2024, m, 1), end)
        for m, end in ((4, date(2024, 6, 30)), (7, date(2024, 9, 30)), (10, date(2024, 12, 31)))
    ]
    quarters.append(Period(date(2025, 1, 1), date(2025, 3, 31)))
    rates = [compute(CATALOGUE["re_referrals"], lists, q).value for q in quarters]
    assert all(rate is not None for rate in rates)
    assert abs(rates[0] - sum(rates[1:]) / 3) < 4, rates


def test_same_seed_same_cases(tmp_path):
    a, b, c = tmp_path / "a.xlsx", tmp_path / "b.xlsx", tmp_path / "c.xlsx"
    generate(a, seed=3, contacts=500)
    generate(b, seed=3, contacts=500)
    generate(c, seed=4, contacts=500)
    rows = lambda path: [(r.child_id, r.contact_date) for r in read_annex_a(path).contacts]  # noqa: E731
    assert rows(a) == rows(b)
    assert rows(a) != rows(c)


@pytest.mark.slow
def test_a_large_county_has_the_volumes_and_plausible_figures(tmp_path):
    path = tmp_path / "large.xlsx"
    counts = generate(path, seed=1)
    assert counts["List 1"] >= 60_000
    assert counts["List 3"] >= 5_000
    lists = read_annex_a(path)
    results = {r.indicator.id: r for r in compute_all(lists, YEAR, population_under_18=320_000)}
    assert 800 <= results["looked_after"].value <= 1_300
    assert 70 <= results["assessments_45_days"].value <= 97
    assert 10 <= results["re_referrals"].value <= 40
    assert all(results[i].value is not None for i in CATALOGUE), [i for i in CATALOGUE if results[i].value is None]
