"""The ILACS units on real corpus reports, chosen by their labels (never by file name)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from inspire.core.reading import read_document, read_path
from inspire.core.reading.documents import Document, Page, load_path
from inspire.core.reading.frameworks import detect
from tests.conftest import CORPUS, corpus_labels, corpus_recommendations

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not available")


def _labelled(family: str, predicate) -> dict:
    rows = sorted((r for r in corpus_labels() if r["family"] == family and predicate(r)), key=lambda r: r["report"])
    assert rows, "no such report in the corpus"
    return rows[0]


def _days(row: dict) -> int:
    return (date.fromisoformat(row["inspection_end"]) - date.fromisoformat(row["inspection_start"])).days


def test_before_2023_children_in_care_and_care_leavers_are_one_judgement():
    label = _labelled("ilacs", lambda r: r["inspection_start"] < "2023-01-01")
    record = read_path(CORPUS / label["report"])
    assert record.judgements["children_in_care"] == label["children_in_care"]
    assert "care_leavers" not in record.judgements
    assert "care leavers" in record.provenance["judgements.children_in_care"].quote
    assert not [w for w in record.warnings if w.startswith("judgements.")]


def test_from_2023_care_leavers_are_judged_on_their_own():
    label = _labelled("ilacs", lambda r: r["inspection_start"] >= "2023-06-01")
    record = read_path(CORPUS / label["report"])
    assert record.judgements["care_leavers"] == label["care_leavers"]
    assert record.provenance["judgements.care_leavers"].page == 1


def test_an_inspection_over_two_visits_runs_from_the_first_day_to_the_last():
    label = _labelled("ilacs", lambda r: r["inspection_start"] and _days(r) > 30)
    record = read_path(CORPUS / label["report"])
    assert (record.inspection_start.isoformat(), record.inspection_end.isoformat()) == (
        label["inspection_start"],
        label["inspection_end"],
    )
    assert " and " in record.provenance["inspection_start"].quote


def test_a_report_that_names_no_lead_inspector_says_so():
    label = _labelled("ilacs", lambda r: not r["lead_inspector"])
    record = read_path(CORPUS / label["report"])
    assert record.lead_inspector is None
    assert "lead inspector: not named" in record.warnings


def test_april_2026_form_has_no_overall_judgement_and_cross_referenced_improvements():
    recommendations = corpus_recommendations()
    label = _labelled("ilacs_2026", lambda r: r["report"] in recommendations)
    record = read_path(CORPUS / label["report"])
    assert record.family == "ilacs_2026"
    assert "overall" not in record.judgements
    assert set(record.judgements) == {"leadership", "help_and_protection", "children_in_care", "care_leavers"}
    assert record.recommendations and all(
        re.search(r"national\s+framework", r.text, re.I) for r in record.recommendations
    )
    assert record.warnings == []


def _without_dates(document: Document) -> Document:
    pages = tuple(
        Page(p.number, re.sub(r"Inspection dates:[^\n]*\n", "", p.text)) for p in document.pages
    )
    return Document(pages=pages, format=document.format, sha256=document.sha256, filename=document.filename)


@pytest.mark.parametrize(("family", "after"), [("ilacs", "2024-01-01"), ("ilacs_2026", "2026-04-01")])
def test_without_its_dates_the_form_is_told_by_the_overall_effectiveness_row(family, after):
    label = _labelled(family, lambda r: r["inspection_start"] >= after)
    document = _without_dates(load_path(CORPUS / label["report"]))
    assert detect(document).family == family
    record = read_document(document)
    assert record.inspection_start is None and "inspection dates: not found" in record.warnings
