"""A plan's items matched to the inspection's recommendations (``core/plans/matching.py``): the
seeds' Word plans against the recommendations of the reports embedded in the seeds."""

import re

import pytest

from inspire.core.plans.matching import RecommendationRef, match_recommendations
from inspire.core.plans.word_import import read_plan
from tests.conftest import seed
from tests.core.plans.seed_docs import seed_002_docx, seed_004_docx


def report_recommendations(prefix: str, heading: str, stop: str) -> list[RecommendationRef]:
    """The numbered recommendations of the report embedded in a seed, read straight from its text."""
    text = seed(prefix).read_text(encoding="utf-8")
    block = text.split(heading, 1)[1].split(stop, 1)[0]
    found = re.findall(r"^-? ?(\d+)\. (.+)$", block, re.M)
    return [RecommendationRef("la", int(n), t.strip()) for n, t in found]


@pytest.fixture(scope="module")
def east_sussex():
    return read_plan(seed_002_docx())


@pytest.fixture(scope="module")
def southend():
    return read_plan(seed_004_docx())


def test_east_sussex_items_match_the_reports_areas_for_improvement_by_text(east_sussex):
    recommendations = report_recommendations("002", "Areas for improvement", "Information about this inspection")
    assert [r.ordinal for r in recommendations] == list(range(19, 28))
    report = match_recommendations(east_sussex.plan, recommendations)
    placed = {ref: rec.ordinal for ref, rec, _ in report.placed}
    # the plan renumbers: its item 2 answers the report's paragraph 23, item 7 paragraph 21
    assert placed == {"1": 19, "2": 23, "3": 20, "4": 22, "5": 25, "6": 26, "7": 21, "8": 27}
    assert [r.ordinal for r in report.uncovered] == [24]  # advocacy: no item in the plan
    assert report.unmatched_items == []


def test_southend_items_match_the_reports_recommendations(southend):
    recommendations = report_recommendations("004", "\nRecommendations\n", "Summary for children")
    assert len(recommendations) == 12
    report = match_recommendations(southend.plan, recommendations)
    assert sorted(rec.ordinal for _, rec, _ in report.placed) == list(range(1, 13))
    assert all(how == "number and text" for _, _, how in report.placed)
    assert report.own_items == ["MISC", "EDUCATION"]
    assert report.uncovered == []


def test_text_match_does_not_pair_unrelated_items():
    plan = read_plan(seed_002_docx()).plan
    unrelated = [
        RecommendationRef("la", 1, "The LSCB should take action to assure itself that thresholds are applied.")
    ]
    report = match_recommendations(plan, unrelated)
    assert report.placed == [] and len(report.unmatched_items) == 8
