"""Inspections of safeguarding and looked after children services (2009-12).

No report of this family is in the corpus: these tests use a SYNTHETIC text written to follow the
published layout (cover page, copyright page, contents, the two services' sections with
"Grade N (word)" under each heading, "Areas for improvement" under timescales, and the "Record of
main findings" table), as PDF text extraction prints it: pages split by form feeds, a running
header on each page, Symbol-font bullets. The council and people are invented.
"""

from __future__ import annotations

from datetime import date

import pytest

from inspire.core.reading import read_bytes

B = "\uf0b7"  # the bullet glyph pypdfium2 prints for Symbol-font bullets
HEADER = "Wiltshire Council Inspection of safeguarding and looked after children services"

PAGES = [
    """Inspection of safeguarding and
looked after children services
Wiltshire Council
Inspection dates: 10 – 21 January 2011
Reporting inspector Anne Example HMI
Age group: All
Published: 25 February 2011""",
    """© Crown copyright 2011
Website: www.ofsted.gov.uk
This document may be reproduced in whole or in part for non-commercial purposes.""",
    f"""{HEADER} 1
Contents
About this inspection 2
The inspection judgements and what they mean 2
Service information 3
Safeguarding services 5
Overall effectiveness 5
Capacity for improvement 6
Areas for improvement 7
Services for looked after children 18
Overall effectiveness 18
Capacity for improvement 19
Areas for improvement 20
Record of main findings 30""",
    f"""{HEADER} 2
The inspection judgements and what they mean
3. All inspection judgements are made using the following four point scale.
Outstanding (Grade 1) A service that significantly exceeds minimum requirements
Good (Grade 2) A service that exceeds minimum requirements
Adequate (Grade 3) A service that only meets minimum requirements
Inadequate (Grade 4) A service that does not meet minimum requirements""",
    f"""{HEADER} 5
Safeguarding services
Overall effectiveness Grade 3 (adequate)
14. The overall effectiveness of safeguarding services in Wiltshire is adequate. Leadership and
management is good in places, but the quality of assessments is inconsistent.
Capacity for improvement Grade 2 (good)
18. Capacity for improvement is good. Senior leaders know their services well.
Areas for improvement
21. In order to improve the quality of provision and services for safeguarding children and
young people in Wiltshire, the local authority and its partners should take the following action.
Immediately:
{B} ensure that all referrals are screened by a qualified social worker within one working
day
Within three months:
{B} ensure that initial and core assessments are completed within timescales and that
their quality is consistently good
{B} improve the recording of management decisions on case files.
Within six months:
{B} develop a workforce strategy that reduces the reliance on agency social workers.
Outcomes for children and young people
22. Children and young people are safe. Equality and diversity is good.""",
    f"""{HEADER} 18
Services for looked after children
Overall effectiveness Grade 2 (good)
60. The overall effectiveness of services for looked after children is good.
Capacity for improvement Grade 2 (good)
64. Capacity for improvement is good.
Areas for improvement
66. In order to improve the quality of provision and services for looked after children and
young people in Wiltshire, the local authority and its partners should take the following action.
Within three months:
{B} ensure that all looked after children have an up-to-date health assessment
{B} ensure that pathway plans for care leavers are specific and are reviewed
regularly.
How good are outcomes for looked after children and care leavers?
67. Outcomes are good overall.""",
    f"""{HEADER} 30
Record of main findings
Safeguarding services
Overall effectiveness Adequate
Capacity for improvement Good
Safeguarding outcomes for children and young people
Children and young people are safe: effectiveness of
services in taking reasonable steps to ensure that
children and young people are safe
Adequate
Children and young people feel safe Good
Quality of provision Adequate
The contribution of health agencies to keeping children
and young people safe
Good
Ambition and prioritisation Good
Leadership and management Adequate
Performance management and quality assurance Inadequate
Partnership working Good
Equality and diversity Good
Value for money Adequate
Services for looked after children
Overall effectiveness Good
Capacity for improvement Good
How good are outcomes for looked after children and care leavers?
Being healthy Good
Staying safe Good
Enjoying and achieving Adequate
Making a positive contribution, including user
engagement
Outstanding
Economic well-being Adequate
Quality of provision Good
Ambition and prioritisation Good
Leadership and management Good
Performance management and quality assurance Adequate
Equality and diversity Good
Value for money Good""",
]


