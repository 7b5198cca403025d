import io
from datetime import date

import pytest
from openpyxl import load_workbook

from inspire.core.errors import PlanImportError
from inspire.core.plans.excel import SHEETS, csv_template, from_csv, from_xlsx, to_xlsx
from inspire.core.plans.model import MeasureValueData, ProgressData
from inspire.core.plans.word_import import read_plan
from tests.core.plans.seed_docs import seed_002_docx, seed_004_docx


def as_stored(plan):
    """A plan as the database keeps it: matching hints dropped, own = answering no recommendation."""
    for item in plan.items:
        item.stated_number = None
        item.own = item.recommendation is None
    return plan


@pytest.fixture(scope="module")
def southend():
    plan = read_plan(seed_004_docx()).plan
    plan.title, plan.authority, plan.received = "Southend improvement plan", "Southend-on-Sea", date(2016, 7, 7)
    plan.items[0].recommendation = ("la", 1)
    plan.items[1].measures[0].values = [MeasureValueData(date(2016, 9, 30), 45.0)]
    plan.items[0].progress = [ProgressData(date(2016, 11, 20), "CPD designed", "editor")]
    plan.risks[0].review_date = date(2016, 12, 1)
    return as_stored(plan)


@pytest.mark.parametrize("build", [seed_002_docx, seed_004_docx])
def test_round_trip_is_unchanged(build):
    plan = as_stored(read_plan(build()).plan)
    plan.title = "A plan"
    again = from_xlsx(to_xlsx(plan))
    assert again == plan


def test_round_trip_with_values_progress_and_risks(southend):
    assert from_xlsx(to_xlsx(southend)) == southend


def test_template_documents_every_column():
    workbook = load_workbook(io.BytesIO(to_xlsx(None)))
    documented = {(r[0], r[1]) for r in workbook["Read me"].iter_rows(min_row=4, values_only=True)}
    assert documented == {(s, c.name) for s, cols in SHEETS.items() for c in cols}
    assert [c.value for c in workbook["Milestones"][1]] == [c.name for c in SHEETS["Milestones"]]


def _edit(data: bytes, edit) -> bytes:
    workbook = load_workbook(io.BytesIO(data))
    edit(workbook)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_bad_date_and_status_are_reported_by_row_and_column(southend):
    def edit(workbook):
        ws = workbook["Milestones"]
        ws.cell(row=3, column=8).value = "31/09/2017"
        ws.cell(row=5, column=9).value = "overdue"

    with pytest.raises(
        PlanImportError, match="Milestones, row 3, column target_date: '31/09/2017' is not a date"
    ) as caught:
        from_xlsx(_edit(to_xlsx(southend), edit))
    messages = [str(e) for e in caught.value.errors]
    assert "Milestones, row 3, column target_date: '31/09/2017' is not a date (use YYYY-MM-DD)" in messages
    assert any(m.startswith("Milestones, row 5, column status: 'overdue' is not a status") for m in messages)


def test_missing_column_is_named(southend):
    def edit(workbook):
        workbook["Actions"].delete_cols(3)

    with pytest.raises(PlanImportError, match="Actions, row 1, column text: the column is missing"):
        from_xlsx(_edit(to_xlsx(southend), edit))


def test_milestone_without_its_action(southend):
    def edit(workbook):
        workbook["Milestones"].cell(row=2, column=2).value = "99"

    with pytest.raises(PlanImportError, match="Milestones, row 2, column action: there is no action 99 of item 1"):
        from_xlsx(_edit(to_xlsx(southend), edit))


def test_csv_layout():
    text = csv_template() + "\n".join(
        [
            "1,Improve management oversight,la 1,Practice and Culture;Continuous "
            "Improvement,1,Provide CPD,,Design CPD,Practice Lead,2016-11-30,on_track",
            "1,,,,1,,,Deliver CPD,Team Manager – Workforce Commissioning,2016-12-01,",
            "C1,Our own item,,Practice and Culture,,,,,,,",
        ]
    )
    plan = from_csv(text, title="From CSV")
    assert [t.name for t in plan.themes] == ["Practice and Culture", "Continuous Improvement"]
    one = plan.items[0]
    assert one.recommendation == ("la", 1) and one.themes == ["A", "B"]
    assert [(m.text, m.owner, m.target_date) for m in one.actions[0].milestones] == [
        ("Design CPD", "Practice Lead", date(2016, 11, 30)),
        ("Deliver CPD", "Team Manager – Workforce Commissioning", date(2016, 12, 1)),
    ]
    assert plan.items[1].own


def test_csv_errors_name_row_and_column():
    text = csv_template() + "1,Item,la x,,1,Act,,M,,2016-13-01,\n"
    with pytest.raises(
        PlanImportError, match="^CSV, row 2, column recommendation: 'la x' is not a recommendation"
    ) as caught:
        from_csv(text)
    assert [str(e) for e in caught.value.errors] == [
        "CSV, row 2, column recommendation: 'la x' is not a recommendation (write 'la 3' or 'lscb 2')",
        "CSV, row 2, column target_date: '2016-13-01' is not a date (use YYYY-MM-DD)",
    ]
    with pytest.raises(PlanImportError, match="CSV, row 1, column item_title: the column is missing"):
        from_csv("item,action\n1,1\n")


def test_not_a_workbook():
    with pytest.raises(PlanImportError, match="not an Excel workbook"):
        from_xlsx(b"plain text")
