"""Recommendation lists of real reports whose recommendations the corpus does not label: the
errors a QA review found, each fixed by a general rule in ``frameworks/common/items.py`` or
``frameworks/sif.py``. The structural check over the whole corpus is in test_corpus.py."""

from __future__ import annotations

import re

import pytest

from inspire.core.reading.documents import load_path
from inspire.core.reading.reader import read_document
from tests.conftest import CORPUS


def _read(name: str):
    document = load_path(CORPUS / name)
    return document, read_document(document)


def _texts(record, section: str = "la") -> list[str]:
    return [r.text for r in record.recommendations if r.section == section]


def _ordinals_run_from_one(record) -> None:
    for section in ("la", "lscb"):
        assert [r.ordinal for r in record.recommendations if r.section == section] == list(
            range(1, len(_texts(record, section)) + 1)
        )


def test_the_list_ends_where_the_report_turns_to_strengths(shared):
    _, record = _read("65672d9ff189.pdf")  # Newham 2014: "The local authority has the following strengths:"
    la = _texts(record)
    assert len(la) == 10
    assert (
        la[-1]
        == "Ensure that all staff receive regular, formal supervision as appropriate for their experience and ability."
    )
    assert not [text for text in la if "strengths" in text or text.startswith("Senior leaders")]


def test_lscb_items_are_under_their_heading_never_the_findings(shared):
    _, record = _read("e4c5a86a75fc.pdf")  # Redbridge 2016: the heading extracted after paragraphs 123-129
    lscb = _texts(record, "lscb")
    assert [text.split()[0] for text in lscb] == ["Extend", "Strengthen", "Embed"]
    assert not [text for text in lscb if text.startswith("The board demonstrates")]
    assert not [w for w in record.warnings if w.startswith("recommendations")]


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("7157deb64dc6.pdf", "Ensure that effective multi–agency arrangements for the oversight"),  # Hounslow 2014
        ("ff34efbc9c80.pdf", "Ensure that the findings of the current CSE audit"),  # Swindon 2014
    ],
)
def test_no_priority_action_is_no_item_and_shifts_no_ordinal(shared, name, first):
    _, record = _read(name)
    la = _texts(record)
    assert la[0].startswith(first)
    assert not [text for text in la if re.search(r"did not find any|^There (?:are|were) no", text)]
    _ordinals_run_from_one(record)


@pytest.mark.parametrize(
    ("name", "ordinal", "text", "count"),
    [
        (  # Devon 2020
            "bf5403036562.pdf",
            1,
            "Services to care leavers, including: sufficiency of accommodation and support available for young "
            "people assessment of risk and safety planning for young people access for young people to full "
            "information about their health histories.",
            8,
        ),
        (  # Isle of Wight 2023
            "8a53978b17d0.pdf",
            3,
            "The quality of oversight and monitoring of: the pre-proceedings process in the Public Law Outline (PLO) "
            "permanence for children private fostering.",
            4,
        ),
        (  # East Sussex 2023
            "f011da02216f.pdf",
            3,
            "The oversight, timeliness and rigour of the response to children: experiencing neglect, including "
            "children in Public Law Outline pre-proceedings, and in private fostering arrangements.",
            3,
        ),
    ],
)
def test_nested_bullets_are_part_of_their_item(shared, name, ordinal, text, count):
    document, record = _read(name)
    la = _texts(record)
    assert len(la) == count
    assert la[ordinal - 1] == text
    # the quote keeps the sub-bullets' glyphs as printed, so it is found whole on its page
    provenance = record.provenance[f"recommendations.{ordinal - 1}"]
    page = re.sub(r"\s+", " ", document.pages[provenance.page - 1].text)
    assert provenance.quote in page


# ---- grouped lists (SIF 2013-15): sub-headings, topic headings, numbering through the report ----

from inspire.core.reading.documents.base import Document, Page  # noqa: E402
from inspire.core.reading.frameworks.common.items import numbering_gaps  # noqa: E402
from inspire.core.reading.frameworks.common.lines import Lines, document_lines  # noqa: E402
from inspire.core.reading.frameworks.sif import read_list  # noqa: E402
from inspire.core.reading.record import Record, SourceInfo  # noqa: E402
from tests.core.reading.test_corpus import structure_problems  # noqa: E402