@pytest.fixture(scope="module")
def record():
    return read_bytes("\f".join(PAGES).encode("utf-8"), "slac.txt")


def test_cover(record):
    assert record.family == "slac"
    assert record.authority is not None and record.authority.name == "Wiltshire"
    assert (record.inspection_start, record.inspection_end) == (date(2011, 1, 10), date(2011, 1, 21))
    assert record.published == date(2011, 2, 25)
    assert record.lead_inspector == "Anne Example"
    assert record.provenance["lead_inspector"].page == 1


def test_both_services_judgements_from_the_record_table(record):
    assert record.judgements == {
        "safeguarding_overall": "adequate",
        "safeguarding_capacity": "good",
        "safeguarding_are_safe": "adequate",
        "safeguarding_feel_safe": "good",
        "safeguarding_quality_of_provision": "adequate",
        "safeguarding_health_contribution": "good",
        "safeguarding_ambition_and_prioritisation": "good",
        "safeguarding_leadership_and_management": "adequate",
        "safeguarding_performance_management": "inadequate",
        "safeguarding_partnership_working": "good",
        "safeguarding_equality_and_diversity": "good",
        "safeguarding_value_for_money": "adequate",
        "lac_overall": "good",
        "lac_capacity": "good",
        "lac_being_healthy": "good",
        "lac_staying_safe": "good",
        "lac_enjoying_and_achieving": "adequate",
        "lac_positive_contribution": "outstanding",
        "lac_economic_wellbeing": "adequate",
        "lac_quality_of_provision": "good",
        "lac_ambition_and_prioritisation": "good",
        "lac_leadership_and_management": "good",
        "lac_performance_management": "adequate",
        "lac_equality_and_diversity": "good",
        "lac_value_for_money": "good",
    }
    assert "overall" not in record.judgements  # the family has no single overall judgement
    assert record.provenance["judgements.lac_overall"].page == 7
    assert record.warnings == []


def test_areas_for_improvement_of_both_services_in_order(record):
    assert [(r.section, r.ordinal, r.text, r.page) for r in record.recommendations] == [
        ("la", 1, "ensure that all referrals are screened by a qualified social worker within one working day", 5),
        (
            "la",
            2,
            "ensure that initial and core assessments are completed within timescales and that their quality "
            "is consistently good",
            5,
        ),
        ("la", 3, "improve the recording of management decisions on case files.", 5),
        ("la", 4, "develop a workforce strategy that reduces the reliance on agency social workers.", 5),
        ("la", 5, "ensure that all looked after children have an up-to-date health assessment", 6),
        ("la", 6, "ensure that pathway plans for care leavers are specific and are reviewed regularly.", 6),
    ]


def test_without_the_record_table_grades_come_from_the_sections():
    record = read_bytes("\f".join(PAGES[:-1]).encode("utf-8"), "slac-no-table.txt")
    assert record.judgements["safeguarding_overall"] == "adequate"
    assert record.judgements["safeguarding_capacity"] == "good"
    assert record.judgements["lac_overall"] == "good"
    assert record.judgements["lac_capacity"] == "good"
    assert "judgements: no 'Record of main findings' table; grades read from the sections" in record.warnings
    # prose that merely names a row ("Equality and diversity is good.") is not a grade
    assert "safeguarding_equality_and_diversity" not in record.judgements


def test_inside_a_council_paper_the_report_ends_at_its_closing_table(record):
    """2009-13 reports print their copyright on page 2, so the end of one inside a council paper is
    the last row of its "Record of main findings"; the council's plan after it stays out."""
    paper = [
        "Agenda Item 9\nReport of the Director of Children's Services\nto\nCabinet\n"
        "Purpose of report: to present the Ofsted report at Appendix A.",
        *PAGES,
        "Appendix B\nAction plan\nLeadership and management\nOutstanding progress is expected by March 2012.\n"
        "Areas for improvement\n\uf0b7 recruit twenty social workers by April 2011.",
    ]
    embedded = read_bytes("\f".join(paper).encode("utf-8"), "cabinet.txt")
    assert embedded.source.embedded_pages == (2, len(PAGES) + 1)
    assert embedded.judgements == record.judgements
    assert [r.text for r in embedded.recommendations] == [r.text for r in record.recommendations]
    assert embedded.warnings == []
