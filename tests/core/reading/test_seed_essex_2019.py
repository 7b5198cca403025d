"""Golden test: Essex's 2019 ILACS report (seed 001), values checked by reading the seed.

The seed is the report's text without its cover: the judgement table comes first, and it states
no inspection dates and names no lead inspector, so those are empty and said to be missing.
"""

from __future__ import annotations

import pytest

from tests.core.reading.golden import seed_record


@pytest.fixture(scope="module")
def record():
    return seed_record("001")  # its cover: test_seeds.py


def test_authority_from_the_opening(record):
    assert record.source.format == "text"
    # no title names the authority: the reader says where it took the name from
    assert "authority: no title names it; Essex is the only authority the report's opening names" in record.warnings


def test_judgements_with_the_combined_children_in_care_judgement(record):
    assert record.judgements == {
        "leadership": "outstanding",
        "help_and_protection": "outstanding",
        "children_in_care": "good",  # "children in care and care leavers", judged together in 2019
        "overall": "outstanding",
    }
    assert record.provenance["judgements.children_in_care"].quote == (
        "The experiences and progress of children in care and care leavers Good"
    )
    assert record.provenance["judgements.overall"].page is None  # plain text has no pages


def test_no_dates_and_no_lead_inspector_are_reported_not_guessed(record):
    assert "inspection dates: not found" in record.warnings
    assert "lead inspector: not named" in record.warnings


def test_what_needs_to_improve(record):
    # the seed lost the bullet glyph: the item is read from the line after the heading
    assert [(r.section, r.ordinal, r.text, r.page) for r in record.recommendations] == [
        ("la", 1, "Consistency in planning for disabled children and care leavers.", None)
    ]
    assert (
        record.provenance["recommendations.0"].quote
        == "Consistency in planning for disabled children and care leavers."
    )
