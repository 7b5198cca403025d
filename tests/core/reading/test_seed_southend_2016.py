"""Golden test: Southend-on-Sea's 2016 SIF report embedded in a Cabinet paper (seed 004), with the
council's improvement plan after it. Values checked by reading the seed: the report runs from
"Southend-on-Sea / Inspection of services for children in need of help and protection…" to
"© Crown copyright 2016"; the Cabinet's prose before it and the plan after it must not leak in."""

from __future__ import annotations

from datetime import date

import pytest

from tests.core.reading.golden import in_section, seed_record


@pytest.fixture(scope="module")
def record():
    return seed_record("004")  # its cover: test_seeds.py


def test_dates_are_the_reports_not_the_cabinet_papers(record):
    # the Cabinet paper says "26th April to 19th May 2016"; the report's own cover says 25 April
    assert "25 April" in record.provenance["inspection_start"].quote


def test_judgements(record):
    assert record.judgements == {
        "overall": "requires_improvement",
        "help_and_protection": "requires_improvement",
        "children_in_care": "requires_improvement",
        "adoption": "good",
        "care_leavers": "good",
        "leadership": "requires_improvement",
        "lscb": "requires_improvement",
    }


def test_exactly_twelve_recommendations_to_the_council(record):
    council = in_section(record, "la")
    assert [r.ordinal for r in council] == list(range(1, 13))
    assert council[0].text == (
        "Improve the quality of management oversight and decision making at all levels to ensure that "
        "children experience good-quality assessment and care planning to meet their needs in a timely way."
    )
    # the report's wording ("in a way that makes"), not the improvement plan's retyping ("in a way which makes")
    assert "in a way that makes explicit" in council[1].text
    assert council[11].text == (
        "Develop and improve the consultation with, and participation of, children and young people, in "
        "respect of informing service development and monitoring service quality."
    )


def test_lscb_recommendations_kept_apart(record):
    lscb = in_section(record, "lscb")
    assert [r.text for r in lscb] == [
        "The LSCB should take action to assure itself that thresholds are being appropriately applied across "
        "the partnership.",
        "Ensure that education partners have their voice heard effectively on the executive board.",
        "Clarify the governance role of the sexual exploitation and missing children sub-group, to align with "
        "other working groups in the local authority area.",
        "Improve the learning and improvement framework and strategy and make sure that these link effectively "
        "to the business plan priorities.",
    ]
    assert [r.ordinal for r in lscb] == [1, 2, 3, 4]


def test_the_cabinet_paper_does_not_leak_in(record):
    texts = " ".join(r.text for r in record.recommendations)
    for phrase in ("To note the findings", "Improvement Plan", "Overarching Action", "Audit the decisions made"):
        assert phrase not in texts
    assert len(record.recommendations) == 16
    quotes = " ".join(p.quote for p in record.provenance.values())
    assert "Cabinet" not in quotes and "26th April" not in quotes


def test_source_is_the_whole_file(record):
    assert record.source.filename.startswith("004_")
    assert record.source.format == "text"
    assert record.source.embedded_pages is None  # plain text has no pages to point to


def test_area_facts(record):
    # "Information about this local authority area²" (footnote marker in the heading)
    assert record.facts["children_under_18"] == 38216
    assert record.facts["children_in_need"] == 999
    assert record.facts["child_protection_plans"] == 183
    assert record.facts["looked_after"] == 263
    assert record.facts["looked_after_rate"] == 68.8
    assert record.facts["as_at"] == date(2016, 5, 12)


def test_a_plain_recommendations_list_has_no_group_or_topic(record):
    # Southend 2016 prints "Recommendations" with no "Priority…" / "Areas for improvement" groups
    assert {(r.kind, r.topic) for r in record.recommendations} == {(None, None)}