GROUPED = """What does the local authority need to improve?
Priority and immediate action
Capacity
14. Ensure that service managers have sufficient capacity.
15. Ensure that all missing episodes are referred for return interviews
within 72 hours.
Areas for improvement
Quality of practice
16. Further improve the quality of social work assessment.
Management, quality assurance,
partnership and governance
17. Ensure that elected members effectively challenge performance.
18. Ensure that IROs have sufficient capacity.
The local authority’s strengths
19. Senior leaders are committed to improvement.
"""


def _made_up(text: str) -> tuple[Record, Lines]:
    document = Document((Page(1, text),), "pdf", "0" * 64, "made-up.pdf", True)
    return Record(family="sif", source=SourceInfo("0" * 64, "pdf", 1, "made-up.pdf")), Lines(document_lines(document))


def test_a_grouped_list_is_read_whole_with_each_items_group_and_topic():
    record, lines = _made_up(GROUPED)
    assert read_list(record, lines, "la", 0, len(lines.text))
    got = [(r.ordinal, r.kind, r.topic, r.text.split()[2]) for r in record.recommendations]
    assert got == [
        (1, "priority", "Capacity", "service"),
        (2, "priority", "Capacity", "all"),
        (3, "improvement", "Quality of practice", "the"),
        (4, "improvement", "Management, quality assurance, partnership and governance", "elected"),
        (5, "improvement", "Management, quality assurance, partnership and governance", "IROs"),
    ]
    assert record.recommendations[1].text.endswith("within 72 hours.")
    assert record.warnings == []  # the strengths that continue the numbering end the list, as printed


def test_a_list_cut_short_by_a_heading_that_is_not_a_topic_is_a_warning():
    # no group sub-heading: a heading between numbered items is not known to be a topic, so the
    # list ends there, and the numbering running on after it says the list was cut short
    text = (
        "Recommendations\n1. Improve plans.\n2. Improve visits.\nSomething printed between\n"
        "3. Improve supervision.\nSummary for children and young people\n"
    )
    record, lines = _made_up(text)
    read_list(record, lines, "la", 0, len(lines.text))
    assert [r.text for r in record.recommendations] == ["Improve plans.", "Improve visits."]
    assert record.warnings == [
        "recommendations (la): the list stops at the heading 'Something printed between', but numbered item 3 "
        "follows it; items after the heading were not read; check the report"
    ]


def test_gaps_in_the_numbering_are_a_warning_in_plain_words():
    assert numbering_gaps([1, 2, 3, 4, 8, 9]) == ["items 5 to 7 of the numbered list were not found"]
    assert numbering_gaps([159, 161]) == ["item 160 of the numbered list was not found"]
    assert numbering_gaps([1, 2, None, 3]) == []
    record, lines = _made_up("Recommendations\n1. Improve plans.\n2. Improve visits.\n5. Improve supervision.\n")
    read_list(record, lines, "la", 0, len(lines.text))
    assert len(record.recommendations) == 3  # what was printed, never a guess at what is missing
    assert record.warnings == [
        "recommendations (la): items 3 to 4 of the numbered list were not found; check the report"
    ]


def test_a_sentence_that_runs_on_in_lower_case_is_no_heading():
    text = (
        "Recommendations\n10. Ensure that personal advisers know young people well.\n"
        "This aim should be supported through consistently effective pathway\n"
        "planning, so that young people receive their entitlements.\n11. Ensure that children can complain.\n"
    )
    record, lines = _made_up(text)
    read_list(record, lines, "la", 0, len(lines.text))
    assert len(record.recommendations) == 2
    assert record.recommendations[0].text.endswith("receive their entitlements.")
    assert record.warnings == []


