from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from inspire.cli import app
from tests.conftest import SHARED

runner = CliRunner()


def test_generate_then_compute(tmp_path):
    out = tmp_path / "annex.xlsx"
    result = runner.invoke(app, ["indicators", "generate", "--seed", "3", "--contacts", "800", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "List 1 800" in result.output
    result = runner.invoke(
        app,
        ["indicators", "compute", str(out), "--start", "2024-04-01", "--end", "2025-03-31", "--population", "20000"],
    )
    assert result.exit_code == 0, result.output
    assert "Re-referrals within 12 months" in result.output
    assert "problems found in the workbook" in result.output


def test_compute_explains_bad_input(tmp_path):
    result = runner.invoke(
        app,
        [
            "indicators",
            "compute",
            str(SHARED / "reference" / "annex_a_sample.xlsx"),
            "--start",
            "2025-03-31",
            "--end",
            "2024-04-01",
        ],
    )
    assert result.exit_code == 2
    assert "the period starts (31 March 2025) after it ends (1 April 2024)" in result.output
    notes = tmp_path / "notes.xlsx"
    notes.write_text("not a workbook")
    result = runner.invoke(app, ["indicators", "compute", str(notes), "--start", "2024-04-01", "--end", "2025-03-31"])
    assert result.exit_code == 2
    assert "not a readable Excel workbook" in result.output and "Hint:" in result.output


@pytest.mark.django_db
def test_import_needs_an_authority_in_the_register():
    result = runner.invoke(
        app, ["indicators", "import", str(SHARED / "reference" / "annex_a_sample.xlsx"), "--authority", "Atlantis"]
    )
    assert result.exit_code == 2
    assert "“Atlantis” is not an authority in the register" in result.output


@pytest.mark.django_db
def test_import_the_reference_sample():
    from inspire.web.measure.models import AnnexAImport

    result = runner.invoke(
        app,
        ["indicators", "import", str(SHARED / "reference" / "annex_a_sample.xlsx"), "--authority", "Southend-on-Sea"],
    )
    assert result.exit_code == 0, result.output
    assert "for Southend-on-Sea: 59 rows, 0 problems" in result.output  # List 11 (5 adopters) included
    assert AnnexAImport.objects.get().authority.name == "Southend-on-Sea"


@pytest.mark.django_db
def test_comparators_loads_a_newer_published_file_and_says_what_changed(tmp_path):
    ees = SHARED / "reference" / "comparators" / "ees"
    result = runner.invoke(app, ["indicators", "comparators", str(ees / "d3_cpps_subsequent_plan_2013_to_2025.csv")])
    assert result.exit_code == 0, result.output
    assert "Repeat child protection plans" in result.output
    # the shipped set (loaded by the database's preparation) holds 2016-2025; the file adds 2013-2015 and
    # London's halves
    assert re.search(r"Repeat child protection plans\s*│\s*492\s*│\s*\d+\s*│\s*1,6\d\d", result.output), result.output
    assert "new," in result.output and "unchanged figures." in result.output
    again = runner.invoke(app, ["indicators", "comparators", str(ees / "d3_cpps_subsequent_plan_2013_to_2025.csv")])
    assert "0 new, 0 changed and 2,132 unchanged figures." in again.output
    other = tmp_path / "neighbours.csv"
    other.write_bytes((ees / "sn_model_2025_wide.csv").read_bytes())
    refused = runner.invoke(app, ["indicators", "comparators", str(other)])
    assert refused.exit_code == 2 and "is not explore-education-statistics data" in refused.output
