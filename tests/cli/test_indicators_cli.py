from __future__ import annotations

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
    result = runner.invoke(app, ["indicators", "compute", str(out), "--start", "2024-04-01", "--end", "2025-03-31", "--population", "20000"])
    assert result.exit_code == 0, result.output
    assert "Re-referrals within 12 months" in result.output
    assert "problems found in the workbook" in result.output


def test_compute_explains_bad_input(tmp_path):
    result = runner.invoke(app, ["indicators", "compute", str(SHARED / "reference" / "annex_a_sample.xlsx"), "--start", "2025-03-31", "--end", "2024-04-01"])
    assert result.exit_code == 2
    assert "the period starts (31 March 2025) after it ends (1 April 2024)" in result.output
    notes = tmp_path / "notes.xlsx"
    notes.write_text("not a workbook")
    result = runner.invoke(app, ["indicators", "compute", str(notes), "--start", "2024-04-01", "--end", "2025-03-31"])
    assert result.exit_code == 2
    assert "not a readable Excel workbook" in result.output and "Hint:" in result.output


@pytest.mark.django_db
def test_import_needs_an_authority_in_the_register():
    result = runner.invoke(app, ["indicators", "import", str(SHARED / "reference" / "annex_a_sample.xlsx"), "--authority", "Atlantis"])
    assert result.exit_code == 2
    assert "“Atlantis” is not an authority in the register" in result.output


@pytest.mark.django_db
def test_import_the_reference_sample():
    from inspire.web.measure.models import AnnexAImport

    result = runner.invoke(app, ["indicators", "import", str(SHARED / "reference" / "annex_a_sample.xlsx"), "--authority", "Southend-on-Sea"])
    assert result.exit_code == 0, result.output
    assert "for Southend-on-Sea: 59 rows, 0 problems" in result.output  # List 11 (5 adopters) included
    assert AnnexAImport.objects.get().authority.name == "Southend-on-Sea"
