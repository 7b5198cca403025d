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
    assert la[-1] == "Ensure that all staff receive regular, formal supervision as appropriate for their experience and ability."
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
