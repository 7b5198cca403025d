"""Inspections of local authority arrangements for the protection of children (2012-13).

No report of this family is in the corpus: these tests use a SYNTHETIC text written to follow the
published layout (cover, copyright page, contents, overall effectiveness, areas for improvement
under timescales, the judgement sections, and the "Record of main findings" table), as PDF text
extraction prints it: pages split by form feeds, a running header on each page, Symbol-font
bullets. The council and people are invented.
"""

from __future__ import annotations

from datetime import date

import pytest

from inspire.core.reading.record import Provenance
from tests.core.reading.golden import authority_of, read_pages

B = "\uf0b7"
HEADER = "Inspection of local authority arrangements for the protection of children – Bedford Borough Council"

PAGES = [
    """Inspection of local authority
arrangements for the protection of
children
Bedford Borough Council
Inspection dates: 7 – 16 January 2013
Lead inspector: Sam Example HMI
Age group: All
Published: 15 February 2013""",
    """© Crown copyright 2013
Website: www.ofsted.gov.uk""",
    f"""{HEADER} 1
Contents
The inspection judgements and what they mean 2
Overall effectiveness 2
Areas for improvement 3
About this inspection 4
Service information 5
The effectiveness of the help and protection provided to children, young people,
families and carers 6
The quality of practice 9
Leadership and governance 12
Record of main findings 15""",
    f"""{HEADER} 2
The inspection judgements and what they mean
1. All inspection judgements are made using the following four point scale.
Outstanding A service that significantly exceeds minimum requirements
Inadequate A service that does not meet minimum requirements
Overall effectiveness
2. The overall effectiveness of the arrangements to protect children in Bedford Borough is
adequate. The quality of practice is good in the assessment teams.
Areas for improvement
8. In order to improve the quality of help and protection given to children and young people
in Bedford Borough, the local authority and its partners should take the following action.
Immediately:
{B} ensure that strategy discussions take place whenever there is reasonable cause to
suspect significant harm
Within three months:
{B} ensure that child protection plans set out clearly what needs to change, by when and
who is responsible
{B} improve the timeliness of initial child protection conferences.
About this inspection
9. This inspection was unannounced.""",
    f"""{HEADER} 6
The effectiveness of the help and protection provided to
children, young people, families and carers
Adequate
14. Most children receive help that is proportionate to their needs.""",
    f"""{HEADER} 15
Record of main findings
Local authority arrangements for the protection of children
Overall effectiveness Adequate
The effectiveness of the help and protection provided to
children, young people, families and carers
Adequate
The quality of practice Good
Leadership and governance Adequate""",
]


@pytest.fixture(scope="module")
def record():
    return read_pages(PAGES, "cp.txt")


def test_cover(record):
    assert record.family == "cp_2012"
    assert record.authority is not None
    assert authority_of(record) == ("Bedford Borough", "80428", "822")
    assert (record.inspection_start, record.inspection_end) == (date(2013, 1, 7), date(2013, 1, 16))
    assert record.published == date(2013, 2, 15)
    assert record.lead_inspector == "Sam Example"


def test_judgements_from_the_record_table(record):
    assert record.judgements == {
        "overall": "adequate",
        "help_and_protection": "adequate",
        "quality_of_practice": "good",
        "leadership_and_governance": "adequate",
    }
    assert record.provenance["judgements.quality_of_practice"] == Provenance(6, "The quality of practice Good")
    assert record.warnings == []


def test_areas_for_improvement_in_order(record):
    assert [(r.section, r.ordinal, r.text, r.page) for r in record.recommendations] == [
        (
            "la",
            1,
            "ensure that strategy discussions take place whenever there is reasonable cause to suspect "
            "significant harm",
            4,
        ),
        (
            "la",
            2,
            "ensure that child protection plans set out clearly what needs to change, by when and who is responsible",
            4,
        ),
        ("la", 3, "improve the timeliness of initial child protection conferences.", 4),
    ]


def test_without_the_record_table_grades_come_from_the_sections():
    record = read_pages(PAGES[:-1], "cp-no-table.txt")
    assert record.judgements["help_and_protection"] == "adequate"
    assert record.judgements["overall"] == "adequate"
    assert "judgements: no 'Record of main findings' table; grades read from the sections" in record.warnings
    # sections not in this shortened text are warned about, not guessed
    assert "judgements.leadership_and_governance: not found" in record.warnings


def test_a_missing_list_is_warned_about_not_guessed():
    pages = [*PAGES[:3], PAGES[3].split("Areas for improvement")[0], *PAGES[4:]]
    record = read_pages(pages, "cp-no-list.txt")
    assert record.recommendations == []
    assert record.warnings == ["recommendations (la): 0 of the 1 'Areas for improvement' lists were found"]