def test_the_structural_check_finds_a_short_list_the_reader_did_not_warn_about():
    page = "Recommendations\n1. Improve plans.\n2. Improve visits.\nA heading\n3. Improve supervision.\n"
    document = Document((Page(1, page),), "pdf", "0" * 64, "made-up.pdf", True)
    record, _ = _made_up(page)
    for ordinal, words in ((1, "Improve plans."), (2, "Improve visits.")):
        from inspire.core.reading.record import Provenance, Recommendation

        record.recommendations.append(Recommendation("la", ordinal, words, 1))
        record.provenance[f"recommendations.{ordinal - 1}"] = Provenance(1, words)
    assert structure_problems(record, document) == ["la: item 3 printed just after the last item read (2)"]
    record.warnings.append("recommendations (la): the list stops at the heading 'A heading' …")
    assert structure_problems(record, document) == []


def test_isle_of_wight_2014_gives_all_21_council_items_and_12_lscb_items(shared):
    _, record = _read("b5ef9ae6d8bb.pdf")  # the report issue 14 names: 4 items were read of 21
    la = [r for r in record.recommendations if r.section == "la"]
    lscb = [r for r in record.recommendations if r.section == "lscb"]
    assert (len(la), len(lscb)) == (21, 12)
    assert [r.kind for r in la] == ["priority"] * 4 + ["improvement"] * 17
    assert la[0].topic == "Capacity" and la[4].topic == "Quality of practice"
    assert la[20].topic == "Improved outcomes for children through effective systems and processes"
    assert not [w for w in record.warnings if w.startswith("recommendations")]


def test_somerset_2015_lscb_list_continues_the_reports_paragraph_numbers(shared):
    _, record = _read("0cdcbe31734a.pdf")  # LSCB items printed 159-168, renumbered 1-10
    lscb = [r for r in record.recommendations if r.section == "lscb"]
    assert [r.ordinal for r in lscb] == list(range(1, 11))
    assert [r.kind for r in lscb] == ["priority"] * 4 + ["improvement"] * 6
    assert not [r for r in lscb if r.text.startswith("Governance arrangements have not")]  # the findings after it


def test_an_lscb_called_by_its_own_name_still_opens_its_section(shared):
    _, record = _read("ff34efbc9c80.pdf")  # "The effectiveness of the Swindon Safeguarding Children Board (SSCB)"
    lscb = [r.text for r in record.recommendations if r.section == "lscb"]
    assert len(lscb) == 3 and lscb[0].startswith("SSCB should ensure that information provided by agencies")


def test_a_compound_hyphenated_at_a_line_end_is_one_word_but_a_suspended_hyphen_is_kept():
    text = (
        "Recommendations\n1. Assess 16 and 17-\nyear-old young people who present as homeless.\n"
        "2. Support 16-\nand 17-year-olds who are homeless.\n"
    )
    record, lines = _made_up(text)
    read_list(record, lines, "la", 0, len(lines.text))
    assert [r.text for r in record.recommendations] == [
        "Assess 16 and 17-year-old young people who present as homeless.",
        "Support 16- and 17-year-olds who are homeless.",
    ]
    assert record.provenance["recommendations.0"].quote.startswith("Assess 16 and 17- year-old")  # as on the page


def test_a_list_the_contents_names_but_that_gave_no_items_is_a_warning():
    from inspire.core.reading.frameworks.sif import check_contents

    text = (
        "Contents\nThe local authority 3\nWhat does the local authority need to improve? 4\n"
        "The Local Safeguarding Children Board (LSCB) 30\nRecommendations 31\nInformation about this inspection 33\n"
        "The local authority\n"
    )
    record, lines = _made_up(text)
    from inspire.core.reading.record import Recommendation

    record.recommendations.append(Recommendation("la", 1, "Improve plans.", 4))
    check_contents(record, lines)
    assert record.warnings == [
        "recommendations (lscb): the report's contents lists 'Recommendations' (page 31), but no items were read "
        "under it; check the report"
    ]
    record.warnings[:] = ["recommendations (lscb): no list headed 'Recommendations' or 'Areas for improvement' found"]
    check_contents(record, lines)
    assert len(record.warnings) == 1  # said once
