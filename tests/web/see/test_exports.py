"""Exports: the summary and the history as CSV and formatted Excel, downloaded through their URLs."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from inspire.core.register import default_register
from tests.web.factories import make_record, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(register):
    store(
        make_record(
            authority="Essex",
            family="sif",
            inspection_start=date(2014, 1, 6),
            inspection_end=date(2014, 1, 30),
            published=date(2014, 3, 11),
            judgements={"overall": "requires_improvement", "lscb": "good"},
            lead_inspector="Old Lead",
        )
    )
    store(
        make_record(
            authority="Essex",
            family="ilacs",
            inspection_start=date(2019, 10, 7),
            inspection_end=date(2019, 10, 18),
            judgements={"overall": "outstanding", "help_and_protection": "outstanding"},
            lead_inspector="Sarah Canto",
            recommendations=[("la", "Improve A."), ("la", "Improve B.")],
        )
    )
    essex = default_register().lookup("Essex")
    neighbour = default_register().by_dfe[essex.stat_neighbours[0]]
    store(make_record(authority=neighbour.name, family="ilacs", judgements={"overall": "inadequate"}))
    return neighbour


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_summary_csv_has_one_row_per_authority_with_its_latest_inspection(client, stored):
    rows = csv_rows(client.get("/exports/summary.csv"))
    assert len(rows) == len(default_register().authorities)
    essex = next(r for r in rows if r["Local authority"] == "Essex")
    entry = default_register().lookup("Essex")
    assert (essex["Ofsted URN"], essex["DfE code"], essex["ONS code"], essex["Region"]) == (
        entry.ofsted_urn,
        entry.dfe_la_code,
        entry.ons_code,
        entry.region_name,
    )
    assert (
        essex["Inspection start"] == "2019-10-07"
        and essex["Inspection end"] == "2019-10-18"
        and essex["Published"] == ""
    )
    assert essex["Overall effectiveness"] == "Outstanding" and essex["Help and protection"] == "Outstanding"
    assert essex["Lead inspector"] == "Sarah Canto"
    assert f"{stored.name}: Inadequate" in essex["Statistical neighbours' latest overall grades"]
    assert "no overall grade" in essex["Statistical neighbours' latest overall grades"]
    others = [r for r in rows if r["Local authority"] not in ("Essex", stored.name)]
    assert {r["Framework"] for r in others} == {"No inspection stored"}


def test_history_csv_has_one_row_per_inspection(client, stored):
    rows = csv_rows(client.get("/exports/history.csv"))
    assert len(rows) == 3
    essex = [r for r in rows if r["Local authority"] == "Essex"]
    assert [r["Inspection start"] for r in essex] == ["2014-01-06", "2019-10-07"]
    assert essex[0]["LSCB"] == "Good" and essex[0]["Published"] == "2014-03-11"
    assert [r["Recommendations"] for r in essex] == ["0", "2"]


@pytest.mark.parametrize("name", ["summary", "history"])
def test_excel_workbook_is_formatted(client, stored, name):
    response = client.get(f"/exports/{name}.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    assert header[0] == "Local authority" and "Inspection start" in header
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["A"].width == 28
    start = header.index("Inspection start") + 1
    dated = [row[start - 1] for row in sheet.iter_rows(min_row=2) if row[start - 1].value is not None]
    assert dated, "some rows have dates"
    for cell in dated:
        assert isinstance(cell.value, datetime) and cell.number_format == "dd mmmm yyyy"
    assert date(2019, 10, 7) in {c.value.date() for c in dated}


def test_unknown_export_is_404(client, register):
    assert client.get("/exports/summary.pdf").status_code == 404
    assert client.get("/exports/other.csv").status_code == 404


SHARED_AREA_COLUMNS = [
    "Overall effectiveness",
    "Help and protection",
    "Children in care",
    "Care leavers",
    "Adoption performance",
    "Leadership",
    "LSCB",
]


@pytest.mark.parametrize("name", ["summary", "history"])
def test_judgement_columns_follow_the_pages_order_of_areas(client, stored, name):
    header = next(csv.reader(io.StringIO(client.get(f"/exports/{name}.csv").content.decode("utf-8-sig"))))
    assert [title for title in header if title in SHARED_AREA_COLUMNS] == SHARED_AREA_COLUMNS
    sheet = load_workbook(io.BytesIO(client.get(f"/exports/{name}.xlsx").content)).active
    assert [cell.value for cell in sheet[1] if cell.value in SHARED_AREA_COLUMNS] == SHARED_AREA_COLUMNS
