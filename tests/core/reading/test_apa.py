"""Annual performance assessment letters beyond the Essex 2006 seed (test_seed_essex_2006.py).

The 2007-08 letters graded the outcome areas in the summary table itself, with capacity to
improve and the management of children's services as one row. No such letter is in the corpus or
the seeds: the first tests use a SYNTHETIC letter that follows that layout (council and people
invented). The last ones put the real Essex 2006 letter inside a council paper.
"""

from __future__ import annotations

from datetime import date

import pytest

from inspire.core.reading import read_bytes
from inspire.core.reading.errors import NotAnOfstedReport
from tests.conftest import seed

LETTER_2007 = """Ofsted
Alexandra House 33 Kingsway London WC2B 6SE

Mr A Example
Director of Children's Services
Leeds City Council

22 November 2007

Dear Mr Example

2007 ANNUAL PERFORMANCE ASSESSMENT OF SERVICES FOR CHILDREN AND YOUNG PEOPLE IN
LEEDS CITY COUNCIL

This letter summarises the findings of the 2007 annual performance assessment (APA) process for
your local authority.

Areas for judgement\tGrade awarded
Overall effectiveness of children's services\t2
Being healthy\t3
Staying safe\t2
Enjoying and achieving\t2
Making a positive contribution\t3
Achieving economic well-being\t2
Capacity to improve, including the management of children's services\t3

Overall effectiveness of children's services
Grade 2
Leeds City Council delivers a service that meets minimum requirements for children and young people.

Areas for development
\uf0b7 Improve the stability of placements for looked after children.
\uf0b7 Reduce the number of young people not in education, employment or training, particularly
care leavers.

Yours sincerely

J SIGNATORY
Divisional Manager
"""


@pytest.fixture(scope="module")
def record():
    return read_bytes(LETTER_2007.encode("utf-8"), "apa-2007.txt")


def test_a_2007_letter_with_the_outcome_areas_in_its_table(record):
    assert record.family == "apa"
    assert record.authority is not None and record.authority.name == "Leeds"
    assert record.published == date(2007, 11, 22)
    assert record.facts["apa_year"] == 2007  # heading wrapped over two lines
    assert record.grades == {
        "overall": 2,
        "being_healthy": 3,
        "staying_safe": 2,
        "enjoying_and_achieving": 2,
        "making_a_positive_contribution": 3,
        "achieving_economic_wellbeing": 2,
        "capacity_to_improve": 3,
        "management_of_services": 3,
    }
    assert record.judgements["overall"] == "adequate"
    assert record.judgements["management_of_services"] == "good"
    assert "social_care" not in record.grades  # graded to 2006 only; not guessed


def test_areas_for_development_as_a_list(record):
    assert [(r.section, r.ordinal, r.text) for r in record.recommendations] == [
        ("la", 1, "Improve the stability of placements for looked after children."),
        (
            "la",
            2,
            "Reduce the number of young people not in education, employment or training, particularly care leavers.",
        ),
    ]


COUNCIL_PAPER = """Agenda Item 7
Report of the Director of Children's Services
to
Cabinet
Purpose of report: to inform members of the outcome of the 2006 annual performance assessment.
Members are asked to note the letter at Appendix A, including that the management of the service is inadequate
in the view of some members, and the council's response.
Appendix A
"""
RESPONSE = """
Appendix B
Council response and action plan
The council is recommended to agree the actions below.
Staying safe\tRecruit more social workers by March 2007
"""


def test_a_letter_inside_a_council_paper():
    letter = seed("003").read_text("utf-8")
    record = read_bytes((COUNCIL_PAPER + letter + RESPONSE).encode("utf-8"), "cabinet.txt")
    alone = read_bytes(letter.encode("utf-8"), "letter.txt")
    assert record.family == "apa"
    assert record.published == date(2006, 11, 1)  # the letter's date, just above its heading
    assert record.grades == alone.grades
    assert record.judgements["management_of_services"] == "good"  # not the paper's "inadequate"
    assert [r.text for r in record.recommendations] == [r.text for r in alone.recommendations]


def test_the_council_paper_without_the_letter_is_refused():
    with pytest.raises(NotAnOfstedReport, match="council paper"):
        read_bytes((COUNCIL_PAPER + RESPONSE).encode("utf-8"), "cabinet.txt")


def test_summary_rows_wrapped_as_pdf_text_prints_them():
    """PDF text wraps a long row and may put its grade on a line of its own, with the table's
    footnote figure after it; the grade is the row's first figure standing alone."""
    letter = (
        LETTER_2007.replace(
            "Overall effectiveness of children's services\t2\n",
            "Overall effectiveness of children's services (a service that\ndelivers only minimum requirements)\n2\n",
        )
        .replace(
            "Capacity to improve, including the management of children's services\t3\n",
            "Capacity to improve, including the management of children's\nservices\n3\n1\n",
        )
        .replace("Dear Mr Example", "\fDear Mr Example")
    )
    record = read_bytes(letter.encode("utf-8"), "apa-2007-pdf.txt")
    assert record.grades["overall"] == 2
    assert record.grades["capacity_to_improve"] == 3
    assert record.grades["management_of_services"] == 3
    assert record.provenance["judgements.overall"].quote == (
        "Overall effectiveness of children's services (a service that delivers only minimum requirements) 2"
    )
    assert record.provenance["judgements.overall"].page == 2
    assert record.provenance["published"].page == 1


def test_outcome_sentences_wrapped_over_lines():
    letter = (
        seed("003")
        .read_text("utf-8")
        .replace(
            "The authority's contribution to outcomes in this area is adequate. Standards of attainment",
            "The authority's contribution to outcomes in this\narea is adequate. Standards of attainment",
        )
        .replace("The management of the service is good.", "The management of the\nservice is good.")
    )
    assert "in this\narea is adequate" in letter and "management of the\nservice" in letter
    record = read_bytes(letter.encode("utf-8"), "letter.txt")
    assert record.grades["enjoying_and_achieving"] == 2
    assert record.provenance["judgements.enjoying_and_achieving"].quote == (
        "The authority's contribution to outcomes in this area is adequate."
    )
    assert record.grades["management_of_services"] == 3
