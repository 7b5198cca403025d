"""The 2012-18 units (sif, lscb_review, lac_2012) on real corpus reports chosen by their labels,
and the edge cases met reading them. The whole-corpus accuracy test is test_corpus.py."""

from __future__ import annotations

import time
from datetime import date

import pytest

from inspire.core.reading.dates import parse_date, parse_date_span
from inspire.core.reading.documents import load_document, load_path
from inspire.core.reading.frameworks import sif
from inspire.core.reading.frameworks.common import to_number
from inspire.core.reading.reader import read_document, read_path
from tests.conftest import CORPUS, corpus_labels, corpus_recommendations, seed

JUDGEMENT_KEYS = (
    "overall",
    "help_and_protection",
    "children_in_care",
    "adoption",
    "care_leavers",
    "leadership",
    "lscb",
)
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
    assert (str(record.inspection_start), str(record.inspection_end)) == (
        row["inspection_start"],
        row["inspection_end"],
    )


def test_area_facts_carry_page_and_quote(shared):
    row = LABELLED_ROWS[0]
    record = read_path(CORPUS / row["report"])
    assert {"children_in_need", "child_protection_plans", "looked_after", "as_at"} <= set(record.facts)
    provenance = record.provenance["facts.looked_after"]
    assert isinstance(provenance.page, int)
    assert (
        f"{record.facts['looked_after']:,}" in provenance.quote or str(record.facts["looked_after"]) in provenance.quote
    )


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
        "Inspection of services for children in need of help and protection, children looked after and care "
        "leavers\n\nand\n",
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


def test_pathological_white_space_reads_quickly(shared):
    # junk lines made of long runs of spaces once took minutes (quadratic backtracking)
    junk = "x" + " " * 200_000 + "y"
    text = (
        _essex_text(shared)
        .replace("Lead inspector: Ian Young", "Lead inspector: " + junk)
        .replace("The LSCB is not yet", "LSCB" + junk)
    )
    started = time.perf_counter()
    record = read_document(load_document(text.encode(), "junk.txt"))
    assert time.perf_counter() - started < 5
    assert record.family == "sif"
    assert record.judgements["overall"] == "good"


SIF_ROWS = _rows(lambda row: row["family"] == "sif")


@pytest.mark.parametrize("row", SIF_ROWS[::8], ids=[row["report"] for row in SIF_ROWS[::8]])
def test_area_facts_agree_with_each_other(shared, row):
    # no label covers the facts, but a rate per 10,000 must agree with its count and the number
    # of children in the area (a misread count, e.g. a footnote mark run into it, would not)
    facts = read_path(CORPUS / row["report"]).facts
    assert {"children_under_18", "child_protection_plans", "looked_after"} <= set(facts)
    for count, rate in (("looked_after", "looked_after_rate"), ("child_protection_plans", "child_protection_rate")):
        if rate in facts:
            assert facts[count] / facts["children_under_18"] * 10_000 == pytest.approx(facts[rate], rel=0.15)


def test_a_footnote_mark_after_a_count_is_not_part_of_it():
    assert to_number("42,6163") == 42_616
    assert to_number("1,139") == 1_139
    assert to_number("no") == 0


def test_as_at_is_the_looked_after_figures_own_date(shared):
    text = _essex_text(shared).replace(
        "At 31 January 2014, 1,139 children were being looked after",
        "At the end of January 2014, 1,139 children were being looked after",
    )
    record = read_document(load_document(text.encode(), "essex.txt"))
    assert record.facts["looked_after"] == 1_139
    # the other figures are stated at 31 January 2014, but their date is not borrowed
    assert "as_at" not in record.facts
    assert "facts.as_at: 'the end of January 2014' is not a whole date" in record.warnings


def test_a_missing_row_of_the_judgement_table_is_warned_about(shared):
    text = "\n".join(line for line in _essex_text(shared).split("\n") if "Adoption performance" not in line)
    record = read_document(load_document(text.encode(), "essex.txt"))
    assert "adoption" not in record.judgements
    assert "judgements.adoption: not found" in record.warnings
    assert record.judgements["care_leavers"] == "good"


