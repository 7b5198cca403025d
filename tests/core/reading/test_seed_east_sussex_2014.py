"""Golden test: East Sussex's 2014 SIF report embedded in a scrutiny committee paper (seed 002),
followed by the council's action plan. Values checked by reading the seed. The committee's own
prose states the publication date (21 March 2014) and retells the judgements; the embedded report
itself does not state when it was published, so ``published`` stays null with a warning.

Note for the SIF unit (sif.py): the span is located correctly (see test_embedded.py); what fails
here is reading this seed's layout, which seed 000 does not have:
- the judgement table is a markdown table whose first cells are split mid-word by the extractor:
  "| 1. Child | ren who need help and protection | Good |", "| 3. Lead | ership, management and
  governance | Good |";
- the numbered areas for improvement are also bulleted: "- 19. Ensure that all children in need
  cases…" (paragraph numbers 19-27, then "27." without the dash after a page break), and the LSCB's
  "- 112. Improve…" keep their paragraph numbers in the text;
- "Information about this local authority area²" has a footnote marker after the heading.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.core.reading.golden import in_section, seed_record


@pytest.fixture(scope="module")
def record():
    return seed_record("002")  # its cover: test_seeds.py


def test_publication_date_is_not_taken_from_the_committee_prose(record):
    assert record.published is None
    assert any("publication date" in warning for warning in record.warnings)


def test_judgements(record):
    # the report's table prints "| 1. Child | ren who need help and protection | Good |" (a split cell)
    assert record.judgements == {
        "overall": "good",
        "help_and_protection": "good",
        "children_in_care": "good",
        "adoption": "outstanding",
        "care_leavers": "requires_improvement",
        "leadership": "good",
        "lscb": "good",
    }


def test_areas_for_improvement_for_the_council(record):
    council = in_section(record, "la")
    assert [r.ordinal for r in council] == list(range(1, 10))
    assert council[0].text == (
        "Ensure that all children in need cases are allocated promptly and where this is not immediately "
        "possible strengthen management oversight of risk and vulnerability issues."
    )
    assert council[4].text.startswith("Ensure that consent to share information about children and families")
    assert council[8].text == (
        "Ensure that in the planning and the development of services for children and families the diverse "
        "needs of the community and workforce are appropriately considered."
    )


def test_lscb_areas_for_improvement_kept_apart(record):
    lscb = in_section(record, "lscb")
    assert [r.text for r in lscb] == [
        "Improve the partnership performance monitoring arrangements to ensure that the Board is able to "
        "provide effective challenge across all agencies where shortfalls in provision and practice occur.",
        "Ensure that procedures are in place to measure the impact of training on frontline practice.",
    ]


def test_the_action_plan_does_not_leak_in(record):
    texts = " ".join(r.text for r in record.recommendations)
    for phrase in ("Change workflow", "Progress and Impact Review", "The Committee is recommended"):
        assert phrase not in texts
    assert len(record.recommendations) == 11


def test_area_facts(record):
    assert record.facts["children_under_18"] == 104285
    assert record.facts["children_in_need"] == 4863
    assert record.facts["child_protection_plans"] == 546
    assert record.facts["looked_after"] == 600
    assert record.facts["looked_after_rate"] == 57
    assert record.facts["as_at"] == date(2013, 3, 31)


def test_every_item_keeps_its_group_areas_for_improvement(record):
    # both lists are printed under "Areas for improvement" (no priority actions, no topic headings):
    # read since issue 14, the group is kept on each item
    assert {(r.section, r.kind, r.topic) for r in record.recommendations} == {
        ("la", "improvement", None),
        ("lscb", "improvement", None),
    }
