"""Plan import in the core (``core/plans/plan_import.py``): a file told by its content, and the
preview of what an import would store for an inspection — without Django."""

from __future__ import annotations

from datetime import date

import pytest

from inspire.core.errors import PlanImportError
from inspire.core.plans.matching import RecommendationRef
from inspire.core.plans.plan_import import preview, read_upload
from inspire.core.plans.word_import import NOT_A_PLAN_FILE_HINT
from tests.core.plans.seed_docs import seed_002_docx
from tests.core.plans.test_matching import report_recommendations

CSV = (
    "item,item_title,recommendation,themes,action,action_text,lead,milestone,owner,target_date,status\n"
    "1,Improve the front door,la 1,Front door,1,Review thresholds,Head of MASH,Audit sample,QA lead,2016-03-31,\n"
)


def test_a_file_is_told_by_its_content_not_its_name():
    plan, notes, unplaced = read_upload("plan.docx", CSV.encode(), "Essex improvement plan")
    assert [i.ref for i in plan.items] == ["1"] and plan.title == "Essex improvement plan"
    word, _, _ = read_upload("plan.csv", seed_002_docx(), "")
    assert len(word.items) == 8


def test_a_file_that_is_no_plan_is_refused_with_what_to_do():
    with pytest.raises(
        PlanImportError, match=r"^the file is not a Word document \(\.docx\), an Excel workbook"
    ) as caught:
        read_upload("minutes.pdf", b"%PDF-1.4 minutes", "")
    assert caught.value.hint == NOT_A_PLAN_FILE_HINT
    with pytest.raises(PlanImportError, match="^the CSV file is not UTF-8 text$"):
        read_upload("plan.csv", "item,title\n1,Caf\xe9".encode("latin-1"), "")


def test_the_preview_matches_items_and_lists_what_has_no_partner():
    plan, notes, unplaced = read_upload("review.docx", seed_002_docx(), "")
    recommendations = report_recommendations("002", "Areas for improvement", "Information about this inspection")
    shown = preview(
        plan,
        notes,
        unplaced,
        title="East Sussex improvement plan",
        recommendations=recommendations,
        inspection_start=None,
    )
    assert shown.plan.title == "East Sussex improvement plan"
    assert {ref: rec.ordinal for ref, rec, _ in shown.report.placed}["2"] == 23
    assert shown.unplaced[-1] == (
        "Recommendation 24: no item of the document answers it; it will be an item with no actions yet"
    )


def test_the_preview_clears_target_dates_before_the_inspection_began():
    plan, notes, unplaced = read_upload("plan.csv", CSV.encode(), "")
    shown = preview(
        plan,
        notes,
        unplaced,
        title="",
        recommendations=[RecommendationRef("la", 1, "Improve")],
        inspection_start=date(2016, 5, 9),
    )
    assert shown.report is None  # every item names its recommendation: nothing to match
    assert shown.plan.items[0].actions[0].milestones[0].target_date is None
    assert shown.notes == [
        "item 1, action 1, Milestone 1: target '2016-03-31' is before the inspection began; "
        "kept as written, without a date"
    ]


def test_an_item_naming_a_recommendation_the_inspection_lacks_refuses_the_file():
    plan, notes, unplaced = read_upload("plan.csv", CSV.encode(), "")
    with pytest.raises(
        PlanImportError, match="^Items, column recommendation: item 1: the inspection has no such recommendation$"
    ):
        preview(
            plan,
            notes,
            unplaced,
            title="",
            recommendations=[RecommendationRef("la", 2, "Other")],
            inspection_start=None,
        )