def test_only_the_covers_title_marks_a_report(shared):
    # a later mention of the title (as another report's account of a previous inspection) is not one
    mention = (
        "Summary\n" + "The council has improved its services since then. " * 40 + "\nThe previous inspection of "
        "services for children in need of help and protection, children looked after and care leavers was in 2014.\n"
    )
    assert sif.FRAMEWORK.detect(load_document(mention.encode(), "later.txt")) == 0
    assert sif.FRAMEWORK.detect(load_document(_essex_text(shared).encode(), "essex.txt")) > 0


def test_lscb_items_whose_heading_the_extraction_put_out_of_place(shared):
    # a report whose "Recommendations" heading text extraction placed after the findings began
    essex = _essex_text(shared)
    section = essex.index("The effectiveness of the LSCB requires improvement\n\nAreas for improvement")
    text = essex[:section] + essex[section:].replace("\nAreas for improvement\n", "\n", 1).replace(
        "Key strengths and weaknesses of the LSCB", "Inspection findings\n\nRecommendations", 1
    )
    record = read_document(load_document(text.encode(), "essex.txt"))
    lscb = [r.text for r in record.recommendations if r.section == "lscb"]
    assert len(lscb) == 5
    assert lscb[0].startswith("Ensure that senior schools representatives attend the LSCB regularly")
    assert not [w for w in record.warnings if "lscb" in w]
    # nor is anything read after the misplaced heading: those are findings
    findings = text[text.index("Inspection findings\n\nRecommendations") :]
    assert not [r for r in record.recommendations if r.section == "lscb" and r.text[:30] in findings]


def test_lscb_items_out_of_place_behind_numbered_summary_points_are_not_guessed(shared):
    # a summary whose points are numbered too ("… requires improvement because: 156. …"): with the
    # heading out of place, its points cannot be told from the recommendations, so none are read
    essex = _essex_text(shared)
    section = essex.index("The effectiveness of the LSCB requires improvement\n\nAreas for improvement")
    text = essex[:section] + essex[section:].replace(
        "\nAreas for improvement\n", "\nThe board requires improvement because:\n150. Its data is too recent.\n", 1
    ).replace("Key strengths and weaknesses of the LSCB", "Inspection findings\n\nRecommendations", 1)
    record = read_document(load_document(text.encode(), "essex.txt"))
    assert not [r for r in record.recommendations if r.section == "lscb"]
    assert any(
        w.startswith("recommendations (lscb): the heading 'Recommendations' is out of place") for w in record.warnings
    )


def _made_up_sif(overall: str) -> str:
    return (
        "Southend-on-Sea Borough Council\n"
        "Inspection of services for children in need of help and protection, children looked after and care "
        "leavers\nInspection date: 7 March 2016 – 30 March 2016\nReport published: 13 May 2016\n"
        f"{overall}\n"
        "1. Children who need help and protection Requires improvement\n"
        "2. Children looked after and achieving permanence Requires improvement\n"
        "2.1 Adoption performance Good\n2.2 Experiences and progress of care leavers Requires improvement\n"
        "3. Leadership, management and governance Requires improvement\n"
        "Lead inspector on site: Jane Smith\nReport author: John Doe, Her Majesty’s Inspector\n"
    )


@pytest.mark.parametrize(
    ("overall", "grade"),
    [
        ("Children’s services require improvement to be good", "requires_improvement"),
        ("Children's services are inadequate", "inadequate"),
        ("Children’s services in Southend-on-Sea require improvement to be good", "requires_improvement"),
        ("The overall judgement is that children’s services are good", "good"),
    ],
)
def test_the_overall_sentence_with_or_without_the_authoritys_name(overall, grade):
    record = read_document(load_document(_made_up_sif(overall).encode(), "made-up.txt"))
    assert record.family == "sif"
    assert record.judgements["overall"] == grade
    assert record.lead_inspector == "Jane Smith"  # the lead on site, not the report's author
    assert record.authority.name == "Southend-on-Sea"
