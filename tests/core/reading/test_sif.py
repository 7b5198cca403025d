"""The 2012-18 units (sif, lscb_review, lac_2012) on real corpus reports chosen by their labels,
and the edge cases met reading them. The whole-corpus accuracy test is test_corpus.py."""

from __future__ import annotations

from datetime import date

import pytest

from inspire.core.reading.dates import parse_date, parse_date_span
from inspire.core.reading.documents import load_document, load_path
from inspire.core.reading.reader import read_document, read_path
from tests.conftest import CORPUS, corpus_labels, corpus_recommendations, seed

JUDGEMENT_KEYS = ("overall", "help_and_protection", "children_in_care", "adoption", "care_leavers", "leadership", "lscb")
#: the corpus labels a stand-alone LSCB review "other"; the reader calls it lscb_review
FAMILY = {"sif": "sif", "lac_2012": "lac_2012", "other": "lscb_review"}


def _rows(predicate):
    return [row for row in corpus_labels() if row["family"] in FAMILY and predicate(row)]


def _expected_judgements(row):
    expected = {key: row[key] for key in JUDGEMENT_KEYS if row[key]}
    for pair in filter(None, row["other_judgements"].split(";")):
        key, value = pair.split("=")
        key = {"lscb_effectiveness": "lscb", "overall_effectiveness": "overall"}.get(key, key)
        expected[key] = value
    return expected


RECOMMENDED = corpus_recommendations()
LABELLED_ROWS = _rows(lambda row: row["report"] in RECOMMENDED)


@pytest.mark.parametrize("row", LABELLED_ROWS, ids=[row["report"] for row in LABELLED_ROWS])
def test_reads_labelled_reports_exactly(shared, row):
    record = read_path(CORPUS / row["report"])
    assert record.family == FAMILY[row["family"]]
    assert record.authority.ofsted_urn == row["ofsted_urn"]
    assert str(record.inspection_start) == row["inspection_start"]
    assert str(record.inspection_end) == row["inspection_end"]
    assert str(record.published or "") == row["published"]
    assert (record.lead_inspector or "") == row["lead_inspector"]
    assert record.judgements == _expected_judgements(row)
    expected = [(r["section"], int(r["ordinal"]), r["text"]) for r in RECOMMENDED[row["report"]]]
    assert [(r.section, r.ordinal, r.text) for r in record.recommendations] == expected
    assert all(isinstance(r.page, int) for r in record.recommendations)


def test_labelled_rows_cover_each_family():
    assert {FAMILY[row["family"]] for row in LABELLED_ROWS} == {"sif", "lscb_review", "lac_2012"}


def test_a_not_judged_area_is_left_out_without_a_warning(shared):
    row = _rows(lambda row: row["family"] == "sif" and not row["children_in_care"])[0]
    record = read_path(CORPUS / row["report"])
    assert "children_in_care" not in record.judgements
    assert not [w for w in record.warnings if "children_in_care" in w]
    assert record.judgements == _expected_judgements(row)


def test_a_reinspection_without_an_lscb_review_has_no_lscb_values(shared):
    row = _rows(lambda row: row["family"] == "sif" and not row["lscb"])[0]
    record = read_path(CORPUS / row["report"])
    assert "lscb" not in record.judgements
    assert not [r for r in record.recommendations if r.section == "lscb"]
    assert not [w for w in record.warnings if "lscb" in w]
    assert [r.ordinal for r in record.recommendations] == list(range(1, len(record.recommendations) + 1))


def test_inspection_dates_split_over_two_visits_and_wrapped(shared):
    # "19 November-11 December 2013 and 28 – 30" / "January 2014"
    row = _rows(lambda row: row["family"] == "sif" and row["inspection_end"][:4] > row["inspection_start"][:4])[0]
    record = read_path(CORPUS / row["report"])
    assert (str(record.inspection_start), str(record.inspection_end)) == (row["inspection_start"], row["inspection_end"])


def test_area_facts_carry_page_and_quote(shared):
    row = LABELLED_ROWS[0]
    record = read_path(CORPUS / row["report"])
    assert {"children_in_need", "child_protection_plans", "looked_after", "as_at"} <= set(record.facts)
    provenance = record.provenance["facts.looked_after"]
    assert isinstance(provenance.page, int)
    assert f"{record.facts['looked_after']:,}" in provenance.quote or str(record.facts["looked_after"]) in provenance.quote


def _essex_text(shared) -> str:
    return seed("000").read_text(encoding="utf-8")


def test_a_report_naming_no_lead_inspector_says_so(shared):
    text = "\n".join(line for line in _essex_text(shared).split("\n") if not line.startswith("Lead inspector:"))
    record = read_document(load_document(text.encode(), "essex.txt"))
    assert record.lead_inspector is None
    assert "lead inspector: not named" in record.warnings


def test_a_stand_alone_lscb_review_is_not_a_sif_report(shared):
    # the Essex seed's cover without the SIF title, and its LSCB section, make an LSCB review on its own
    essex = _essex_text(shared)
    cover = essex.split("The LSCB is not yet demonstrating")[0].replace(
        "Inspection of services for children in need of help and protection, children looked after and care leavers\n\nand\n",
        "",
    )
    text = cover + "\nSection 2:" + essex.split("\nSection 2:")[-1]
    record = read_document(load_document(text.encode(), "essex-lscb.txt"))
    assert record.family == "lscb_review"
    assert record.judgements == {"lscb": "requires_improvement"}
    assert [r.section for r in record.recommendations] == ["lscb"] * 5
    combined = read_document(load_document(_essex_text(shared).encode(), "essex.txt"))
    assert combined.family == "sif"


def test_numbered_items_are_renumbered_and_priority_none_is_not_an_item(shared):
    row = next(r for r in LABELLED_ROWS if r["family"] == "sif")
    document = load_path(CORPUS / row["report"])
    record = read_document(document)
    for section in ("la", "lscb"):
        ordinals = [r.ordinal for r in record.recommendations if r.section == section]
        assert ordinals == list(range(1, len(ordinals) + 1))
    assert not [r for r in record.recommendations if r.text.startswith("There are no")]


def test_dates_in_figures_are_day_first():
    assert parse_date("Report published: 25/11/2016") == date(2016, 11, 25)
    assert parse_date_span("Inspection date: 12/09/2016 to 06/10/2016") == (date(2016, 9, 12), date(2016, 10, 6))
    assert parse_date("13/25/2016") is None
