"""The CLI turns any application error into its message, its hint and exit code 2, in one place
(inspire/cli/errors.py), whichever command raised it."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from inspire.cli import app
from inspire.core.plans.word_import import NOT_A_PLAN_FILE_HINT


@pytest.mark.parametrize(
    "args, lines",
    [
        (
            ["plan", "word", "{tmp}/notes.docx"],
            [
                "Error: notes.docx: the file is not a Word document that can be opened (BadZipFile)",
                f"Hint: {NOT_A_PLAN_FILE_HINT}",
            ],
        ),
        (
            ["indicators", "compute", "{tmp}/notes.docx", "--start", "2024-04-01", "--end", "2025-03-31"],
            [
                "Error: this is not a readable Excel workbook (.xlsx): File is not a zip file",
                "Hint: Save the return from Excel as an Excel workbook (.xlsx) and try again.",
            ],
        ),
        (
            ["indicators", "compute", "{tmp}/notes.docx", "--start", "2025-03-31", "--end", "2024-04-01"],
            ["Error: the period starts (31 March 2025) after it ends (1 April 2024)"],
        ),
        (["read", "{tmp}/notes.docx"], ["Error: notes.docx: the file is named .docx but contains plain text"]),
    ],
)
def test_an_application_error_is_its_message_hint_and_exit_2(tmp_path, args, lines):
    (tmp_path / "notes.docx").write_bytes(b"not a word file")
    result = CliRunner().invoke(app, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines()[: len(lines)] == lines
    assert "Traceback" not in result.output
