"""The tracker workbook opened with openpyxl: one row per action and milestone, RAG fills with
their words, the key, a frozen header, filters, and no formulas however the text begins."""

import io
from datetime import date

from openpyxl import load_workbook

from inspire.core.plans import rag, tracker
from inspire.core.plans.model import ProgressData
from inspire.core.plans.word_import import read_plan
from tests.core.plans.seed_docs import seed_004_docx

AS_AT = date(2016, 12, 6)


def southend():
    plan = read_plan(seed_004_docx()).plan
    plan.title = "Southend Children's Services Improvement Plan"
    for item in plan.items:
        for action in item.actions:
            for m in action.milestones:
                m.shown_status = rag.milestone_status(m.status, m.target_date, AS_AT)
        item.rag = rag.item_rag(rag.ItemFacts([m.status_on_date for a in item.actions for m in a.milestones], [])).rag
    plan.items[0].progress = [ProgressData(date(2016, 11, 20), '=HYPERLINK("http://example.com") CPD designed')]
    plan.items[0].actions[0].text = "+cmd|' /C calc'!A0"
    plan.items[0].actions[0].lead = "@SUM(A1:A2)"
    plan.items[0].actions[1].milestones[0].owner = "-2+3"
    return plan


def test_tracker_rows_fills_key_freeze_and_filter():
    plan = southend()
    book = load_workbook(io.BytesIO(tracker.to_xlsx(plan, AS_AT, "Submission deadline: 14 October 2016 (…).")))
    sheet = book["Tracker"]
    header = [c.value for c in sheet[1]]
    assert header == [name for name, _ in tracker.COLUMNS]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:L{sheet.max_row}"
    expected = sum(1 + len(a.milestones) for i in plan.items for a in i.actions)
    assert sheet.max_row - 1 == expected
    rows = [[c for c in r] for r in sheet.iter_rows(min_row=2)]
    milestone = next(r for r in rows if r[0].value == "Milestone" and r[6].value == "Research of options.")
    assert milestone[1].value == "1" and milestone[4].value == "7" and milestone[5].value == "Milestone 1"
    assert milestone[7].value == "Head of Children's Services"
    assert milestone[8].value.date() == date(2016, 9, 30) and milestone[8].number_format == "d mmmm yyyy"
    assert milestone[9].value == "Overdue" and milestone[9].fill.fgColor.rgb.endswith("F4B5AB")
    assert milestone[10].value == "Red" and milestone[10].fill.fgColor.rgb.endswith("D4351C")
    key = book["Key"]
    key_rows = {}
    for r in key.iter_rows(min_row=1):
        key_rows.setdefault(r[0].value, r)  # the items' key comes first
    assert key_rows["Red"][0].fill.fgColor.rgb.endswith("D4351C")
    assert key_rows["Amber"][1].value.startswith("A milestone is marked at risk")
    assert "Submission deadline: 14 October 2016" in key["A2"].value


def test_text_that_looks_like_a_formula_stays_text():
    import zipfile

    data = tracker.to_xlsx(southend(), AS_AT, "=1+1")
    book = load_workbook(io.BytesIO(data))
    cells = [c for ws in book for r in ws.iter_rows() for c in r]
    risky = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert {c.value for c in risky} >= {"+cmd|' /C calc'!A0", "@SUM(A1:A2)", "-2+3"}
    assert all(c.data_type == "s" for c in risky)
    assert any("=HYPERLINK" in str(c.value) for c in cells)
    with zipfile.ZipFile(io.BytesIO(data)) as package:  # no formula anywhere in the file
        assert not any(
            b"<f>" in package.read(n) or b"<f " in package.read(n)
            for n in package.namelist()
            if n.startswith("xl/worksheets/")
        )
