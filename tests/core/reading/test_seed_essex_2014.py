"""Golden test: Essex 2014, a single inspection framework report with its LSCB review (seed 000,
plain text with **bold** and no pages). Expected values were read from the seed by hand."""

from __future__ import annotations

from datetime import date

import pytest

from tests.core.reading.golden import in_section, seed_record


@pytest.fixture(scope="module")
def record():
    return seed_record("000")  # its cover: test_seeds.py


def test_no_publication_date_is_said_not_guessed(record):
    # the seed states no publication date, and the record says so rather than guessing
    assert record.published is None
    assert "publication date: not stated" in record.warnings


def test_judgements(record):
    assert record.judgements == {
        "overall": "good",
        "help_and_protection": "good",
        "children_in_care": "good",
        "adoption": "good",
        "care_leavers": "good",
        "leadership": "good",
        "lscb": "requires_improvement",
    }
    assert record.provenance["judgements.lscb"].quote == (
        "The effectiveness of the Local Safeguarding Children Board (LSCB) requires improvement"
    )
    assert record.provenance["judgements.adoption"].quote == "2.1 Adoption performance Good"


def test_local_authority_areas_for_improvement(record):
    la = in_section(record, "la")
    assert [r.ordinal for r in la] == list(range(1, 11))
    assert la[0].text == (
        "Professionals who assess and offer early help to children and their families should make clear in "
        "plans how things will get better for children, not just for their parents."
    )
    assert (
        la[8].text
        == "The authority should make sure the LSCB is held to account to deliver key objectives to timescales."
    )
    assert la[-1].text == (
        "The authority and partners should continue to reduce the backlog of Multi Agency Risk Assessment "
        "Conference (MARAC) cases."
    )


def test_lscb_areas_for_improvement(record):
    lscb = in_section(record, "lscb")
    assert [r.ordinal for r in lscb] == [1, 2, 3, 4, 5]
    assert lscb[0].text.startswith("Ensure that senior schools representatives attend the LSCB regularly")
    assert lscb[-1].text.endswith("support safeguarding of children and young people.")
    assert all(r.page is None for r in lscb)  # plain text has no pages


def test_facts_about_the_area(record):
    assert record.facts == {
        "children_under_18": 296_683,
        "children_in_need": 6_220,
        "child_protection_plans": 438,
        "looked_after": 1_139,
        "looked_after_rate": 38.4,
        "as_at": date(2014, 1, 31),
    }
    assert record.provenance["facts.looked_after"].quote.startswith(
        "At 31 January 2014, 1,139 children were being looked after"
    )
