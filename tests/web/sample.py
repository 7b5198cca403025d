"""A small, realistic set of stored inspections for the page and browser tests.

Essex (two inspections, provenance for every value, recommendations, area facts), some of its
statistical neighbours and region, a 2026-form inspection with no overall judgement, an inspection
whose authority was not identified, and an HTML original (to check downloads are never rendered).
Pages of text read like the reports, so quotes are found on them as a person would find them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from inspire.core.reading.documents import Document, Page
from inspire.core.reading.record import Provenance
from tests.web.factories import make_record, store

ESSEX_2019_PAGES = [
    "Essex County Council\nInspection of children's social care services\n"
    "Inspection dates: 7 October 2019 to 18 October 2019\nLead inspector: Tara   Geere, Her Majesty's Inspector\n",
    "Judgement | Grade\nThe impact of leaders on social work practice with children and families | Good\n"
    "The experiences and progress of children who need help and protection | Good\n"
    "The experiences and progress of children in care and care leavers | Outstanding\n"
    "Overall effectiveness | Good\n",
    "What needs to improve in this local authority?\n"
    "1. The quality of written plans for children in need, so that they are specific and measurable.\n"
    "2. Timeliness of initial health assessments for children coming into care.\n"
    "3. The range of suitable accommodation for care leavers aged 18 to 21.\n",
    "Information about this local authority area\n"
    "Approximately 307,000 children and young people under the age of 18 years live in Essex.\n"
    "At 31 March 2019, 1,106 children were being looked after by the local authority "
    "(a rate of 36 per 10,000 children).\n",
]

ESSEX_2014_PAGES = [
    "Essex County Council\nInspection of services for children in need of help and protection, children looked after "
    "and care leavers\nInspection date: 14 January 2014 – 5 February 2014\nLead inspector: Nick Stacey HMI\n",
    "Overall effectiveness: Requires improvement to be good\n"
    "1. Children who need help and protection: Requires improvement\n"
    "2. Children looked after and achieving permanence: Good\n"
    "3. Leadership, management and governance: Requires improvement\n",
    "Recommendations\nImmediate action\n1. Ensure that all children subject to child protection plans are visited "
    "within timescales.\nAreas for improvement\n2. Improve the consistency of supervision of social workers.\n",
]


@dataclass
class Sample:
    essex_2019: object
    essex_2014: object
    kent: object
    somerset_2026: object
    unknown: object
    html_original: object


def _provenance(record, key: str, page: int, quote: str) -> None:
    record.provenance[key] = Provenance(page, quote)


def make_sample() -> Sample:
    """Store the sample inspections (the register must be loaded). Returns the main ones."""
    essex_2019 = make_record(
        authority="Essex",
        family="ilacs",
        inspection_start=date(2019, 10, 7),
        inspection_end=date(2019, 10, 18),
        lead_inspector="Tara Geere",
        judgements={
            "overall": "good",
            "leadership": "good",
            "help_and_protection": "good",
            "children_in_care": "outstanding",
        },
        recommendations=[
            ("la", "The quality of written plans for children in need, so that they are specific and measurable."),
            ("la", "Timeliness of initial health assessments for children coming into care."),
            ("la", "The range of suitable accommodation for care leavers aged 18 to 21."),
        ],
        facts={"children": 307000, "looked_after": 1106, "looked_after_rate": 36, "as_at": date(2019, 3, 31)},
        warnings=["The publication date is not stated in the report"],
        filename="essex-2019.txt",
    )
    essex_2019.recommendations = [
        type(r)(section=r.section, ordinal=r.ordinal, text=r.text, page=3) for r in essex_2019.recommendations
    ]
    _provenance(essex_2019, "inspection_start", 1, "Inspection dates: 7 October 2019 to 18 October 2019")
    _provenance(essex_2019, "inspection_end", 1, "Inspection dates: 7 October 2019 to 18 October 2019")
    _provenance(essex_2019, "lead_inspector", 1, "Lead inspector: Tara Geere")
    _provenance(essex_2019, "judgements.overall", 2, "Overall effectiveness | Good")
    _provenance(
        essex_2019,
        "judgements.leadership",
        2,
        "The impact of leaders on social work practice with children and families | Good",
    )
    _provenance(
        essex_2019,
        "judgements.help_and_protection",
        2,
        "The experiences and progress of children who need help and protection | Good",
    )
    _provenance(
        essex_2019,
        "judgements.children_in_care",
        2,
        "The experiences and progress of children in care and care leavers | Outstanding",
    )
    _provenance(
        essex_2019,
        "facts.children",
        4,
        "Approximately 307,000 children and young people under the age of 18 years live in Essex.",
    )
    _provenance(essex_2019, "facts.looked_after", 4, "1,106 children were being looked after")
    essex_2019_inspection = store(essex_2019, pages=ESSEX_2019_PAGES)

    essex_2014 = make_record(
        authority="Essex",
        family="sif",
        inspection_start=date(2014, 1, 14),
        inspection_end=date(2014, 2, 5),
        published=date(2014, 3, 21),
        lead_inspector="Nick Stacey",
        judgements={
            "overall": "requires_improvement",
            "help_and_protection": "requires_improvement",
            "children_in_care": "good",
            "leadership": "requires_improvement",
        },
        recommendations=[
            ("la", "Ensure that all children subject to child protection plans are visited within timescales."),
            ("la", "Improve the consistency of supervision of social workers."),
        ],
        filename="essex-2014.txt",
    )
    essex_2014.recommendations = [
        type(r)(section=r.section, ordinal=r.ordinal, text=r.text, page=3, kind=kind, topic=topic)
        for r, kind, topic in zip(essex_2014.recommendations, ("priority", "improvement"), ("Visits", None))
    ]
    _provenance(essex_2014, "judgements.overall", 2, "Overall effectiveness: Requires improvement to be good")
    essex_2014_inspection = store(essex_2014, pages=ESSEX_2014_PAGES)

    # an annual performance assessment letter states no inspection dates, only its publication
    apa = make_record(
        authority="Essex",
        family="apa",
        inspection_start=None,
        inspection_end=None,
        published=date(2006, 11, 30),
        lead_inspector=None,
        judgements={"overall": "good", "staying_safe": "adequate"},
        filename="essex-apa-2006.txt",
    )
    apa.grades = {"overall": 3, "staying_safe": 2}
    store(apa)

    # statistical neighbours and region
    kent = store(
        make_record(
            authority="Kent",
            family="ilacs",
            inspection_start=date(2022, 5, 9),
            inspection_end=date(2022, 5, 20),
            judgements={
                "overall": "good",
                "help_and_protection": "good",
                "children_in_care": "good",
                "leadership": "good",
            },
            lead_inspector="Brenda McInerney",
            filename="kent-2022.txt",
        )
    )
    store(
        make_record(
            authority="West Sussex",
            family="ilacs",
            inspection_start=date(2019, 2, 25),
            inspection_end=date(2019, 3, 8),
            judgements={
                "overall": "inadequate",
                "help_and_protection": "inadequate",
                "children_in_care": "inadequate",
                "leadership": "inadequate",
            },
            filename="west-sussex-2019.txt",
        )
    )
    store(
        make_record(
            authority="Suffolk",
            family="ilacs",
            inspection_start=date(2019, 4, 8),
            inspection_end=date(2019, 4, 18),
            judgements={
                "overall": "outstanding",
                "help_and_protection": "outstanding",
                "children_in_care": "good",
                "leadership": "outstanding",
            },
            filename="suffolk-2019.txt",
        )
    )
    store(
        make_record(
            authority="Hertfordshire",
            family="sif",
            inspection_start=date(2015, 9, 7),
            inspection_end=date(2015, 10, 1),
            published=date(2015, 11, 30),
            judgements={"overall": "good", "adoption": "good", "lscb": "good"},
            filename="herts-2015.txt",
        )
    )
    somerset = store(
        make_record(
            authority="Somerset",
            family="ilacs_2026",
            inspection_start=date(2026, 4, 27),
            inspection_end=date(2026, 5, 8),
            judgements={
                "help_and_protection": "requires_improvement",
                "children_in_care": "good",
                "care_leavers": "good",
                "leadership": "requires_improvement",
            },
            filename="somerset-2026.txt",
        )
    )
    store(
        make_record(
            authority="Tower Hamlets",
            family="ilacs",
            inspection_start=date(2019, 1, 21),
            inspection_end=date(2019, 2, 1),
            judgements={"overall": "good"},
            filename="tower-hamlets-2019.txt",
        )
    )

    unknown_record = make_record(
        authority="Essex",
        family="lscb_review",
        inspection_start=date(2015, 6, 1),
        inspection_end=date(2015, 6, 5),
        judgements={},
        filename="unknown-authority.txt",
    )
    unknown_record.authority = None
    unknown = store(unknown_record, pages=["A review of the local safeguarding children board.\n"])

    html_record = make_record(
        authority="Tower Hamlets",
        family="sif",
        inspection_start=date(2016, 3, 1),
        inspection_end=date(2016, 3, 24),
        judgements={"overall": "requires_improvement"},
        filename="tower-hamlets-2016.html",
    )
    html_original = _store_html(html_record)
    return Sample(essex_2019_inspection, essex_2014_inspection, kent, somerset, unknown, html_original)


HTML_ORIGINAL = (
    b"<!DOCTYPE html><html><body><h1>Tower Hamlets</h1><script>alert('never run')</script>"
    b"<p>Overall effectiveness: requires improvement</p></body></html>"
)


def _store_html(record):
    from inspire.web.read.services import inspection_store

    document = Document(
        pages=(Page(1, "Tower Hamlets\nOverall effectiveness: requires improvement"),),
        format="html",
        sha256=hashlib.sha256(HTML_ORIGINAL).hexdigest(),
        filename=record.source.filename,
        paginated=False,
    )
    return inspection_store(record=record, document=document, content=HTML_ORIGINAL).inspection
