"""Golden test: Essex's 2006 annual performance assessment letter (seed 003), values checked by
reading the letter."""

from __future__ import annotations

from datetime import date

import pytest

from inspire.core.reading import read_path
from tests.conftest import seed


@pytest.fixture(scope="module")
def record():
    return read_path(seed("003"))


def test_family_authority_and_dates(record):
    assert record.family == "apa"
    assert record.authority is not None
    assert (record.authority.name, record.authority.ofsted_urn, record.authority.dfe_la_code) == ("Essex", "80468", "881")
    assert record.published == date(2006, 11, 1)
    assert record.facts["apa_year"] == 2006
    # APA letters state no inspection dates and name no lead inspector: null, and said so
    assert record.inspection_start is None and record.inspection_end is None
    assert record.lead_inspector is None
    assert record.warnings == [
        "inspection dates: annual performance assessment letters state none",
        "lead inspector: annual performance assessment letters name none",
    ]


def test_grades_as_numbers_and_words(record):
    assert record.grades == {
        "overall": 3,
        "capacity_to_improve": 3,
        "social_care": 2,
        "being_healthy": 3,
        "staying_safe": 2,
        "enjoying_and_achieving": 2,
        "making_a_positive_contribution": 3,
        "achieving_economic_wellbeing": 3,
        "management_of_services": 3,
    }
    words = {4: "outstanding", 3: "good", 2: "adequate", 1: "inadequate"}
    assert record.judgements == {key: words[number] for key, number in record.grades.items()}


def test_provenance_quotes_the_letter(record):
    assert record.provenance["judgements.social_care"].quote.startswith(
        "The contribution of <i>the local authority's social care services</i>"
    )
    assert record.provenance["judgements.staying_safe"].quote == (
        "The authority's contribution to outcomes in this area is adequate."
    )
    assert record.provenance["judgements.management_of_services"].quote == "The management of the service is good."
    assert record.provenance["published"].quote == "1 November 2006"


def test_key_areas_for_improvement_in_order(record):
    assert [(r.section, r.ordinal) for r in record.recommendations] == [("la", n) for n in range(1, 6)]
    texts = [r.text for r in record.recommendations]
    assert texts[0].startswith("Being healthy: monitoring the health of looked after children")
    assert texts[1] == "Staying safe:the stability of placements."
    assert texts[2].startswith("Enjoying and achieving: ensuring provision for excluded pupils")
    # "Making a positive contribution:none" is not an item
    assert texts[3].startswith("Achieving economic well-being: support that helps vulnerable young people")
    assert texts[4] == (
        "Management of children's services: the accuracy of some data recording the urgent need to "
        "recruit qualified social workers."
    )
    # strengths are not areas for improvement
    assert not any("kinship fostering" in text for text in texts)
