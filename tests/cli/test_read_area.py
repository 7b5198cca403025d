"""``inspire read`` on an area inspection prints its own values: outcome, next inspection, lead
inspectors, the date set for the plan (or that none is set) and its items with their kind."""

from __future__ import annotations

from typer.testing import CliRunner

from inspire.cli import app
from tests.conftest import SHARED


def test_read_prints_an_area_send_reports_outcome_and_priority_actions(shared):
    result = CliRunner().invoke(app, ["read", str(SHARED / "corpus" / "area" / "reports" / "aad00470946e.pdf")])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Lancashire — send_2023" in out
    assert "Outcome 3: widespread and/or systemic failings" in out
    assert "Lead inspectors: Sue Eastwood, Dan Carrick" in out
    assert "Plan due: the report sets no date" in out
    assert "Priority action 1." in out and "Area for improvement 1." in out
